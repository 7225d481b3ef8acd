import { expect, test } from '@playwright/test';
import { createScimClient } from './scim-client.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

const TOKEN = 'redirect-test-token-7a6b5c4d3e2f1a0b';

/** The tenant. */
let tenant: TestServer;
/** Another origin (same host, other port). */
let other: TestServer;

function redirect(res: import('node:http').ServerResponse, status: number, location: string | undefined) {
  res.writeHead(status, location === undefined ? {} : { location });
  res.end();
}

test.beforeAll(async () => {
  other = await startTestServer((req, res) => {
    if (req.url === '/landing-then-back') return redirect(res, 302, `${tenant.origin}/scim/final`);
    res.writeHead(200, { 'content-type': 'application/scim+json' });
    res.end('{"where":"other"}');
  });
  tenant = await startTestServer((req, res) => {
    const url = req.url ?? '';
    const chain = /^\/scim\/chain\/(\d+)$/.exec(url);
    if (chain) return redirect(res, 302, `/scim/chain/${Number(chain[1]) + 1}`);
    switch (url) {
      case '/scim/old':
        return redirect(res, 301, '/scim/new');
      case '/scim/away':
        return redirect(res, 307, `${other.origin}/landing`);
      case '/scim/away-and-back':
        return redirect(res, 307, `${other.origin}/landing-then-back`);
      case '/scim/see-other':
        return redirect(res, 303, '/scim/new');
      case '/scim/temporary':
        return redirect(res, 307, '/scim/new');
      case '/scim/loop-a':
        return redirect(res, 302, '/scim/loop-b');
      case '/scim/loop-b':
        return redirect(res, 302, '/scim/loop-a');
      case '/scim/no-location':
        return redirect(res, 302, undefined);
      case '/scim/to-file':
        return redirect(res, 302, 'file:///etc/passwd');
      default:
        res.writeHead(200, { 'content-type': 'application/scim+json' });
        res.end(JSON.stringify({ where: 'tenant', url }));
    }
  });
});

test.afterAll(async () => {
  await Promise.all([tenant.close(), other.close()]);
});

test('a same-origin redirect is followed with the Authorization header', async () => {
  const client = createScimClient({ tenantUrl: `${tenant.origin}/scim`, token: TOKEN, redirects: 5 });
  const exchange = await client.get('/old');
  expect(exchange.outcome).toBe('ok');
  expect(exchange.response?.json).toEqual({ where: 'tenant', url: '/scim/new' });
  expect(tenant.received.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(exchange.redirects).toEqual([
    {
      status: 301,
      from: `${tenant.origin}/scim/old`,
      to: `${tenant.origin}/scim/new`,
      authorizationSent: true,
    },
  ]);
});

test('a cross-origin redirect strips Authorization: the other server never sees the token', async () => {
  const client = createScimClient({ tenantUrl: `${tenant.origin}/scim`, token: TOKEN, redirects: 5 });
  const exchange = await client.get('/away');
  expect(exchange.outcome).toBe('ok');
  expect(exchange.response?.json).toEqual({ where: 'other' });
  expect(other.received.at(-1)?.url).toBe('/landing');
  expect(other.received.at(-1)?.headers.authorization).toBeUndefined();
  expect(exchange.redirects[0]).toMatchObject({ status: 307, authorizationSent: false });
});

test('credentials stay withheld when a redirect chain comes back to the tenant', async () => {
  const client = createScimClient({ tenantUrl: `${tenant.origin}/scim`, token: TOKEN, redirects: 5 });
  const exchange = await client.get('/away-and-back');
  expect(exchange.outcome).toBe('ok');
  expect(exchange.redirects.map((hop) => hop.authorizationSent)).toEqual([false, false]);
  expect(tenant.received.at(-1)?.url).toBe('/scim/final');
  expect(tenant.received.at(-1)?.headers.authorization).toBeUndefined();
});

const METHOD_RULES = [
  { path: '/see-other', status: 303, method: 'GET', bodyKept: false },
  { path: '/old', status: 301, method: 'GET', bodyKept: false },
  { path: '/temporary', status: 307, method: 'POST', bodyKept: true },
] as const;

for (const row of METHOD_RULES) {
  test(`POST through a ${row.status} arrives as ${row.method}`, async () => {
    const client = createScimClient({ tenantUrl: `${tenant.origin}/scim`, token: TOKEN, redirects: 5 });
    await client.post(row.path, { userName: 'bjensen' });
    const last = tenant.received.at(-1);
    expect(last?.method).toBe(row.method);
    expect(last?.body).toBe(row.bodyKept ? '{"userName":"bjensen"}' : '');
    expect(last?.headers['content-type']).toBe(row.bodyKept ? 'application/scim+json' : undefined);
  });
}

test('a redirect loop is reported as redirect-loop with the last 3xx as evidence', async () => {
  const client = createScimClient({ tenantUrl: `${tenant.origin}/scim`, redirects: 5 });
  const exchange = await client.get('/loop-a');
  expect(exchange.outcome).toBe('redirect-loop');
  expect(exchange.error).toContain(`loop back to ${tenant.origin}/scim/loop-a`);
  expect(exchange.response?.status).toBe(302);
  expect(exchange.redirects).toHaveLength(2);
});

test('an endless chain stops after the configured number of redirects', async () => {
  const client = createScimClient({ tenantUrl: `${tenant.origin}/scim`, redirects: 3 });
  const exchange = await client.get('/chain/0');
  expect(exchange.outcome).toBe('redirect-loop');
  expect(exchange.error).toContain('more than 3 redirects');
  expect(exchange.redirects).toHaveLength(3);
});

test('redirects: 0 hands the 3xx back as the response', async () => {
  const client = createScimClient({ tenantUrl: `${tenant.origin}/scim`, redirects: 0 });
  const exchange = await client.get('/old');
  expect(exchange.outcome).toBe('ok');
  expect(exchange.response?.status).toBe(301);
  expect(exchange.response?.headers.location).toBe('/scim/new');
  expect(exchange.redirects).toEqual([]);
});

test('by default no redirect is followed: a POST to another origin is handed back, and nothing reaches it', async () => {
  const before = other.received.length;
  const client = createScimClient({ tenantUrl: `${tenant.origin}/scim`, token: TOKEN });
  const exchange = await client.post('/away', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: 'x',
  });
  expect(exchange.outcome).toBe('ok');
  expect(exchange.response?.status).toBe(307);
  expect(exchange.redirects).toEqual([]);
  expect(other.received.length, 'no body and no credentials went to the other origin').toBe(before);
});

const UNFOLLOWABLE = [
  { path: '/no-location', why: 'no Location header' },
  { path: '/to-file', why: 'file: URL' },
] as const;

for (const row of UNFOLLOWABLE) {
  test(`a redirect that cannot be followed is explained: ${row.why}`, async () => {
    const client = createScimClient({ tenantUrl: `${tenant.origin}/scim`, redirects: 5 });
    const exchange = await client.get(row.path);
    expect(exchange.outcome).toBe('other-network');
    expect(exchange.error).toContain(row.why);
    expect(exchange.response?.status).toBe(302);
  });
}
