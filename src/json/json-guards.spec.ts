import { expect, test } from '@playwright/test';
import { isJsonObject, isStringArray } from './json-guards.js';

test('a JSON object is neither null nor an array', () => {
  expect(isJsonObject({})).toBe(true);
  expect(isJsonObject(JSON.parse('{"a":1}'))).toBe(true);
  for (const value of [null, [], 'x', 1, true, undefined])
    expect(isJsonObject(value), String(value)).toBe(false);
});

test('a string array holds only strings', () => {
  expect(isStringArray([])).toBe(true);
  expect(isStringArray(['a', ''])).toBe(true);
  expect(isStringArray(['a', 1])).toBe(false);
  expect(isStringArray('a')).toBe(false);
});
