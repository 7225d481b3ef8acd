import { expect, test } from '@playwright/test';
import type { ConformanceResult } from '../run-contract/index.js';
import { mergeResults } from './merge-results.js';
import { sampleConformanceResult } from './test-support/sample-results.js';

/** Splits a result into `n` shards the way `--shard i/n` would, each with its own time window. */
function shard(result: ConformanceResult, n: number): ConformanceResult[] {
  return Array.from({ length: n }, (_, i) => {
    const checks = result.checks.filter((_, j) => j % n === i);
    const start = Date.parse(result.startedAt) + i * 1000;
    return {
      ...result,
      startedAt: new Date(start).toISOString(),
      finishedAt: new Date(start + 5000).toISOString(),
      shard: { index: i + 1, total: n },
      checks,
      summary: { ...result.summary, total: checks.length },
    };
  });
}

test('merging the shards of a run gives back the run: union of checks, recomputed summary, widest times', () => {
  const { result } = sampleConformanceResult();
  const shards = shard(result, 3);
  const merged = mergeResults([shards[2]!, shards[0]!, shards[1]!]);
  expect(merged.checks).toEqual(result.checks);
  expect(merged.summary).toEqual(result.summary);
  expect(merged.startedAt).toBe(shards[0]!.startedAt);
  expect(merged.finishedAt).toBe(shards[2]!.finishedAt);
  expect(merged.shard).toEqual({ index: 1, total: 3, merged: [1, 2, 3] });
});

test('the same check in two shards with the same status is kept once', () => {
  const { result } = sampleConformanceResult({ checks: 10 });
  const merged = mergeResults([result, result]);
  expect(merged.checks).toHaveLength(10);
});

test('shards against the embedded server merge although each had its own server and port', () => {
  const { result } = sampleConformanceResult({ checks: 10 });
  const [a, b] = shard(result, 2);
  const merged = mergeResults([
    { ...a!, target: { url: 'http://127.0.0.1:40001/api/v2/scim', embedded: true } },
    { ...b!, target: { url: 'http://127.0.0.1:40002/api/v2/scim', embedded: true } },
  ]);
  expect(merged.checks).toHaveLength(10);
  expect(merged.target.embedded).toBe(true);
  // Only both embedded: an embedded shard and a tenant are different targets.
  expect(() =>
    mergeResults([
      { ...a!, target: { url: 'http://127.0.0.1:40001/api/v2/scim', embedded: true } },
      { ...b!, target: { url: 'http://127.0.0.1:40002/api/v2/scim' } },
    ]),
  ).toThrow(/ran against/);
});

// [case, how the second result differs, the error]
const CONFLICTS: [string, (r: ConformanceResult) => ConformanceResult, RegExp][] = [
  [
    'another run',
    (r) => ({ ...r, runId: 'run-other' }),
    /result #2 \(run run-other\) does not belong to run/,
  ],
  [
    'another target',
    (r) => ({ ...r, target: { url: 'http://127.0.0.1:9/scim' } }),
    /ran against http:\/\/127\.0\.0\.1:9\/scim/,
  ],
  [
    'another tool version',
    (r) => ({ ...r, tool: { ...r.tool, version: '9.9.9' } }),
    /produced by scim-harness 9\.9\.9/,
  ],
  ['another fail-on', (r) => ({ ...r, failOn: 'should' }), /used fail-on should, not must/],
  [
    'two outcomes for one check',
    (r) => ({
      ...r,
      checks: r.checks.map((c, i) =>
        i === 0 ? { ...c, status: c.status === 'passed' ? 'failed' : 'passed' } : c,
      ),
    }),
    /check \S+ is (passed|failed|skipped|error) in result #1 but (passed|failed) in result #2 .*cannot have two outcomes/,
  ],
];

for (const [name, change, message] of CONFLICTS) {
  test(`merging refuses ${name}`, () => {
    const { result } = sampleConformanceResult({ checks: 12 });
    expect(() => mergeResults([result, change(result)])).toThrow(message);
  });
}

test('merging nothing is refused', () => {
  expect(() => mergeResults([])).toThrow(/nothing to merge/);
});

test('one interrupted shard makes the merged result interrupted, and every profile fails', () => {
  const { result } = sampleConformanceResult({ checks: 10 });
  const [a, b] = shard(result, 2);
  const merged = mergeResults([a!, { ...b!, interrupted: true }]);
  expect(merged.interrupted).toBe(true);
  expect(Object.values(merged.summary.verdicts).every((verdict) => verdict === 'fail')).toBe(true);
  expect(mergeResults([a!, b!])).not.toHaveProperty('interrupted');
});
