import { expect, test } from '@playwright/test';
import { SecretRegistry } from '../secrets/redaction.js';
import { ExchangeRecorder } from './exchange-recorder.js';
import { createScimClient } from './scim-client.js';
import type { RequestStartEvent } from './scim-client-options.js';
import { closedPort, startTestServer, type TestServer } from './test-support/test-server.js';

const TOKEN = 'sk-test-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const SCIM_JSON = 'application/scim+json';

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer((req, res, body) => {
    const path = req.url ?? '';
    if (path.startsWith('/scim/echo')) {
      // Echoes everything a careless target might reflect: the credential, the URL, the body.
      res.writeHead(200, { 'content-type': SCIM_JSON, 'x-echo-auth': req.headers.authorization ?? '' });
      res.end(
        JSON.stringify({ authorization: req.headers.authorization, url: path, body, [TOKEN]: 'as a key' }),
      );
    } else if (path.startsWith('/scim/not-json')) {
      res.writeHead(200, { 'content-type': `${SCIM_JSON}; charset=utf-8` });
      res.end(`<html>oops ${TOKEN}</html>`);
    } else if (path.startsWith('/scim/text')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('{"looks":"like json"}');
    } else if (path.startsWith('/scim/empty')) {
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(200, { 'content-type': SCIM_JSON });
      res.end(JSON.stringify({ method: req.method, path, contentType: req.headers['content-type'] ?? null }));
    }
  });
});

test.afterAll(async () => {
  await server.close();
});

