import { expect, test } from '@playwright/test';
import { startReferenceServer } from '../src/reference-server/index.js';
import { phaseRuns, runPhase } from './autocannon-phase.js';
import { planInitialCycle } from './initial-cycle-plan.js';
import { addToMix, compareMixes } from './request-mix.js';

const RUNS: { jobs: number; connections: number; runs: { connections: number; jobsEach: number }[] }[] = [
  { jobs: 0, connections: 8, runs: [] },
  { jobs: 3, connections: 8, runs: [{ connections: 3, jobsEach: 1 }] },
  { jobs: 16, connections: 8, runs: [{ connections: 8, jobsEach: 2 }] },
  {
    jobs: 8793,
    connections: 8,
    runs: [
      { connections: 8, jobsEach: 1099 },
      { connections: 1, jobsEach: 1 },
    ],
  },
  {
    jobs: 23,
    connections: 8,
    runs: [
      { connections: 8, jobsEach: 2 },
      { connections: 7, jobsEach: 1 },
    ],
  },
];

for (const row of RUNS) {
  test(`phaseRuns(${row.jobs} jobs, ${row.connections} connections) gives every job once, whole`, () => {
    const runs = phaseRuns(row.jobs, row.connections);
    expect(runs).toEqual(row.runs);
    expect(runs.reduce((sum, run) => sum + run.connections * run.jobsEach, 0)).toBe(row.jobs);
  });
}

test('autocannon sends every planned request once, with the ids the creates returned', async () => {
  const server = await startReferenceServer({});
  try {
    const plan = planInitialCycle({
      baseUrl: server.baseUrl,
      users: 60,
      groups: 6,
      seed: 5,
      runId: 'phase',
      mapping: 'entra-default',
    });
    const target = {
      origin: server.origin,
      token: server.adminToken,
      connections: 4,
      ids: new Map<string, string>(),
    };
    const sent = new Map<string, number>();
    let requests = 0;
    for (const phase of plan.phases) {
      const outcome = await runPhase(phase, target);
      expect(outcome).toMatchObject({
        name: phase.name,
        errors: 0,
        timeouts: 0,
        unresolved: 0,
        idsMissing: 0,
      });
      expect(outcome.requests).toBe(phase.jobs.length * phase.jobLength);
      // The runs' sending times lie inside the phase's span, apart from each other: their sum cannot exceed it.
      expect(outcome.durationMs).toBeGreaterThan(0);
      expect(outcome.durationMs).toBeLessThanOrEqual(outcome.spanMs);
      requests += outcome.requests;
      for (const [kind, byStatus] of Object.entries(outcome.statuses)) {
        for (const [status, count] of Object.entries(byStatus)) {
          expect(Number(status), `${kind} answered ${status}`).toBeLessThan(300);
          addToMix(sent, kind, count);
        }
      }
    }
    expect(requests).toBe(plan.requests);
    expect(compareMixes(plan.mix, sent)).toEqual([]);
    const users = await fetch(`${server.baseUrl}/Users?count=1`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    const created = plan.phases[0]?.jobs.length;
    expect(((await users.json()) as { totalResults: number }).totalResults).toBe(created);
  } finally {
    await server.close();
  }
});
