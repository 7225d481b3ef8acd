import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../src/reference-server/index.js';
import { parseReplayResult } from '../../src/run-contract/index.js';
import { ReplayInterruptedError, runReplay } from './replay.js';
import type { ReplayPhase, ReplayProgress } from './replay-progress.js';

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

test('reports progress through every stage: counts never pass their totals and each stage ends complete', async () => {
  const seen: ReplayProgress[] = [];
  await runReplay({
    tenantUrl: server.baseUrl,
    token: server.adminToken,
    users: 12,
    groups: 3,
    cycles: 2,
    churn: 0.3,
    seed: 5,
    runId: 'progress-run',
    concurrency: 3,
    onProgress: (progress) => seen.push(progress),
  });
  const phases = [...new Set(seen.map((progress) => progress.phase))];
  const everyStage: ReplayPhase[] = [
    'test-connection',
    'users',
    'groups',
    'memberships',
    'convergence',
    'cleanup',
  ];
  expect(phases).toEqual(expect.arrayContaining(everyStage));
  expect(phases).not.toContain('waiting');
  for (const progress of seen) {
    expect(progress.done, `${progress.phase} of cycle ${progress.cycle}`).toBeLessThanOrEqual(progress.total);
    expect(progress.errors).toBe(0);
  }
  // The last report of each stage (a stage ends where the next begins) has done all it planned.
  const stageOf = (progress: ReplayProgress) =>
    ['users', 'groups', 'memberships'].includes(progress.phase) ? 'provisioning' : progress.phase;
  const ends = seen.filter((progress, i) => {
    const next = seen[i + 1];
    return next === undefined || stageOf(next) !== stageOf(progress) || next.cycle !== progress.cycle;
  });
  expect(ends.map((progress) => `${progress.cycle} ${stageOf(progress)}`)).toEqual([
    '1 test-connection',
    '1 provisioning',
    '1 convergence',
    '2 provisioning',
    '2 convergence',
    '2 cleanup',
  ]);
  for (const end of ends) expect(end.done, `${end.cycle} ${end.phase}`).toBe(end.total);
  expect(ends.at(-1)?.total).toBeGreaterThan(12);
});

const PLANNED_CASES = [
  { mapping: 'entra-default', groups: 4 },
  { mapping: 'datadog', groups: 0 },
] as const;

for (const { mapping, groups } of PLANNED_CASES) {
  test(`the provisioning total is known when a cycle starts and never grows (${mapping})`, async () => {
    const totals = new Map<number, Set<number>>();
    let last: ReplayProgress | undefined;
    await runReplay({
      tenantUrl: server.baseUrl,
      token: server.adminToken,
      users: 15,
      groups,
      cycles: 3,
      churn: 0.3,
      seed: 9,
      runId: `planned-${mapping}`,
      mapping,
      concurrency: 2,
      onProgress: (progress) => {
        if (!['users', 'groups', 'memberships'].includes(progress.phase)) return;
        const seen = totals.get(progress.cycle) ?? new Set<number>();
        totals.set(progress.cycle, seen.add(progress.total));
        last = progress;
      },
    });
    expect([...totals.keys()]).toEqual([1, 2, 3]);
    for (const [cycle, seen] of totals) expect([...seen], `cycle ${cycle}`).toHaveLength(1);
    // Every pass's objects are in it: the cycle ends with all it planned done.
    expect(last?.done).toBe(last?.total);
  });
}

test('intervalMs waits between cycles, in steps, and only before incremental cycles', async () => {
  const seen: ReplayProgress[] = [];
  const outcome = await runReplay({
    tenantUrl: server.baseUrl,
    token: server.adminToken,
    users: 4,
    groups: 0,
    cycles: 2,
    churn: 0.5,
    seed: 6,
    runId: 'interval-run',
    intervalMs: 1200,
    onProgress: (progress) => seen.push(progress),
  });
  expect(outcome.result.cycles).toHaveLength(2);
  const waits = seen.filter((progress) => progress.phase === 'waiting');
  expect(waits.map((progress) => [progress.cycle, progress.done, progress.total])).toEqual([
    [2, 0, 1200],
    [2, 1000, 1200],
    [2, 1200, 1200],
  ]);
  // The wait sits between cycle 1's read-back and cycle 2's provisioning.
  const firstWait = seen.indexOf(waits[0] as ReplayProgress);
  expect(seen[firstWait - 1]).toMatchObject({ cycle: 1, phase: 'convergence' });
  expect(seen[firstWait + waits.length]).toMatchObject({ cycle: 2, phase: 'users' });
});

