import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../reference-server/index.js';
import { appendLedger, carriesRunId, readOutstanding } from '../../run-contract/index.js';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';
import { createNamed, namesOn } from '../test-support/named-resources.js';

const RUN_ID = 'sh-20261129-0100-clean1';

let server: RunningReferenceServer;

test.beforeEach(async () => {
  server = await startReferenceServer({});
});

test.afterEach(async () => {
  await server.close();
});

const create = (endpoint: '/Users' | '/Groups', name: string) => createNamed(server, endpoint, name);
const names = (endpoint: '/Users' | '/Groups') => namesOn(server, endpoint);

async function cleanup(extra: string[] = []) {
  const io = captureIo({ cwd: test.info().outputPath(), env: { SCIM_TOKEN: server.adminToken } });
  const code = await main(['cleanup', '--run-id', RUN_ID, '--tenant-url', server.baseUrl, ...extra], io);
  return { code, io };
}

// [name, tagged?]: only the run's own tag qualifies, exactly.
const TAGS: [string, boolean][] = [
  [`${RUN_ID}.ada.x1@example.com`, true],
  [`${RUN_ID} Sales ab1`, true],
  [`${RUN_ID}`, false],
  [`${RUN_ID}x.ada@example.com`, false],
  [`${RUN_ID.toUpperCase()}.ada@example.com`, false],
  [`someone.${RUN_ID}.ada@example.com`, false],
  ['ada@example.com', false],
  // The mock IdP's shapes (replay): `<…>.<runId lower-cased>@<domain>` and `<…> <runId>`.
  [`ada.lovelace.12.${RUN_ID}@contoso.example`, true],
  [`Finance 3 ${RUN_ID}`, true],
  [`ada.lovelace.12.x-${RUN_ID}@contoso.example`, false],
  [`Finance 3 x${RUN_ID}`, false],
  [`Finance 3 ${RUN_ID}x`, false],
  [`ada.12.${RUN_ID}x@contoso.example`, false],
];

for (const [name, tagged] of TAGS) {
  test(`carriesRunId(${JSON.stringify(name)}) is ${tagged}`, () => {
    expect(carriesRunId(name, RUN_ID)).toBe(tagged);
  });
}

test('from the ledger: deletes the run-tagged resources it lists, never an untagged one, and records it', async () => {
  const untagged = await create('/Users', 'pre.existing@example.com');
  const tagged = await create('/Users', `${RUN_ID}.grace.k1@example.com`);
  const group = await create('/Groups', `${RUN_ID} Finance k2`);
  const renamedGroup = await create('/Groups', 'Finance (kept)');
  const dir = path.join(test.info().outputPath(), 'reports', RUN_ID);
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  appendLedger(dir, {
    runId: RUN_ID,
    endpoint: '/Users',
    id: tagged,
    name: `${RUN_ID}.grace.k1@example.com`,
    createdAt: at,
  });
  appendLedger(dir, {
    runId: RUN_ID,
    endpoint: '/Groups',
    id: group,
    name: `${RUN_ID} Finance k2`,
    createdAt: at,
  });
  // A ledger line pointing at a resource that does not carry the run id (renamed, or a corrupted ledger).
  appendLedger(dir, {
    runId: RUN_ID,
    endpoint: '/Users',
    id: untagged,
    name: `${RUN_ID}.x@example.com`,
    createdAt: at,
  });
  appendLedger(dir, {
    runId: RUN_ID,
    endpoint: '/Groups',
    id: renamedGroup,
    name: `${RUN_ID} F`,
    createdAt: at,
  });

  const { code, io } = await cleanup();
  expect(code).toBe(0);
  expect(await names('/Users')).toEqual(['pre.existing@example.com']);
  expect(await names('/Groups')).toEqual(['Finance (kept)']);
  expect(io.stdout.text()).toContain(`Cleaning up run ${RUN_ID} from its ledger`);
  expect(io.stdout.text()).toMatch(
    /skipped +\/Users\/\S+ "pre\.existing@example\.com": its userName no longer carries the run id/,
  );
  expect(io.stdout.text()).toContain('2 deleted, 2 skipped, 0 failed.');
  expect(io.stdout.text()).not.toContain(server.adminToken);
  expect(readOutstanding(dir)).toEqual([]);

  // Running it again finds nothing left to do.
  const again = await cleanup();
  expect(again.code).toBe(0);
  expect(again.io.stdout.text()).toContain('0 deleted, 0 skipped, 0 failed.');
});

test('without a ledger: searches by the run id and deletes only exact run-id-tagged matches', async () => {
  await create('/Users', 'pre.existing@example.com');
  await create('/Users', `${RUN_ID}x.lookalike@example.com`);
  await create('/Users', `${RUN_ID}.left.1@example.com`);
  await create('/Groups', `${RUN_ID} Left 2`);
  await create('/Groups', 'Engineering');
  const { code, io } = await cleanup();
  expect(code).toBe(0);
  expect(io.stdout.text()).toContain('No ledger for run');
  expect(await names('/Users')).toEqual(
    ['pre.existing@example.com', `${RUN_ID}x.lookalike@example.com`].sort(),
  );
  expect(await names('/Groups')).toEqual(['Engineering']);
});

test('a target that ignores the filter still loses only the run-tagged resources', async () => {
  await server.close();
  server = await startReferenceServer({ quirks: ['filter-ignored'] });
  await create('/Users', 'pre.existing@example.com');
  await create('/Users', `${RUN_ID}.left.1@example.com`);
  const { code, io } = await cleanup();
  expect(code).toBe(0);
  expect(await names('/Users')).toEqual(['pre.existing@example.com']);
  // Nothing proves a filter that answers everything: every resource is listed and the tags read locally.
  expect(io.stdout.text()).toMatch(/search +\/Users by paging through every resource \(nothing proves/);
});

// [case, argv, env, exit code, stderr]
const REFUSALS: [string, string[], NodeJS.ProcessEnv, number, RegExp][] = [
  ['no run id', ['cleanup'], {}, 2, /Missing required argument: run-id/],
  ['a malformed run id', ['cleanup', '--run-id', 'a b'], {}, 2, /is not usable as a run id/],
  [
    'a tenant without a token',
    ['cleanup', '--run-id', RUN_ID, '--tenant-url', 'http://127.0.0.1:9/scim/v2'],
    {},
    2,
    /SCIM_TOKEN is not set/,
  ],
];

for (const [name, argv, env, exit, message] of REFUSALS) {
  test(`cleanup refuses ${name} (exit ${exit})`, async () => {
    const io = captureIo({ cwd: test.info().outputPath(), env });
    expect(await main(argv, io)).toBe(exit);
    expect(io.stderr.text()).toMatch(message);
  });
}

test('rejected credentials are exit 3 and delete nothing', async () => {
  await create('/Users', `${RUN_ID}.kept@example.com`);
  const io = captureIo({ cwd: test.info().outputPath(), env: { SCIM_TOKEN: 'wrong-token' } });
  expect(await main(['cleanup', '--run-id', RUN_ID, '--tenant-url', server.baseUrl], io)).toBe(3);
  expect(io.stderr.text()).toContain('refused the credentials');
  expect(await names('/Users')).toEqual([`${RUN_ID}.kept@example.com`]);
});

test('without a tenant there is nothing to clean: the embedded server kept its data in memory', async () => {
  const io = captureIo({ cwd: test.info().outputPath() });
  expect(await main(['cleanup', '--run-id', RUN_ID], io)).toBe(0);
  expect(io.stdout.text()).toContain('Nothing to clean up');
});
