import { expect, test } from '@playwright/test';
import type { CheckResult, EvidenceExchange } from '../../../src/run-contract/index.js';
import {
  attributeFaults,
  FAULT_WORDING,
  requestIdentity,
  requestLine,
  symptomsOf,
} from './fault-attribution.js';
import type { InjectedFault } from './fault-proxy.js';

const BASE = 'http://127.0.0.1:4000/api/v2/scim';

function checkWith(id: string, evidence: EvidenceExchange[]): CheckResult {
  return {
    id,
    title: id,
    category: 'users',
    level: 'MUST',
    rfc: 'RFC 7644 §3.3',
    profiles: [],
    status: 'error',
    message: '',
    evidence,
  };
}

function fault(kind: InjectedFault['kind'], method: string, url: string, body = ''): InjectedFault {
  return { kind, method, url, key: '', body, at: 0 };
}

const LINES: ReadonlyArray<readonly [string, string, string]> = [
  ['get', `${BASE}/Users/1?attributes=id`, 'GET /api/v2/scim/Users/1?attributes=id'],
  ['POST', '/api/v2/scim/Users', 'POST /api/v2/scim/Users'],
  [
    'GET',
    `${BASE}/Users?filter=userName%20eq%20%22a%22`,
    'GET /api/v2/scim/Users?filter=userName%20eq%20%22a%22',
  ],
];

for (const [method, url, line] of LINES) {
  test(`requestLine(${method}, ${url}) is ${line}`, () => {
    expect(requestLine(method, url)).toBe(line);
  });
}

test('a JSON body recorded as parsed evidence matches the text the proxy saw', () => {
  const body = { userName: 'sh-1.a@example.com', active: true };
  expect(requestIdentity('POST', `${BASE}/Users`, body)).toBe(
    requestIdentity('POST', '/api/v2/scim/Users', JSON.stringify(body)),
  );
});

test('faults are attributed by method, URL and body, each kind once per check', () => {
  const alpha = checkWith('alpha', [
    { request: { method: 'POST', url: `${BASE}/Users`, headers: {}, body: { userName: 'a' } } },
    { request: { method: 'GET', url: `${BASE}/Users/1`, headers: {} } },
  ]);
  const bravo = checkWith('bravo', [
    { request: { method: 'POST', url: `${BASE}/Users`, headers: {}, body: { userName: 'b' } } },
  ]);
  const faults = [
    fault('html-503', 'POST', '/api/v2/scim/Users', '{"userName":"a"}'),
    fault('stall', 'GET', '/api/v2/scim/Users/1'),
    fault('html-503', 'GET', '/api/v2/scim/Users/1'),
    fault('connection-reset', 'DELETE', '/api/v2/scim/Users/1'),
  ];
  expect(attributeFaults([alpha, bravo], faults).map((a) => [a.check.id, a.faults])).toEqual([
    ['alpha', ['html-503', 'stall']],
    ['bravo', []],
  ]);
});

test('a redacted body still matches on method and URL when the exchange itself shows the fault', () => {
  const charlie = checkWith('charlie', [
    {
      request: { method: 'POST', url: `${BASE}/Users`, headers: {}, body: { password: '[REDACTED]' } },
      note: 'No usable response: timeout (…)',
    },
    {
      request: { method: 'POST', url: `${BASE}/Groups`, headers: {}, body: { displayName: '[REDACTED]' } },
      response: { status: 201, headers: {} },
    },
  ]);
  const faults = [
    fault('stall', 'POST', '/api/v2/scim/Users', '{"password":"s3cret"}'),
    fault('connection-reset', 'POST', '/api/v2/scim/Users', '{"userName":"z"}'),
    fault('html-503', 'POST', '/api/v2/scim/Groups', '{"displayName":"g"}'),
  ];
  expect(attributeFaults([charlie], faults).map((a) => a.faults)).toEqual([['stall']]);
});

const SYMPTOMS: ReadonlyArray<readonly [string, EvidenceExchange, string[]]> = [
  [
    'a timeout',
    { request: { method: 'GET', url: BASE, headers: {} }, note: 'No usable response: timeout' },
    ['stall'],
  ],
  [
    'a reset',
    { request: { method: 'GET', url: BASE, headers: {} }, note: 'No usable response: connection-reset' },
    ['connection-reset'],
  ],
  [
    'a 503',
    { request: { method: 'GET', url: BASE, headers: {} }, response: { status: 503, headers: {} } },
    ['html-503'],
  ],
  [
    'a 500',
    { request: { method: 'GET', url: BASE, headers: {} }, response: { status: 500, headers: {} } },
    ['non-json-500', 'scim-500'],
  ],
  [
    'a 200',
    { request: { method: 'GET', url: BASE, headers: {} }, response: { status: 200, headers: {} } },
    [],
  ],
];

for (const [name, exchange, kinds] of SYMPTOMS) {
  test(`symptomsOf ${name} is [${kinds.join(', ')}]`, () => {
    expect(symptomsOf(exchange)).toEqual(kinds);
  });
}

const MESSAGES: ReadonlyArray<readonly [string, boolean]> = [
  ['Could not evaluate: TARGET_UNREACHABLE: GET … got no answer (connection-reset: …)', true],
  ['Could not evaluate: TARGET_TIMEOUT: POST … got no answer (timeout: …)', true],
  [
    'Could not evaluate: CHECK_PRECONDITION: Could not create the user: POST /Users answered 503 without an id',
    true,
  ],
  ['Could not evaluate: the target dropped the connection: …', true],
  ['Could not evaluate: … (HTTP 500 application/json with a body that is not JSON …)', true],
  ['Could not evaluate: CHECK_PRECONDITION: something failed', false],
  ['Error: expected HTTP 200 or 204', false],
];

for (const [message, explains] of MESSAGES) {
  test(`FAULT_WORDING ${explains ? 'accepts' : 'rejects'} "${message}"`, () => {
    expect(FAULT_WORDING.test(message)).toBe(explains);
  });
}
