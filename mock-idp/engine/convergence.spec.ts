import { expect, test } from '@playwright/test';
import { createScimClient } from '../../src/http/index.js';
import { type RunningReferenceServer, startReferenceServer } from '../../src/reference-server/index.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import { createDirectory, type EntraDirectory, type EntraGroup, type EntraUser } from '../directory/index.js';
import { entraUser } from '../directory/test-support/entra-user-fixture.js';
import {
  DATADOG_USER_MAPPING,
  ENTRA_DEFAULT_GROUP_MAPPING,
  ENTRA_DEFAULT_USER_MAPPING,
  type ScimAttributeSet,
  type UserMapping,
} from '../mappings/index.js';
import { resolveClientProfile } from '../requests/index.js';
import {
  checkConvergence,
  compareResource,
  expectedGroup,
  expectedUser,
  type ManagerRemoval,
} from './convergence.js';
import { CycleEngine } from './cycle-engine.js';
import { MemoryProvisioningLog } from './provisioning-log.js';
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

const ENTERPRISE = SCHEMA_URNS.EnterpriseUser;
const MANAGER = `${ENTERPRISE}:manager`;

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

/** A user mapping small enough that a test resource can hold all of it: a string row and the manager. */
const SMALL_USER_MAPPING: UserMapping = {
  name: 'userName, title, manager',
  objectType: 'User',
  rows: [
    {
      target: 'userName',
      source: { kind: 'direct', attribute: 'userPrincipalName' },
      type: 'string',
      apply: 'always',
    },
    { target: 'title', source: { kind: 'direct', attribute: 'jobTitle' }, type: 'string', apply: 'always' },
    { target: MANAGER, source: { kind: 'direct', attribute: 'manager' }, type: 'reference', apply: 'always' },
  ],
};

/** A source user with a manager and a title unless `patch` empties them. */
function user(patch: Partial<EntraUser> = {}): EntraUser {
  return entraUser({
    objectId: 'carol',
    serial: 3,
    userPrincipalName: 'carol@example.test',
    mailNickname: 'carol',
    givenName: 'Carol',
    surname: 'Doe',
    displayName: 'Carol Doe',
    jobTitle: 'Engineer',
    manager: 'alice',
    ...patch,
  });
}

/** A target resource for `user()` under SMALL_USER_MAPPING; `manager` is what the enterprise extension holds. */
function carolOnTarget(fields: { title?: string; manager?: unknown; noExtension?: boolean } = {}) {
  const resource: Record<string, unknown> = { id: 't-carol', userName: 'carol@example.test' };
  if (fields.title !== undefined) resource.title = fields.title;
  if (fields.noExtension !== true)
    resource[ENTERPRISE] = 'manager' in fields ? { manager: fields.manager } : {};
  return resource;
}

interface ClearedManagerCase {
  name: string;
  source: Partial<EntraUser>;
  managerRemoval: ManagerRemoval;
  resource: Record<string, unknown>;
  /** The divergences reported, as replay.json holds them (without `object`). */
  divergences: { attribute: string; expected: unknown; found: unknown }[];
}

const STALE_BOB = { value: 't-bob', $ref: 'http://127.0.0.1/Users/t-bob', displayName: 'Bob' };
const NO_MANAGER: Partial<EntraUser> = { manager: undefined };

