import { expect, test } from '@playwright/test';
import { parseDateTime } from './date-time.js';

const NS_PER_MS = 1_000_000n;

const VALID: [string, bigint][] = [
  ['1970-01-01T00:00:00Z', 0n],
  ['2011-05-13T04:42:34Z', BigInt(Date.UTC(2011, 4, 13, 4, 42, 34)) * NS_PER_MS],
  ['2011-05-13T06:42:34+02:00', BigInt(Date.UTC(2011, 4, 13, 4, 42, 34)) * NS_PER_MS],
  ['2011-05-12T23:42:34-05:00', BigInt(Date.UTC(2011, 4, 13, 4, 42, 34)) * NS_PER_MS],
  ['2011-05-13T04:42:34', BigInt(Date.UTC(2011, 4, 13, 4, 42, 34)) * NS_PER_MS],
  ['1970-01-01T00:00:00.5Z', 500_000_000n],
  ['1970-01-01T00:00:00.123Z', 123_000_000n],
  ['1970-01-01T00:00:00.1234567Z', 123_456_700n],
  ['1970-01-01T00:00:00.123456789Z', 123_456_789n],
  ['1969-12-31T23:59:59.999999999Z', -1n],
  ['2024-02-29T00:00:00z', BigInt(Date.UTC(2024, 1, 29)) * NS_PER_MS],
  ['0001-01-01T00:00:00Z', BigInt(Date.UTC(2000, 0, 1) - 730_119 * 86_400_000) * NS_PER_MS],
];

const INVALID = [
  '',
  '2011-05-13',
  '2011-05-13 04:42:34Z',
  '2011-5-13T04:42:34Z',
  '2011-05-13T04:42:34.Z',
  '2011-05-13T04:42:34.1234567890Z',
  '2011-13-01T00:00:00Z',
  '2011-00-01T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2011-04-31T00:00:00Z',
  '2011-05-13T24:00:00Z',
  '2011-05-13T04:60:00Z',
  '2011-05-13T04:42:60Z',
  '2011-05-13T04:42:34+24:00',
  '2011-05-13T04:42:34+0200',
  'yesterday',
];

for (const [text, nanos] of VALID) {
  test(`dateTime ${text}`, () => {
    expect(parseDateTime(text)).toBe(nanos);
  });
}

for (const text of INVALID) {
  test(`not a dateTime: ${JSON.stringify(text)}`, () => {
    expect(parseDateTime(text)).toBeUndefined();
  });
}

test('fractions beyond milliseconds order instants', () => {
  const a = parseDateTime('2011-05-13T04:42:34.1234567Z')!;
  const b = parseDateTime('2011-05-13T04:42:34.1234568Z')!;
  expect(a < b).toBe(true);
});
