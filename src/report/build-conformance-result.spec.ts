import { expect, test } from '@playwright/test';
import { isHarnessError } from '../errors/harness-error.js';
import {
  CHECK_STATUSES,
  type CheckResult,
  type CheckStatus,
  type FailOn,
  type RequirementLevel,
  type Verdict,
} from '../run-contract/index.js';
import {
  buildConformanceResult,
  describeVerdict,
  profileOutcome,
  profileVerdict,
} from './build-conformance-result.js';
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

/**
 * `LEVEL:status`, or `LEVEL:unsupported:needed` (profile core needs the feature) / `LEVEL:unsupported:optional`
 * (no profile does).
 */
function fromSpec(spec: string, i: number): CheckResult {
  const [level, status, need] = spec.split(':') as [RequirementLevel, CheckStatus, string | undefined];
  const base = check(`c${i}`, level, status);
  return need === undefined ? base : { ...base, neededBy: need === 'needed' ? ['core'] : [] };
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
  ['a declined feature the profile needs fails', ['MUST:unsupported:needed', 'MUST:passed'], 'must', 'fail'],
  ['a declined feature the profile does not need passes', ['MUST:unsupported:optional'], 'must', 'pass'],
  ['an unsupported check without neededBy fails nothing', ['MUST:unsupported'], 'should', 'pass'],
  ['a declined SHOULD feature is tolerated under must', ['SHOULD:unsupported:needed'], 'must', 'pass'],
  ['a declined SHOULD feature fails under should', ['SHOULD:unsupported:needed'], 'should', 'fail'],
  ['a declined feature never fails under none', ['MUST:unsupported:needed'], 'none', 'pass'],
];

for (const [name, specs, failOn, expected] of VERDICT_CASES) {
  test(`verdict: ${name}`, () => {
    const checks = specs.map(fromSpec);
    expect(profileVerdict(checks, 'core', failOn)).toBe(expected);
    expect(buildConformanceResult({ ...run, profiles: ['core'], failOn, checks }).summary.verdicts.core).toBe(
      expected,
    );
  });
}

test('an unsupported check fails exactly the profiles in its neededBy', () => {
  const declined = {
    ...check('a', 'MUST', 'unsupported', ['rfc7644', 'entra', 'datadog']),
    neededBy: ['entra'],
  };
  const result = buildConformanceResult({ ...run, checks: [declined] });
  expect(result.summary.verdicts).toEqual({ rfc7644: 'pass', entra: 'fail', datadog: 'pass' });
  expect(profileOutcome(result.checks, 'entra', 'must')).toEqual({
    verdict: 'fail',
    failed: 0,
    unevaluated: 0,
    unsupported: 1,
  });
});

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
    unsupported: byStatus('unsupported'),
  });
  // The sample must exercise every status for the other tests to mean anything.
  for (const status of CHECK_STATUSES) expect(byStatus(status)).toBeGreaterThan(0);
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
    'fail (1 failed, 1 could not be evaluated)',
  ],
  ['an error below the fail-on level is not counted', ['MUST:failed', 'SHOULD:error'], 'must', 'fail'],
  [
    'needed features the target declined',
    ['MUST:unsupported:needed', 'MUST:unsupported:needed', 'MUST:unsupported:optional'],
    'must',
    'fail (2 needed features unsupported)',
  ],
  ['one needed feature declined', ['MUST:unsupported:needed'], 'must', 'fail (1 needed feature unsupported)'],
  [
    'a declined feature and an unevaluated check',
    ['MUST:unsupported:needed', 'MUST:error', 'MUST:failed'],
    'must',
    'fail (1 failed, 1 needed feature unsupported, 1 could not be evaluated)',
  ],
  [
    'a declined feature no profile needs says nothing',
    ['MUST:failed', 'MUST:unsupported:optional'],
    'must',
    'fail',
  ],
];

for (const [name, specs, failOn, expected] of WORDING_CASES) {
  test(`verdict wording: ${name}`, () => {
    const checks = specs.map(fromSpec);
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

test('terminal and markdown summaries say when a profile fails on a needed feature the target declined', () => {
  const result = buildConformanceResult({
    ...run,
    profiles: ['core'],
    checks: [{ ...check('a', 'MUST', 'unsupported'), neededBy: ['core'] }, check('b', 'MUST', 'passed')],
  });
  expect(renderTerminalSummary(result)).toMatch(/^core +FAIL \(1 needed feature unsupported\)/m);
  expect(renderMarkdown(result)).toContain('| `core` | ❌ fail (1 needed feature unsupported) |');
});
