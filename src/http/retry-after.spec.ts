import { expect, test } from '@playwright/test';
import { parseRetryAfter, type RetryPolicy, retryWaitMs } from './retry-after.js';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);

const HEADERS: ReadonlyArray<{ header: string | null; expected: number | undefined }> = [
  { header: '0', expected: 0 },
  { header: '5', expected: 5_000 },
  { header: ' 120 ', expected: 120_000 },
  { header: new Date(NOW + 7_000).toUTCString(), expected: 7_000 },
  { header: 'Sun, 29 Nov 2026 11:59:00 GMT', expected: 0 },
  { header: 'Sunday, 29-Nov-26 12:00:30 GMT', expected: 30_000 },
  { header: '-1', expected: undefined },
  { header: '1.5', expected: undefined },
  { header: '2026-11-29T12:00:10Z', expected: undefined },
  { header: 'soon', expected: undefined },
  { header: null, expected: undefined },
];

for (const row of HEADERS) {
  test(`Retry-After ${JSON.stringify(row.header)} → ${row.expected}`, () => {
    expect(parseRetryAfter(row.header, NOW)).toBe(row.expected);
  });
}

test('the wait is what the target asked for, capped, with a default when it said nothing', () => {
  const policy: RetryPolicy = { maxRetries: 2, maxRetryAfterMs: 10_000, defaultWaitMs: 500 };
  expect(retryWaitMs(3_000, policy)).toBe(3_000);
  expect(retryWaitMs(3_600_000, policy)).toBe(10_000);
  expect(retryWaitMs(undefined, policy)).toBe(500);
});

test('a backoff factor grows each further wait; the cap still holds', () => {
  // Okta's schedule: Retry-After (or 5 min), doubled for each further 429.
  const policy: RetryPolicy = {
    maxRetries: 10,
    maxRetryAfterMs: 600_000,
    defaultWaitMs: 300_000,
    backoffFactor: 2,
  };
  expect([0, 1, 2, 3].map((retried) => retryWaitMs(1_000, policy, retried))).toEqual([
    1_000, 2_000, 4_000, 8_000,
  ]);
  expect(retryWaitMs(undefined, policy, 0)).toBe(300_000);
  expect(retryWaitMs(undefined, policy, 1)).toBe(600_000);
  expect(retryWaitMs(undefined, policy, 2)).toBe(600_000);
});
