import { expect, test } from '@playwright/test';
import { type CheckStatus, parseConformanceResult } from '../run-contract/index.js';
import { buildConformanceResult } from './build-conformance-result.js';
import { type BaselineComparison, compareWithBaseline } from './compare-baseline.js';
import { TEST_RUN } from './test-support/sample-results.js';

function resultOf(statuses: Record<string, CheckStatus>) {
  return buildConformanceResult({
    ...TEST_RUN,
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

// [baseline status, current status, the lists the check lands in (none when empty)]
const TRANSITIONS: [CheckStatus | undefined, CheckStatus | undefined, (keyof BaselineComparison)[] | null][] =
  [
    ['passed', 'failed', ['regressions']],
    ['skipped', 'failed', ['regressions']],
    // The target declines what it used to do: a regression, like a failure, and named as declined.
    ['passed', 'unsupported', ['regressions', 'declined']],
    // Declined before, offered and broken now.
    ['unsupported', 'failed', ['regressions']],
    ['skipped', 'unsupported', null],
    ['failed', 'unsupported', null],
    ['unsupported', 'passed', null],
    ['unsupported', 'unsupported', null],
    ['unsupported', 'error', ['errored']],
    [undefined, 'unsupported', ['new']],
    ['failed', 'passed', ['fixed']],
    ['passed', 'error', ['errored']],
    ['failed', 'error', ['errored']],
    ['skipped', 'error', ['errored']],
    [undefined, 'failed', ['new']],
    [undefined, 'passed', ['new']],
    ['passed', undefined, ['removed']],
    ['passed', 'passed', null],
    ['failed', 'failed', null],
    ['error', 'error', null],
    ['error', 'failed', null],
    ['error', 'passed', null],
    ['failed', 'skipped', null],
  ];

for (const [before, after, lists] of TRANSITIONS) {
  test(`baseline ${before ?? 'absent'} → now ${after ?? 'absent'} lands in ${lists?.join(' and ') ?? 'no list'}`, () => {
    const baseline = resultOf({ other: 'passed', ...(before ? { x: before } : {}) });
    const current = resultOf({ other: 'passed', ...(after ? { x: after } : {}) });
    const comparison = compareWithBaseline(current, baseline);
    for (const key of ['regressions', 'declined', 'fixed', 'errored', 'new', 'removed'] as const) {
      expect(comparison[key], key).toEqual(lists?.includes(key) ? ['x'] : []);
    }
  });
}

test('lists are sorted and hold every moved check', () => {
  const comparison = compareWithBaseline(
    resultOf({ b: 'failed', a: 'failed', c: 'passed' }),
    resultOf({ b: 'passed', a: 'passed', c: 'failed' }),
  );
  expect(comparison).toEqual({
    regressions: ['a', 'b'],
    declined: [],
    fixed: ['c'],
    errored: [],
    new: [],
    removed: [],
  });
});

test('a version-1 baseline (no unsupported status) compares with a version-2 run', () => {
  const v1 = JSON.parse(JSON.stringify(resultOf({ a: 'passed', b: 'passed', c: 'failed' })));
  v1.schemaVersion = 1;
  delete v1.summary.unsupported;
  const baseline = parseConformanceResult(v1, 'baseline.json');
  const comparison = compareWithBaseline(resultOf({ a: 'unsupported', b: 'failed', c: 'passed' }), baseline);
  expect(comparison.regressions).toEqual(['a', 'b']);
  expect(comparison.declined).toEqual(['a']);
  expect(comparison.fixed).toEqual(['c']);
});
