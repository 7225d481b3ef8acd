import type { ReplayPhase, ReplayProgress } from '../../../mock-idp/engine/index.js';
import type { ReplayCycle } from '../../run-contract/index.js';
import type { OutputStream } from '../cli-io.js';

/** The part of a `cli-progress` bar the view drives; `SingleBar` fits it, tests pass a recorder. */
export interface ProgressBar {
  start(total: number, startValue: number, payload?: object): void;
  update(current: number, payload?: object): void;
  setTotal(total: number): void;
  stop(): void;
}

/** What the bar shows beside its value and total (the `{…}` fields of {@link BAR_FORMAT}). */
export interface BarPayload {
  cycle: string;
  phase: string;
  rps: string;
  errors: number;
}

/** The bar's layout, in cli-progress format tokens. */
export const BAR_FORMAT = 'cycle {cycle} {phase} |{bar}| {value}/{total} | {rps} req/s | {errors} errors';

/** How each phase reads on screen; a new phase that is not named here fails to compile. */
export const PHASE_LABELS = {
  'test-connection': 'test connection',
  users: 'users',
  groups: 'groups',
  memberships: 'memberships',
  convergence: 'read-back',
  cleanup: 'cleanup',
  waiting: 'waiting (s)',
  sustain: 'sustained load (s)',
} as const satisfies Record<ReplayPhase, string>;

/** Options of {@link ReplayProgressView}. */
export interface ReplayProgressViewOptions {
  /** Where lines go (stderr). */
  stream: OutputStream;
  /** Given on a terminal: progress is drawn on this bar instead of written as lines. */
  bar?: ProgressBar;
  /** Milliseconds, monotonic; injected so that tests drive the throttling. */
  now: () => number;
  /** Every line passes through this before it is written (the run's secret registry). */
  redact: (text: string) => string;
  /** A plain progress line at most this often. Default 5000. */
  lineIntervalMs?: number;
  /** While waiting between cycles, a plain line at most this often. Default 60000. */
  waitLineIntervalMs?: number;
}

/** Waits report milliseconds; they are shown in seconds. */
function shown(progress: ReplayProgress): { value: number; total: number } {
  return progress.phase === 'waiting'
    ? { value: Math.floor(progress.done / 1000), total: Math.ceil(progress.total / 1000) }
    : { value: progress.done, total: progress.total };
}

function formatRate(rps: number): string {
  return rps >= 10 ? String(Math.round(rps)) : rps.toFixed(1);
}

/**
 * Shows a replay's progress: a bar on a terminal, otherwise a plain line at most every few seconds (once a
 * minute while waiting between cycles), and always the one-line summary of each finished cycle and the
 * start of each wait. Only counts and phase names are ever shown, and
 * every line is redacted besides.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#provisioning-cycles-initial-and-incremental
 */
export class ReplayProgressView {
  readonly #options: ReplayProgressViewOptions;
  #barRunning = false;
  #lastLineAt: number | undefined;
  #announcedWait: number | undefined;
  #segment = '';
  #segmentStart = 0;

  constructor(options: ReplayProgressViewOptions) {
    this.#options = options;
  }

