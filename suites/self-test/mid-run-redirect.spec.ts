/**
 * A target that starts redirecting mid-run: the embedded reference server behind a proxy that forwards the first
 * requests untouched and, from the first PUT or PATCH after them on, answers every request with a redirect (307, 308,
 * 302, 301 and 303 in turn; after a 307 or 308 a client that follows sends the same method and body again) whose
 * Location is the same path on another server (cross-origin) or a path of the proxy itself (same origin, where a
 * client that follows keeps the Authorization header). The harness follows no redirect (see
 * src/http/redirect-policy.ts), so:
 * - nothing reaches the other server, nor the proxy's relocated paths, and no body is sent twice: no request, body
 *   or credential goes where a redirect points;
 * - no check is `failed`: a redirect is not the service's answer, so it is no verdict on the service;
 * - every check that met a redirect before its verdict is `error` ("could not evaluate") and its message names the
 *   redirect; every `error` met one;
 * - checks evaluated before the switch still pass, and nothing in the result or the output carries the token.
 * Were redirects followed, the other server or the relocated paths would receive the checks' requests (their bodies
 * too after the first redirect, a 307 to a PUT or PATCH) and the first assertions would fail.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch
 */
import { mkdtempSync, rmSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SCIM_BASE_PATH, startReferenceServer } from '../../src/reference-server/index.js';
import { formatTable } from '../../src/report/index.js';
import { runSuites } from './suite-runs.js';

/**
 * Requests forwarded before the proxy waits for a PUT or PATCH to start redirecting: the global setup's capabilities
 * read (6 requests) and the first checks of both workers, about 40% of the ~110 requests of the selected checks.
 */
const FORWARD_FIRST = 45;
/**
 * Checks that create, replace, patch and delete users (32 runs over the profiles). Few, because each check in `error`
 * costs Playwright a new worker (about a second on two cores): the whole test stays well under a minute.
 */
const FILES = [
  'suites/checks/users/replace.checks.ts',
  'suites/checks/users/delete.checks.ts',
  'suites/checks/patch/response.checks.ts',
];
/** The statuses the proxy answers with, in turn; the first redirect is one that re-sends the body when followed. */
const REDIRECT_STATUSES = [307, 308, 302, 301, 303] as const;
/** Methods whose request carries a body that a followed 307 or 308 would send again. */
const SWITCH_ON = new Set(['PUT', 'PATCH']);
/** Same-origin redirects point below this prefix on the proxy, where no request of the harness belongs. */
const RELOCATED = '/relocated';

/** A request as a server received it. */
interface SeenRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request the proxy received, with what it answered. */
interface ProxiedRequest extends SeenRequest {
  /** The status the proxy answered itself; absent when it forwarded the request. */
  redirected?: number;
  location?: string;
}

interface Listening {
  origin: string;
  close(): Promise<void>;
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => resolve(Buffer.concat(chunks)));
    incoming.once('error', reject);
  });
}

async function listen(server: Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server on 127.0.0.1 that records every request it receives and answers 404. */
async function startElsewhere(): Promise<Listening & { seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  const server = createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming).catch(() => Buffer.alloc(0));
    seen.push({ method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body });
    outgoing.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  return { ...(await listen(server)), seen };
}

/**
 * A proxy on 127.0.0.1 in front of `upstream` that forwards requests until it has forwarded `forwardFirst` and then
 * meets a PUT or PATCH: from that request on, it answers every request with a redirect, pointing in turn at the same
 * path on `elsewhere` and below the proxy's own {@link RELOCATED} prefix.
 */
async function startSwitchingProxy(options: {
  upstream: string;
  elsewhere: string;
  forwardFirst: number;
}): Promise<Listening & { log: ProxiedRequest[] }> {
  const upstream = new URL(options.upstream);
  const log: ProxiedRequest[] = [];
  let forwarded = 0;
  let switched = false;
  let redirects = 0;
  let origin = '';
  const server = createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming).catch(() => Buffer.alloc(0));
    const url = incoming.url ?? '/';
    const seen: ProxiedRequest = { method: incoming.method ?? '', url, headers: incoming.headers, body };
    log.push(seen);
    // Only a client that followed a redirect comes here; it gets nothing from the service.
    if (url.startsWith(RELOCATED)) {
      outgoing.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    switched ||= forwarded >= options.forwardFirst && SWITCH_ON.has(seen.method);
    if (switched) {
      const status = REDIRECT_STATUSES[redirects % REDIRECT_STATUSES.length] ?? 307;
      const location = redirects % 2 === 0 ? `${options.elsewhere}${url}` : `${origin}${RELOCATED}${url}`;
      redirects += 1;
      seen.redirected = status;
      seen.location = location;
      outgoing
        .writeHead(status, { location, 'content-type': 'text/html' })
        .end(`<html><body><a href="${location}">Moved</a></body></html>`);
      return;
    }
    forwarded += 1;
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    forward.end(body);
  });
  const listening = await listen(server);
  origin = listening.origin;
  return { ...listening, log };
}

function isRedirect(status: number | undefined): boolean {
  return status !== undefined && status >= 300 && status < 400;
}

let scratch = '';
test.beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'scim-mid-run-redirect-'));
});
test.afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

