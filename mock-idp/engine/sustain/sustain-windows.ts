import {
  LatencyHistogram,
  type ReplaySustainCheck,
  type ReplaySustainTotals,
  type ReplaySustainVerdict,
  type ReplaySustainWindow,
} from '../../../src/run-contract/index.js';
/**
 * The windows a sustained load is judged by, and the verdict. Each arrival belongs to the window its scheduled time
 * falls in, and everything that becomes of it (sent or missed, its answer, its 429s, its latency) is counted there,
 * whenever the answer comes; a window is summarised and forgotten once its time has passed and its last request has
 * settled, so a load of any length holds a few open windows and one summary per closed one.
 *
 * The rules come from the two documents that name the rate. IPSIE AL SCIM 2.0 Profile §4.3: "The Application MUST
 * enforce rate limits on all SCIM endpoints and must respond with appropriate headers, such as "429 Too Many
 * Requests" and "Retry-After," when limits are exceeded." and "The Application MUST support at least 25 SCIM requests
 * per second." Entra's gallery checklist: "Support at least 25 requests per second per tenant to ensure that users and
 * groups are provisioned and deprovisioned without delay (Required)". Neither says how long, over what window, or what
 * error rate; those are the harness's own choices, named here: 10-second windows, each at least 99% of what was
 * offered, fewer than 0.1% errors overall.
 */

/** The window length: long enough that one slow answer does not decide it, short enough to show a stall. */
export const SUSTAIN_WINDOW_MS = 10_000;

/**
 * The verdict's thresholds: every window achieves at least 99% of what it offered, and fewer than 0.1% of the
 * requests sent are errors.
 */
export const SUSTAIN_THRESHOLDS = { achievedRatio: 0.99, errorRate: 0.001 } as const;

/** What became of one sent arrival, as the windows count it. */
export interface SettledArrival {
  /** `success` (2xx), `error` (5xx, an unexpected 4xx, no answer) or `throttled` (429 after the retries). */
  result: 'success' | 'error' | 'throttled';
  /** The HTTP status, or the network outcome when there was no answer: what an error is counted under. */
  status: string;
  /** 429 answers, every attempt counted. */
  throttled: number;
  /** Of those, the ones without a readable Retry-After. */
  throttledWithoutRetryAfter: number;
  /** Response time, Retry-After waits left out; undefined when there was no answer. */
  latencyMs: number | undefined;
}

/** A window still counting. */
interface OpenWindow {
  readonly index: number;
  offered: number;
  missed: number;
  achieved: number;
  errors: number;
  throttled: number;
  withoutRetryAfter: number;
  maxLagMs: number;
  /** Sent and not settled yet. */
  outstanding: number;
  readonly latency: LatencyHistogram;
}

/** Counts a sustained load window by window; see the module comment. */
export class SustainWindows {
  readonly #windowMs: number;
  readonly #open: OpenWindow[] = [];
  readonly #closed: ReplaySustainWindow[] = [];
  readonly #latency = new LatencyHistogram();
  readonly #errorsByStatus: Record<string, number> = {};
  readonly #onClose: ((window: ReplaySustainWindow) => void) | undefined;
  #next = 0;

  constructor(windowMs = SUSTAIN_WINDOW_MS, onClose?: (window: ReplaySustainWindow) => void) {
    this.#windowMs = windowMs;
    this.#onClose = onClose;
  }

  /** Windows closed so far, in order. */
  get closed(): readonly ReplaySustainWindow[] {
    return this.#closed;
  }

