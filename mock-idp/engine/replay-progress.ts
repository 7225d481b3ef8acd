import type { RecordedRequest, ScimExchange } from '../../src/http/index.js';

/**
 * The stages a replay reports, in running order. `users`, `groups` and `memberships` are the provisioning
 * part of a cycle and share its count; `waiting` is the pause `intervalMs` asks for before a cycle; `sustain` is a
 * sustained load after the cycles (`done` and `total` in seconds).
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#provisioning-cycles-initial-and-incremental
 */
export const REPLAY_PHASES = [
  'test-connection',
  'users',
  'groups',
  'memberships',
  'convergence',
  'cleanup',
  'waiting',
  'sustain',
] as const;

export type ReplayPhase = (typeof REPLAY_PHASES)[number];

/** Where a replay is, reported to `ReplayOptions.onProgress` as it goes. */
export interface ReplayProgress {
  /** The cycle the stage belongs to: Test Connection to the first, the wait to the cycle it precedes, cleanup to the last that ran. */
  cycle: number;
  cycles: number;
  phase: ReplayPhase;
  /**
   * Work done and planned in the current stage: requests for Test Connection, directory objects for
   * provisioning, reads for convergence, deletions for cleanup, milliseconds for the wait.
   */
  done: number;
  total: number;
  /** Requests answered since the cycle began (cleanup counts its own). */
  requests: number;
  /** Of those, the ones without a response or with an error status a provisioning client would not expect. */
  errors: number;
}

const PROVISIONING_PHASES: readonly ReplayPhase[] = ['users', 'groups', 'memberships'];

/** A PATCH operation on `members`: by path (`"path":"members…"`) or as a key of a path-less value. */
const MEMBERS_OPERATION = /"path"\s*:\s*"members|"members"\s*:/i;

/** Which provisioning phase a request belongs to: by resource type, and a group PATCH that names `members` is a membership change. */
export function provisioningPhaseOf(request: RecordedRequest): 'users' | 'groups' | 'memberships' {
  const path = request.url.split('?')[0] ?? '';
  if (!/\/Groups(\/|$)/.test(path)) return 'users';
  return request.method === 'PATCH' && MEMBERS_OPERATION.test(request.body ?? '') ? 'memberships' : 'groups';
}

/** A failed request for the progress count: no response, or an error status; read-back and cleanup expect 404 for deleted objects. */
function failedExchange(exchange: ScimExchange, phase: ReplayPhase): boolean {
  const status = exchange.response?.status;
  if (exchange.outcome !== 'ok' || status === undefined) return true;
  if (status === 404 && (phase === 'convergence' || phase === 'cleanup')) return false;
  return status >= 400;
}

/** Keeps the counts behind {@link ReplayProgress} and reports each change. */
export class ProgressTracker {
  readonly #report: ((progress: ReplayProgress) => void) | undefined;
  readonly #progress: ReplayProgress;

  constructor(cycles: number, report: ((progress: ReplayProgress) => void) | undefined) {
    this.#report = report;
    this.#progress = {
      cycle: 1,
      cycles,
      phase: 'test-connection',
      done: 0,
      total: 0,
      requests: 0,
      errors: 0,
    };
  }

  /** Starts a stage; a new cycle, the wait and cleanup also start new request counts. */
  stage(phase: ReplayPhase, total: number, cycle = this.#progress.cycle): void {
    const progress = this.#progress;
    if (cycle !== progress.cycle || phase === 'cleanup' || phase === 'waiting' || phase === 'sustain') {
      progress.requests = 0;
      progress.errors = 0;
    }
    Object.assign(progress, { cycle, phase, done: 0, total });
    this.#emit();
  }

  planned(count: number): void {
    if (this.#progress.done + count > this.#progress.total)
      this.#progress.total = this.#progress.done + count;
  }

  advance(done = this.#progress.done + 1): void {
    this.#progress.done = done;
    this.#emit();
  }

  readonly exchange = (exchange: ScimExchange): void => {
    const progress = this.#progress;
    progress.requests++;
    if (failedExchange(exchange, progress.phase)) progress.errors++;
    // Requests checking the target before the first cycle (such as who owns the token) count here too.
    if (progress.phase === 'test-connection') progress.total = Math.max(progress.total, ++progress.done);
    if (PROVISIONING_PHASES.includes(progress.phase)) progress.phase = provisioningPhaseOf(exchange.request);
    this.#emit();
  };

  #emit(): void {
    this.#report?.({ ...this.#progress });
  }
}
