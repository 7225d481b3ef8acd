import { expect, test } from '@playwright/test';
import { messageExcerpt } from './message-excerpt.js';

// [case, message, excerpt]
const CASES: [string, string, string][] = [
  ['one line stays', 'expected HTTP 201, got 200', 'expected HTTP 201, got 200'],
  [
    'a custom message and what came back',
    'the PATCH succeeds (200 or 204)\n\nExpected: 200\nReceived: 400',
    'the PATCH succeeds (200 or 204) · Expected: 200 · Received: 400',
  ],
  ['indentation and CRLF', 'a\r\n  PATCH /Users/1 → 400\r\n', 'a · PATCH /Users/1 → 400'],
  ['nothing', '', ''],
];

for (const [name, message, excerpt] of CASES) {
  test(`message excerpt: ${name}`, () => {
    expect(messageExcerpt(message)).toBe(excerpt);
  });
}
