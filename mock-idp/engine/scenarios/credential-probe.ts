/**
 * Probing a credential until the target refuses it: the leaver scenario's measure of how long a user's key outlives
 * the user's deactivation. The probe is a cheap authenticated read (`GET /Users?count=1`, which every SCIM service
 * answers only to a valid credential; `/ServiceProviderConfig` is often public). 401 or 403 is a refusal; a 2xx is
 * acceptance; anything else (5xx, 404, a timeout) is neither: it is counted and the probe tries again at the next
 * interval. A 429 waits as long as `Retry-After` asks, never less than the interval.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 * @see https://www.rfc-editor.org/rfc/rfc6585#section-4
 */
import type { Clock } from '../../../src/http/index.js';

/** What one probe got: the HTTP status, or the network outcome (`timeout`, `network-error`) when none came. */
export interface ProbeAnswer {
  status?: number;
  /** The exchange's outcome, used as the key of {@link ProbeResult.notRefusals} when there is no status. */
  outcome: string;
  /** A 429's `Retry-After`, in milliseconds, when it had a readable one. */
  retryAfterMs?: number;
}

export interface ProbeLoopOptions {
  /** Sends one probe with the credential under test. Must not throw for the target's answer. */
  probe: () => Promise<ProbeAnswer>;
  /** When the deactivation was sent (the clock's time): the budget and the time to refusal count from here. */
  startedAt: number;
  budgetMs: number;
  intervalMs: number;
  clock: Clock;
  signal?: AbortSignal;
}

export interface ProbeResult {
  /** From {@link ProbeLoopOptions.startedAt} to the refusal's answer; null when none came within the budget. */
  revokedAfterMs: number | null;
  /** The refusing status (401 or 403). */
  refusedWith?: number;
  probes: number;
  /** Answers that were neither acceptance nor refusal, by status or outcome (`{"503": 2, "timeout": 1}`). */
  notRefusals: Record<string, number>;
  /** Set when the target's `Retry-After` reached past the budget, so no later probe could be sent within it. */
  stoppedBy?: 'retry-after';
}

/** Whether an answer refuses the credential. */
export function isRefusal(answer: ProbeAnswer): boolean {
  return answer.status === 401 || answer.status === 403;
}

/** Whether an answer accepts the credential. */
export function isAcceptance(answer: ProbeAnswer): boolean {
  return answer.status !== undefined && answer.status >= 200 && answer.status < 300;
}

/**
 * Probes at once, then every `intervalMs`, until a refusal or the budget is spent; the last probe is sent when
 * the budget runs out, so "still accepted" means accepted at the budget's end. Aborting `signal` rejects with its
 * reason (from the clock's sleep).
 */
export async function probeUntilRefused(options: ProbeLoopOptions): Promise<ProbeResult> {
  const { clock, startedAt, budgetMs, intervalMs } = options;
  const deadline = startedAt + budgetMs;
  const notRefusals: Record<string, number> = {};
  let probes = 0;
  for (;;) {
    const answer = await options.probe();
    probes += 1;
    const now = clock.now();
    if (isRefusal(answer)) {
      return {
        revokedAfterMs: Math.max(0, Math.round(now - startedAt)),
        ...(answer.status === undefined ? {} : { refusedWith: answer.status }),
        probes,
        notRefusals,
      };
    }
    if (!isAcceptance(answer)) {
      const key = answer.status === undefined ? answer.outcome : String(answer.status);
      notRefusals[key] = (notRefusals[key] ?? 0) + 1;
    }
    if (now >= deadline) return { revokedAfterMs: null, probes, notRefusals };
    const asked = answer.status === 429 ? (answer.retryAfterMs ?? 0) : 0;
    if (now + asked > deadline)
      return { revokedAfterMs: null, probes, notRefusals, stoppedBy: 'retry-after' };
    await clock.sleep(Math.min(Math.max(intervalMs, asked), deadline - now), options.signal);
  }
}