  /** Takes one progress report from the engine (`ReplayOptions.onProgress`). */
  readonly progress = (progress: ReplayProgress): void => {
    const now = this.#options.now();
    // Requests per second over the stretch the engine counts them for: one cycle, a wait, or cleanup.
    const segment =
      progress.phase === 'waiting' || progress.phase === 'cleanup' || progress.phase === 'sustain'
        ? `${progress.phase} ${progress.cycle}`
        : `cycle ${progress.cycle}`;
    if (segment !== this.#segment) {
      this.#segment = segment;
      this.#segmentStart = now;
    }
    const seconds = (now - this.#segmentStart) / 1000;
    const rps = seconds > 0 ? progress.requests / seconds : 0;
    const { bar } = this.#options;
    if (bar !== undefined) this.#draw(bar, progress, rps);
    else this.#line(progress, rps, now);
  };

  /** Writes the summary of a finished cycle. */
  readonly cycle = (cycle: ReplayCycle): void => {
    this.note(formatCycleLine(cycle));
  };

  /** Writes a line without tearing the bar: the bar is cleared and comes back with the next report. */
  note(text: string): void {
    this.#pauseBar();
    this.#write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Takes the bar off the screen; call it on every way out (success, error, Ctrl-C). Safe to repeat. */
  stop(): void {
    this.#pauseBar();
  }

  #pauseBar(): void {
    if (!this.#barRunning) return;
    this.#barRunning = false;
    this.#options.bar?.stop();
  }

  #draw(bar: ProgressBar, progress: ReplayProgress, rps: number): void {
    const { value, total } = shown(progress);
    const payload: BarPayload = {
      cycle: `${progress.cycle}/${progress.cycles}`,
      phase: PHASE_LABELS[progress.phase],
      rps: formatRate(rps),
      errors: progress.errors,
    };
    if (!this.#barRunning) {
      this.#barRunning = true;
      bar.start(total, value, payload);
      return;
    }
    bar.setTotal(total);
    bar.update(value, payload);
  }

  #line(progress: ReplayProgress, rps: number, now: number): void {
    const waiting = progress.phase === 'waiting';
    const every = waiting
      ? (this.#options.waitLineIntervalMs ?? 60_000)
      : (this.#options.lineIntervalMs ?? 5000);
    // The start of a wait is said at once, like a cycle's summary: a log would otherwise look stuck.
    const waitStarts = waiting && this.#announcedWait !== progress.cycle;
    if (waitStarts) this.#announcedWait = progress.cycle;
    else if (this.#lastLineAt !== undefined && now - this.#lastLineAt < every) return;
    this.#lastLineAt = now;
    const { value, total } = shown(progress);
    this.#write(
      waiting
        ? `replay: cycle ${progress.cycle}/${progress.cycles} starts in ${total - value} s\n`
        : `replay: cycle ${progress.cycle}/${progress.cycles} ${PHASE_LABELS[progress.phase]} ${value}/${total}, ${formatRate(rps)} req/s, ${progress.errors} errors\n`,
    );
  }

  #write(text: string): void {
    this.#options.stream.write(this.#options.redact(text));
  }
}

/** One summary line per cycle (the run is usually piped to a log). */
export function formatCycleLine(cycle: ReplayCycle): string {
  const ops = Object.entries(cycle.operations)
    .map(([action, byStatus]) => `${action} ${Object.values(byStatus).reduce((a, b) => a + b, 0)}`)
    .join(', ');
  const state = cycle.quarantined
    ? 'QUARANTINED'
    : cycle.converged
      ? 'converged'
      : `${cycle.divergences.length} divergences`;
  return `cycle ${cycle.n} (${cycle.kind}): ${cycle.requests} requests in ${cycle.durationMs} ms, ${cycle.throughputRps} req/s, p95 ${cycle.latencyMs.p95} ms; ${ops || 'no changes'}; ${state}\n`;
}

/** Cycles named one by one in the replay's last line; more are counted. */
const MAX_UNSETTLED_SHOWN = 5;

/**
 * What the replay's last line says of its cycles: that every one converged and none ended quarantined, or which did
 * not, each with both facts (either one fails the replay, and they call for different fixes).
 */
export function describeCycleOutcomes(
  cycles: readonly Pick<ReplayCycle, 'n' | 'converged' | 'quarantined'>[],
): string {
  const unsettled = cycles.filter((cycle) => !cycle.converged || cycle.quarantined);
  if (unsettled.length === 0) return 'all converged';
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  const named = unsettled
    .slice(0, MAX_UNSETTLED_SHOWN)
    .map((c) => `cycle ${c.n} converged: ${yesNo(c.converged)}, quarantined: ${yesNo(c.quarantined)}`);
  if (unsettled.length > MAX_UNSETTLED_SHOWN)
    named.push(`… and ${unsettled.length - MAX_UNSETTLED_SHOWN} more`);
  return `${unsettled.length} NOT converged or quarantined (${named.join('; ')})`;
}
