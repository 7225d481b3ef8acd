import { expect, test } from '@playwright/test';
import { capMessage, explainFailure, explainFailures, MAX_MESSAGE_LENGTH } from './failure-message.js';

// Messages as Playwright 1.5x reports them in `result.error.message` (captured from real runs), with what the
// report must say.
const E = '\u001b';
/** The matcher line exactly as Playwright colours it: `expect(received).toBe(expected) // Object.is equality`. */
const matcher = (name: string, args = 'expected', comment = '') =>
  args
    ? `${E}[2mexpect(${E}[22m${E}[31mreceived${E}[39m${E}[2m).${E}[22m${name}${E}[2m(${E}[22m${E}[32m${args}${E}[39m${E}[2m)${comment}${E}[22m`
    : `${E}[2mexpect(${E}[22m${E}[31mreceived${E}[39m${E}[2m).${E}[22m${name}${E}[2m()${E}[22m`;
const green = (text: string) => `${E}[32m${text}${E}[39m`;
const red = (text: string) => `${E}[31m${text}${E}[39m`;

const CASES: [string, string, string][] = [
  [
    'a custom-message toBe keeps what came back under the custom message',
    `Error: the PATCH succeeds (200 or 204)\n\n${matcher('toBe', 'expected', ' // Object.is equality')}\n\nExpected: ${green('200')}\nReceived: ${red('400')}`,
    'the PATCH succeeds (200 or 204)\n\nExpected: 200\nReceived: 400',
  ],
  [
    'toMatch without a custom message: the pattern and the string, not the matcher line',
    `Error: ${matcher('toMatch')}\n\nExpected pattern: ${green('/^x/')}\nReceived string:  ${red('"abc"')}`,
    'Expected pattern: /^x/\nReceived string:  "abc"',
  ],
  [
    'toMatch with a custom message',
    `Error: the id\n\n${matcher('toMatch')}\n\nExpected pattern: ${green('/^[0-9a-f-]{36}$/')}\nReceived string:  ${red('"urn:ietf:params:scim:api:messages:2.0:Error"')}`,
    'the id\n\nExpected pattern: /^[0-9a-f-]{36}$/\nReceived string:  "urn:ietf:params:scim:api:messages:2.0:Error"',
  ],
  [
    'toEqual keeps the whole diff',
    `Error: ${matcher('toEqual', 'expected', ' // deep equality')}\n\n${green('- Expected  - 1')}\n${red('+ Received  + 1')}\n\n${E}[2m  Object {${E}[22m\n${green('-   "active": true,')}\n${red('+   "active": false,')}\n${E}[2m    "userName": "a",${E}[22m\n${E}[2m  }${E}[22m`,
    '- Expected  - 1\n+ Received  + 1\n\n  Object {\n-   "active": true,\n+   "active": false,\n    "userName": "a",\n  }',
  ],
  [
    'a negated toContain with a custom message',
    `Error: the deleted user is not in the result\n\n${E}[2mexpect(${E}[22m${E}[31mreceived${E}[39m${E}[2m).${E}[22mnot${E}[2m.${E}[22mtoContain${E}[2m(${E}[22m${green('expected')}${E}[2m) // indexOf${E}[22m\n\nExpected value: not ${green('"a"')}\nReceived array:     ${red(`[${E}[7m"a"${E}[27m, "b"]`)}`,
    'the deleted user is not in the result\n\nExpected value: not "a"\nReceived array:     ["a", "b"]',
  ],
  [
    'a matcher with no expected argument is put back in words',
    `Error: the created user has an id\n\n${matcher('toBeTruthy', '')}\n\nReceived: ${red('undefined')}`,
    'the created user has an id\n\nExpected: to be truthy\nReceived: undefined',
  ],
  [
    'a negated matcher with no argument',
    `Error: ${E}[2mexpect(${E}[22m${E}[31mreceived${E}[39m${E}[2m).${E}[22mnot${E}[2m.${E}[22mtoBeNull${E}[2m()${E}[22m\n\nReceived: ${red('null')}`,
    'Expected: not to be null\nReceived: null',
  ],
  [
    'toHaveStatus (a harness matcher) with a custom message keeps the exchange it describes',
    'Error: the PATCH succeeds (200 or 204)\n\nexpected HTTP 200 or 204\n  PATCH http://127.0.0.1:9/scim/v2/Users/1 → 400 application/scim+json {"status":"400","detail":"bad path"}',
    'the PATCH succeeds (200 or 204)\n\nexpected HTTP 200 or 204\n  PATCH http://127.0.0.1:9/scim/v2/Users/1 → 400 application/scim+json {"status":"400","detail":"bad path"}',
  ],
  [
    'toMatchScimSchema keeps every finding',
    'Error: expected a valid ListResponse:\nerror [required] totalResults: totalResults is required but missing\nerror [type] Resources: Resources must be an array, got the string "no"',
    'expected a valid ListResponse:\nerror [required] totalResults: totalResults is required but missing\nerror [type] Resources: Resources must be an array, got the string "no"',
  ],
  [
    'a stack trace read as the message loses its frames',
    `Error: ${matcher('toBeDefined', '')}\n\nReceived: ${red('undefined')}\n    at /work/main/suites/checks/users/create.checks.ts:3:45\n    at Object.run (node:internal/x:1:2)`,
    'Expected: to be defined\nReceived: undefined',
  ],
  [
    "a code frame from Playwright's formatting is dropped",
    'Error: boom\n\n  23 | const a = 1;\n> 24 | expect(a).toBe(2);\n     |           ^\n  25 |',
    'boom',
  ],
  [
    'a message with no Error prefix is kept as it is',
    'expected HTTP status 201, got 200',
    'expected HTTP status 201, got 200',
  ],
  ['nothing', '', ''],
];

for (const [name, raw, explained] of CASES) {
  test(`failure message: ${name}`, () => {
    expect(explainFailure(raw)).toBe(explained);
  });
}

test('several errors (soft assertions) are all kept, apart by a blank line', () => {
  expect(
    explainFailures([
      `Error: first\n\n${matcher('toBe', 'expected', ' // Object.is equality')}\n\nExpected: ${green('2')}\nReceived: ${red('1')}`,
      undefined,
      'Error: second',
    ]),
  ).toBe('first\n\nExpected: 2\nReceived: 1\n\nsecond');
});

test('a long message is capped with an ellipsis, and a short one is left alone', () => {
  const long = 'x'.repeat(MAX_MESSAGE_LENGTH + 50);
  const capped = capMessage(long);
  expect(capped).toHaveLength(MAX_MESSAGE_LENGTH);
  expect(capped.endsWith('…')).toBe(true);
  expect(capMessage('short')).toBe('short');
  // Never half of a surrogate pair before the ellipsis.
  expect(capMessage(`${'a'.repeat(8)}😀😀😀`, 10)).toBe(`${'a'.repeat(8)}…`);
});
