import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../src/reference-server/index.js';
import type { EntraGroup } from '../directory/index.js';
import { ENTRA_DEFAULT_GROUP_MAPPING, type ScimAttributeSet } from '../mappings/index.js';
import { compareResource, expectedGroup } from './convergence.js';
import { runReplay } from './replay.js';

/** Source objectIds and the target ids the engine resolved them to; `gone` is not provisioned. */
const TARGET_IDS: Readonly<Record<string, string>> = { alice: 't-alice', bob: 't-bob', team: 't-team' };
const resolve = (objectId: string): string | undefined => TARGET_IDS[objectId];

interface CompareCase {
  name: string;
  expected: ScimAttributeSet;
  resource: Record<string, unknown>;
  /** The attributes reported as diverging, in order. */
  diverging: string[];
}

const MANAGER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager';

const COMPARE_CASES: CompareCase[] = [
  {
    name: 'members in another order are the same members',
    expected: { members: { kind: 'references', objectIds: ['alice', 'team'] } },
    resource: { members: [{ value: 't-team' }, { value: 't-alice' }] },
    diverging: [],
  },
  {
    name: 'a nested group the target lacks diverges',
    expected: { members: { kind: 'references', objectIds: ['alice', 'team'] } },
    resource: { members: [{ value: 't-alice' }] },
    diverging: ['members'],
  },
  {
    name: 'a member the target kept after its removal diverges',
    expected: { members: { kind: 'references', objectIds: ['alice'] } },
    resource: { members: [{ value: 't-alice' }, { value: 't-bob' }] },
    diverging: ['members'],
  },
  {
    name: 'an empty member list diverges from a target that kept a member',
    expected: { members: { kind: 'references', objectIds: [] } },
    resource: { members: [{ value: 't-bob' }] },
    diverging: ['members'],
  },
  {
    name: 'an empty member list matches a target without members',
    expected: { members: { kind: 'references', objectIds: [] } },
    resource: { displayName: 'x' },
    diverging: [],
  },
  {
    name: 'a manager pointing elsewhere diverges',
    expected: { [MANAGER]: { kind: 'reference', objectId: 'alice' } },
    resource: {
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: { value: 't-bob' } },
    },
    diverging: [MANAGER],
  },
  {
    name: 'a string attribute compares exactly',
    expected: { displayName: 'Team 1' },
    resource: { displayName: 'team 1' },
    diverging: ['displayName'],
  },
];

for (const row of COMPARE_CASES) {
  test(`compareResource: ${row.name}`, () => {
    const found = compareResource('Group g', row.expected, row.resource, resolve);
    expect(found.map((divergence) => divergence.attribute)).toEqual(row.diverging);
  });
}

function group(members: string[]): EntraGroup {
  return {
    objectId: 'team-2',
    serial: 2,
    displayName: 'Team 2 run',
    mailNickname: 'team2',
    description: undefined,
    members,
    assigned: true,
  };
}

interface ExpectedGroupCase {
  name: string;
  members: string[];
  expected: string[];
}

const EXPECTED_GROUP_CASES: ExpectedGroupCase[] = [
  { name: 'known members, nested group included', members: ['alice', 'team'], expected: ['alice', 'team'] },
  { name: 'a member not provisioned yet is deferred', members: ['alice', 'gone'], expected: ['alice'] },
  { name: 'no known member expects an empty list', members: ['gone'], expected: [] },
  { name: 'no member at all expects an empty list', members: [], expected: [] },
];

for (const row of EXPECTED_GROUP_CASES) {
  test(`expectedGroup: ${row.name}`, () => {
    const expected = expectedGroup(group(row.members), ENTRA_DEFAULT_GROUP_MAPPING, resolve);
    expect(expected.members).toEqual({ kind: 'references', objectIds: row.expected });
    expect(expected.displayName).toBe('Team 2 run');
  });
}

test.describe('replay against the embedded server converges every cycle', () => {
  // Each row is a separate replay: with more than one worker they share the rows, each with its own server.
  test.describe.configure({ mode: 'parallel' });
  let server: RunningReferenceServer;
  test.beforeAll(async () => {
    server = await startReferenceServer();
  });
  test.afterAll(async () => {
    await server.close();
  });

  const SEEDS = [1, 2, 3, 4, 5];
  for (const mode of ['legacy', 'compliant'] as const) {
    for (const seed of SEEDS) {
      test(`${mode}, seed ${seed}: 120 users, 20 groups, 5 cycles, churn 0.2, concurrency 8`, async () => {
        const runId = `conv-${mode}-${seed}`;
        const outcome = await runReplay({
          tenantUrl: server.baseUrl,
          token: server.adminToken,
          mode,
          users: 120,
          groups: 20,
          cycles: 5,
          churn: 0.2,
          seed,
          runId,
          concurrency: 8,
          // Cleanup has its own test (replay.spec.ts); here it would only double the run time.
          keep: true,
        });
        const { cycles } = outcome.result;
        expect(cycles).toHaveLength(5);
        for (const cycle of cycles) {
          expect(cycle.divergences, `cycle ${cycle.n}`).toEqual([]);
          expect(cycle.quarantined, `cycle ${cycle.n}`).toBe(false);
          expect(cycle.converged, `cycle ${cycle.n}`).toBe(true);
        }
      });
    }
  }
});
