import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../src/reference-server/index.js';
import { parseReplayResult } from '../../src/report/index.js';
import { runReplay } from './replay.js';

let server: RunningReferenceServer;
test.beforeAll(async () => {
  server = await startReferenceServer();
});
test.afterAll(async () => {
  await server.close();
});

const modes = [
  { mode: 'legacy', runId: 'conv-legacy' },
  { mode: 'compliant', runId: 'conv-compliant' },
] as const;

for (const { mode, runId } of modes) {
  test(`converges over 5 cycles with churn in ${mode} mode, then removes what it created`, async () => {
    const outcome = await runReplay({
      tenantUrl: server.baseUrl,
      token: server.adminToken,
      mode,
      users: 30,
      groups: 5,
      cycles: 5,
      churn: 0.2,
      seed: 7,
      runId,
      concurrency: 4,
    });
    const { cycles } = outcome.result;
    expect(cycles.map((c) => c.kind)).toEqual([
      'initial',
      'incremental',
      'incremental',
      'incremental',
      'incremental',
    ]);
    for (const cycle of cycles) {
      expect(cycle.divergences, `cycle ${cycle.n}`).toEqual([]);
      expect(cycle.converged).toBe(true);
      expect(cycle.quarantined).toBe(false);
    }
    expect(cycles[0]?.operations.Create?.['201']).toBeGreaterThan(20);
    const incremental = cycles.slice(1).flatMap((c) => Object.keys(c.operations));
    expect(incremental).toContain('Update');
    expect(outcome.cleanup.failed).toBe(0);
    const left = await server.state.store.scan('User');
    expect(left.filter((user) => JSON.stringify(user).includes(runId))).toEqual([]);
  });
}

test('writes replay.json, the provisioning log and the report, with the token redacted', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'replay-'));
  try {
    await runReplay({
      tenantUrl: server.baseUrl,
      token: server.adminToken,
      users: 10,
      groups: 2,
      cycles: 2,
      churn: 0.3,
      seed: 3,
      runId: 'files-run',
      reportDir: dir,
    });
    const replay = parseReplayResult(JSON.parse(await readFile(join(dir, 'replay.json'), 'utf8')));
    expect(replay.cycles).toHaveLength(2);
    const log = await readFile(join(dir, 'provisioning-log.jsonl'), 'utf8');
    const entries = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.length).toBeGreaterThan(10);
    expect(entries[0]).toMatchObject({ cycle: 1, action: 'Create', status: 'Success' });
    expect(log.includes(server.adminToken)).toBe(false);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html.includes(server.adminToken)).toBe(false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('--shard i/n partitions the directory: shards are disjoint and together provision it all', async () => {
  const base = {
    tenantUrl: server.baseUrl,
    token: server.adminToken,
    users: 40,
    groups: 0,
    cycles: 1,
    churn: 0,
    seed: 9,
    keep: true,
  };
  const whole = await runReplay({ ...base, runId: 'shard-whole' });
  const first = await runReplay({ ...base, runId: 'shard-part', shard: { index: 1, total: 2 } });
  const second = await runReplay({ ...base, runId: 'shard-part', shard: { index: 2, total: 2 } });
  const created = (outcome: typeof whole) => outcome.result.cycles[0]?.operations.Create?.['201'] ?? 0;
  expect(created(first)).toBeGreaterThan(0);
  expect(created(second)).toBeGreaterThan(0);
  expect(created(first) + created(second)).toBe(created(whole));
  // Neither shard met the other's users: every request succeeded, none was skipped as foreign.
  for (const outcome of [first, second]) {
    const statuses = Object.values(outcome.result.cycles[0]?.operations ?? {}).flatMap((s) => Object.keys(s));
    expect(statuses.every((status) => Number(status) < 300)).toBe(true);
  }
  expect(second.result.cycles[0]?.converged).toBe(true);
});

test('cleanup runs when the replay fails half-way', async () => {
  const controller = new AbortController();
  const run = runReplay({
    tenantUrl: server.baseUrl,
    token: server.adminToken,
    users: 10,
    groups: 2,
    cycles: 3,
    churn: 0.1,
    seed: 2,
    runId: 'abort-run',
    signal: controller.signal,
    onCycle: () => controller.abort(),
  });
  await expect(run).rejects.toThrow(/interrupted/);
  const left = await server.state.store.scan('User');
  expect(left.filter((user) => JSON.stringify(user).includes('abort-run'))).toEqual([]);
});
