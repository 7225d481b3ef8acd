import {
  LatencyHistogram,
  REPLAY_SCHEMA_VERSION,
  type ReplayCycle,
  type ReplayResult,
} from '../../run-contract/index.js';

/** One cycle of a synthetic shard: its recorded latencies and wall-clock span. */
export interface SyntheticCycle {
  latencies: readonly number[];
  /** Milliseconds since 2026-01-01T00:00:00Z. */
  startMs: number;
  endMs: number;
  converged?: boolean;
}

const EPOCH = Date.parse('2026-01-01T00:00:00Z');

/**
 * The replay.json a shard would write had its cycles recorded `latencies` (each request a `Create` answered 201),
 * for tests of `report merge` that must know every latency behind the percentiles.
 */
export function syntheticReplayShard(
  index: number,
  total: number,
  cycles: readonly SyntheticCycle[],
  options: { runId?: string; seed?: number } = {},
): ReplayResult {
  const replayCycles = cycles.map((cycle, i): ReplayCycle => {
    const histogram = new LatencyHistogram();
    for (const ms of cycle.latencies) histogram.record(ms);
    const durationMs = cycle.endMs - cycle.startMs;
    const converged = cycle.converged ?? true;
    return {
      n: i + 1,
      kind: i === 0 ? 'initial' : 'incremental',
      operations: { Create: { '201': cycle.latencies.length } },
      requests: cycle.latencies.length,
      durationMs,
      latencyMs: histogram.latency(),
      throughputRps: durationMs === 0 ? 0 : Math.round((cycle.latencies.length / durationMs) * 100_000) / 100,
      converged,
      divergences: converged
        ? []
        : [
            {
              object: `User shard-${index}@example.com`,
              attribute: 'displayName',
              expected: 'A',
              found: 'B',
            },
          ],
      quarantined: false,
      latencyHistogram: histogram.toJSON(),
      startedAt: new Date(EPOCH + cycle.startMs).toISOString(),
      finishedAt: new Date(EPOCH + cycle.endMs).toISOString(),
    };
  });
  return {
    schemaVersion: REPLAY_SCHEMA_VERSION,
    runId: options.runId ?? 'replay-merge-1',
    mode: 'compliant',
    seed: options.seed ?? 7,
    cycles: replayCycles,
    quarantine: [],
    shard: { index, total },
    totals: {
      requests: replayCycles.reduce((sum, cycle) => sum + cycle.requests, 0),
      operations: { Create: { '201': replayCycles.reduce((sum, cycle) => sum + cycle.requests, 0) } },
    },
  };
}
