import { expect, test } from '@playwright/test';
import { isHarnessError } from '../src/errors/harness-error.js';
import { BENCH_SCENARIOS, PAGE_SIZE, type ScenarioPick } from './bench-scenarios.js';
import { KeepAliveClient } from './keep-alive-client.js';
import { createPicker, runScenario, type ScenarioPlan, warmUp } from './scenario-runner.js';
import { type SeededServer, startSeededServer } from './seeded-server.js';

const USERS = 250;
const PLAN: ScenarioPlan = { requests: 6, warmup: 2, budgetMs: 60_000, minRequests: 1, roundSize: 4 };

test.describe('createPicker', () => {
  const samples = Array.from({ length: 30 }, (_, index) => ({
    id: `u${index}`,
    userName: `n${index}`,
    externalId: `e${index}`,
  }));

  test('the same seed gives the same picks', () => {
    const first = createPicker(samples, 1000, 5);
    const second = createPicker(samples, 1000, 5);
    const draw = (pick: () => ScenarioPick) => Array.from({ length: 20 }, pick);
    expect(draw(first)).toEqual(draw(second));
  });

  test('a page always fits: startIndex runs from 1 to users − page size + 1', () => {
    const pick = createPicker(samples, PAGE_SIZE + 4, 9);
    const starts = new Set(Array.from({ length: 400 }, () => pick().startIndex));
    expect([...starts].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });

  test('no samples is a harness fault, not a silent empty run', () => {
    expect(() => createPicker([], 10, 1)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});

test.describe('runScenario against a seeded reference server', () => {
  let seeded: SeededServer;
  let client: KeepAliveClient;

  test.beforeAll(async () => {
    seeded = await startSeededServer({ users: USERS, groups: 3, seed: 11, samples: 40 });
    client = new KeepAliveClient({
      baseUrl: seeded.server.baseUrl,
      token: seeded.server.adminToken,
      timeoutMs: 30_000,
    });
  });

  test.afterAll(async () => {
    client?.close();
    await seeded?.server.close();
  });

  test('the seeded server hands over distinct existing users and its memory', () => {
    expect(seeded.samples).toHaveLength(40);
    expect(new Set(seeded.samples.map((sample) => sample.id)).size).toBe(40);
    expect(seeded.memory.rssBytes).toBeGreaterThan(seeded.memory.heapUsedBytes);
    expect(seeded.memory.peakRssBytes).toBeGreaterThanOrEqual(seeded.memory.rssBytes);
  });

  for (const scenario of BENCH_SCENARIOS) {
    test(`${scenario.id}: every answer passes its check and is timed`, async () => {
      const target = { users: USERS, client, pick: createPicker(seeded.samples, USERS, 3) };
      const [run, ...others] = await runScenario([target], scenario, PLAN);
      expect(others).toEqual([]);
      expect(run).toMatchObject({ scenarioId: scenario.id, users: USERS, planned: PLAN.requests });
      expect(run?.summary.count).toBe(PLAN.requests);
      expect(run?.summary.p50).toBeGreaterThan(0);
    });
  }

  test('warmUp sends every scenario to every target at least once, and checks the answers', async () => {
    const targets = [1, 2].map((seed) => ({
      users: USERS,
      client,
      pick: createPicker(seeded.samples, USERS, seed),
    }));
    const lookups = BENCH_SCENARIOS.filter((row) => row.kind === 'lookup');
    expect(await warmUp(targets, lookups, 0)).toBe(targets.length * lookups.length);
    const ghost = { id: 'no-such-id', userName: 'ghost@example.invalid', externalId: 'none' };
    const lost = { users: USERS, client, pick: () => ({ sample: ghost, startIndex: 1 }) };
    await expect(warmUp([lost], lookups, 0)).rejects.toThrow(/userName-eq at 250 users/);
  });

  test('interleaved targets each get their own tally', async () => {
    const targets = [11, 12].map((seed) => ({
      users: USERS,
      client,
      pick: createPicker(seeded.samples, USERS, seed),
    }));
    const runs = await runScenario(targets, BENCH_SCENARIOS[0]!, { ...PLAN, requests: 9 });
    expect(runs.map((run) => run.summary.count)).toEqual([9, 9]);
  });

  test('a lookup that finds nobody stops the run with TARGET_RESPONSE_UNUSABLE', async () => {
    const ghost = { id: 'no-such-id', userName: 'ghost@example.invalid', externalId: 'no-such-external-id' };
    const target = { users: USERS, client, pick: () => ({ sample: ghost, startIndex: 1 }) };
    for (const scenario of BENCH_SCENARIOS.filter((row) => row.kind === 'lookup')) {
      let caught: unknown;
      try {
        await runScenario([target], scenario, PLAN);
      } catch (error) {
        caught = error;
      }
      expect(isHarnessError(caught, 'TARGET_RESPONSE_UNUSABLE'), scenario.id).toBe(true);
      expect(String(caught)).toContain(scenario.id);
      expect(String(caught)).not.toContain(seeded.server.adminToken);
    }
  });

  test('a rejected token is reported with the status, never the token', async () => {
    const stranger = new KeepAliveClient({
      baseUrl: seeded.server.baseUrl,
      token: 'not-a-key',
      timeoutMs: 30_000,
    });
    try {
      const target = { users: USERS, client: stranger, pick: createPicker(seeded.samples, USERS, 1) };
      await expect(runScenario([target], BENCH_SCENARIOS[0]!, PLAN)).rejects.toThrow(
        /answered 401, expected 200/,
      );
      await expect(runScenario([target], BENCH_SCENARIOS[0]!, PLAN)).rejects.not.toThrow(/not-a-key/);
    } finally {
      stranger.close();
    }
  });
});
