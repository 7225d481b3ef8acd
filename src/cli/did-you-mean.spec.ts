import { expect, test } from '@playwright/test';
import { closestNames } from './did-you-mean.js';

const NAMES = [
  'create-returns-200',
  'no-etag',
  'filter-ignored',
  'sort-ignored',
  'attributes-ignored',
  'no-discovery',
];

const CASES: { input: string; expected: string[] }[] = [
  { input: 'create-return-200', expected: ['create-returns-200'] },
  { input: 'no-etags', expected: ['no-etag'] },
  { input: 'ignored', expected: ['attributes-ignored', 'filter-ignored', 'sort-ignored'] },
  { input: 'NO-DISCOVERY', expected: ['no-discovery'] },
  { input: 'xyz', expected: [] },
  { input: 'no', expected: [] },
];

for (const { input, expected } of CASES) {
  test(`closestNames(${input}) → ${expected.join(', ') || 'nothing'}`, () => {
    expect(closestNames(input, NAMES)).toEqual(expected);
  });
}
