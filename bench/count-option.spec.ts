import { expect, test } from '@playwright/test';
import { isHarnessError } from '../src/errors/harness-error.js';
import { readCount, readCounts } from './count-option.js';

const VALID: { text: string | undefined; expected: number }[] = [
  { text: undefined, expected: 7 },
  { text: '0', expected: 0 },
  { text: '1000', expected: 1000 },
  { text: '10k', expected: 10_000 },
  { text: '100K', expected: 100_000 },
  { text: '100_000', expected: 100_000 },
  { text: ' 42 ', expected: 42 },
];

const INVALID = ['', '-1', '1.5', 'abc', '1e3', '100001', 'k', '0x10'];

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isHarnessError(error) ? error.code : 'not a HarnessError';
  }
  return undefined;
}

test.describe('readCount', () => {
  for (const { text, expected } of VALID) {
    test(`${JSON.stringify(text)} reads as ${expected}`, () => {
      expect(readCount('sizes', text, 7, 100_000)).toBe(expected);
    });
  }
  for (const text of INVALID) {
    test(`${JSON.stringify(text)} is refused with CONFIG_INVALID naming the option`, () => {
      expect(codeOf(() => readCount('users', text, 7, 100_000))).toBe('CONFIG_INVALID');
      expect(() => readCount('users', text, 7, 100_000)).toThrow(
        /--users must be an integer from 0 to 100000/,
      );
    });
  }
});

test.describe('readCounts', () => {
  test('reads a comma-separated list, and falls back when absent', () => {
    expect(readCounts('sizes', '0, 1k,10k,100000', [1], 100_000)).toEqual([0, 1000, 10_000, 100_000]);
    expect(readCounts('sizes', undefined, [1, 2], 100_000)).toEqual([1, 2]);
  });

  for (const text of ['1k,,10k', '', '1k,200k', '1k;10k']) {
    test(`${JSON.stringify(text)} is refused`, () => {
      expect(codeOf(() => readCounts('sizes', text, [1], 100_000))).toBe('CONFIG_INVALID');
    });
  }
});
