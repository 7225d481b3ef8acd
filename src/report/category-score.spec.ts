import { expect, test } from '@playwright/test';
import type { CheckResult, CheckStatus } from '../run-contract/index.js';
import { formatScore, scoreCategories } from './category-score.js';

const check = (id: string, category: string, status: CheckStatus): CheckResult => ({
  id,
  title: id,
  category,
  level: 'MUST',
  rfc: 'RFC 7644 §3.3',
  profiles: ['rfc7644'],
  status,
  message: '',
  evidence: [],
});

test('only passed and failed are applicable: skipped, unsupported and errored are counted beside the score', () => {
  const scores = scoreCategories([
    check('u1', 'users', 'passed'),
    check('u2', 'users', 'failed'),
    check('u3', 'users', 'unsupported'),
    check('u4', 'users', 'skipped'),
    check('u5', 'users', 'error'),
    check('f1', 'filter', 'unsupported'),
  ]);
  expect(scores).toEqual([
    {
      category: 'filter',
      total: 1,
      passed: 0,
      failed: 0,
      skipped: 0,
      errored: 0,
      unsupported: 1,
      applicable: 0,
    },
    {
      category: 'users',
      total: 5,
      passed: 1,
      failed: 1,
      skipped: 1,
      errored: 1,
      unsupported: 1,
      applicable: 2,
    },
  ]);
  expect(scores.map(formatScore)).toEqual(['n/a', '1 / 2 (50%)']);
});
