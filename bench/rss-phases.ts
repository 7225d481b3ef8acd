/**
 * Peak resident set size of one process, phase by phase: a sampler feeds RSS readings, `mark` closes the
 * current phase with the process's peak so far (getrusage maxrss, which a sampler can miss between readings)
 * and its heap. Pure apart from the clock and readings it is given, so the arithmetic is testable.
 */

/** MB are decimal (300 MB = 300 000 000 bytes), the stricter reading of a target in MB. */
export const MB = 1_000_000;

/** The target for the replay process at 100k users. */
export const REPLAY_PEAK_RSS_TARGET_MB = 300;

/** One closed phase. */
export interface RssPhase {
  readonly name: string;
  readonly seconds: number;
  /** The largest sampled RSS while the phase ran (the reading at `mark` included). */
  readonly sampledPeakBytes: number;
  /** getrusage maxrss when the phase closed: the process's peak since it started. */
  readonly peakSoFarBytes: number;
  readonly heapUsedBytes: number;
}

/** A process's memory at one moment, in bytes. */
export interface MemoryReading {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly peakRssBytes: number;
}

/** Collects phases from RSS samples and marks. */
export class RssPhases {
  readonly phases: RssPhase[] = [];
  #startedMs: number;
  #sampledPeak = 0;

  constructor(nowMs: number) {
    this.#startedMs = nowMs;
  }

  /** One RSS reading, in bytes. */
  sample(rssBytes: number): void {
    if (rssBytes > this.#sampledPeak) this.#sampledPeak = rssBytes;
  }

  /** Closes the current phase under `name` and starts the next one. */
  mark(name: string, nowMs: number, reading: MemoryReading): RssPhase {
    this.sample(reading.rssBytes);
    const phase: RssPhase = {
      name,
      seconds: (nowMs - this.#startedMs) / 1000,
      sampledPeakBytes: this.#sampledPeak,
      peakSoFarBytes: reading.peakRssBytes,
      heapUsedBytes: reading.heapUsedBytes,
    };
    this.phases.push(phase);
    this.#startedMs = nowMs;
    this.#sampledPeak = 0;
    return phase;
  }

  /** The process's peak over every phase (the largest of maxrss and any sample). */
  get peakBytes(): number {
    let peak = 0;
    for (const phase of this.phases) peak = Math.max(peak, phase.peakSoFarBytes, phase.sampledPeakBytes);
    return peak;
  }
}

/** Bytes as decimal MB with one decimal. */
export function formatMb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** The phase table and the verdict against a peak target in MB. */
export function renderRssPhases(
  phases: readonly RssPhase[],
  peakBytes: number,
  targetMb: number,
  subject: string,
): string[] {
  return [
    '| phase | s | peak RSS in phase (sampled) | peak RSS so far (maxrss) | heapUsed at end |',
    '| ----- | -: | --------------------------: | -----------------------: | --------------: |',
    ...phases.map(
      (phase) =>
        `| ${phase.name} | ${phase.seconds.toFixed(1)} | ${formatMb(phase.sampledPeakBytes)} | ${formatMb(phase.peakSoFarBytes)} | ${formatMb(phase.heapUsedBytes)} |`,
    ),
    '',
    '| target | measured | limit | verdict |',
    '| ------ | -------: | ----: | ------- |',
    `| ${subject} | ${formatMb(peakBytes)} | ≤ ${targetMb} MB | ${peakBytes <= targetMb * MB ? '✅ met' : '❌ not met'} |`,
  ];
}