test('aborting during the wait ends it at once, cleans up, and says how far the replay got', async () => {
  const controller = new AbortController();
  const run = runReplay({
    tenantUrl: server.baseUrl,
    token: server.adminToken,
    users: 8,
    groups: 1,
    cycles: 3,
    churn: 0.1,
    seed: 8,
    runId: 'wait-abort-run',
    // An hour: a wait that ignored the signal would outlast the test's timeout.
    intervalMs: 3_600_000,
    signal: controller.signal,
    onProgress: (progress) => {
      if (progress.phase === 'waiting') controller.abort();
    },
  });
  const error = await run.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ReplayInterruptedError);
  const interrupted = error as ReplayInterruptedError;
  expect(interrupted.cyclesRun).toBe(1);
  expect(interrupted.cleanup.failed).toBe(0);
  expect(interrupted.cleanup.deleted).toBeGreaterThan(8);
  const left = await server.state.store.scan('User');
  expect(left.filter((user) => JSON.stringify(user).includes('wait-abort-run'))).toEqual([]);
});

test('aborting mid-cycle stops starting new objects and skips the read-back', async () => {
  const controller = new AbortController();
  const seen: ReplayProgress[] = [];
  const run = runReplay({
    tenantUrl: server.baseUrl,
    token: server.adminToken,
    users: 40,
    groups: 0,
    cycles: 2,
    churn: 0.1,
    seed: 10,
    runId: 'mid-abort-run',
    concurrency: 2,
    signal: controller.signal,
    onProgress: (progress) => {
      seen.push(progress);
      if (progress.phase === 'users' && progress.done === 5) controller.abort();
    },
  });
  await expect(run).rejects.toBeInstanceOf(ReplayInterruptedError);
  const provisioned = seen.filter((progress) => progress.phase === 'users');
  expect(Math.max(...provisioned.map((progress) => progress.done))).toBeLessThan(10);
  expect(seen.some((progress) => progress.phase === 'convergence')).toBe(false);
  const left = await server.state.store.scan('User');
  expect(left.filter((user) => JSON.stringify(user).includes('mid-abort-run'))).toEqual([]);
});

test('a bad intervalMs is refused before anything runs', async () => {
  const run = runReplay({
    tenantUrl: server.baseUrl,
    token: server.adminToken,
    users: 1,
    groups: 0,
    cycles: 2,
    churn: 0,
    seed: 1,
    runId: 'bad-interval',
    intervalMs: -1,
  });
  await expect(run).rejects.toThrow('intervalMs must be a number from 0 to 86400000, got -1');
});

test('an interrupted replay with a report folder writes replay.json and report.html of the cycles that completed, marked interrupted', async () => {
  const reportDir = await mkdtemp(join(tmpdir(), 'replay-interrupted-'));
  try {
    const controller = new AbortController();
    const run = runReplay({
      tenantUrl: server.baseUrl,
      token: server.adminToken,
      users: 6,
      groups: 1,
      cycles: 3,
      churn: 0.1,
      seed: 11,
      runId: 'interrupted-report-run',
      reportDir,
      signal: controller.signal,
      onCycle: () => controller.abort(),
    });
    const error = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReplayInterruptedError);
    const { files, cyclesRun } = error as ReplayInterruptedError;
    expect(cyclesRun).toBe(1);
    expect(files).toEqual(
      expect.arrayContaining([join(reportDir, 'replay.json'), join(reportDir, 'report.html')]),
    );
    const replay = parseReplayResult(JSON.parse(await readFile(join(reportDir, 'replay.json'), 'utf8')));
    expect(replay).toMatchObject({ runId: 'interrupted-report-run', interrupted: true });
    expect(replay.cycles.map((cycle) => cycle.n)).toEqual([1]);
    expect(replay.scenario).toBeUndefined();
    expect(await readFile(join(reportDir, 'report.html'), 'utf8')).toContain(
      '<p id="interrupted" role="alert">',
    );
    expect(await readFile(join(reportDir, 'replay.json'), 'utf8')).not.toContain(server.adminToken);
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
});
