import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../reference-server/index.js';
import { appendLedger } from '../../run-contract/index.js';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';
import { type FaultyProxy, startFaultyProxy } from '../test-support/faulty-proxy.js';
import { createNamed, namesOn } from '../test-support/named-resources.js';

/** The sweep: what `cleanup` finds without (or beyond) a ledger, on a target that declines `co`/`sw` filters. */
const RUN_ID = 'sh-20261207-2200-sweep1';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

let server: RunningReferenceServer;
let proxy: FaultyProxy | undefined;

test.afterEach(async () => {
  await server.close();
  await proxy?.close();
  proxy = undefined;
});

const headers = () => ({
  authorization: `Bearer ${server.adminToken}`,
  'content-type': 'application/scim+json',
});

const create = (endpoint: '/Users' | '/Groups', name: string) => createNamed(server, endpoint, name);
const names = (endpoint: '/Users' | '/Groups') => namesOn(server, endpoint);

async function cleanup(tenantUrl = server.baseUrl) {
  const io = captureIo({ cwd: test.info().outputPath(), env: { SCIM_TOKEN: server.adminToken } });
  const code = await main(['cleanup', '--run-id', RUN_ID, '--tenant-url', tenantUrl], io);
  return { code, out: io.stdout.text() };
}

/** A proxy in front of the reference server that answers 503 where `fault` says so. */
async function faultyProxy(fault: (method: string, url: string) => boolean): Promise<string> {
  proxy = await startFaultyProxy(server.baseUrl, fault);
  return proxy.url;
}

test('without a ledger, on a target that declines the filter: pages through and deletes only this run’s tags', async () => {
  server = await startReferenceServer({ mode: 'minimal' });
  const kept = [
    'pre.existing@example.com',
    `${RUN_ID}x.other-run@example.com`,
    `a.b.1.x-${RUN_ID}@example.com`,
  ];
  for (const name of kept) await create('/Users', name);
  await create('/Groups', 'Engineering');
  await create('/Groups', `${RUN_ID}-2 Other run`);
  await create('/Users', `${RUN_ID}.left.1@example.com`);
  await create('/Users', `ada.lovelace.7.${RUN_ID}@contoso.example`);
  await create('/Groups', `${RUN_ID} Left 2`);
  await create('/Groups', `Finance 3 ${RUN_ID}`);
  // More than a page: the listing must follow totalResults.
  for (let n = 0; n < 120; n++) await create('/Users', `bystander.${n}@example.com`);

  const { code, out } = await cleanup();
  expect(code).toBe(0);
  expect(out).toContain('No ledger for run');
  expect(out).toMatch(
    /search +\/Users by paging through every resource \(the co filter was declined: .*\), 125 read/,
  );
  expect(out).toContain('4 deleted, 0 skipped, 0 failed.');
  expect(out).toContain(`Nothing carrying run id ${RUN_ID} is left on the target.`);
  expect((await names('/Users')).filter((n) => !n.startsWith('bystander.'))).toEqual([...kept].sort());
  expect(await names('/Groups')).toEqual(['Engineering', `${RUN_ID}-2 Other run`].sort());
});

test('a search that cannot be completed is reported, never read as "nothing found": exit 1', async () => {
  server = await startReferenceServer({ mode: 'minimal' });
  await create('/Groups', `${RUN_ID} Left 2`);
  const url = await faultyProxy((method, url) => method === 'GET' && url.startsWith('/Groups?'));
  const { code, out } = await cleanup(url);
  expect(code).toBe(1);
  expect(out).toMatch(/search +\/Groups by paging .*: INCOMPLETE, GET \/Groups answered 503/);
  expect(out).toContain(`NOT verified: the search of /Groups could not be completed`);
  expect(out).not.toContain('Nothing carrying run id');
});

test('a tagged resource that cannot be deleted is listed as left: exit 1', async () => {
  server = await startReferenceServer({ mode: 'minimal' });
  const id = await create('/Users', `${RUN_ID}.stuck@example.com`);
  const url = await faultyProxy((method) => method === 'DELETE');
  const { code, out } = await cleanup(url);
  expect(code).toBe(1);
  expect(out).toContain(`NOT clean: 1 resource(s) carrying run id ${RUN_ID} remain on the target:`);
  expect(out).toContain(`/Users/${id} "${RUN_ID}.stuck@example.com"`);
});

