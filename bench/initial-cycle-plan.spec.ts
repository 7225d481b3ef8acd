import { expect, test } from '@playwright/test';
import {
  type EntraClientMode,
  type MappingPresetName,
  type ReplayContext,
  runReplay,
} from '../mock-idp/index.js';
import { startReferenceServer } from '../src/reference-server/index.js';
import { PLAN_PHASES, planInitialCycle } from './initial-cycle-plan.js';
import { fillTemplate, inJsonString, inPath } from './reference-template.js';

interface Sent {
  method: string;
  url: string;
  body: unknown;
}

/** Path and decoded query pairs: the two clients may percent-encode a filter differently. */
function normalisedUrl(url: string): string {
  const parsed = new URL(url, 'http://origin.invalid');
  return `${parsed.pathname}?${[...parsed.searchParams].map(([k, v]) => `${k}=${v}`).join('&')}`;
}

const CASES: { mapping: MappingPresetName; mode: EntraClientMode; users: number; groups: number }[] = [
  { mapping: 'entra-default', mode: 'compliant', users: 40, groups: 5 },
  { mapping: 'entra-default', mode: 'legacy', users: 30, groups: 4 },
  { mapping: 'datadog', mode: 'compliant', users: 30, groups: 3 },
];

for (const row of CASES) {
  test(`the plan sends exactly the replay's initial cycle: ${row.mapping}, ${row.mode}`, async () => {
    const server = await startReferenceServer({});
    const sent: Sent[] = [];
    let recording = false;
    let context: ReplayContext | undefined;
    const recordingFetch: typeof fetch = (input, init) => {
      if (recording) {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
        sent.push({ method: init?.method ?? 'GET', url: normalisedUrl(url), body });
      }
      return fetch(input, init);
    };
    try {
      const outcome = await runReplay({
        tenantUrl: server.baseUrl,
        token: server.adminToken,
        mode: row.mode,
        users: row.users,
        groups: row.groups,
        cycles: 1,
        churn: 0,
        seed: 7,
        runId: 'plan',
        // One at a time: the engine's order is then fixed, nested groups included.
        concurrency: 1,
        mapping: row.mapping,
        keep: true,
        fetch: recordingFetch,
        beforeCycle: (_n, replayContext) => {
          recording = true;
          context = replayContext;
        },
      });
      const cycle = outcome.result.cycles[0];
      expect(cycle?.converged).toBe(true);
      if (cycle === undefined || context === undefined) throw new Error('the replay ran no cycle');
      const ids = new Map<string, string>();
      for (const [objectId, state] of [...context.engine.users, ...context.engine.groups]) {
        if (state.targetId !== undefined) ids.set(objectId, state.targetId);
      }

      const plan = planInitialCycle({
        baseUrl: server.baseUrl,
        users: row.users,
        groups: row.groups,
        seed: 7,
        runId: 'plan',
        mapping: row.mapping,
        mode: row.mode,
      });
      const planned: Sent[] = plan.phases.flatMap((phase) =>
        phase.jobs.flat().map((request) => {
          const path = fillTemplate(request.path, ids, inPath);
          const body = request.body === undefined ? undefined : fillTemplate(request.body, ids, inJsonString);
          expect([...path.missing, ...(body?.missing ?? [])]).toEqual([]);
          return {
            method: request.method,
            url: normalisedUrl(path.text),
            body: body === undefined ? undefined : JSON.parse(body.text),
          };
        }),
      );
      expect(plan.requests).toBe(cycle.requests);
      // The plan holds each group's membership PATCHes back until every group exists (a phase barrier the
      // engine does not have), so the order of group requests differs; the requests themselves must not.
      const sorted = (requests: Sent[]): string[] =>
        requests.map((request) => JSON.stringify(request)).sort();
      expect(sorted(planned)).toEqual(sorted(sent.slice(0, cycle.requests)));
      expect(plan.phases.map((phase) => phase.name)).toEqual([...PLAN_PHASES]);
    } finally {
      await server.close();
    }
  });
}

test('a later phase references only objects an earlier phase creates, and only creates record an id', () => {
  const plan = planInitialCycle({
    baseUrl: 'http://127.0.0.1:9/scim/v2',
    users: 200,
    groups: 10,
    seed: 3,
    runId: 'plan',
    mapping: 'entra-default',
  });
  const created = new Set<string>();
  for (const phase of plan.phases) {
    const createdHere: string[] = [];
    for (const job of phase.jobs) {
      expect(job).toHaveLength(phase.jobLength);
      for (const request of job) {
        for (const ref of [...request.path.refs, ...(request.body?.refs ?? [])])
          expect(created.has(ref)).toBe(true);
        if (request.creates !== undefined) {
          expect(request.method).toBe('POST');
          createdHere.push(request.creates);
        }
        expect(Object.keys(request.headers).map((name) => name.toLowerCase())).not.toContain('authorization');
      }
    }
    for (const objectId of createdHere) created.add(objectId);
  }
  expect(plan.phases.every((phase) => phase.jobs.length > 0)).toBe(true);
});
