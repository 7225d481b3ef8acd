import { expect, test } from '@playwright/test';
import { spellingsOf } from './redact-paths.js';
import { SecretRegistry } from './secret-registry.js';
import { redactSecrets, scrubCredentials } from './secret-text.js';

const SCRUB_CASES: { input: string; expected: string }[] = [
  { input: 'Authorization: Bearer abc.def-ghi_jk~l+/m==', expected: 'Authorization: Bearer [REDACTED]' },
  { input: 'authorization: bearer abc', expected: 'authorization: bearer [REDACTED]' },
  { input: 'Basic dXNlcjpwYXNz', expected: 'Basic [REDACTED]' },
  { input: '{"authorization":"rawtoken"}', expected: '{"authorization":"[REDACTED]"}' },
  { input: 'GET /scim/Users?x=1&token=abc&y=2', expected: 'GET /scim/Users?x=1&token=[REDACTED]&y=2' },
  {
    input: "{'DD-API-KEY': 'k1', 'dd-application-key': 'k2'}",
    expected: "{'DD-API-KEY': '[REDACTED]', 'dd-application-key': '[REDACTED]'}",
  },
  { input: 'adminToken=abc apiKey: def', expected: 'adminToken=[REDACTED] apiKey: [REDACTED]' },
  { input: 'tokenEnv=SCIM_TOKEN token_file=/x', expected: 'tokenEnv=SCIM_TOKEN token_file=/x' },
  { input: 'userName eq "Bearer"', expected: 'userName eq "Bearer"' },
  { input: 'no secrets here', expected: 'no secrets here' },
  {
    input: '{"token":{"kind":"env"},"apiKey":[1,2],"adminToken":7}',
    expected: '{"token":{"kind":"env"},"apiKey":[1,2],"adminToken":7}',
  },
  { input: 'token: {x}', expected: 'token: {x}' },
  { input: String.raw`{"q":"\"token\":\"abc\""}`, expected: String.raw`{"q":"\"token\":\"[REDACTED]\""}` },
];

for (const { input, expected } of SCRUB_CASES) {
  test(`scrubCredentials: ${input}`, () => {
    expect(scrubCredentials(input)).toBe(expected);
    expect(scrubCredentials(expected)).toBe(expected);
  });
}

test('redactSecrets replaces raw, JSON-escaped and URL-encoded forms, longest first', () => {
  const secrets = ['abc', 'abc/def"x'];
  const text = `a=abc b=abc/def"x c=${encodeURIComponent('abc/def"x')} d=${JSON.stringify('abc/def"x')}`;
  expect(redactSecrets(text, secrets)).toBe('a=[REDACTED] b=[REDACTED] c=[REDACTED] d="[REDACTED]"');
  expect(redactSecrets('unchanged', ['', 'zzz'])).toBe('unchanged');
});

test('SecretRegistry redacts registered values and credential shapes, ignores blanks, never shows values', () => {
  const secrets = new SecretRegistry().register('s3cr3t-value').register('  ');
  expect(secrets.size).toBe(1);
  expect(secrets.redact('x s3cr3t-value y Bearer zzz')).toBe('x [REDACTED] y Bearer [REDACTED]');
  expect(JSON.stringify({ secrets })).not.toContain('s3cr3t');
  secrets.unregister('s3cr3t-value');
  expect(secrets.redact('s3cr3t-value')).toBe('s3cr3t-value');
});

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
