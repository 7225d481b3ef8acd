import { HarnessError } from '../src/errors/harness-error.js';

/** What a run of sequential requests took, in milliseconds (latencies) and requests per second. */
export interface LatencySummary {
  /** How many timed requests (warm-up excluded). */
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** count divided by the wall time of the timed loop, which includes the client's own work. */
  requestsPerSecond: number;
}

/**
 * The nearest-rank percentile of ascending samples: the smallest sample that at least `p` percent of the
 * samples do not exceed. Nearest-rank (not interpolation) so a figure is always a latency that was observed.
 * @see https://en.wikipedia.org/wiki/Percentile#The_nearest-rank_method
 */
export function percentile(ascending: readonly number[], p: number): number {
  if (ascending.length === 0) throw new HarnessError('INTERNAL', 'A percentile of no samples was asked for.');
  if (!Number.isFinite(p) || p <= 0 || p > 100) {
    throw new HarnessError('INTERNAL', `A percentile must be in (0, 100], got ${String(p)}.`);
  }
  const rank = Math.ceil((p / 100) * ascending.length);
  return ascending[rank - 1]!;
}

/** Summarises latencies (ms) measured over `wallMs` of sequential requests. */
export function summarizeLatencies(samplesMs: readonly number[], wallMs: number): LatencySummary {
  if (samplesMs.length === 0)
    throw new HarnessError('INTERNAL', 'No latency was measured: nothing to summarise.');
  if (!(wallMs > 0))
    throw new HarnessError('INTERNAL', `The wall time must be positive, got ${String(wallMs)}.`);
  const ascending = [...samplesMs].sort((a, b) => a - b);
  const total = ascending.reduce((sum, sample) => sum + sample, 0);
  return {
    count: ascending.length,
    p50: percentile(ascending, 50),
    p95: percentile(ascending, 95),
    p99: percentile(ascending, 99),
    max: ascending[ascending.length - 1]!,
    mean: total / ascending.length,
    requestsPerSecond: ascending.length / (wallMs / 1000),
  };
}
