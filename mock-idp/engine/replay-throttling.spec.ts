/**
 * The Entra client's reaction to 429 over whole cycles: `honour` waits as Retry-After asks and sends the same request
 * again within the cycle; `nextCycle` leaves the object escrowed (`TooManyRequests`) for the next cycle. The embedded
 * reference server sits behind a fetch that answers the first matching requests 429 itself, so every other answer is
 * the server's own.
 * @see https://www.rfc-editor.org/rfc/rfc6585#section-4
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-quarantine-status
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../src/reference-server/index.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import type { ProvisioningLogEntry } from './provisioning-log.js';
import { type Replay429Policy, type ReplayOptions, runReplay } from './replay.js';

/** What the throttle answers 429 to: the first `times` requests with this method and a path that matches. */
interface ThrottleRule {
  method: string;
  path: RegExp;
  times: number;
}

/** One request the throttle saw, and whether it answered it itself. */
interface SeenRequest {
  method: string;
  path: string;
  /** Path and query. */
  url: string;
  body: string;
  throttled: boolean;
}

/** The throttle's Retry-After, in seconds; it answers with a SCIM error body, as a real target would. */
const RETRY_AFTER = '1';
const USERS = /\/Users$/;
const ONE_USER = /\/Users\/[^/]+$/;

/** A fetch in front of the server that throttles as `rule` says and records every request it passes or answers. */
function throttlingFetch(rule: ThrottleRule): { fetch: typeof fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  let left = rule.times;
  const throttled: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname;
    const body = request.method === 'GET' ? '' : await request.clone().text();
    const match = left > 0 && request.method === rule.method && rule.path.test(path);
    seen.push({ method: request.method, path, url: path + url.search, body, throttled: match });
    if (!match) return fetch(request);
    left--;
    const error = { schemas: [SCHEMA_URNS.Error], status: '429', detail: 'too many requests' };
    return new Response(JSON.stringify(error), {
      status: 429,
      headers: { 'content-type': 'application/scim+json', 'retry-after': RETRY_AFTER },
    });
  };
  return { fetch: throttled, seen };
}

function userNameOf(body: string): string {
  const parsed: unknown = JSON.parse(body);
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    'userName' in parsed &&
    typeof parsed.userName === 'string'
  )
    return parsed.userName;
  throw new Error(`no userName in ${body}`);
}

