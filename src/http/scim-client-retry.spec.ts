import { expect, test } from '@playwright/test';
import type { RetryPolicy } from './retry-after.js';
import { createScimClient } from './scim-client.js';
import { ManualClock } from './test-support/manual-clock.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

/** Answers 429 with the given Retry-After for the first `times` requests to a path, then 200. */
let server: TestServer;
const plans = new Map<string, { times: number; retryAfter: (clock: ManualClock) => string | undefined }>();
let clock = new ManualClock();

test.beforeAll(async () => {
  server = await startTestServer((req, res) => {
    const url = req.url ?? '';
    const plan = plans.get(url);
    const seen = server.received.filter((r) => r.url === url).length;
    if (plan && seen <= plan.times) {
      const retryAfter = plan.retryAfter(clock);
      res.writeHead(429, retryAfter === undefined ? {} : { 'retry-after': retryAfter });
      res.end('{"status":"429"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/scim+json' });
    res.end('{"ok":true}');
  });
});

test.afterAll(async () => {
  await server.close();
});

test.beforeEach(() => {
  clock = new ManualClock();
});

const CASES: ReadonlyArray<{
  name: string;
  times: number;
  retryAfter: (clock: ManualClock) => string | undefined;
  retry429?: Partial<RetryPolicy> | false;
  status: number;
  waits: number[];
  requested: (number | undefined)[];
}> = [
  {
    name: 'Retry-After seconds is honoured',
    times: 1,
    retryAfter: () => '2',
    status: 200,
    waits: [2_000],
    requested: [2_000],
  },
  {
    name: 'Retry-After HTTP-date is honoured',
    times: 1,
    retryAfter: (c) => new Date(c.now() + 5_000).toUTCString(),
    status: 200,
    waits: [5_000],
    requested: [5_000],
  },
  {
    name: 'a long Retry-After is cut to maxRetryAfterMs',
    times: 1,
    retryAfter: () => '3600',
    retry429: { maxRetryAfterMs: 1_500 },
    status: 200,
    waits: [1_500],
    requested: [3_600_000],
  },
  {
    name: 'no Retry-After waits the default',
    times: 1,
    retryAfter: () => undefined,
    retry429: { defaultWaitMs: 250 },
    status: 200,
    waits: [250],
    requested: [undefined],
  },
  {
    name: 'maxRetries bounds the attempts; the last 429 is returned',
    times: 5,
    retryAfter: () => '1',
    retry429: { maxRetries: 2 },
    status: 429,
    waits: [1_000, 1_000],
    requested: [1_000, 1_000],
  },
  {
    name: 'a backoff factor doubles each further wait (Okta)',
    times: 3,
    retryAfter: () => '1',
    retry429: { maxRetries: 10, backoffFactor: 2 },
    status: 200,
    waits: [1_000, 2_000, 4_000],
    requested: [1_000, 1_000, 1_000],
  },
  {
    name: 'integerSecondsOnly takes an HTTP-date for no Retry-After (Okta)',
    times: 1,
    retryAfter: () => 'Wed, 21 Oct 2015 07:28:00 GMT',
    retry429: { defaultWaitMs: 300, integerSecondsOnly: true },
    status: 200,
    waits: [300],
    requested: [undefined],
  },
  {
    name: 'retry429: false returns the first 429',
    times: 1,
    retryAfter: () => '1',
    retry429: false,
    status: 429,
    waits: [],
    requested: [],
  },
];

for (const [index, row] of CASES.entries()) {
  test(`429: ${row.name}`, async () => {
    const path = `/scim/case-${index}`;
    plans.set(path, { times: row.times, retryAfter: row.retryAfter });
    const client = createScimClient({
      tenantUrl: `${server.origin}/scim`,
      clock,
      ...(row.retry429 === undefined ? {} : { retry429: row.retry429 }),
    });
    const exchange = await client.get(`/case-${index}`);
    expect(exchange.outcome).toBe('ok');
    expect(exchange.response?.status).toBe(row.status);
    expect(exchange.retries.map((r) => r.waitedMs)).toEqual(row.waits);
    expect(exchange.retries.map((r) => r.requestedMs)).toEqual(row.requested);
    expect(exchange.retries.every((r) => r.status === 429)).toBe(true);
    expect(clock.sleeps).toEqual(row.waits);
    expect(exchange.timing.retryWaitMs).toBe(row.waits.reduce((a, b) => a + b, 0));
    expect(exchange.timing.attempts).toBe(row.waits.length + 1);
    expect(server.received.filter((r) => r.url === path)).toHaveLength(row.waits.length + 1);
  });
}

test('an abort during the Retry-After wait ends the exchange as aborted, with the 429 as evidence', async () => {
  plans.set('/scim/abort-wait', { times: 1, retryAfter: () => '30' });
  const controller = new AbortController();
  const sleepy = new ManualClock();
  sleepy.sleep = (_ms, signal) =>
    new Promise((_resolve, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      controller.abort();
    });
  const client = createScimClient({ tenantUrl: `${server.origin}/scim`, clock: sleepy });
  const exchange = await client.get('/abort-wait', { signal: controller.signal });
  expect(exchange.outcome).toBe('aborted');
  expect(exchange.response?.status).toBe(429);
  expect(exchange.error).toContain('retry after 429');
});

test.describe('retry5xx', () => {
  let flaky: TestServer;
  /** Answers 500 with a SCIM error to the first `failures` requests of each method, then 200. */
  let failures = 1;
  test.beforeAll(async () => {
    flaky = await startTestServer((req, res) => {
      const seen = flaky.received.filter((r) => r.method === req.method).length;
      if (seen <= failures) {
        res.writeHead(500, { 'content-type': 'application/scim+json' });
        res.end('{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"500"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/scim+json' });
      res.end('{"ok":true}');
    });
  });
  test.afterAll(async () => {
    await flaky.close();
  });
  test.beforeEach(() => {
    flaky.received.length = 0;
  });

  const client = (retry5xx: { maxRetries: number; waitMs: number } | false) =>
    createScimClient({ tenantUrl: `${flaky.origin}/scim`, retry5xx, clock: new ManualClock() });

  test('an idempotent request that met a passing 500 is sent again, after the wait', async () => {
    failures = 1;
    const exchange = await client({ maxRetries: 2, waitMs: 250 }).get('/Users/1');
    expect(exchange.response?.status).toBe(200);
    expect(exchange.retries).toEqual([{ status: 500, waitedMs: 250 }]);
    expect(flaky.received).toHaveLength(2);
  });

  test('a 500 that persists is handed back after the bounded retries', async () => {
    failures = 5;
    const exchange = await client({ maxRetries: 2, waitMs: 0 }).put('/Users/1', { schemas: [] });
    expect(exchange.response?.status).toBe(500);
    expect(exchange.retries).toHaveLength(2);
    expect(flaky.received).toHaveLength(3);
  });

  test('POST and PATCH are never sent twice, nor is anything retried by default', async () => {
    failures = 1;
    const retrying = client({ maxRetries: 2, waitMs: 0 });
    expect((await retrying.post('/Users', { schemas: [] })).response?.status).toBe(500);
    expect((await retrying.patch('/Users/1', { schemas: [] })).response?.status).toBe(500);
    expect((await client(false).get('/Users/1')).response?.status).toBe(500);
    expect(flaky.received.map((r) => r.method)).toEqual(['POST', 'PATCH', 'GET']);
  });
});
