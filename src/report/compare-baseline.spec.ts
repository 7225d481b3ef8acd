import { expect, test } from '@playwright/test';
import { buildConformanceResult } from './build-conformance-result.js';
import { type BaselineComparison, compareWithBaseline } from './compare-baseline.js';
import type { CheckStatus } from './conformance-result.js';

function resultOf(statuses: Record<string, CheckStatus>) {
  return buildConformanceResult({
    runId: 'r',
    tool: { name: 'scim-harness', version: '0.1.0' },
    target: { url: 'http://127.0.0.1:1/scim' },
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:00:01Z',
    checks: Object.entries(statuses).map(([id, status]) => ({
      id,
      title: id,
      category: 'users',
      level: 'MUST' as const,
      rfc: 'RFC 7644 §3.3',
      profiles: ['core'],
      status,
      message: '',
      evidence: [],
    })),
  });
}

// [baseline status, current status, the list the check lands in (or none)]
const TRANSITIONS: [CheckStatus | undefined, CheckStatus | undefined, keyof BaselineComparison | null][] = [
  ['passed', 'failed', 'regressions'],
  ['skipped', 'failed', 'regressions'],
  ['failed', 'passed', 'fixed'],
  ['passed', 'error', 'errored'],
  ['failed', 'error', 'errored'],
  ['skipped', 'error', 'errored'],
  [undefined, 'failed', 'new'],
  [undefined, 'passed', 'new'],
  ['passed', undefined, 'removed'],
  ['passed', 'passed', null],
  ['failed', 'failed', null],
  ['error', 'error', null],
  ['error', 'failed', null],
  ['error', 'passed', null],
  ['failed', 'skipped', null],
];

for (const [before, after, list] of TRANSITIONS) {
  test(`baseline ${before ?? 'absent'} → now ${after ?? 'absent'} lands in ${list ?? 'no list'}`, () => {
    const baseline = resultOf({ other: 'passed', ...(before ? { x: before } : {}) });
    const current = resultOf({ other: 'passed', ...(after ? { x: after } : {}) });
    const comparison = compareWithBaseline(current, baseline);
    for (const key of ['regressions', 'fixed', 'errored', 'new', 'removed'] as const) {
      expect(comparison[key], key).toEqual(key === list ? ['x'] : []);
    }
  });
}

test('lists are sorted and hold every moved check', () => {
  const comparison = compareWithBaseline(
    resultOf({ b: 'failed', a: 'failed', c: 'passed' }),
    resultOf({ b: 'passed', a: 'passed', c: 'failed' }),
  );
  expect(comparison).toEqual({ regressions: ['a', 'b'], fixed: ['c'], errored: [], new: [], removed: [] });
});
