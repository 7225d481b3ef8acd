import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../reference-server/index.js';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

/** The sweep that ends every replay: anything else carrying the run id is deleted, reported, and exit 1. */
const RUN_ID = 'sh-20261207-2200-replaysweep';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

let server: RunningReferenceServer;

test.beforeEach(async () => {
  server = await startReferenceServer({});
});

test.afterEach(async () => {
  await server.close();
});

const headers = () => ({
  authorization: `Bearer ${server.adminToken}`,
  'content-type': 'application/scim+json',
});

async function createGroup(displayName: string): Promise<void> {
  const response = await fetch(`${server.baseUrl}/Groups`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ schemas: [GROUP], displayName }),
  });
  expect(response.status).toBe(201);
}

async function groupNames(): Promise<string[]> {
  const response = await fetch(`${server.baseUrl}/Groups`, { headers: headers() });
  return ((await response.json()) as { Resources: { displayName: string }[] }).Resources.map(
    (g) => g.displayName,
  ).sort();
}

async function replay(): Promise<{ exit: number; out: string; err: string }> {
  const cwd = test.info().outputPath();
  const io = captureIo({ cwd, env: { SCIM_TOKEN: server.adminToken } });
  const argv = ['--users', '3', '--groups', '1', '--cycles', '1', '--churn', '0', '--concurrency', '1'];
  const exit = await main(
    ['replay', '--tenant-url', server.baseUrl, ...argv, '--run-id', RUN_ID, '--report-dir', join(cwd, 'r')],
    io,
  );
  return { exit, out: io.stdout.text(), err: io.stderr.text() };
}

test('a replay that leaves nothing tagged behind exits 0 and says nothing of the sweep', async () => {
  await createGroup('Engineering');
  const { exit, out, err } = await replay();
  expect(exit, err).toBe(0);
  expect(out).not.toContain('Sweep after the replay');
  expect(await groupNames()).toEqual(['Engineering']);
});

test('the sweep after a replay deletes what carries the run id beyond what it created, and exits 1', async () => {
  // As a target's side effect would leave it: the mock IdP's group tag, in no object the replay knows of.
  await createGroup(`Side effect 9 ${RUN_ID}`);
  await createGroup(`Side effect 9 ${RUN_ID}-other`);
  const { exit, out, err } = await replay();
  expect(exit, err).toBe(1);
  expect(out).toContain('Sweep after the replay:');
  expect(out).toMatch(/deleted +\/Groups\/\S+ "Side effect 9 sh-20261207-2200-replaysweep"/);
  expect(await groupNames()).toEqual([`Side effect 9 ${RUN_ID}-other`]);
});