const CLEARED_MANAGER_CASES: ClearedManagerCase[] = [
  {
    name: 'a stale manager the source removed diverges, expected null',
    source: NO_MANAGER,
    managerRemoval: 'replaceEmpty',
    resource: carolOnTarget({ title: 'Engineer', manager: STALE_BOB }),
    divergences: [{ attribute: MANAGER, expected: null, found: 't-bob' }],
  },
  {
    name: 'a stale manager held as a bare id diverges',
    source: NO_MANAGER,
    managerRemoval: 'replaceEmpty',
    resource: carolOnTarget({ title: 'Engineer', manager: 't-bob' }),
    divergences: [{ attribute: MANAGER, expected: null, found: 't-bob' }],
  },
  {
    name: 'a stale manager diverges when the client clears with remove',
    source: NO_MANAGER,
    managerRemoval: 'remove',
    resource: carolOnTarget({ title: 'Engineer', manager: STALE_BOB }),
    divergences: [{ attribute: MANAGER, expected: null, found: 't-bob' }],
  },
  ...(
    [
      ['no enterprise extension', carolOnTarget({ title: 'Engineer', noExtension: true })],
      ['no manager in the extension', carolOnTarget({ title: 'Engineer' })],
      ['manager null', carolOnTarget({ title: 'Engineer', manager: null })],
      ['manager ""', carolOnTarget({ title: 'Engineer', manager: '' })],
      ['manager {value: ""}', carolOnTarget({ title: 'Engineer', manager: { value: '' } })],
      ['manager {value: null}', carolOnTarget({ title: 'Engineer', manager: { value: null } })],
      ['manager []', carolOnTarget({ title: 'Engineer', manager: [] })],
    ] as const
  ).map(
    ([form, resource]): ClearedManagerCase => ({
      name: `a cleared manager (${form}) matches`,
      source: NO_MANAGER,
      managerRemoval: 'replaceEmpty',
      resource,
      divergences: [],
    }),
  ),
  {
    name: "managerRemoval 'none': the client sends nothing, so a stale manager is not flagged",
    source: NO_MANAGER,
    managerRemoval: 'none',
    resource: carolOnTarget({ title: 'Engineer', manager: STALE_BOB }),
    divergences: [],
  },
  {
    name: 'a string attribute emptied at the source but kept on the target is not flagged',
    source: { jobTitle: undefined },
    managerRemoval: 'replaceEmpty',
    resource: carolOnTarget({ title: 'Old title', manager: { value: 't-alice' } }),
    divergences: [],
  },
  {
    name: 'a manager the source names but the target does not know is neither expected nor expected absent',
    source: { manager: 'gone' },
    managerRemoval: 'replaceEmpty',
    resource: carolOnTarget({ title: 'Engineer', manager: STALE_BOB }),
    divergences: [],
  },
  {
    name: 'a manager the source still names is expected',
    source: {},
    managerRemoval: 'replaceEmpty',
    resource: carolOnTarget({ title: 'Engineer' }),
    divergences: [{ attribute: MANAGER, expected: 't-alice', found: null }],
  },
];

for (const row of CLEARED_MANAGER_CASES) {
  test(`expectedUser + compareResource: ${row.name}`, () => {
    const expected = expectedUser(user(row.source), SMALL_USER_MAPPING, {
      inScope: true,
      resolve,
      managerRemoval: row.managerRemoval,
    });
    const found = compareResource('User carol', expected.attributes, row.resource, resolve, expected.absent);
    expect(found).toEqual(row.divergences.map((divergence) => ({ object: 'User carol', ...divergence })));
  });
}

interface ClearedReferencesCase {
  name: string;
  mapping: UserMapping;
  source: Partial<EntraUser>;
  managerRemoval: ManagerRemoval;
  absent: string[];
}

const CLEARED_REFERENCES_CASES: ClearedReferencesCase[] = [
  {
    name: 'the default mapping without a source manager',
    mapping: ENTRA_DEFAULT_USER_MAPPING,
    source: { manager: undefined, jobTitle: undefined, mail: undefined },
    managerRemoval: 'replaceEmpty',
    absent: [MANAGER],
  },
  {
    name: 'the default mapping with a source manager',
    mapping: ENTRA_DEFAULT_USER_MAPPING,
    source: {},
    managerRemoval: 'remove',
    absent: [],
  },
  {
    name: "managerRemoval 'none'",
    mapping: ENTRA_DEFAULT_USER_MAPPING,
    source: { manager: undefined },
    managerRemoval: 'none',
    absent: [],
  },
  {
    name: 'a mapping without a reference row (Datadog)',
    mapping: DATADOG_USER_MAPPING,
    source: { manager: undefined, jobTitle: undefined },
    managerRemoval: 'replaceEmpty',
    absent: [],
  },
  {
    name: 'a manager row applied only on create is never cleared',
    mapping: {
      ...SMALL_USER_MAPPING,
      rows: SMALL_USER_MAPPING.rows.map((mappingRow) =>
        mappingRow.type === 'reference' ? { ...mappingRow, apply: 'onCreateOnly' as const } : mappingRow,
      ),
    },
    source: { manager: undefined },
    managerRemoval: 'replaceEmpty',
    absent: [],
  },
];

