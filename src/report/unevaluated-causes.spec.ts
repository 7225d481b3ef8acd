import { expect, test } from '@playwright/test';
import type { CheckResult } from '../run-contract/index.js';
import { describeUnevaluatedCauses, unevaluatedCauses } from './unevaluated-causes.js';

const check = (id: string, status: CheckResult['status'], message: string): CheckResult => ({
  id,
  title: id,
  category: 'users',
  level: 'MUST',
  rfc: 'RFC 7644 §3.3',
  profiles: ['rfc7644'],
  status,
  message,
  evidence: [],
});

test('errors are counted by cause, target errors apart from the way to the target', () => {
  const checks = [
    check(
      'a',
      'error',
      'Could not evaluate: TARGET_RESPONSE_UNUSABLE: the target failed: GET /Users/1 answered 500',
    ),
    check(
      'b',
      'error',
      'Could not evaluate: TARGET_RESPONSE_UNUSABLE: the target failed: PUT /Users/1 answered 502',
    ),
    check(
      'c',
      'error',
      'Could not evaluate: TARGET_RESPONSE_UNUSABLE: GET /Users got no SCIM answer (HTTP 503)',
    ),
    check('d', 'error', 'Could not evaluate: TARGET_TIMEOUT: GET /Users got no answer (timeout)'),
    check('e', 'error', 'Could not evaluate: CHECK_PRECONDITION: Could not create the user'),
    check('f', 'error', 'Could not evaluate: something else'),
    check('g', 'failed', 'the target failed: not an error, a verdict'),
  ];
  expect(unevaluatedCauses(checks)).toEqual([
    { cause: 'target errors (a 5xx to a request meant to be valid)', count: 2 },
    { cause: 'no SCIM answer (a gateway, a redirect, a body that is not JSON)', count: 1 },
    { cause: 'no answer at all (timeout, reset, unreachable)', count: 1 },
    { cause: 'a step the check needed did not succeed', count: 1 },
    { cause: 'other', count: 1 },
  ]);
  expect(describeUnevaluatedCauses(checks)).toMatch(
    /^2 target errors \(a 5xx to a request meant to be valid\), 1 no SCIM/,
  );
  expect(describeUnevaluatedCauses([check('h', 'passed', '')])).toBe('');
});
