import { expect, test } from '@playwright/test';
import { isHarnessError } from '../errors/harness-error.js';
import {
  buildConformanceResult,
  describeVerdict,
  profileOutcome,
  profileVerdict,
} from './build-conformance-result.js';
import type { CheckResult, CheckStatus, FailOn, RequirementLevel, Verdict } from './conformance-result.js';
import { renderMarkdown } from './render-markdown.js';
import { renderTerminalSummary } from './render-terminal.js';
import { sampleConformanceResult } from './test-support/sample-results.js';

function check(id: string, level: RequirementLevel, status: CheckStatus, profiles = ['core']): CheckResult {
  return {
    id,
    title: id,
    category: 'users',
    level,
    rfc: 'RFC 7644 §3.3',
    profiles,
    status,
    message: '',
    evidence: [],
  };
}

const run = {
  runId: 'run-1',
  tool: { name: 'scim-harness', version: '0.1.0' },
  target: { url: 'http://127.0.0.1:8080/scim/v2' },
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:01:00Z',
};

// [case, checks as level:status, failOn, expected verdict of profile core]
const VERDICT_CASES: [string, string[], FailOn, Verdict][] = [
  ['all passed', ['MUST:passed', 'SHOULD:passed'], 'must', 'pass'],
  ['a MUST failure fails', ['MUST:failed', 'SHOULD:passed'], 'must', 'fail'],
  ['a SHOULD failure is tolerated under must', ['MUST:passed', 'SHOULD:failed'], 'must', 'pass'],
  ['a SHOULD failure fails under should', ['MUST:passed', 'SHOULD:failed'], 'should', 'fail'],
  ['a MAY failure never fails', ['MAY:failed'], 'should', 'pass'],
  ['none never fails', ['MUST:failed'], 'none', 'pass'],
  ['a MUST that could not be evaluated fails', ['MUST:error', 'MUST:passed'], 'must', 'fail'],
  ['a SHOULD error is ignored under must', ['SHOULD:error'], 'must', 'pass'],
  ['a SHOULD error fails under should', ['SHOULD:error'], 'should', 'fail'],
  ['a MUST error and a failure fail', ['MUST:error', 'MUST:failed'], 'must', 'fail'],
  ['a MAY error never fails', ['MAY:error'], 'should', 'pass'],
  ['skipped checks do not fail', ['MUST:skipped'], 'must', 'pass'],
  ['no checks at all pass', [], 'must', 'pass'],
];

for (const [name, specs, failOn, expected] of VERDICT_CASES) {
  test(`verdict: ${name}`, () => {
    const checks = specs.map((spec, i) => {
      const [level, status] = spec.split(':') as [RequirementLevel, CheckStatus];
      return check(`c${i}`, level, status);
    });
    expect(profileVerdict(checks, 'core', failOn)).toBe(expected);
    expect(buildConformanceResult({ ...run, profiles: ['core'], failOn, checks }).summary.verdicts.core).toBe(
      expected,
    );
  });
}

test('a failure counts only for the profiles its check names', () => {
  const result = buildConformanceResult({
    ...run,
    checks: [check('a', 'MUST', 'failed', ['entra']), check('b', 'MUST', 'passed', ['core', 'entra'])],
  });
  expect(result.profiles).toEqual(['entra', 'core']);
  expect(result.summary.verdicts).toEqual({ entra: 'fail', core: 'pass' });
});

test('the summary counts every status and the checks come out sorted by id', () => {
  const { result } = sampleConformanceResult({ checks: 150 });
  const byStatus = (status: CheckStatus) => result.checks.filter((c) => c.status === status).length;
  expect(result.summary).toMatchObject({
    total: 150,
    passed: byStatus('passed'),
    failed: byStatus('failed'),
    skipped: byStatus('skipped'),
    errored: byStatus('error'),
  });
  // The sample must exercise every status for the other tests to mean anything.
  for (const status of ['passed', 'failed', 'skipped', 'error'] as const)
    expect(byStatus(status)).toBeGreaterThan(0);
  const ids = result.checks.map((c) => c.id);
  expect(ids).toEqual([...ids].sort());
  expect(result.failOn).toBe('must');
});

test('bad input is refused with a specific error', () => {
  const duplicate = () =>
    buildConformanceResult({ ...run, checks: [check('a', 'MUST', 'passed'), check('a', 'MAY', 'failed')] });
  expect(duplicate).toThrow(/check id a was reported twice/);
  const badDate = () => buildConformanceResult({ ...run, startedAt: 'yesterday', checks: [] });
  expect(badDate).toThrow(/startedAt is not a valid date/);
  const badId = () => buildConformanceResult({ ...run, checks: [check('has space', 'MUST', 'passed')] });
  expect(badId).toThrow(/\/checks\/0\/id must match pattern/);
  try {
    badId();
  } catch (error) {
    expect(isHarnessError(error, 'INTERNAL')).toBe(true);
  }
});

// [case, checks as level:status, failOn, how the summaries word the verdict of profile core]
const WORDING_CASES: [string, string[], FailOn, string][] = [
  ['a pass', ['MUST:passed'], 'must', 'pass'],
  ['a plain failure', ['MUST:failed'], 'must', 'fail'],
  [
    'only checks that could not be evaluated',
    ['MUST:error', 'MUST:error', 'MUST:passed'],
    'must',
    'fail (2 could not be evaluated)',
  ],
  [
    'a failure and an unevaluated check',
    ['MUST:failed', 'MUST:error'],
    'must',
    'fail (1 could not be evaluated)',
  ],
  ['an error below the fail-on level is not counted', ['MUST:failed', 'SHOULD:error'], 'must', 'fail'],
];

for (const [name, specs, failOn, expected] of WORDING_CASES) {
  test(`verdict wording: ${name}`, () => {
    const checks = specs.map((spec, i) => {
      const [level, status] = spec.split(':') as [RequirementLevel, CheckStatus];
      return check(`c${i}`, level, status);
    });
    const result = buildConformanceResult({ ...run, profiles: ['core'], failOn, checks });
    expect(describeVerdict(result, 'core')).toBe(expected);
    const errors = checks.filter((c) => c.status === 'error').length;
    expect(profileOutcome(checks, 'core', failOn)).toMatchObject({
      failed: checks.filter((c) => c.status === 'failed').length,
      unevaluated:
        failOn === 'must' ? checks.filter((c) => c.status === 'error' && c.level === 'MUST').length : errors,
    });
  });
}

test('terminal and markdown summaries say why a profile without failures fails', () => {
  const result = buildConformanceResult({
    ...run,
    profiles: ['core'],
    checks: [check('a', 'MUST', 'error'), check('b', 'MUST', 'passed')],
  });
  expect(result.summary.verdicts.core).toBe('fail');
  expect(renderTerminalSummary(result)).toMatch(/^core +FAIL \(1 could not be evaluated\)/m);
  expect(renderMarkdown(result)).toContain('| `core` | ❌ fail (1 could not be evaluated) |');
});