  /** The open window an arrival scheduled `atMs` after the start belongs to (windows come in order). */
  #window(atMs: number): OpenWindow {
    const index = Math.floor(atMs / this.#windowMs + 1e-9);
    for (const window of this.#open) if (window.index === index) return window;
    let window: OpenWindow | undefined;
    while (this.#next <= index) {
      window = {
        index: this.#next++,
        offered: 0,
        missed: 0,
        achieved: 0,
        errors: 0,
        throttled: 0,
        withoutRetryAfter: 0,
        maxLagMs: 0,
        outstanding: 0,
        latency: new LatencyHistogram(),
      };
      this.#open.push(window);
    }
    // An arrival for a window already closed cannot happen: arrivals are offered in schedule order.
    if (window === undefined || window.index !== index)
      throw new Error(`no open window for an arrival at ${atMs} ms`);
    return window;
  }

  /** An arrival was offered: sent (`sent`), or missed because the cap on requests in flight was reached. */
  offer(scheduledMs: number, startedMs: number, sent: boolean): void {
    const window = this.#window(scheduledMs);
    window.offered++;
    window.maxLagMs = Math.max(window.maxLagMs, startedMs - scheduledMs);
    if (sent) window.outstanding++;
    else window.missed++;
  }

  /** A sent arrival settled. */
  settle(scheduledMs: number, settled: SettledArrival): void {
    const window = this.#window(scheduledMs);
    window.outstanding--;
    window.throttled += settled.throttled;
    window.withoutRetryAfter += settled.throttledWithoutRetryAfter;
    if (settled.result === 'success') window.achieved++;
    if (settled.result === 'error') {
      window.errors++;
      this.#errorsByStatus[settled.status] = (this.#errorsByStatus[settled.status] ?? 0) + 1;
    }
    if (settled.latencyMs !== undefined) window.latency.record(settled.latencyMs);
  }

  /**
   * Closes, in order, every open window that ended by `elapsedMs` (schedule time) and has nothing in flight.
   * `endMs` is where the schedule stops: the window holding it is as long as what ran of it.
   */
  close(elapsedMs: number, endMs: number): void {
    for (;;) {
      const window = this.#open[0];
      if (window === undefined) return;
      const startMs = window.index * this.#windowMs;
      const windowEnd = Math.min(startMs + this.#windowMs, endMs);
      if (windowEnd > elapsedMs || window.outstanding > 0) return;
      this.#open.shift();
      this.#latency.add(window.latency);
      const summary: ReplaySustainWindow = {
        startS: startMs / 1000,
        durationS: Math.max(0, windowEnd - startMs) / 1000,
        offered: window.offered,
        achieved: window.achieved,
        missed: window.missed,
        errors: window.errors,
        throttled: window.throttled,
        throttledWithoutRetryAfter: window.withoutRetryAfter,
        maxLagMs: Math.round(window.maxLagMs * 10) / 10,
        latencyMs: window.latency.latency(),
      };
      this.#closed.push(summary);
      this.#onClose?.(summary);
    }
  }

  /** The sums over the closed windows; `operations` is the mix's own count of what it sent. */
  totals(ranS: number, operations: Record<string, number>): ReplaySustainTotals {
    const sum = (key: keyof ReplaySustainWindow) =>
      this.#closed.reduce((total, w) => total + (w[key] as number), 0);
    const offered = sum('offered');
    const missed = sum('missed');
    const achieved = sum('achieved');
    const errors = sum('errors');
    const sent = offered - missed;
    return {
      offered,
      sent,
      achieved,
      missed,
      errors,
      throttled: sum('throttled'),
      throttledWithoutRetryAfter: sum('throttledWithoutRetryAfter'),
      errorRate: sent === 0 ? 0 : errors / sent,
      achievedRps: ranS > 0 ? Math.round((achieved / ranS) * 100) / 100 : 0,
      latencyMs: this.#latency.latency(),
      errorsByStatus: { ...this.#errorsByStatus },
      operations: { ...operations },
    };
  }
}

/** `97.6%`. */
function percent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** `20–30 s`. */
function span(window: ReplaySustainWindow): string {
  return `${window.startS}–${Math.round((window.startS + window.durationS) * 10) / 10} s`;
}

/** Windows named one by one in a reason; more are counted. */
const SHOWN_WINDOWS = 3;

/** What the verdict needs of a load. */
export interface SustainVerdictInput {
  targetRps: number;
  durationS: number;
  ranS: number;
  windowS: number;
  interrupted: boolean;
  series: readonly ReplaySustainWindow[];
  totals: ReplaySustainTotals;
  thresholds?: { achievedRatio: number; errorRate: number };
}

/**
 * Judges a sustained load: the rate was held in every window, errors stayed under the threshold, every 429 carried a
 * readable Retry-After, and the load ran its whole duration. Each rule's detail says what the load came to, in words.
 */
export function sustainVerdict(input: SustainVerdictInput): ReplaySustainVerdict {
  const { series, totals } = input;
  const thresholds = input.thresholds ?? SUSTAIN_THRESHOLDS;
  const ratio = (w: ReplaySustainWindow) => (w.offered === 0 ? 1 : w.achieved / w.offered);
  const short = series.filter((w) => ratio(w) < thresholds.achievedRatio);
  const lowest = series.reduce<ReplaySustainWindow | undefined>(
    (low, w) => (low === undefined || ratio(w) < ratio(low) ? w : low),
    undefined,
  );
  const rate: ReplaySustainCheck =
    series.length === 0
      ? { name: 'rate', held: false, detail: 'no window completed, so no rate was held' }
      : short.length === 0
        ? {
            name: 'rate',
            held: true,
            detail: `achieved at least ${percent(thresholds.achievedRatio, 0)} of the ${input.targetRps} req/s offered in all ${series.length} window(s) of ${input.windowS} s (lowest ${percent(lowest === undefined ? 1 : ratio(lowest))}, ${totals.achievedRps} req/s overall)`,
          }
        : {
            name: 'rate',
            held: false,
            detail: `the ${input.targetRps} req/s rate was not held in ${short.length} of ${series.length} window(s): ${short
              .slice(0, SHOWN_WINDOWS)
              .map(
                (w) =>
                  `${span(w)} achieved ${w.achieved} of ${w.offered} offered (${percent(ratio(w))}${w.missed > 0 ? `, ${w.missed} missed at the in-flight cap` : ''}${w.errors > 0 ? `, ${w.errors} errors` : ''})`,
              )
              .join(
                '; ',
              )}${short.length > SHOWN_WINDOWS ? `; … and ${short.length - SHOWN_WINDOWS} more` : ''}`,
          };
  const byStatus = Object.entries(totals.errorsByStatus)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ');
  const errorsHeld = totals.errorRate < thresholds.errorRate;
  const errors: ReplaySustainCheck = {
    name: 'errors',
    held: errorsHeld,
    detail: `${totals.errors} error(s) in ${totals.sent} request(s) sent (${percent(totals.errorRate, 3)}, ${errorsHeld ? 'under' : 'not under'} ${percent(thresholds.errorRate)})${byStatus === '' ? '' : `: ${byStatus}`}`,
  };
  const without = totals.throttledWithoutRetryAfter;
  const retryAfter: ReplaySustainCheck = {
    name: 'retry-after',
    held: without === 0,
    detail:
      totals.throttled === 0
        ? 'no 429 was answered'
        : without === 0
          ? `every one of ${totals.throttled} 429 answer(s) carried Retry-After`
          : `${without} of ${totals.throttled} 429 answer(s) carried no readable Retry-After`,
  };
  const complete: ReplaySustainCheck = input.interrupted
    ? {
        name: 'complete',
        held: false,
        detail: `interrupted after ${input.ranS} of ${input.durationS} s`,
      }
    : { name: 'complete', held: true, detail: `ran the whole ${input.durationS} s` };
  const checks = [rate, errors, retryAfter, complete];
  const reasons = checks.filter((c) => !c.held).map((c) => c.detail);
  return { held: reasons.length === 0, reasons, checks };
}