test('with a ledger, the sweep also deletes the group the target made as a side effect of Bulk', async () => {
  server = await startReferenceServer({ quirks: ['bulk-creates-extra-group'] });
  const bulk = await fetch(`${server.baseUrl}/Bulk`, {
    method: 'POST',
    headers: headers(),
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
  const created =
    ((await bulk.json()) as { Operations: { location: string }[] }).Operations[0]?.location ?? '';
  const dir = path.join(test.info().outputPath(), 'reports', RUN_ID);
  mkdirSync(dir, { recursive: true });
  appendLedger(dir, {
    runId: RUN_ID,
    endpoint: '/Groups',
    id: created.split('/').pop() ?? '',
    name: `${RUN_ID} Ops 1`,
    createdAt: new Date().toISOString(),
  });
  expect(await names('/Groups')).toEqual([`${RUN_ID} Ops 1`, `${RUN_ID} Ops 1 (copy)`]);
  const { code, out } = await cleanup();
  expect(code).toBe(0);
  expect(out).toMatch(
    /deleted +\/Groups\/\S+ "sh-20261207-2200-sweep1 Ops 1 \(copy\)": .*\(found by the search\)/,
  );
  expect(out).toContain('2 deleted, 0 skipped, 0 failed.');
  expect(await names('/Groups')).toEqual([]);
});

/** A user tagged with the run id that only the ledger knows, and one the target made that no ledger lists. */
async function ledgerAndStray(): Promise<string> {
  const listed = await create('/Users', `${RUN_ID}.listed@example.com`);
  await create('/Users', `${RUN_ID}.stray@example.com`);
  await create('/Users', 'bystander@example.com');
  const dir = path.join(test.info().outputPath(), 'reports', RUN_ID);
  mkdirSync(dir, { recursive: true });
  appendLedger(dir, {
    runId: RUN_ID,
    endpoint: '/Users',
    id: listed,
    name: `${RUN_ID}.listed@example.com`,
    createdAt: new Date().toISOString(),
  });
  return listed;
}

test('a co filter that answers 200 with too few matches is not believed: without a ledger, everything is listed', async () => {
  server = await startReferenceServer({ quirks: ['filter-co-as-eq'] });
  await create('/Users', `${RUN_ID}.left@example.com`);
  await create('/Groups', `${RUN_ID} Left 2`);
  await create('/Users', 'bystander@example.com');
  const { code, out } = await cleanup();
  expect(code).toBe(0);
  expect(out).toMatch(/search +\/Users by paging through every resource \(nothing proves that the co filter/);
  expect(out).toContain('2 deleted, 0 skipped, 0 failed.');
  expect(await names('/Users')).toEqual(['bystander@example.com']);
  expect(await names('/Groups')).toEqual([]);
});

test('a co filter that misses a resource the ledger lists is not believed: the stray one is found by listing', async () => {
  server = await startReferenceServer({ quirks: ['filter-co-as-eq'] });
  await ledgerAndStray();
  const { code, out } = await cleanup();
  expect(code).toBe(0);
  expect(out).toMatch(
    /search +\/Users by paging through every resource \(the co filter missed 1 of the 1 resource/,
  );
  expect(out).toMatch(
    /deleted +\/Users\/\S+ "sh-20261207-2200-sweep1\.stray@example\.com": .*\(found by the search\)/,
  );
  expect(await names('/Users')).toEqual(['bystander@example.com']);
});

test('a co filter that finds every resource the ledger lists is believed: nothing else is read', async () => {
  server = await startReferenceServer({});
  await ledgerAndStray();
  const { code, out } = await cleanup();
  expect(code).toBe(0);
  expect(out).toMatch(
    /search +\/Users by filter \(the co filter found all 1 resource\(s\) the ledger lists\), 2 read/,
  );
  expect(out).toMatch(/deleted +\/Users\/\S+ "sh-20261207-2200-sweep1\.stray@example\.com"/);
  expect(await names('/Users')).toEqual(['bystander@example.com']);
});
