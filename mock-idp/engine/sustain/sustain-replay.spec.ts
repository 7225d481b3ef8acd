/**
 * A sustained load through `runReplay` against the embedded reference server: a fetch in front of it answers some of
 * the load's requests 429 itself, with or without Retry-After, so the verdict's Retry-After rule is seen failing and
 * holding on real exchanges; the mix is sent in the client's mode shapes and everything it created is gone at the
 * end; Ctrl-C stops the load and leaves a report marked interrupted.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createScimClient } from '../../../src/http/index.js';
import { type RunningReferenceServer, startReferenceServer } from '../../../src/reference-server/index.js';
import { parseReplayResult } from '../../../src/run-contract/index.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { ReplayInterruptedError, type ReplayOptions, runReplay } from '../replay.js';

let server: RunningReferenceServer;
test.beforeAll(async () => {
  server = await startReferenceServer();
});
test.afterAll(async () => {
  await server.close();
});

/** One request the fetch saw during the load. */
interface Seen {
  method: string;
  path: string;
  body: string;
}

/**
 * A fetch in front of the server that, once `armed()`, answers the first `times` lookups 429 itself (with
 * `retryAfter` as its header, none when undefined) and records every request it sees while armed.
 */
function throttlingFetch(armed: () => boolean, times: number, retryAfter: string | undefined) {
  const seen: Seen[] = [];
  let left = times;
  const throttled: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!armed()) return fetch(request);
    const url = new URL(request.url);
    const body = request.method === 'GET' ? '' : await request.clone().text();
    seen.push({ method: request.method, path: url.pathname + url.search, body });
    if (left <= 0 || request.method !== 'GET' || !url.searchParams.has('filter')) return fetch(request);
    left--;
    const error = { schemas: [SCHEMA_URNS.Error], status: '429', detail: 'slow down' };
    return new Response(JSON.stringify(error), {
      status: 429,
      headers: {
        'content-type': 'application/scim+json',
        ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
      },
    });
  };
  return { fetch: throttled, seen };
}

function options(runId: string, extra: Partial<ReplayOptions>): ReplayOptions {
  return {
    tenantUrl: server.baseUrl,
    token: server.adminToken,
    users: 10,
    groups: 2,
    cycles: 1,
    churn: 0,
    seed: 21,
    runId,
    reportDir: test.info().outputPath('report'),
    sustain: { rps: 20, durationMs: 1500 },
    ...extra,
  };
}

/** Users on the server whose userName carries the run id. */
async function usersOf(runId: string): Promise<number> {
  const client = createScimClient({ tenantUrl: server.baseUrl, token: server.adminToken });
  const exchange = await client.get('/Users', { query: `filter=userName co "${runId}"` });
  const list = exchange.response?.json as { totalResults?: number } | undefined;
  return list?.totalResults ?? -1;
}

test('a 429 without Retry-After fails the verdict, though the retried request then succeeded', async () => {
  let armed = false;
  const throttle = throttlingFetch(() => armed, 2, undefined);
  const outcome = await runReplay(
    options('sustain-bare-429', {
      fetch: throttle.fetch,
      onProgress: (progress) => {
        armed ||= progress.phase === 'sustain';
      },
    }),
  );
  const sustain = outcome.result.sustain;
  expect(sustain?.totals).toMatchObject({ throttled: 2, throttledWithoutRetryAfter: 2, errors: 0 });
  expect(sustain?.verdict.held).toBe(false);
  expect(sustain?.verdict.reasons).toEqual(['2 of 2 429 answer(s) carried no readable Retry-After']);
  // The client waited its default second and sent them again: the rate itself held.
  expect(sustain?.verdict.checks.find((c) => c.name === 'rate')?.held).toBe(true);
  const written = parseReplayResult(
    JSON.parse(await readFile(join(test.info().outputPath('report'), 'replay.json'), 'utf8')),
  );
  expect(written.sustain?.verdict.held).toBe(false);
});

test('429s with Retry-After are honoured and recorded; the verdict holds', async () => {
  let armed = false;
  const throttle = throttlingFetch(() => armed, 2, '1');
  const outcome = await runReplay(
    options('sustain-polite-429', {
      fetch: throttle.fetch,
      onProgress: (progress) => {
        armed ||= progress.phase === 'sustain';
      },
    }),
  );
  expect(outcome.result.sustain?.totals).toMatchObject({ throttled: 2, throttledWithoutRetryAfter: 0 });
  expect(outcome.result.sustain?.verdict).toMatchObject({ held: true, reasons: [] });
});

for (const mode of ['legacy', 'compliant'] as const) {
  test(`the mix is sent in the ${mode} client's shapes, and what it created is deleted`, async () => {
    let armed = false;
    const recorder = throttlingFetch(() => armed, 0, undefined);
    const runId = `sustain-mix-${mode}`;
    const outcome = await runReplay(
      options(runId, {
        mode,
        fetch: recorder.fetch,
        sustain: { rps: 100, durationMs: 2000 },
        onProgress: (progress) => {
          armed ||= progress.phase === 'sustain';
        },
      }),
    );
    const sustain = outcome.result.sustain;
    expect(sustain?.verdict.held, JSON.stringify(sustain?.verdict)).toBe(true);
    const load = recorder.seen.filter((r) => r.method !== 'DELETE');
    expect(load).toHaveLength(200);
    const counts = sustain?.totals.operations ?? {};
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(200);
    // Mostly lookups, and every other kind present.
    expect(counts.lookup ?? 0).toBeGreaterThan(90);
    for (const kind of ['update', 'membership', 'create', 'disable'])
      expect(counts[kind] ?? 0).toBeGreaterThan(0);
    expect(load.filter((r) => r.method === 'GET').every((r) => r.path.includes('filter=userName+eq+'))).toBe(
      true,
    );
    const patches = load.filter((r) => r.method === 'PATCH').map((r) => r.body);
    const op = mode === 'legacy' ? /"op":"(Replace|Add|Remove)"/ : /"op":"(replace|add|remove)"/;
    expect(patches.every((body) => op.test(body))).toBe(true);
    expect(patches.some((body) => body.includes('"path":"members"'))).toBe(true);
    expect(patches.some((body) => body.includes('"path":"active"'))).toBe(true);
    const creates = load
      .filter((r) => r.method === 'POST')
      .map((r) => JSON.parse(r.body) as { userName: string });
    expect(creates.every((user) => user.userName.includes(runId))).toBe(true);
    // Joiners and the seeded directory are gone.
    expect(outcome.cleanup.failed).toBe(0);
    expect(await usersOf(runId)).toBe(0);
  });
}

test('Ctrl-C during the load stops it, cleans up, and writes a report marked interrupted', async () => {
  const abort = new AbortController();
  const runId = 'sustain-interrupted';
  const run = runReplay(
    options(runId, {
      signal: abort.signal,
      sustain: { rps: 20, durationMs: 60_000 },
      onProgress: (progress) => {
        if (progress.phase === 'sustain' && progress.done >= 1) abort.abort();
      },
    }),
  );
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReplayInterruptedError);
  const written = parseReplayResult(
    JSON.parse(await readFile(join(test.info().outputPath('report'), 'replay.json'), 'utf8')),
  );
  expect(written.interrupted).toBe(true);
  expect(written.sustain?.interrupted).toBe(true);
  expect(written.sustain?.ranS).toBeLessThan(10);
  expect(written.sustain?.verdict.checks.find((c) => c.name === 'complete')).toMatchObject({ held: false });
  expect(await usersOf(runId)).toBe(0);
});
