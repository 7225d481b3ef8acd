import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../reference-server/index.js';
import { buildConformanceResult } from '../../report/index.js';
import { appendLedger, type ConformanceResult, RUN_ENV } from '../../run-contract/index.js';
import type { CommandContext } from '../command-context.js';
import { type CapturedIo, captureIo } from '../test-support/capture-io.js';
import { startFaultyProxy } from '../test-support/faulty-proxy.js';
import { run } from './run.js';
import type { SpawnSuites } from './suites-process.js';

/** The sweep that ends every run against a tenant: what the checks' own cleanup missed is deleted and reported. */
const RUN_ID = 'sh-20261207-2200-runsweep';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

let server: RunningReferenceServer;

test.afterEach(async () => {
  await server.close();
});

function contextOf(io: CapturedIo): CommandContext {
  const secrets = {
    register: () => {},
    redact: (text: string) => text,
  } as unknown as CommandContext['secrets'];
  return { io, secrets, finish: () => {} };
}

/** What the stand-in suites do beyond their Bulk check. */
interface SuitesOptions {
  /** Also create a user carrying the run id that no ledger lists (as a target's side effect would). */
  stray?: boolean;
  /** The status the report gives `filter.co.string`, the check whose pass proves the target's `co` filter. */
  coCheck?: 'passed' | 'failed';
  /** Run against a proxy that answers 503 to the requests this matches (method, path below the base URL). */
  fault?: (method: string, path: string) => boolean;
}

/**
 * Stands in for the suites: one Bulk check that creates a group, records it, deletes it, and passes (and, as asked,
 * a stray user and a `filter.co.string` result).
 */
function bulkSuites(options: SuitesOptions = {}): SpawnSuites {
  return (invocation) => {
    const dir = invocation.env[RUN_ENV.runDir] ?? '';
    const headers = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/scim+json' };
    const exited = (async () => {
      const bulk = await fetch(`${server.baseUrl}/Bulk`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
          Operations: [
            {
              method: 'POST',
              path: '/Groups',
              bulkId: 'g',
              data: { schemas: [GROUP], displayName: `${RUN_ID} Ops 1` },
            },
          ],
        }),
      });
      const location = ((await bulk.json()) as { Operations: { location: string }[] }).Operations[0]
        ?.location;
      const id = location?.split('/').pop() ?? '';
      const entry = { runId: RUN_ID, endpoint: '/Groups', id, name: `${RUN_ID} Ops 1`, createdAt: '' };
      mkdirSync(dir, { recursive: true });
      appendLedger(dir, entry);
      await fetch(`${server.baseUrl}/Groups/${id}`, { method: 'DELETE', headers });
      appendLedger(dir, { ...entry, deleted: true });
      if (options.stray) {
        await fetch(`${server.baseUrl}/Users`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
            userName: `${RUN_ID}.stray@example.com`,
          }),
        });
      }
      const co =
        options.coCheck === undefined ? [] : [resultOf('filter.co.string', 'filter', options.coCheck)];
      const result = buildConformanceResult({
        runId: RUN_ID,
        tool: { name: 'scim-harness', version: '0.1.0' },
        target: { url: server.baseUrl },
        profiles: ['rfc7644'],
        startedAt: '2026-01-01T00:00:00Z',
        finishedAt: '2026-01-01T00:01:00Z',
        failOn: 'must',
        checks: [resultOf('bulk.create', 'bulk', 'passed'), ...co],
      });
      writeFileSync(path.join(dir, 'conformance.json'), JSON.stringify(result));
      return 0;
    })();
    return { exited, interrupt: () => {} };
  };
}

function resultOf(id: string, category: string, status: 'passed' | 'failed') {
  return {
    id,
    title: id,
    category,
    level: 'MUST' as const,
    rfc: 'RFC 7644 §3.7',
    profiles: ['rfc7644'],
    status,
    message: '',
    evidence: [],
  };
}

