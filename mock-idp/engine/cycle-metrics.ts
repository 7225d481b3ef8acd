import {
  LatencyHistogram,
  percentile,
  type ReplayCycle,
  type ReplayCycleKind,
} from '../../src/run-contract/index.js';

/**
 * Counts and latencies of one cycle; latencies are kept as numbers only, never exchanges. The cycle's percentiles
 * are exact (from the sorted values); its histogram ({@link LatencyHistogram}) is written beside them so that the
 * shards of one replay can be merged by `report merge`, as are its wall-clock start and end.
 */
export class CycleMetrics {
  readonly operations: Record<string, Record<string, number>> = {};
  readonly startedAt = performance.now();
  readonly #startedAtWall = new Date();
  readonly #histogram = new LatencyHistogram();
  failures = 0;
  events = 0;
  #latencies = new Float64Array(1024);
  #requests = 0;

  request(durationMs: number): void {
    if (this.#requests === this.#latencies.length) {
      const grown = new Float64Array(this.#latencies.length * 2);
      grown.set(this.#latencies);
      this.#latencies = grown;
    }
    this.#latencies[this.#requests++] = durationMs;
    this.#histogram.record(durationMs);
  }

  operation(action: string, status: string, failed: boolean): void {
    this.operations[action] ??= {};
    const byStatus = this.operations[action];
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    this.events++;
    if (failed) this.failures++;
  }

  toCycle(n: number, kind: ReplayCycleKind, quarantined: boolean): ReplayCycle {
    const durationMs = Math.round(performance.now() - this.startedAt);
    const sorted = this.#latencies.slice(0, this.#requests).sort();
    return {
      n,
      kind,
      operations: this.operations,
      requests: this.#requests,
      durationMs,
      latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) },
      throughputRps: durationMs === 0 ? 0 : Math.round((this.#requests / durationMs) * 100_000) / 100,
      converged: true,
      divergences: [],
      quarantined,
      latencyHistogram: this.#histogram.toJSON(),
      startedAt: this.#startedAtWall.toISOString(),
      finishedAt: new Date(this.#startedAtWall.getTime() + durationMs).toISOString(),
    };
  }
}
