import { expect, test } from '@playwright/test';
import { SecretRedactor } from './secret-redactor.js';

const SECRET = 'p@ss w"rd/secret-42';

const TEXTS = [
  { name: 'raw', text: `token is ${SECRET}.` },
  { name: 'percent-encoded in a URL', text: `https://h/scim?x=${encodeURIComponent(SECRET)}` },
  { name: 'escaped in JSON', text: JSON.stringify({ value: SECRET }) },
] as const;

for (const row of TEXTS) {
  test(`a registered secret is redacted: ${row.name}`, () => {
    const redactor = new SecretRedactor([SECRET]);
    const out = redactor.redact(row.text);
    expect(out).toContain('[REDACTED]');
    expect(out).not.toContain('secret-42');
    expect(redactor.containsSecret(row.text)).toBe(true);
  });
}

const HEADERS = [
  { name: 'Authorization', value: 'Bearer abc.def', expected: 'Bearer [REDACTED]' },
  { name: 'authorization', value: 'opaque', expected: '[REDACTED]' },
  { name: 'Cookie', value: 'sid=1', expected: '[REDACTED]' },
  { name: 'X-Custom-Key', value: 'k', expected: '[REDACTED]' },
  { name: 'X-Trace', value: `has ${SECRET}`, expected: 'has [REDACTED]' },
  { name: 'Accept', value: 'application/scim+json', expected: 'application/scim+json' },
] as const;

for (const row of HEADERS) {
  test(`header ${row.name} is recorded as ${row.expected}`, () => {
    const redactor = new SecretRedactor([SECRET], ['x-custom-key']);
    expect(redactor.redactHeader(row.name, row.value)).toBe(row.expected);
  });
}

test('parsed JSON is redacted deeply, keys included, without touching other values', () => {
  const redactor = new SecretRedactor([SECRET]);
  const value = { a: [SECRET, 1, null, { [SECRET]: true }], b: 'plain' };
  expect(redactor.redactJson(value)).toEqual({
    a: ['[REDACTED]', 1, null, { '[REDACTED]': true }],
    b: 'plain',
  });
  expect(value.a[0]).toBe(SECRET);
});

test('blank and undefined secrets redact nothing', () => {
  const redactor = new SecretRedactor([undefined, '', '   ']);
  expect(redactor.redact('nothing to hide')).toBe('nothing to hide');
});