test('a target that starts redirecting mid-run: nothing sent elsewhere, no false verdict, every check it hit in error', async () => {
  test.setTimeout(3 * 60_000);
  const server = await startReferenceServer();
  const elsewhere = await startElsewhere();
  const proxy = await startSwitchingProxy({
    upstream: server.origin,
    elsewhere: elsewhere.origin,
    forwardFirst: FORWARD_FIRST,
  });
  try {
    const { result, child } = await runSuites({
      runDir: path.join(scratch, 'run'),
      runId: 'sh-selftest-redirect',
      target: {
        url: `${proxy.origin}${SCIM_BASE_PATH}`,
        token: server.adminToken,
        adminOrigin: server.origin,
      },
      files: FILES,
    });
    expect(child.code, 'the suites ended by a signal, not an exit').not.toBeNull();

    const redirected = proxy.log.filter((r) => r.redirected !== undefined);
    const byMethod = redirected.reduce<Record<string, number>>((tally, r) => {
      tally[r.method] = (tally[r.method] ?? 0) + 1;
      return tally;
    }, {});
    const counts = result.summary;
    const overview = `${counts.total} checks: ${counts.passed} passed, ${counts.failed} failed, ${counts.errored} error, ${counts.skipped} skipped; the proxy forwarded ${proxy.log.length - redirected.length} requests and redirected ${redirected.length} (${JSON.stringify(byMethod)})`;
    const table = formatTable(
      ['check', 'status', 'message'],
      result.checks
        .filter((check) => check.status !== 'passed')
        .map((check) => [check.id, check.status, check.message.slice(0, 160)]),
    );
    console.log(`\nMid-run redirect: ${overview}\n${table}\n`);
    await test.info().attach('mid-run-redirect-outcomes', {
      body: `${overview}\n${table}`,
      contentType: 'text/plain',
    });

    expect(redirected.length, 'the proxy never started redirecting: the run proves nothing').toBeGreaterThan(
      0,
    );
    expect(
      new Set(redirected.map((r) => r.redirected)),
      'every redirect status was answered at least once',
    ).toEqual(new Set(REDIRECT_STATUSES));
    expect(
      redirected.filter((r) => (r.redirected === 307 || r.redirected === 308) && r.body.length > 0).length,
      'requests with a body answered 307 or 308 (the redirects that send the body again when followed)',
    ).toBeGreaterThan(0);

    // Nothing went where a redirect pointed: no body sent again, no Authorization header carried along.
    const followed = [
      ...elsewhere.seen.map((r) => `elsewhere: ${r.method} ${r.url} (${r.body.length} body bytes)`),
      ...proxy.log
        .filter((r) => r.url.startsWith(RELOCATED))
        .map((r) => `same origin: ${r.method} ${r.url} (${r.body.length} body bytes)`),
    ];
    expect(followed, `requests sent where a redirect pointed:\n${followed.join('\n')}`).toEqual([]);
    // Nor to the same URL: each body (a POST's carries a fresh userName) reached the proxy once. A body-less DELETE of
    // the cleanup may be sent twice (it is idempotent, and a redirect is no answer).
    const sent = new Map<string, number>();
    for (const r of proxy.log.filter((r) => r.body.length > 0)) {
      const key = `${r.method} ${r.url} ${r.body.toString('base64')}`;
      sent.set(key, (sent.get(key) ?? 0) + 1);
    }
    const resent = redirected
      .filter(
        (r) => r.body.length > 0 && (sent.get(`${r.method} ${r.url} ${r.body.toString('base64')}`) ?? 0) > 1,
      )
      .map((r) => `${r.method} ${r.url} answered ${r.redirected}`);
    expect(resent, 'redirected requests whose body was sent again').toEqual([]);

    // The rest are soft: one run reports every kind of problem at once.
    const failed = result.checks
      .filter((check) => check.status === 'failed')
      .map((check) => `${check.id}: ${check.message}`);
    expect
      .soft(failed, `false verdicts: a redirect is not the service's answer\n${failed.join('\n')}`)
      .toEqual([]);

    // A redirect met only by the cleanup after the verdict (a DELETE of what the check created) leaves the verdict.
    const hitBeforeVerdict = result.checks.filter((check) =>
      check.evidence.some((e) => isRedirect(e.response?.status) && e.phase !== 'cleanup'),
    );
    const notError = hitBeforeVerdict
      .filter((check) => check.status !== 'error')
      .map((check) => `${check.id}: ${check.status}: ${check.message}`);
    expect.soft(notError, 'checks that met a redirect and were still evaluated').toEqual([]);
    const unnamed = hitBeforeVerdict
      .filter((check) => check.status === 'error' && !/redirect/i.test(check.message))
      .map((check) => `${check.id}: ${check.message}`);
    expect.soft(unnamed, 'errors whose message does not name the redirect').toEqual([]);
    const uncaused = result.checks
      .filter(
        (check) => check.status === 'error' && !check.evidence.some((e) => isRedirect(e.response?.status)),
      )
      .map((check) => `${check.id}: ${check.message}`);
    expect.soft(uncaused, 'checks in error that met no redirect').toEqual([]);

    const passedBefore = result.checks.filter(
      (check) => check.status === 'passed' && !check.evidence.some((e) => isRedirect(e.response?.status)),
    );
    expect.soft(passedBefore.length, 'checks evaluated before the switch that passed').toBeGreaterThan(0);
    expect.soft(hitBeforeVerdict.length, 'checks that met a redirect').toBeGreaterThanOrEqual(3);

    const leaking = result.checks
      .filter((check) => JSON.stringify(check).includes(server.adminToken))
      .map((check) => check.id);
    expect.soft(leaking, 'checks whose result carries the token').toEqual([]);
    expect
      .soft(`${child.stdout}${child.stderr}`.includes(server.adminToken), 'the token in the output')
      .toBe(false);
  } finally {
    await proxy.close();
    await elsewhere.close();
    await server.close();
  }
});
