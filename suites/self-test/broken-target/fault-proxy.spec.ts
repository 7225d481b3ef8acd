import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import {
  decideFault,
  FAULT_KINDS,
  type FaultKind,
  faultKeyOf,
  isSparedPath,
  RETRY_AFTER_SECONDS,
  type RunningFaultProxy,
  startFaultProxy,
} from './fault-proxy.js';

/** A server that answers every request with what it received, so a test sees what the proxy forwarded. */
async function startEcho(): Promise<{ server: Server; origin: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      hits.push(`${req.method} ${req.url}`);
      res.writeHead(201, { 'content-type': 'application/scim+json', etag: 'W/"7"', 'x-echo': 'yes' });
      res.end(
        JSON.stringify({ method: req.method, url: req.url, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, hits };
}

let echo: Awaited<ReturnType<typeof startEcho>>;
const proxies: RunningFaultProxy[] = [];

test.beforeAll(async () => {
  echo = await startEcho();
});

test.afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close();
});

test.afterAll(async () => {
  echo.server.closeAllConnections();
  await new Promise<void>((resolve) => echo.server.close(() => resolve()));
});

async function proxyWith(faults: readonly FaultKind[], rate = 1): Promise<RunningFaultProxy> {
  const proxy = await startFaultProxy({ upstream: echo.origin, faults, rate, stallMs: 30_000 });
  proxies.push(proxy);
  return proxy;
}

const KEYS: ReadonlyArray<readonly [string, string, string]> = [
  ['GET', '/api/v2/scim/Users/5f0c6f5e-3c2a-4a4e-9d7b-1b2c3d4e5f60', 'GET /api/v2/scim/Users/{id}'],
  [
    'get',
    '/api/v2/scim/Users/5F0C6F5E-3C2A-4A4E-9D7B-1B2C3D4E5F60?attributes=id',
    'GET /api/v2/scim/Users/{id}',
  ],
  ['PATCH', '/scim/Groups/42', 'PATCH /scim/Groups/{id}'],
  ['DELETE', '/scim/Users/sh-20261129-ab12.jdoe.k3%40example.com', 'DELETE /scim/Users/{id}'],
  ['GET', '/api/v2/scim/Users?filter=userName%20eq%20%22x%22', 'GET /api/v2/scim/Users'],
  ['POST', '/api/v2/scim/.search', 'POST /api/v2/scim/.search'],
  ['GET', '/api/v2/scim/Users/%E0%A4%A', 'GET /api/v2/scim/Users/%E0%A4%A'],
];

for (const [method, url, key] of KEYS) {
  test(`faultKeyOf(${method} ${url}) is ${key}`, () => {
    expect(faultKeyOf(method, url)).toBe(key);
  });
}

const SPARED: ReadonlyArray<readonly [string, boolean]> = [
  ['/api/v2/scim/ServiceProviderConfig', true],
  ['/api/v2/scim/ServiceProviderConfig/', true],
  ['/api/v2/scim/ResourceTypes/User', true],
  ['/api/v2/scim/Schemas?filter=x', true],
  ['/api/v2/scim/schemas', true],
  ['/admin/keys', true],
  ['/api/v2/scim/Users', false],
  ['/api/v2/scim/Users/Schemas-lookalike', false],
  ['/api/v2/scim/Me', false],
];

for (const [path, spared] of SPARED) {
  test(`isSparedPath(${path}) is ${spared}`, () => {
    expect(isSparedPath(path)).toBe(spared);
  });
}

test('decideFault is deterministic, hits about one request in `rate` and uses every fault kind', () => {
  const options = { rate: 8, faults: FAULT_KINDS, seed: 's' };
  const decisions = Array.from({ length: 8000 }, (_, i) =>
    decideFault(`GET /Users/{id}#${i % 50}`, i, options),
  );
  const again = Array.from({ length: 8000 }, (_, i) => decideFault(`GET /Users/{id}#${i % 50}`, i, options));
  expect(again).toEqual(decisions);
  const faulted = decisions.filter((d) => d !== undefined);
  expect(faulted.length).toBeGreaterThan(8000 / 8 / 1.25);
  expect(faulted.length).toBeLessThan((8000 / 8) * 1.25);
  expect(new Set(faulted)).toEqual(new Set(FAULT_KINDS));
  expect(decideFault('GET /Users', 0, { ...options, faults: [] })).toBeUndefined();
  expect(decideFault('GET /Users', 0, { ...options, rate: 1, faults: ['stall'] })).toBe('stall');
});

test('a different seed gives a different assignment', () => {
  const assign = (seed: string) =>
    Array.from({ length: 400 }, (_, i) =>
      decideFault('POST /Users', i, { rate: 8, faults: FAULT_KINDS, seed }),
    );
  expect(assign('a')).not.toEqual(assign('b'));
});

