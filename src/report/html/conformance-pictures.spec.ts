import { expect, test } from '@playwright/test';
import type { CheckResult, CheckStatus, RequirementLevel } from '../../run-contract/index.js';
import { describeCell, profileCategoryMatrix } from './conformance-pictures.js';

function check(
  id: string,
  category: string,
  status: CheckStatus,
  level: RequirementLevel = 'MUST',
  extra: Partial<CheckResult> = {},
): CheckResult {
  return {
    id,
    title: id,
    category,
    level,
    rfc: 'RFC 7644',
    profiles: ['core', 'entra'],
    status,
    message: '',
    evidence: [],
    ...extra,
  };
}

// [what the category holds, the state for core, the state for entra]
const STATES: [string, CheckResult[], string, string][] = [
  ['a counting failure', [check('a', 'c', 'passed'), check('b', 'c', 'failed')], 'fail', 'fail'],
  [
    'a declined feature only entra needs',
    [check('a', 'c', 'passed'), check('b', 'c', 'unsupported', 'MUST', { neededBy: ['entra'] })],
    'pass',
    'unsupported',
  ],
  ['a check that could not be evaluated', [check('a', 'c', 'error')], 'error', 'error'],
  ['a failure below the fail-on level', [check('a', 'c', 'failed', 'SHOULD')], 'minor', 'minor'],
  ['only skipped checks', [check('a', 'c', 'skipped')], 'open', 'open'],
  [
    'checks of another profile only',
    [check('a', 'c', 'failed', 'MUST', { profiles: ['entra'] })],
    'none',
    'fail',
  ],
];

for (const [name, checks, core, entra] of STATES) {
  test(`matrix cell state: ${name}`, () => {
    const [row] = profileCategoryMatrix(checks, ['core', 'entra'], ['c'], 'must');
    expect(row?.map((cell) => cell.state)).toEqual([core, entra]);
  });
}

test('a matrix cell in words counts what reached a verdict and names the rest', () => {
  const checks = [
    check('a', 'c', 'passed'),
    check('b', 'c', 'failed'),
    check('c', 'c', 'unsupported', 'MUST', { neededBy: ['core'] }),
    check('d', 'c', 'unsupported'),
    check('e', 'c', 'error'),
    check('f', 'c', 'skipped'),
  ];
  const [row] = profileCategoryMatrix(checks, ['core'], ['c'], 'must');
  expect(describeCell(row![0]!)).toBe(
    '1 / 2 passed, 1 failed, 1 needed unsupported, 1 unsupported, not needed, 1 could not evaluate, 1 skipped',
  );
});