test('sends the path before the tenant flags, the token as Bearer, and parses SCIM JSON', async () => {
  const client = createScimClient({ tenantUrl: `${server.origin}/scim/?aadOptscim062020`, token: TOKEN });
  const exchange = await client.get('/Users', { query: { filter: 'userName eq "a b"' } });
  expect(exchange.outcome).toBe('ok');
  const received = server.received.at(-1);
  expect(received?.url).toBe('/scim/Users?aadOptscim062020&filter=userName%20eq%20%22a%20b%22');
  expect(received?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(received?.headers['user-agent']).toBe('scim-harness');
  expect(exchange.request.headers.authorization).toBe('Bearer [REDACTED]');
  expect(exchange.response?.status).toBe(200);
  expect(exchange.response?.json).toEqual({
    method: 'GET',
    path: '/scim/Users?aadOptscim062020&filter=userName%20eq%20%22a%20b%22',
    contentType: null,
  });
  expect(exchange.timing.attempts).toBe(1);
  expect(exchange.timing.endedAt).toBeGreaterThanOrEqual(exchange.timing.startedAt);
});

const METHODS = [
  { method: 'POST', send: (c: ReturnType<typeof createScimClient>) => c.post('/Users', { userName: 'a' }) },
  { method: 'PUT', send: (c: ReturnType<typeof createScimClient>) => c.put('/Users/1', { userName: 'a' }) },
  {
    method: 'PATCH',
    send: (c: ReturnType<typeof createScimClient>) => c.patch('/Users/1', { Operations: [] }),
  },
  { method: 'DELETE', send: (c: ReturnType<typeof createScimClient>) => c.delete('/Users/1') },
] as const;

for (const row of METHODS) {
  test(`${row.method} goes out with its body as SCIM JSON`, async () => {
    const client = createScimClient({ tenantUrl: `${server.origin}/scim`, token: TOKEN });
    const exchange = await row.send(client);
    const received = server.received.at(-1);
    expect(received?.method).toBe(row.method);
    if (row.method === 'DELETE') {
      expect(received?.headers['content-type']).toBeUndefined();
      expect(exchange.request.body).toBeUndefined();
    } else {
      expect(received?.headers['content-type']).toBe(SCIM_JSON);
      expect(JSON.parse(received?.body ?? '')).toEqual(JSON.parse(exchange.request.body ?? ''));
    }
  });
}

test('a scim+json body that is not JSON gives json undefined and a jsonError', async () => {
  const client = createScimClient({ tenantUrl: `${server.origin}/scim`, token: TOKEN });
  const exchange = await client.get('/not-json');
  expect(exchange.outcome).toBe('ok');
  expect(exchange.response?.json).toBeUndefined();
  expect(exchange.response?.jsonError).toMatch(/not valid JSON \(application\/scim\+json\)/);
  expect(exchange.response?.bodyText).toBe('<html>oops [REDACTED]</html>');
});

test('JSON in a text/plain body is parsed only when JSON is expected', async () => {
  const client = createScimClient({ tenantUrl: `${server.origin}/scim` });
  expect((await client.get('/text')).response?.json).toEqual({ looks: 'like json' });
  const strict = await client.get('/text', { expectJson: false });
  expect(strict.response?.json).toBeUndefined();
  expect(strict.response?.jsonError).toBeUndefined();
});

test('an empty 204 has no json and no jsonError', async () => {
  const client = createScimClient({ tenantUrl: `${server.origin}/scim` });
  const exchange = await client.delete('/empty');
  expect(exchange.response?.status).toBe(204);
  expect(exchange.response?.bodyText).toBe('');
  expect(exchange.response?.json).toBeUndefined();
  expect(exchange.response?.jsonError).toBeUndefined();
});

test('token: null sends no Authorization; a per-request token is sent and redacted', async () => {
  const client = createScimClient({ tenantUrl: `${server.origin}/scim`, token: TOKEN });
  await client.get('/Users', { token: null });
  expect(server.received.at(-1)?.headers.authorization).toBeUndefined();
  const other = 'another-secret-token-5555';
  const exchange = await client.get('/echo', { token: other });
  expect(server.received.at(-1)?.headers.authorization).toBe(`Bearer ${other}`);
  expect(JSON.stringify(exchange)).not.toContain(other);
});

test('the token never appears in a recorded exchange: headers, URL, body echo, JSON keys, errors', async () => {
  const recorder = new ExchangeRecorder(10);
  const registry = new SecretRegistry();
  const options = { token: TOKEN, onExchange: recorder.record, secretRegistry: registry } as const;
  const client = createScimClient({ ...options, tenantUrl: `${server.origin}/scim` });
  const echoed = await client.post('/echo', { password: TOKEN }, { query: { note: TOKEN } });
  expect(echoed.outcome).toBe('ok');
  expect(server.received.at(-1)?.body).toContain(TOKEN);
  const dead = createScimClient({ ...options, tenantUrl: `http://127.0.0.1:${await closedPort()}/scim` });
  const failed = await dead.get('/Users', { query: { note: TOKEN } });
  expect(failed.outcome).toBe('connection-refused');
  expect(failed.error).toContain('[REDACTED]');

  expect(recorder.list()).toHaveLength(2);
  const evidence = JSON.stringify(recorder.list());
  for (const form of [TOKEN, encodeURIComponent(TOKEN)]) expect(evidence).not.toContain(form);
  expect(echoed.response?.headers['x-echo-auth']).toBe('Bearer [REDACTED]');
  expect(echoed.response?.json).toMatchObject({
    authorization: 'Bearer [REDACTED]',
    '[REDACTED]': 'as a key',
  });
  expect(registry.redact(`x ${TOKEN}`)).toBe('x [REDACTED]');
});

test('a secret in a custom header is redacted and registered', async () => {
  const apiKey = 'dd-key-0123456789abcdef';
  const client = createScimClient({ tenantUrl: `${server.origin}/scim`, headers: { 'DD-API-KEY': apiKey } });
  const exchange = await client.get('/echo');
  expect(server.received.at(-1)?.headers['dd-api-key']).toBe(apiKey);
  expect(exchange.request.headers['dd-api-key']).toBe('[REDACTED]');
  expect(client.redact(`key=${apiKey}`)).not.toContain(apiKey);
});

test('timing hooks: start event, then server and client time that add up to the duration', async () => {
  const starts: RequestStartEvent[] = [];
  const client = createScimClient({
    tenantUrl: `${server.origin}/scim`,
    onRequestStart: (e) => starts.push(e),
  });
  const exchange = await client.get('/Users');
  expect(starts).toEqual([
    { method: 'GET', url: `${server.origin}/scim/Users`, startedAt: exchange.timing.startedAt },
  ]);
  const { serverMs, clientMs, retryWaitMs, queuedMs } = exchange.timing;
  expect(serverMs).toBeGreaterThan(0);
  expect(serverMs + clientMs + retryWaitMs + queuedMs).toBeCloseTo(exchange.durationMs, 6);
});

test('an injected fetch is used instead of the global one', async () => {
  const seen: string[] = [];
  const fakeFetch: typeof fetch = async (input) => {
    seen.push(String(input));
    return new Response('{"totalResults":0}', { status: 200, headers: { 'content-type': SCIM_JSON } });
  };
  const client = createScimClient({
    tenantUrl: 'https://scim.example/v2?aadOptscim062020',
    fetch: fakeFetch,
  });
  const exchange = await client.get('/Users', { query: { count: 1 } });
  expect(seen).toEqual(['https://scim.example/v2/Users?aadOptscim062020&count=1']);
  expect(exchange.response?.json).toEqual({ totalResults: 0 });
});

test('an absolute URL at another origin never receives the token', async () => {
  const other = await startTestServer((_req, res) => res.end('{}'));
  try {
    const client = createScimClient({ tenantUrl: `${server.origin}/scim`, token: TOKEN });
    const exchange = await client.get(`${other.origin}/Users/1`);
    expect(exchange.outcome).toBe('ok');
    expect(other.received[0]?.headers.authorization).toBeUndefined();
    expect(exchange.request.headers.authorization).toBeUndefined();
  } finally {
    await other.close();
  }
});

const BAD_OPTIONS = [
  {
    name: 'relative tenant URL',
    options: { tenantUrl: '/scim' },
    message: /has no scheme: it must start with https:\/\//,
  },
  { name: 'ftp tenant URL', options: { tenantUrl: 'ftp://h/scim' }, message: /http or https/ },
  {
    name: 'token with newline',
    options: { tenantUrl: 'https://h/scim', token: 'abc\n' },
    message: /line break/,
  },
  { name: 'zero timeout', options: { tenantUrl: 'https://h/scim', timeoutMs: 0 }, message: /timeoutMs/ },
  {
    name: 'negative retries',
    options: { tenantUrl: 'https://h/scim', retry429: { maxRetries: -1 } },
    message: /maxRetries/,
  },
  {
    name: 'header smuggling',
    options: { tenantUrl: 'https://h/scim', headers: { 'x-a': 'b\r\nc' } },
    message: /line break/,
  },
] as const;

for (const row of BAD_OPTIONS) {
  test(`bad option is a CONFIG_INVALID harness error: ${row.name}`, () => {
    let thrown: unknown;
    try {
      createScimClient(row.options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'HarnessError', code: 'CONFIG_INVALID' });
    expect(String((thrown as Error).message)).toMatch(row.message);
  });
}

test('a token with a line break is refused without echoing it', () => {
  expect(() => createScimClient({ tenantUrl: 'https://h/scim', token: 'secret-value\n' })).toThrow(
    expect.objectContaining({ message: expect.not.stringContaining('secret-value') }),
  );
});

test('a throwing hook is the harness fault INTERNAL, not a target outcome', async () => {
  const client = createScimClient({
    tenantUrl: `${server.origin}/scim`,
    onExchange: () => {
      throw new Error('report writer broke');
    },
  });
  await expect(client.get('/Users')).rejects.toMatchObject({ name: 'HarnessError', code: 'INTERNAL' });
});