test('without a fault the answer is passed through untouched, request body included', async () => {
  const proxy = await proxyWith([], 1);
  const response = await fetch(`${proxy.origin}/scim/Users?x=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/scim+json' },
    body: '{"userName":"a"}',
  });
  expect(response.status).toBe(201);
  expect(response.headers.get('content-type')).toBe('application/scim+json');
  expect(response.headers.get('etag')).toBe('W/"7"');
  expect(response.headers.get('x-echo')).toBe('yes');
  expect(await response.json()).toEqual({ method: 'POST', url: '/scim/Users?x=1', body: '{"userName":"a"}' });
  expect(proxy.faults).toEqual([]);
  expect(proxy.forwarded).toBe(1);
});

test('discovery endpoints are never faulted, even at a rate of one in one', async () => {
  const proxy = await proxyWith(['html-503'], 1);
  const response = await fetch(`${proxy.origin}/scim/ServiceProviderConfig`);
  expect(response.status).toBe(201);
  expect(proxy.faults).toEqual([]);
});

const ANSWERED_FAULTS: ReadonlyArray<readonly [FaultKind, number, string]> = [
  ['html-503', 503, 'text/html'],
  ['non-json-500', 500, 'application/json'],
];

for (const [kind, status, contentType] of ANSWERED_FAULTS) {
  test(`${kind} answers ${status} ${contentType} with a body that is not JSON, and forwards nothing`, async () => {
    const proxy = await proxyWith([kind]);
    const before = echo.hits.length;
    const response = await fetch(`${proxy.origin}/scim/Users/1`, { method: 'PUT', body: '{"a":1}' });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(contentType);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(echo.hits.length).toBe(before);
    expect(proxy.faults.map((f) => [f.kind, f.method, f.url, f.key, f.body])).toEqual([
      [kind, 'PUT', '/scim/Users/1', 'PUT /scim/Users/{id}', '{"a":1}'],
    ]);
  });
}

test('connection-reset drops the connection before any answer', async () => {
  const proxy = await proxyWith(['connection-reset']);
  const before = echo.hits.length;
  await expect(fetch(`${proxy.origin}/scim/Users`)).rejects.toThrow();
  expect(echo.hits.length).toBe(before);
  expect(proxy.faults.map((f) => f.kind)).toEqual(['connection-reset']);
});

test('stall sends nothing until the client gives up', async () => {
  const proxy = await proxyWith(['stall']);
  await expect(fetch(`${proxy.origin}/scim/Users`, { signal: AbortSignal.timeout(300) })).rejects.toThrow(
    /aborted|timeout/i,
  );
  expect(proxy.faults.map((f) => f.kind)).toEqual(['stall']);
  expect(proxy.forwarded).toBe(0);
});

test('retry-after-429 answers 429 with Retry-After once, then forwards the same request', async () => {
  const proxy = await proxyWith(['retry-after-429']);
  const url = `${proxy.origin}/scim/Users/9?attributes=id`;
  const first = await fetch(url);
  expect(first.status).toBe(429);
  expect(first.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
  await first.text();
  const second = await fetch(url);
  expect(second.status).toBe(201);
  expect(await second.json()).toMatchObject({ method: 'GET', url: '/scim/Users/9?attributes=id' });
  expect(proxy.retries.map((r) => [r.method, r.url])).toEqual([['GET', '/scim/Users/9?attributes=id']]);
  expect(proxy.retries[0]?.waitedMs).toBeGreaterThanOrEqual(0);
  // Another request is judged by the hash again (rate 1: faulted).
  expect((await fetch(`${proxy.origin}/scim/Users/10`)).status).toBe(429);
});

test('only the throttled request itself is owed a pass, not another request to the same URL', async () => {
  const proxy = await proxyWith(['retry-after-429']);
  const post = (userName: string) =>
    fetch(`${proxy.origin}/scim/Users`, { method: 'POST', body: JSON.stringify({ userName }) });
  expect((await post('alpha')).status).toBe(429);
  expect((await post('bravo')).status).toBe(429);
  const retried = await post('alpha');
  expect(retried.status).toBe(201);
  expect(await retried.json()).toMatchObject({ body: '{"userName":"alpha"}' });
  expect(proxy.retries.map((r) => [r.method, r.url])).toEqual([['POST', '/scim/Users']]);
  expect(proxy.retries.map((r) => proxy.timesSeen(r.identity))).toEqual([2]);
});

const BAD_OPTIONS: ReadonlyArray<readonly [string, Parameters<typeof startFaultProxy>[0], RegExp]> = [
  ['an https upstream', { upstream: 'https://127.0.0.1:1', stallMs: 1 }, /upstream must be http:/],
  ['a rate of 0', { upstream: 'http://127.0.0.1:1', stallMs: 1, rate: 0 }, /rate must be an integer/],
  ['no stall time', { upstream: 'http://127.0.0.1:1', stallMs: 0 }, /stallMs must be a positive number/],
];

for (const [name, options, message] of BAD_OPTIONS) {
  test(`refuses ${name}`, async () => {
    await expect(startFaultProxy(options)).rejects.toThrow(message);
  });
}