async function runAgainst(
  quirks: ('bulk-creates-extra-group' | 'filter-co-as-eq')[],
  options: SuitesOptions = {},
) {
  server = await startReferenceServer({ quirks });
  const io = captureIo({ cwd: test.info().outputPath(), env: { SCIM_TOKEN: server.adminToken } });
  const proxy = options.fault ? await startFaultyProxy(server.baseUrl, options.fault) : undefined;
  let code: number;
  try {
    code = await run(
      { 'tenant-url': proxy?.url ?? server.baseUrl, 'run-id': RUN_ID, profile: ['rfc7644'] },
      contextOf(io),
      { spawn: bulkSuites(options) },
    );
  } finally {
    await proxy?.close();
  }
  const report = JSON.parse(
    readFileSync(path.join(test.info().outputPath(), 'reports', RUN_ID, 'conformance.json'), 'utf8'),
  ) as ConformanceResult;
  const groups = await fetch(`${server.baseUrl}/Groups`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  const left = ((await groups.json()) as { Resources: unknown[] }).Resources;
  const users = await fetch(`${server.baseUrl}/Users`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  const usersLeft = ((await users.json()) as { Resources: { userName: string }[] }).Resources.map(
    (u) => u.userName,
  );
  return { code, io, report, left, usersLeft };
}

test('the sweep after a run deletes the group the target made as a side effect, lists it, and exits 1', async () => {
  const { code, io, report, left } = await runAgainst(['bulk-creates-extra-group']);
  expect(left).toEqual([]);
  expect(report.leftovers).toEqual([
    { id: expect.any(String), endpoint: '/Groups', name: `${RUN_ID} Ops 1 (copy)`, deleted: true },
  ]);
  expect(io.stdout.text()).toContain(
    "Safety: 1 resource(s) carrying the run id were on the target after the checks' cleanup:",
  );
  expect(io.stdout.text()).toMatch(
    /\/Groups\/\S+ "sh-20261207-2200-runsweep Ops 1 \(copy\)": deleted by the sweep/,
  );
  expect(io.stderr.text()).toContain('(found by the search)');
  // Every report says so, not only conformance.json (the suites wrote them before the sweep).
  const dir = path.join(test.info().outputPath(), 'reports', RUN_ID);
  expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toContain(
    'Safety: 1 resource(s) carrying the run id',
  );
  expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('(copy)');
  expect(code).toBe(1);
});

test('a run that leaves nothing behind has no leftovers and keeps its exit code', async () => {
  const { code, io, report, left } = await runAgainst([]);
  expect(left).toEqual([]);
  expect(report.leftovers).toBeUndefined();
  expect(io.stdout.text()).not.toContain('Safety:');
  expect(code).toBe(0);
});

test('a co filter the run did not prove is not believed: the sweep lists every user and finds the stray one', async () => {
  const { code, report, usersLeft } = await runAgainst(['filter-co-as-eq'], {
    stray: true,
    coCheck: 'failed',
  });
  expect(usersLeft).toEqual([]);
  expect(report.leftovers).toEqual([
    { id: expect.any(String), endpoint: '/Users', name: `${RUN_ID}.stray@example.com`, deleted: true },
  ]);
  expect(code).toBe(1);
});

test("the sweep believes the co filter when the run's filter.co.string passed (here, wrongly: the stray user stays)", async () => {
  // The reference server's filter-co-as-eq breaks `co` while the stand-in report says the check passed: the sweep
  // takes the check's word, which shows where the proof comes from. A real run's check would have failed.
  const { code, report, usersLeft } = await runAgainst(['filter-co-as-eq'], {
    stray: true,
    coCheck: 'passed',
  });
  expect(usersLeft).toEqual([`${RUN_ID}.stray@example.com`]);
  expect(report.leftovers).toBeUndefined();
  expect(code).toBe(0);
});

test('a sweep that cannot search the whole target is a safety failure every report names: exit 1', async () => {
  const { code, io, report } = await runAgainst([], {
    fault: (method, path) => method === 'GET' && path.startsWith('/Groups?'),
  });
  expect(report.leftovers).toBeUndefined();
  expect(report.sweepIncomplete).toEqual([expect.stringMatching(/^\/Groups: GET \/Groups .*answered 503/)]);
  expect(io.stdout.text()).toContain('Safety: the sweep after the run could not search the whole target');
  const dir = path.join(test.info().outputPath(), 'reports', RUN_ID);
  expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toContain('could not search the whole target');
  expect(readFileSync(path.join(dir, 'junit.xml'), 'utf8')).toMatch(
    /<testcase classname="safety" name="sweep\.leftovers"/,
  );
  expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('could not search the whole target');
  expect(code).toBe(1);
});
