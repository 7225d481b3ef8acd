import { expect, test } from '@playwright/test';
import { infrastructureAnswer } from './matchers.js';

type Response = Parameters<typeof infrastructureAnswer>[0];

const response = (
  status: number,
  contentType: string,
  bodyText: string,
  json?: unknown,
  headers = {},
): Response => ({ status, contentType, bodyText, json, headers }) as unknown as Response;

const ROWS: readonly [string, Response, RegExp | undefined][] = [
  [
    'a redirect to another origin',
    response(302, '', '', undefined, { location: 'https://elsewhere.example/x' }),
    /a redirect to https:\/\/elsewhere\.example\/x, which the harness does not follow/,
  ],
  ['a permanent redirect', response(308, '', ''), /a redirect/],
  ['304 Not Modified (an answer, not a redirect)', response(304, '', ''), undefined],
  [
    'an HTML page answered 200',
    response(200, 'text/html', '<html>Sign in</html>'),
    /body that is not JSON: not a SCIM answer/,
  ],
  [
    'a DELETE answered 200 with a plain "OK" (the service\'s answer, judged)',
    response(200, 'text/plain', 'OK'),
    undefined,
  ],
  ['a SCIM resource', response(200, 'application/scim+json', '{"id":"1"}', { id: '1' }), undefined],
  ['204 without a body', response(204, '', ''), undefined],
  ['a gateway 502', response(502, 'text/html', '<html>bad gateway</html>'), /unavailable/],
  [
    'a SCIM-shaped 500 (judged by the matcher)',
    response(500, 'application/scim+json', '{"status":"500"}', { status: '500' }),
    undefined,
  ],
];

for (const [name, answer, said] of ROWS) {
  test(`infrastructureAnswer: ${name}`, () => {
    const found = infrastructureAnswer(answer);
    if (said === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(said);
  });
}
