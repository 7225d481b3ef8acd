import { expect, test } from '@playwright/test';
import { createScimClient } from './scim-client.js';
import { closedPort, startTestServer, type TestServer } from './test-support/test-server.js';

const CHUNK = Buffer.alloc(64 * 1024, 'x');

let server: TestServer;
let endlessClosed: Promise<void> = Promise.resolve();

test.beforeAll(async () => {
  server = await startTestServer((req, res) => {
    switch (req.url) {
      case '/scim/never':
        return; // holds the request open and never answers
      case '/scim/slow-body':
        res.writeHead(200, { 'content-type': 'application/scim+json' });
        res.write('{"Resources":[');
        return; // headers arrive, the body never finishes
      case '/scim/reset-mid-body':
        res.writeHead(200, { 'content-type': 'application/scim+json' });
        res.write('{"Resources":[{"id":"1"},');
        setImmediate(() => req.socket.destroy());
        return;
      case '/scim/reset-before-headers':
        req.socket.destroy();
        return;
      case '/scim/endless': {
        res.writeHead(200, { 'content-type': 'application/scim+json' });
        endlessClosed = new Promise((resolve) => res.on('close', () => resolve()));
        const pump = () => {
          // Write until the socket pushes back, then resume on drain: an infinite body, never all in memory.
          let accepted = true;
          while (!res.destroyed && accepted) accepted = res.write(CHUNK);
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
        return;
      }
      case '/scim/big-declared':
        res.writeHead(200, {
          'content-type': 'application/scim+json',
          'content-length': String(3 * CHUNK.length),
        });
        res.end(Buffer.concat([CHUNK, CHUNK, CHUNK]));
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  });
});

test.afterAll(async () => {
  await server.close();
});

const TIMEOUTS = [
  { name: 'no answer at all', path: '/never' },
  { name: 'headers but the body never ends', path: '/slow-body' },
] as const;

for (const row of TIMEOUTS) {
  test(`timeout: ${row.name}`, async () => {
    const client = createScimClient({ tenantUrl: `${server.origin}/scim`, timeoutMs: 150 });
    const exchange = await client.get(row.path);
    expect(exchange.outcome).toBe('timeout');
    expect(exchange.response).toBeUndefined();
    expect(exchange.error).toContain('no complete response within 150 ms');
    expect(exchange.error).toContain(`${server.origin}/scim${row.path}`);
  });
}

test('connection refused on a closed port', async () => {
  const client = createScimClient({ tenantUrl: `http://127.0.0.1:${await closedPort()}/scim` });
  const exchange = await client.get('/Users');
  expect(exchange.outcome).toBe('connection-refused');
  expect(exchange.error).toContain('ECONNREFUSED');
});

const RESETS = ['/reset-mid-body', '/reset-before-headers'] as const;

for (const path of RESETS) {
  test(`connection reset: ${path}`, async () => {
    const client = createScimClient({ tenantUrl: `${server.origin}/scim` });
    const exchange = await client.get(path);
    expect(exchange.outcome).toBe('connection-reset');
    expect(exchange.error).toMatch(/closed the connection/);
  });
}

test('TLS spoken to a plain-HTTP port is a tls fault', async () => {
  const client = createScimClient({ tenantUrl: `https://127.0.0.1:${server.port}/scim` });
  const exchange = await client.get('/Users');
  expect(exchange.outcome).toBe('tls');
});

test('an endless body is cut at maxBodyBytes without being buffered, and the connection is closed', async () => {
  const maxBodyBytes = 256 * 1024;
  const client = createScimClient({
    tenantUrl: `${server.origin}/scim`,
    maxBodyBytes,
    evidenceBodyChars: 100,
  });
  const exchange = await client.get('/endless');
  expect(exchange.outcome).toBe('too-large');
  expect(exchange.error).toContain(`${maxBodyBytes}-byte limit`);
  expect(exchange.response?.status).toBe(200);
  expect(exchange.response?.bodyTruncated).toBe(true);
  expect(exchange.response?.bodyText).toHaveLength(100);
  expect(exchange.response?.json).toBeUndefined();
  // Reading stopped within one chunk of the limit, and the server saw the client hang up.
  expect(exchange.response?.bodyBytes).toBeLessThanOrEqual(maxBodyBytes + CHUNK.length);
  await endlessClosed;
});

test('a body over the limit with a Content-Length is too-large as well', async () => {
  const client = createScimClient({ tenantUrl: `${server.origin}/scim`, maxBodyBytes: CHUNK.length });
  const exchange = await client.get('/big-declared');
  expect(exchange.outcome).toBe('too-large');
  expect(exchange.response?.jsonError).toMatch(/larger than/);
});

test('a caller abort is aborted, not timeout', async () => {
  const client = createScimClient({ tenantUrl: `${server.origin}/scim`, timeoutMs: 10_000 });
  const controller = new AbortController();
  const pending = client.get('/never', { signal: controller.signal });
  setImmediate(() => controller.abort());
  const exchange = await pending;
  expect(exchange.outcome).toBe('aborted');
});

test('an absolute URL that does not parse is an exchange, not a crash', async () => {
  const client = createScimClient({ tenantUrl: `${server.origin}/scim` });
  const exchange = await client.get('http://[not-a-host/Users');
  expect(exchange.outcome).toBe('other-network');
  expect(exchange.error).toMatch(/not a valid URL/);
});
