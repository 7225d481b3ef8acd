import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../reference-server/index.js';
import { parseReplayResult } from '../../run-contract/index.js';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';
import { replaySweepFindings } from './replay.js';

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

/** The replay's replay.json, read back through its schema. */
async function replayJson() {
  const file = join(test.info().outputPath(), 'r', 'replay.json');
  return parseReplayResult(JSON.parse(await readFile(file, 'utf8')), file);
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
  const recorded = await replayJson();
  expect(recorded.leftovers).toBeUndefined();
  expect(recorded.sweepIncomplete).toBeUndefined();
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
  // Written again after the sweep: replay.json and report.html list what it found.
  const recorded = await replayJson();
  expect(recorded.leftovers).toEqual([
    { id: expect.any(String), endpoint: '/Groups', name: `Side effect 9 ${RUN_ID}`, deleted: true },
  ]);
  expect(recorded.sweepIncomplete).toBeUndefined();
  expect(recorded.cycles).toHaveLength(1);
  const html = await readFile(join(test.info().outputPath(), 'r', 'report.html'), 'utf8');
  expect(html).toContain('<section id="replay-leftovers" class="safety"');
  expect(html).toContain(`<td>Side effect 9 ${RUN_ID}</td>`);
});

test("the sweep's findings as replay.json records them: what it deleted or could not, and searches it could not finish", () => {
  const findings = replaySweepFindings({
    outcomes: [
      { endpoint: '/Groups', id: 'g1', name: `G ${RUN_ID}`, action: 'deleted' },
      { endpoint: '/Users', id: 'u1', name: `a.${RUN_ID}@x`, action: 'failed' },
      // Skipped: the key owner, or gone already; not something the replay left.
      { endpoint: '/Users', id: 'u2', name: 'owner', action: 'skipped' },
    ],
    searches: [
      { endpoint: '/Groups' },
      { endpoint: '/Users', incomplete: 'GET /Users answered 500 at startIndex 101' },
    ],
  });
  expect(findings).toEqual({
    leftovers: [
      { id: 'g1', endpoint: '/Groups', name: `G ${RUN_ID}`, deleted: true },
      { id: 'u1', endpoint: '/Users', name: `a.${RUN_ID}@x`, deleted: false },
    ],
    incomplete: ['/Users: GET /Users answered 500 at startIndex 101'],
  });
});
