import { expect, test } from '@playwright/test';
import type { ScimExchange } from '../../src/http/index.js';
import { infrastructureAnswer, notScimJson } from './matchers.js';

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

const exchange = (phase: ScimExchange['phase'], answer: Response): ScimExchange =>
  ({
    request: { method: 'GET', url: 'http://127.0.0.1/scim/Users/1', headers: {} },
    outcome: 'ok',
    response: answer,
    retries: [],
    phase,
  }) as unknown as ScimExchange;

// [case, the exchanges of a check, what notScimJson says (undefined: the check may pass)]
const LABELS: readonly [string, ScimExchange[], RegExp | undefined][] = [
  [
    'application/scim+json',
    [exchange('check', response(200, 'application/scim+json; charset=utf-8', '{}', {}))],
    undefined,
  ],
  [
    'application/json (RFC 7644 §3.8 allows it)',
    [exchange('check', response(404, 'application/json', '{}', {}))],
    undefined,
  ],
  [
    'a JSON error labelled text/plain',
    [exchange('check', response(404, 'text/plain; charset=utf-8', '{}', {}))],
    /answered 404 with a JSON body labelled text\/plain; charset=utf-8: not SCIM JSON/,
  ],
  [
    'JSON with no Content-Type, in setup',
    [exchange('setup', response(201, '', '{}', {}))],
    /with no Content-Type/,
  ],
  [
    'JSON labelled application/problem+json',
    [exchange('check', response(400, 'application/problem+json', '{}', {}))],
    /not SCIM JSON/,
  ],
  [
    'a plain "OK" that is not JSON (judged by the check)',
    [exchange('check', response(200, 'text/plain', 'OK'))],
    undefined,
  ],
  [
    'a mislabelled answer while cleaning up (after the verdict)',
    [exchange('cleanup', response(404, 'text/plain', '{}', {}))],
    undefined,
  ],
];

for (const [name, exchanges, said] of LABELS) {
  test(`notScimJson: ${name}`, () => {
    const found = notScimJson(exchanges);
    if (said === undefined) {
      expect(found).toBeUndefined();
      expect(exchanges.some((e) => e.decisive)).toBe(false);
    } else {
      expect(found).toMatch(said);
      expect(exchanges[0]?.decisive, 'the mislabelled exchange is the decisive one').toBe(true);
    }
  });
}
