import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { REDACTED, redact } from './redaction.js';

// [case, input, secrets, expected]
const CASES: [string, unknown, string[], unknown][] = [
  [
    'Authorization header',
    { headers: { Authorization: 'Bearer abc' } },
    [],
    { headers: { Authorization: REDACTED } },
  ],
  [
    'any case of the header name',
    { AUTHORIZATION: 'x', 'proxy-authorization': 'y' },
    [],
    { AUTHORIZATION: REDACTED, 'proxy-authorization': REDACTED },
  ],
  ['cookies', { cookie: 'sid=1', 'Set-Cookie': 'sid=2' }, [], { cookie: REDACTED, 'Set-Cookie': REDACTED }],
  [
    'bearer credential in free text',
    'sent Bearer eyJhbGciOi.J9.x== then',
    [],
    `sent Bearer ${REDACTED} then`,
  ],
  ['basic credential in free text', 'Basic dXNlcjpwYXNz', [], `Basic ${REDACTED}`],
  [
    'secret inside a longer string',
    { detail: 'password hunter2 rejected' },
    ['hunter2'],
    { detail: `password ${REDACTED} rejected` },
  ],
  ['secret as an object key', { hunter2: 1 }, ['hunter2'], { [REDACTED]: 1 }],
  ['secret in an array', ['a', 'xhunter2x'], ['hunter2'], ['a', `x${REDACTED}x`]],
  ['longest secret first', 'abc-abcdef', ['abc', 'abcdef'], `${REDACTED}-${REDACTED}`],
  ['regex characters in a secret are literal', 'a.b+c a-b-c', ['a.b+c'], `${REDACTED} a-b-c`],
  ['empty secrets are ignored', 'keep me', [''], 'keep me'],
  ['non-strings are kept', { n: 1, b: true, z: null }, ['1'], { n: 1, b: true, z: null }],
];

for (const [name, input, secrets, expected] of CASES) {
  test(`redact: ${name}`, () => {
    expect(redact(input, { secrets })).toEqual(expected);
  });
}

test('redact copies, never mutates its input', () => {
  const input = { headers: { Authorization: 'Bearer abc' } };
  redact(input);
  expect(input.headers.Authorization).toBe('Bearer abc');
});

/** Every string in a JSON-like value, keys included. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => [key, ...stringsOf(child)]);
  }
  return [];
}

test('a declared secret never survives, wherever it sits in a JSON value', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 4, maxLength: 24 }), fc.json({ maxDepth: 3 }), (secret, json) => {
      // A secret inside the marker itself would be "found" in every replacement.
      fc.pre(!REDACTED.includes(secret));
      const value = { body: JSON.parse(json) as unknown, note: `x${secret}y`, [secret]: [secret] };
      return stringsOf(redact(value, { secrets: [secret] })).every((text) => !text.includes(secret));
    }),
    { seed: 42, numRuns: 200 },
  );
});
