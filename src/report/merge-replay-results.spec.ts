import { expect, test } from '@playwright/test';
import { LatencyHistogram, parseReplayResult } from '../run-contract/index.js';
import { mergeReplayResults } from './merge-replay-results.js';
import { syntheticReplayShard } from './test-support/replay-shards.js';

/** Deterministic latencies with a long tail: shard `k` draws its own. */
function latencies(k: number, count: number): number[] {
  let state = 1234 + k * 7919;
  const next = () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
  return Array.from({ length: count }, () => {
    const u = next();
    return Math.round((u < 0.9 ? 2 + u * 40 : 50 + next() * 3000) * 1000) / 1000;
  });
}

const RECORDED = [
  [latencies(1, 400), latencies(11, 120)],
  [latencies(2, 250), latencies(12, 90)],
  [latencies(3, 330), latencies(13, 60)],
];

/** Cycle spans (ms since the epoch) of each shard: they overlap, and shard 3 ends last. */
const SPANS = [
  [
    [0, 4000],
    [10_000, 11_000],
  ],
  [
    [500, 3500],
    [10_200, 11_500],
  ],
  [
    [200, 5000],
    [9_800, 10_900],
  ],
];

function shards(converged: (index: number, cycle: number) => boolean = () => true) {
  return RECORDED.map((cycles, i) =>
    syntheticReplayShard(
      i + 1,
      3,
      cycles.map((values, c) => ({
        latencies: values,
        startMs: SPANS[i]?.[c]?.[0] ?? 0,
        endMs: SPANS[i]?.[c]?.[1] ?? 0,
        converged: converged(i + 1, c + 1),
      })),
    ),
  );
}

test('3 shards merge into the percentiles of one histogram over all their latencies', () => {
  const merged = parseReplayResult(JSON.parse(JSON.stringify(mergeReplayResults(shards()))));
  expect(merged.shard).toEqual({ index: 1, total: 3, merged: [1, 2, 3] });
  for (const [c, cycle] of merged.cycles.entries()) {
    const all = RECORDED.flatMap((shard) => shard[c] ?? []);
    const single = new LatencyHistogram();
    for (const ms of all) single.record(ms);
    expect(cycle.latencyMs).toEqual(single.latency());
    expect(cycle.latencyHistogram).toEqual(single.toJSON());
    expect(cycle.requests).toBe(all.length);
    expect(cycle.operations).toEqual({ Create: { '201': all.length } });
  }
  expect(merged.totals?.requests).toBe(RECORDED.flat(2).length);
});

test('throughput is over the union of the shards’ time: earliest start to latest end of each cycle', () => {
  const merged = mergeReplayResults(shards());
  const [first, second] = merged.cycles;
  // Cycle 1 spans 0 to 5000 ms, cycle 2 from 9800 to 11 500 ms.
  expect(first?.durationMs).toBe(5000);
  expect(first?.startedAt).toBe('2026-01-01T00:00:00.000Z');
  expect(first?.finishedAt).toBe('2026-01-01T00:00:05.000Z');
  expect(first?.throughputRps).toBe(Math.round(((400 + 250 + 330) / 5000) * 100_000) / 100);
  expect(second?.durationMs).toBe(1700);
  expect(second?.throughputRps).toBe(Math.round(((120 + 90 + 60) / 1700) * 100_000) / 100);
});

test('a cycle converges only when it converged in every shard; divergences name their shard', () => {
  expect(mergeReplayResults(shards()).cycles.every((cycle) => cycle.converged)).toBe(true);
  const merged = mergeReplayResults(shards((index, cycle) => !(index === 2 && cycle === 2)));
  expect(merged.cycles.map((cycle) => cycle.converged)).toEqual([true, false]);
  expect(merged.cycles[1]?.divergences).toEqual([
    expect.objectContaining({ object: 'User shard-2@example.com', shard: 2 }),
  ]);
});

test('refuses shards of another run, another seed, or written without histograms', () => {
  const [one, two] = shards();
  if (!one || !two) throw new Error('shards');
  expect(() => mergeReplayResults([one, { ...two, runId: 'other' }])).toThrow(
    /does not belong to run replay-merge-1/,
  );
  expect(() => mergeReplayResults([one, { ...two, seed: 8 }])).toThrow(/has seed 8, not 7/);
  const old = { ...two, cycles: two.cycles.map(({ latencyHistogram: _h, ...cycle }) => cycle) };
  expect(() => mergeReplayResults([one, old])).toThrow(/no latency histogram/);
});

test("shards of Okta's client merge as Okta's, and never with Entra's", () => {
  const [one, two] = shards();
  if (!one || !two) throw new Error('shards');
  const okta = { idp: 'okta', clientVariant: 'aiw', mode: 'aiw' };
  const merged = mergeReplayResults([
    { ...one, ...okta },
    { ...two, ...okta },
  ]);
  expect([merged.idp, merged.clientVariant]).toEqual(['okta', 'aiw']);
  // A replay.json from before `idp` existed is Entra's.
  expect(() => mergeReplayResults([one, { ...two, ...okta, mode: one.mode }])).toThrow(
    /replayed okta's client, not entra's/,
  );
});
