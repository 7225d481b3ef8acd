/**
 * The suites against a deliberately broken target: the embedded reference server behind a proxy that injects
 * infrastructure faults into about one request in eight (connection resets, an HTML 503, a non-JSON 500, a SCIM-shaped
 * 500 to GET, PUT and DELETE, 429 with Retry-After, responses stalled past the client timeout). The proxy never alters a
 * real SCIM answer, so:
 * - no check may be `failed` (any failure here is a false verdict);
 * - every `error` says what went wrong and carries no token;
 * - checks the faults did not touch are still evaluated (a stated share passes);
 * - a 429 is honoured (the retry waits Retry-After) and the check behind it passes.
 * @see https://www.rfc-editor.org/rfc/rfc6585#section-4
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  SCIM_BASE_PATH,
  SUITES_RATE_LIMIT,
  startReferenceServer,
} from '../../../src/reference-server/index.js';
import { formatTable } from '../../../src/report/index.js';
import { runSuites } from '../suite-runs.js';
import { attributeFaults, FAULT_WORDING } from './fault-attribution.js';
import { RETRY_AFTER_SECONDS, startFaultProxy } from './fault-proxy.js';

/** Short, so stalled responses cost little; far above what the reference server needs for any check's request. */
const TIMEOUT_MS = 2_500;
/**
 * One request in this many is faulted: about 160 faults over the ~2000 requests of a whole run, every kind many
 * times, while each fault's cost (a timeout, a Retry-After, a retry) keeps the run to a few minutes on two cores.
 */
const FAULT_RATE = 12;
/**
 * The least share of evaluated (not skipped) checks that must still pass. A check sends about six requests, so with
 * one in twelve of them broken (429s do not break anything) about three quarters of the checks pass.
 */
const MIN_PASSED_SHARE = 0.5;
/** Timers may fire a few milliseconds early; a retry sooner than this did not honour Retry-After. */
const RETRY_SLACK_MS = 50;

/** `SCIM_BROKEN_TARGET_LOG=file` follows the child run in that file while it runs. */
function progressLog(): ((chunk: string) => void) | undefined {
  const file = process.env.SCIM_BROKEN_TARGET_LOG;
  return file ? (chunk) => appendFileSync(file, chunk) : undefined;
}

let scratch = '';

test.beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'scim-broken-target-'));
});

test.afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

test('a run against a fault-injecting proxy gives no false verdict and explains every error', async () => {
  test.setTimeout(15 * 60_000);
  // Served as the suites' own embedded server is, rate limit included (the IPSIE rate-limit check needs one).
  const server = await startReferenceServer({ rateLimit: SUITES_RATE_LIMIT });
  const proxy = await startFaultProxy({
    upstream: server.origin,
    rate: FAULT_RATE,
    stallMs: TIMEOUT_MS * 4,
    seed: process.env.SCIM_BROKEN_TARGET_SEED ?? '',
  });
  try {
    const { result, child } = await runSuites({
      runDir: path.join(scratch, 'run'),
      runId: 'sh-selftest-broken',
      target: {
        url: `${proxy.origin}${SCIM_BASE_PATH}`,
        token: server.adminToken,
        adminOrigin: server.origin,
        timeoutMs: TIMEOUT_MS,
      },
      onOutput: progressLog(),
    });
    expect(child.code, 'the suites ended by a signal, not an exit').not.toBeNull();

    const attributed = attributeFaults(result.checks, proxy.faults);
    const unhealthy = attributed.filter((a) => a.check.status === 'failed' || a.check.status === 'error');
    const table = formatTable(
      ['check', 'status', 'injected fault', 'message'],
      unhealthy.map(({ check, faults }) => [
        check.id,
        check.status,
        faults.join(', ') || '(none in its evidence)',
        check.message.slice(0, 160),
      ]),
    );
    const counts = result.summary;
    const injected = proxy.faults.reduce<Record<string, number>>((tally, fault) => {
      tally[fault.kind] = (tally[fault.kind] ?? 0) + 1;
      return tally;
    }, {});
    const overview = `${counts.total} checks: ${counts.passed} passed, ${counts.failed} failed, ${counts.errored} error, ${counts.skipped} skipped; ${proxy.forwarded} requests forwarded, faults injected: ${JSON.stringify(injected)}`;
    console.log(`\nBroken target: ${overview}\n${table}\n`);
    await test.info().attach('broken-target-outcomes', {
      body: `${overview}\n${table}`,
      contentType: 'text/plain',
    });

    expect(proxy.faults.length, 'the proxy injected no fault: the run proves nothing').toBeGreaterThan(0);
    // The rest are soft: one run reports every kind of problem at once.

    const failed = unhealthy
      .filter((a) => a.check.status === 'failed')
      .map(({ check, faults }) => `${check.id} (${faults.join(', ') || 'no fault'}): ${check.message}`);
    expect
      .soft(failed, `false verdicts: the proxy never alters a SCIM answer\n${failed.join('\n')}`)
      .toEqual([]);

    const errors = unhealthy.filter((a) => a.check.status === 'error');
    // Behind the proxy the server's absolute URLs still name its own origin; the one check that follows such a URL
    // (an asynchronous result's Location) rightly refuses to send credentials there and cannot be evaluated.
    const behindProxy = (message: string) => /is on another origin than the target/.test(message);
    const unexplained = errors
      .filter(({ check }) => !FAULT_WORDING.test(check.message) && !behindProxy(check.message))
      .map(({ check }) => `${check.id}: ${check.message}`);
    expect.soft(unexplained, 'error messages that do not say what went wrong').toEqual([]);
    const leaking = result.checks
      .filter((check) => JSON.stringify(check).includes(server.adminToken))
      .map((check) => check.id);
    expect.soft(leaking, 'checks whose result carries the token').toEqual([]);
    const uncaused = errors
      .filter(({ check, faults }) => faults.length === 0 && !behindProxy(check.message))
      .map(({ check }) => check.id);
    expect.soft(uncaused, 'checks in error with no injected fault in their evidence').toEqual([]);

    const evaluated = counts.total - counts.skipped;
    expect
      .soft(counts.passed / evaluated, `share of evaluated checks that passed (${overview})`)
      .toBeGreaterThanOrEqual(MIN_PASSED_SHARE);

    const throttled = proxy.faults.filter((f) => f.kind === 'retry-after-429');
    expect.soft(proxy.retries.length, 'every 429 was retried').toBe(throttled.length);
    // Only retries the proxy can tell apart from an identical request sent by another check at the same time.
    const hasty = proxy.retries
      .filter((r) => proxy.timesSeen(r.identity) === 2)
      .filter((r) => r.waitedMs < RETRY_AFTER_SECONDS * 1000 - RETRY_SLACK_MS)
      .map((r) => `${r.method} ${r.url} after ${r.waitedMs} ms`);
    expect.soft(hasty, `retries sooner than Retry-After: ${RETRY_AFTER_SECONDS}`).toEqual([]);
    const onlyThrottled = attributed.filter(
      (a) => a.faults.length === 1 && a.faults[0] === 'retry-after-429',
    );
    expect
      .soft(onlyThrottled.length, 'no check met only a 429: the retry path is untested')
      .toBeGreaterThan(0);
    const notPassed = onlyThrottled
      .filter((a) => a.check.status !== 'passed')
      .map((a) => `${a.check.id}: ${a.check.status}: ${a.check.message}`);
    expect.soft(notPassed, 'checks that met only a 429 (honoured) and still did not pass').toEqual([]);
  } finally {
    await proxy.close();
    await server.close();
  }
});