async function readLog(dir: string): Promise<ProvisioningLogEntry[]> {
  const text = await readFile(join(dir, 'provisioning-log.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ProvisioningLogEntry);
}

let server: RunningReferenceServer;
test.beforeAll(async () => {
  server = await startReferenceServer();
});
test.afterAll(async () => {
  await server.close();
});

function replayOptions(
  runId: string,
  on429: Replay429Policy,
  cycles: number,
  fetchImpl: typeof fetch,
): ReplayOptions {
  return {
    tenantUrl: server.baseUrl,
    token: server.adminToken,
    users: 6,
    groups: 0,
    cycles,
    churn: 0,
    seed: 11,
    runId,
    // One request at a time: the throttled creates are the first ones sent, in the directory's order.
    concurrency: 1,
    on429,
    fetch: fetchImpl,
    reportDir: test.info().outputPath('report'),
  };
}

/** The creates the throttle saw, per userName, in the order sent: `true` where it answered 429. */
function createsByUser(seen: readonly SeenRequest[]): Map<string, boolean[]> {
  const result = new Map<string, boolean[]>();
  for (const request of seen) {
    if (request.method !== 'POST' || !request.path.endsWith('/Users')) continue;
    const name = userNameOf(request.body);
    result.set(name, [...(result.get(name) ?? []), request.throttled]);
  }
  return result;
}

test('honour: the throttled create waits as Retry-After asks and succeeds in the same cycle', async () => {
  const throttle = throttlingFetch({ method: 'POST', path: USERS, times: 2 });
  const outcome = await runReplay(replayOptions('throttle-honour', 'honour', 1, throttle.fetch));
  const [cycle] = outcome.result.cycles;
  // One request at a time: the first create is answered 429 twice, then sent a third time and accepted.
  const creates = createsByUser(throttle.seen);
  const [first, ...rest] = [...creates];
  expect(first?.[1]).toEqual([true, true, false]);
  for (const [name, attempts] of rest) expect(attempts, name).toEqual([false]);
  // Every create answered 201 in the end, within cycle 1: nothing escrowed, nothing diverges.
  expect(cycle?.operations.Create).toEqual({ '201': creates.size });
  expect(cycle?.converged).toBe(true);
  expect(cycle?.divergences).toEqual([]);
  expect(outcome.timeline).toEqual([]);
  // The provisioning log shows the create retried, each wait the one Retry-After asked for.
  const log = await readLog(test.info().outputPath('report'));
  const entry = log.find((e) => e.cycle === 1 && e.object === `User ${first?.[0]}`);
  expect(entry).toMatchObject({ action: 'Create', status: 'Success' });
  expect(entry?.errorCode).toBeUndefined();
  const create = entry?.exchanges.find((exchange) => exchange.operation === 'createUser');
  expect(create?.status).toBe('201');
  expect(create?.retries).toEqual([
    { status: 429, retryAfter: RETRY_AFTER, requestedMs: 1000, waitedMs: 1000 },
    { status: 429, retryAfter: RETRY_AFTER, requestedMs: 1000, waitedMs: 1000 },
  ]);
  const retried = log.filter((e) => e.exchanges.some((exchange) => exchange.retries !== undefined));
  expect(retried.map((e) => e.object)).toEqual([`User ${first?.[0]}`]);
  expect(outcome.cleanup).toEqual({ deleted: creates.size, failed: 0 });
});

test('nextCycle: throttled creates are escrowed as TooManyRequests and provisioned by cycle 2', async () => {
  const throttle = throttlingFetch({ method: 'POST', path: USERS, times: 2 });
  const outcome = await runReplay(replayOptions('throttle-next', 'nextCycle', 2, throttle.fetch));
  const [first, second] = outcome.result.cycles;
  const creates = createsByUser(throttle.seen);
  const throttled = [...creates].filter(([, attempts]) => attempts[0] === true).map(([name]) => name);
  expect(throttled).toHaveLength(2);
  // Not sent again within cycle 1: each throttled user's create went out once per cycle, the second time accepted.
  for (const name of throttled) expect(creates.get(name), name).toEqual([true, false]);
  for (const [name, attempts] of creates)
    if (!throttled.includes(name)) expect(attempts, name).toEqual([false]);

  expect(first?.operations.Create).toEqual({ '201': creates.size - 2, '429': 2 });
  expect(first?.converged).toBe(false);
  expect(first?.quarantined).toBe(false);
  expect(first?.divergences).toEqual(
    throttled.map((name) => ({
      object: `User ${name}`,
      attribute: '(resource)',
      expected: 'provisioned',
      found: 'absent',
      // Why, in the target's own words: its answer to the create it throttled.
      targetError: {
        request: 'POST /api/v2/scim/Users',
        status: '429',
        code: 'TooManyRequests',
        text: 'too many requests',
      },
    })),
  );
  // Escrowed: the job is not quarantined, the failures are put on the timeline for the next cycle.
  const events = Object.values(first?.operations ?? {})
    .flatMap((byStatus) => Object.values(byStatus))
    .reduce((sum, count) => sum + count, 0);
  expect(outcome.timeline).toEqual([
    expect.objectContaining({ cycle: 1, event: 'escrow', cause: `2 of ${events} events failed` }),
  ]);

  expect(second?.operations.Create).toEqual({ '201': 2 });
  expect(second?.converged).toBe(true);
  expect(second?.divergences).toEqual([]);

  const log = await readLog(test.info().outputPath('report'));
  for (const name of throttled) {
    const entries = log.filter((e) => e.object === `User ${name}` && e.action === 'Create');
    expect(entries.map((e) => [e.cycle, e.status, e.errorCode])).toEqual([
      [1, 'Failure', 'TooManyRequests'],
      [2, 'Success', undefined],
    ]);
    const failed = entries[0]?.exchanges.at(-1);
    expect(failed).toMatchObject({ operation: 'createUser', status: '429' });
    expect(failed?.retries).toBeUndefined();
  }
  expect(outcome.cleanup).toEqual({ deleted: creates.size, failed: 0 });
});

// The harness's own requests are not Entra's behaviour under test: they wait out a 429 whatever `on429` says, so a
// throttling target neither stops the run nor leaves a false divergence or objects behind. With no groups and no
// churn, cycle 1 itself neither reads a user by id nor deletes one: those requests are the read-back's and cleanup's.
const HARNESS_ROWS: { name: string; rule: ThrottleRule }[] = [
  { name: 'Test Connection', rule: { method: 'GET', path: USERS, times: 1 } },
  { name: 'the convergence read-back', rule: { method: 'GET', path: ONE_USER, times: 1 } },
  { name: 'cleanup', rule: { method: 'DELETE', path: ONE_USER, times: 1 } },
];

for (const { name, rule } of HARNESS_ROWS) {
  test(`nextCycle: ${name} still honours Retry-After`, async () => {
    const throttle = throttlingFetch(rule);
    const runId = `throttle-harness-${rule.method.toLowerCase()}`;
    const outcome = await runReplay(replayOptions(runId, 'nextCycle', 1, throttle.fetch));
    const hits = throttle.seen.filter(
      (request) => request.method === rule.method && rule.path.test(request.path),
    );
    const index = hits.findIndex((request) => request.throttled);
    expect(index).toBeGreaterThanOrEqual(0);
    // The very next such request is the same one sent again (one request at a time), and it went through.
    expect(hits[index + 1]).toMatchObject({
      url: hits[index]?.url,
      body: hits[index]?.body,
      throttled: false,
    });
    expect(outcome.result.cycles[0]?.converged).toBe(true);
    expect(outcome.result.cycles[0]?.divergences).toEqual([]);
    expect(outcome.cleanup.failed).toBe(0);
    expect(outcome.timeline).toEqual([]);
  });
}

test('an on429 policy the engine does not know is refused before anything is sent', async () => {
  const throttle = throttlingFetch({ method: 'POST', path: USERS, times: 0 });
  const options = replayOptions('throttle-bad-policy', 'honour', 1, throttle.fetch);
  // A script without the types: the value arrives as plain text.
  const run = runReplay({ ...options, on429: JSON.parse('"later"') as Replay429Policy });
  await expect(run).rejects.toThrow('on429 must be one of honour, nextCycle, got later');
  expect(throttle.seen).toEqual([]);
});
