import { expect, test } from '@playwright/test';
import { type CheckResult, parseConformanceResult, parseReplayResult } from '../run-contract/index.js';
import { buildConformanceResult, describeVerdict, profileOutcome } from './build-conformance-result.js';
import { INTERRUPTED_NOTICE, isInterrupted, markInterrupted } from './interrupted-run.js';
import { sampleReplayResult, TEST_RUN } from './test-support/sample-results.js';

const passed: CheckResult = {
  id: 'users.create',
  title: 'create',
  category: 'users',
  level: 'MUST',
  rfc: 'RFC 7644 §3.3',
  profiles: ['core', 'entra'],
  status: 'passed',
  message: '',
  evidence: [],
};

test('an interrupted run fails every profile, even one whose checks all passed, and says why', () => {
  const result = buildConformanceResult({ ...TEST_RUN, interrupted: true, checks: [passed] });
  expect(result.interrupted).toBe(true);
  expect(result.summary.verdicts).toEqual({ core: 'fail', entra: 'fail' });
  expect(describeVerdict(result, 'core')).toBe('fail (run interrupted)');
  expect(profileOutcome(result.checks, 'core', 'must', true)).toEqual({
    verdict: 'fail',
    failed: 0,
    unevaluated: 0,
    unsupported: 0,
    interrupted: true,
  });
  expect(isInterrupted(result)).toBe(true);
});

test('a run that ended by itself carries no mark and keeps its verdicts', () => {
  const result = buildConformanceResult({ ...TEST_RUN, checks: [passed] });
  expect(result).not.toHaveProperty('interrupted');
  expect(result.summary.verdicts).toEqual({ core: 'pass', entra: 'pass' });
  expect(isInterrupted(result)).toBe(false);
});

test('markInterrupted marks a copy, fails its verdicts and keeps fields it does not know', () => {
  const done = { ...buildConformanceResult({ ...TEST_RUN, checks: [passed] }), sweep: { left: 0 } };
  const marked = markInterrupted(done);
  expect(marked).toMatchObject({ interrupted: true, sweep: { left: 0 } });
  expect(marked.summary.verdicts).toEqual({ core: 'fail', entra: 'fail' });
  expect(done.summary.verdicts).toEqual({ core: 'pass', entra: 'pass' });
  expect(parseConformanceResult(JSON.parse(JSON.stringify(marked)))).toMatchObject({ interrupted: true });
});

test('the schema reads `interrupted` in version 2 and in a version-1 file, and refuses a non-boolean', () => {
  const v2 = JSON.parse(
    JSON.stringify(buildConformanceResult({ ...TEST_RUN, interrupted: true, checks: [] })),
  );
  expect(parseConformanceResult(v2).interrupted).toBe(true);
  const { unsupported: _, ...summary } = v2.summary;
  expect(parseConformanceResult({ ...v2, schemaVersion: 1, summary })).toMatchObject({
    schemaVersion: 2,
    interrupted: true,
  });
  expect(() => parseConformanceResult({ ...v2, interrupted: 'yes' })).toThrow(
    /\/interrupted must be boolean/,
  );
});

test('replay.json may say it was interrupted', () => {
  const replay = { ...sampleReplayResult(), interrupted: true };
  expect(parseReplayResult(JSON.parse(JSON.stringify(replay))).interrupted).toBe(true);
  expect(() => parseReplayResult({ ...replay, interrupted: 1 })).toThrow(/\/interrupted must be boolean/);
  expect(INTERRUPTED_NOTICE).toMatch(/^INTERRUPTED: .*do not use it as a baseline\.$/);
});
