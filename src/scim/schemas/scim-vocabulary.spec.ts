import { expect, test } from '@playwright/test';
import { isScimBinary, isScimDateTime } from './scim-vocabulary.js';

const dateTimes: [string, boolean][] = [
  ['2010-01-23T04:56:22Z', true],
  ['2024-05-07T14:01:02.123456789Z', true],
  ['2024-11-22T15:05:52.055138963Z', true],
  ['2024-05-07T14:01:02.1234567Z', true],
  ['2024-05-07T14:01:02.5+02:00', true],
  ['2024-05-07T14:01:02', true],
  ['2024-05-07T14:01:02.1234567891Z', false],
  ['2024-05-07 14:01:02Z', false],
  ['2024-02-30T14:01:02Z', false],
  ['2024-05-07', false],
  ['yesterday', false],
  ['', false],
];

for (const [text, valid] of dateTimes) {
  test(`dateTime ${JSON.stringify(text)} is ${valid ? 'valid' : 'invalid'}`, () => {
    expect(isScimDateTime(text)).toBe(valid);
  });
}

const binaries: [string, boolean][] = [
  ['TUlJREF6Q0NBcXlnQXdJQkFnSUNFQUF3', true],
  ['YQ==', true],
  ['YWI=', true],
  ['', true],
  ['YQ', false],
  ['not base64!', false],
];

for (const [text, valid] of binaries) {
  test(`binary ${JSON.stringify(text)} is ${valid ? 'valid' : 'invalid'}`, () => {
    expect(isScimBinary(text)).toBe(valid);
  });
}
