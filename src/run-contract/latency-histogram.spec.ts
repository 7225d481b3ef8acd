import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { LatencyHistogram, PRECISION, percentile } from './latency-histogram.js';
import { parseReplayResult } from './replay-result.js';

const PERCENTILES = [0, 1, 50, 90, 95, 99, 99.9, 100];

function histogramOf(values: readonly number[]): LatencyHistogram {
  const histogram = new LatencyHistogram();
  for (const value of values) histogram.record(value);
  return histogram;
}

/** Latencies as a replay sees them: mostly a few ms to a few hundred, now and then a slow one. */
const latency = fc.oneof(
  fc.double({ min: 0, max: 5, noNaN: true }),
  fc.double({ min: 0, max: 500, noNaN: true }),
  fc.double({ min: 0, max: 60_000, noNaN: true }),
);

test('merging histograms gives exactly the histogram of all their values', () => {
  fc.assert(
    fc.property(fc.array(fc.array(latency, { maxLength: 200 }), { minLength: 1, maxLength: 5 }), (parts) => {
      const merged = new LatencyHistogram();
      for (const part of parts) merged.add(histogramOf(part));
      const whole = histogramOf(parts.flat());
      expect(merged.toJSON()).toEqual(whole.toJSON());
      for (const p of PERCENTILES) expect(merged.percentile(p)).toBe(whole.percentile(p));
    }),
  );
});

test('a percentile is within the stated precision of the exact nearest-rank percentile', () => {
  fc.assert(
    fc.property(fc.array(latency, { minLength: 1, maxLength: 500 }), (values) => {
      const histogram = histogramOf(values);
      const sorted = Float64Array.from(values).sort();
      for (const p of PERCENTILES) {
        const exact = percentile(sorted, p);
        const bound = exact * PRECISION.relative + PRECISION.absoluteMs + 1e-9;
        expect(Math.abs(histogram.percentile(p) - exact)).toBeLessThanOrEqual(bound);
      }
    }),
  );
});

test('values up to 2.56 ms are exact to the 0.01 ms replay.json rounds to', () => {
  const values = [0, 0.004, 0.005, 0.3, 1.005, 1.25, 2.55];
  const sorted = Float64Array.from(values).sort();
  const histogram = histogramOf(values);
  for (const p of PERCENTILES) expect(histogram.percentile(p)).toBe(percentile(sorted, p));
});

test('an empty histogram reads 0, and a JSON round trip keeps every count', () => {
  expect(new LatencyHistogram().latency()).toEqual({ p50: 0, p95: 0, p99: 0 });
  const histogram = histogramOf([1, 2, 3, 250, 4000, 4000, 90_000]);
  const json = JSON.parse(JSON.stringify(histogram.toJSON()));
  expect(LatencyHistogram.fromJSON(json).toJSON()).toEqual(histogram.toJSON());
  expect(json.count).toBe(7);
});

test('the replay schema accepts a cycle with a histogram and rejects a malformed one', () => {
  const cycle = {
    n: 1,
    kind: 'initial',
    operations: {},
    requests: 2,
    durationMs: 5,
    latencyMs: { p50: 1, p95: 2, p99: 2 },
    throughputRps: 400,
    converged: true,
    divergences: [],
    quarantined: false,
    latencyHistogram: histogramOf([1, 2]).toJSON(),
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:00.005Z',
  };
  const replay = { schemaVersion: 1, runId: 'h', mode: 'compliant', seed: 1, cycles: [cycle] };
  expect(parseReplayResult(replay).cycles[0]?.latencyHistogram?.count).toBe(2);
  const bad = {
    ...replay,
    cycles: [{ ...cycle, latencyHistogram: { ...cycle.latencyHistogram, buckets: { x: 1 } } }],
  };
  expect(() => parseReplayResult(bad)).toThrow(/not a valid replay result/);
});
