import { expect, test } from '@playwright/test';
import { groupPath, resourcePath, userPath } from './resource-path.js';

test('an id is one percent-encoded path segment', () => {
  expect(userPath('a/b c?d')).toBe('/Users/a%2Fb%20c%3Fd');
  expect(groupPath('2819c223')).toBe('/Groups/2819c223');
  expect(resourcePath('/ResourceTypes', 'User')).toBe('/ResourceTypes/User');
});

test('an empty id is refused rather than addressing the whole endpoint', () => {
  expect(() => userPath('')).toThrow('cannot address /Users with an empty id');
});
