import { expect, test } from '@playwright/test';
import { buildRedactPaths, spellingsOf } from './redact-paths.js';

test('spellingsOf covers the case variants headers arrive in', () => {
  expect(spellingsOf('authorization')).toEqual(['authorization', 'AUTHORIZATION', 'Authorization']);
  expect(spellingsOf('DD-API-KEY')).toEqual(['DD-API-KEY', 'dd-api-key', 'Dd-Api-Key']);
  expect(spellingsOf('adminToken')).toEqual([
    'adminToken',
    'admintoken',
    'ADMINTOKEN',
    'Admintoken',
    'AdminToken',
  ]);
});

test('the paths reach credential headers and fields, never a location such as tokenEnv', () => {
  const paths = buildRedactPaths();
  for (const path of [
    'headers.authorization',
    'req.headers["DD-API-KEY"]',
    '*.token',
    'adminToken',
    'apiKey',
  ])
    expect(paths).toContain(path);
  expect(paths.filter((path) => /tokenEnv|tokenFile/i.test(path))).toEqual([]);
});
