import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { appendLedger } from '../../../suites/support/ledger.js';
import { TARGET_ENV } from '../../../suites/support/target-env.js';
import { type RunningReferenceServer, startReferenceServer } from '../../reference-server/index.js';
import { buildConformanceResult, type ConformanceResult } from '../../report/index.js';
import type { CommandContext } from '../command-context.js';
import { type CapturedIo, captureIo } from '../test-support/capture-io.js';
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

/** Stands in for the suites: one Bulk check that creates a group, records it, deletes it, and passes. */
function bulkSuites(): SpawnSuites {
  return (invocation) => {
    const dir = invocation.env[TARGET_ENV.runDir] ?? '';
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
      const result = buildConformanceResult({
        runId: RUN_ID,
        tool: { name: 'scim-harness', version: '0.1.0' },
        target: { url: server.baseUrl },
        profiles: ['rfc7644'],
        startedAt: '2026-01-01T00:00:00Z',
        finishedAt: '2026-01-01T00:01:00Z',
        failOn: 'must',
        checks: [
          {
            id: 'bulk.create',
            title: 'bulk.create',
            category: 'bulk',
            level: 'MUST',
            rfc: 'RFC 7644 §3.7',
            profiles: ['rfc7644'],
            status: 'passed',
            message: '',
            evidence: [],
          },
        ],
      });
      writeFileSync(path.join(dir, 'conformance.json'), JSON.stringify(result));
      return 0;
    })();
    return { exited, interrupt: () => {} };
  };
}

async function runAgainst(quirks: 'bulk-creates-extra-group'[]) {
  server = await startReferenceServer({ quirks });
  const io = captureIo({ cwd: test.info().outputPath(), env: { SCIM_TOKEN: server.adminToken } });
  const code = await run(
    { 'tenant-url': server.baseUrl, 'run-id': RUN_ID, profile: ['rfc7644'] },
    contextOf(io),
    { spawn: bulkSuites() },
  );
  const report = JSON.parse(
    readFileSync(path.join(test.info().outputPath(), 'reports', RUN_ID, 'conformance.json'), 'utf8'),
  ) as ConformanceResult;
  const groups = await fetch(`${server.baseUrl}/Groups`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  const left = ((await groups.json()) as { Resources: unknown[] }).Resources;
  return { code, io, report, left };
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