for (const row of CLEARED_REFERENCES_CASES) {
  test(`expectedUser absent paths: ${row.name}`, () => {
    const expected = expectedUser(user(row.source), row.mapping, {
      inScope: true,
      resolve,
      managerRemoval: row.managerRemoval,
    });
    expect(expected.absent).toEqual(row.absent);
    for (const path of row.absent) expect(Object.keys(expected.attributes)).not.toContain(path);
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

/** The directory one cycle later with every user's manager removed at the source. */
function withoutManagers(directory: EntraDirectory): EntraDirectory {
  const users = new Map([...directory.users].map(([id, entry]) => [id, { ...entry, manager: undefined }]));
  return { ...directory, users, cycle: directory.cycle + 1 };
}

interface RemovalCase {
  managerRemoval: ManagerRemoval;
  managerShape: 'urnString' | 'refArray';
  /** Whether the target still holds the removed managers after the cycle. */
  targetKeeps: boolean;
}

const REMOVAL_CASES: RemovalCase[] = [
  { managerRemoval: 'replaceEmpty', managerShape: 'urnString', targetKeeps: false },
  { managerRemoval: 'remove', managerShape: 'urnString', targetKeeps: false },
  { managerRemoval: 'none', managerShape: 'urnString', targetKeeps: true },
  { managerRemoval: 'replaceEmpty', managerShape: 'refArray', targetKeeps: false },
  { managerRemoval: 'remove', managerShape: 'refArray', targetKeeps: false },
];

test.describe('a manager removed at the source, against the embedded server', () => {
  test.describe.configure({ mode: 'parallel' });
  let server: RunningReferenceServer;
  test.beforeAll(async () => {
    server = await startReferenceServer();
  });
  test.afterAll(async () => {
    await server.close();
  });

  for (const mode of ['legacy', 'compliant'] as const) {
    for (const row of REMOVAL_CASES) {
      test(`${mode}, managerRemoval ${row.managerRemoval}, ${row.managerShape}: converges, and the stale managers show only when expected absent`, async () => {
        const runId = `mgr-${mode}-${row.managerRemoval}-${row.managerShape === 'refArray' ? 'ref' : 'urn'}`;
        const client = createScimClient({ tenantUrl: server.baseUrl, token: server.adminToken });
        const engine = new CycleEngine({
          client,
          profile: resolveClientProfile({
            mode,
            baseUrl: server.baseUrl,
            managerRemoval: row.managerRemoval,
          }),
          userMapping: ENTRA_DEFAULT_USER_MAPPING,
          groupMapping: undefined,
          log: new MemoryProvisioningLog(),
          runId,
          concurrency: 4,
        });
        const converge = (directory: EntraDirectory, managerRemoval: ManagerRemoval) =>
          checkConvergence({
            client,
            directory,
            userMapping: ENTRA_DEFAULT_USER_MAPPING,
            groupMapping: undefined,
            users: engine.users,
            groups: engine.groups,
            resolve: engine.resolve,
            concurrency: 4,
            managerRemoval,
          });
        const initial = createDirectory({ seed: 7, users: 24, groups: 0, runId, assignedUserRatio: 1 });
        await engine.runCycle(1, 'initial', initial);
        expect((await converge(initial, row.managerRemoval)).divergences).toEqual([]);
        // The users whose manager the target now holds: the ones the removal must clear.
        const linked = [...initial.users.values()].filter(
          (entry) => entry.manager !== undefined && engine.resolve(entry.manager) !== undefined,
        );
        expect(linked.length, 'the seed gives some users a provisioned manager').toBeGreaterThan(0);

        const next = withoutManagers(initial);
        await engine.runCycle(2, 'incremental', next);
        expect((await converge(next, row.managerRemoval)).divergences).toEqual([]);
        // Judged as if the client cleared managers: only a target that kept them diverges, once per user.
        const strict = await converge(next, 'replaceEmpty');
        const stale = row.targetKeeps ? linked : [];
        expect(strict.divergences.map((divergence) => divergence.object).sort()).toEqual(
          stale.map((entry) => `User ${entry.userPrincipalName}`).sort(),
        );
        for (const divergence of strict.divergences) {
          expect(divergence).toMatchObject({ attribute: MANAGER, expected: null });
          expect(typeof divergence.found).toBe('string');
        }
      });
    }
  }
});
