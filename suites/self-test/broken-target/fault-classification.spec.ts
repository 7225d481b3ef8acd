/**
 * Each fault the proxy injects, sent through the suites' own SCIM client, must come out of `answered()` (which every
 * status matcher uses) as a HarnessError naming the fault, never as an answer a check could judge; a SCIM service's
 * own answers, 5xx with a JSON body included, stay answers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { isHarnessError } from '../../../src/errors/harness-error.js';
import { createScimClient, type RecordedResponse } from '../../../src/http/index.js';
import { SCHEMA_URNS, SCIM_MEDIA_TYPE } from '../../../src/scim/urns.js';
import { answered, infrastructureAnswer } from '../../support/matchers.js';
import {
  type FaultKind,
  RETRY_AFTER_SECONDS,
  type RunningFaultProxy,
  startFaultProxy,
} from './fault-proxy.js';

const TOKEN = 'broken-target-secret-token-5c1f';

let upstream: Server;
let upstreamOrigin = '';
const proxies: RunningFaultProxy[] = [];

test.beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': SCIM_MEDIA_TYPE });
      res.end(JSON.stringify({ schemas: [SCHEMA_URNS.User], id: '1', userName: 'a' }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

test.afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close();
});

test.afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

async function clientBehind(kind: FaultKind) {
  const proxy = await startFaultProxy({ upstream: upstreamOrigin, faults: [kind], rate: 1, stallMs: 10_000 });
  proxies.push(proxy);
  return createScimClient({ tenantUrl: `${proxy.origin}/scim`, token: TOKEN, timeoutMs: 400 });
}

const NO_ANSWER: ReadonlyArray<readonly [FaultKind, string, RegExp]> = [
  ['connection-reset', 'TARGET_UNREACHABLE', /got no answer \(connection-reset/],
  ['stall', 'TARGET_TIMEOUT', /got no answer \(timeout/],
  ['html-503', 'TARGET_RESPONSE_UNUSABLE', /got no SCIM answer \(HTTP 503 text\/html/],
  [
    'non-json-500',
    'TARGET_RESPONSE_UNUSABLE',
    /got no SCIM answer \(HTTP 500 application\/json with a body that is not JSON/,
  ],
];

for (const [kind, code, message] of NO_ANSWER) {
  test(`${kind} through the client is a ${code} HarnessError, not an answer`, async () => {
    const client = await clientBehind(kind);
    const exchange = await client.patch('/Users/1', { schemas: [SCHEMA_URNS.PatchOp], Operations: [] });
    let thrown: unknown;
    try {
      answered(exchange);
    } catch (error) {
      thrown = error;
    }
    expect(isHarnessError(thrown, code as Parameters<typeof isHarnessError>[1])).toBe(true);
    const text = thrown instanceof Error ? thrown.message : '';
    expect(text).toMatch(message);
    expect(text).not.toContain(TOKEN);
  });
}

test('retry-after-429 through the client is honoured: it waits Retry-After and the retry answers', async () => {
  const client = await clientBehind('retry-after-429');
  const exchange = await client.get('/Users/1');
  expect(answered(exchange).status).toBe(200);
  expect(exchange.retries.map((r) => [r.status, r.requestedMs])).toEqual([[429, RETRY_AFTER_SECONDS * 1000]]);
});

function response(status: number, contentType: string, json?: unknown): RecordedResponse {
  return {
    status,
    statusText: '',
    headers: { 'content-type': contentType },
    contentType,
    bodyText: json === undefined ? 'oops' : JSON.stringify(json),
    bodyBytes: 4,
    bodyTruncated: false,
    ...(json === undefined ? { jsonError: 'Unexpected token' } : { json }),
  };
}

const scimError = (status: string) => ({ schemas: [SCHEMA_URNS.Error], status });

const ANSWERS: ReadonlyArray<readonly [string, RecordedResponse, boolean]> = [
  [
    'a 500 SCIM error (e.g. for an invalid filter) is a verdict',
    response(500, SCIM_MEDIA_TYPE, scimError('500')),
    false,
  ],
  ['a 501 SCIM error is a verdict', response(501, SCIM_MEDIA_TYPE, scimError('501')), false],
  ['a 400 with a vendor body that is not JSON is a verdict', response(400, 'text/plain'), false],
  ['a 200 is a verdict', response(200, SCIM_MEDIA_TYPE, {}), false],
  ['a 502 is infrastructure, JSON or not', response(502, SCIM_MEDIA_TYPE, scimError('502')), true],
  ['a 503 is infrastructure', response(503, 'text/html'), true],
  ['a 504 is infrastructure', response(504, 'text/plain'), true],
  ['a 429 left after the retries is infrastructure', response(429, SCIM_MEDIA_TYPE, scimError('429')), true],
  ['a 500 whose body is not JSON is infrastructure', response(500, 'text/html'), true],
];

for (const [name, answer, infrastructure] of ANSWERS) {
  test(name, () => {
    expect(infrastructureAnswer(answer) !== undefined).toBe(infrastructure);
  });
}
