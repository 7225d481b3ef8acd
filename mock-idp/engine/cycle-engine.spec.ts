import { expect, test } from '@playwright/test';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createScimClient } from '../../src/http/index.js';
import { createReferenceHandler } from '../../src/reference-server/index.js';
import { createDirectory, type EntraDirectory } from '../directory/index.js';
import { ENTRA_DEFAULT_GROUP_MAPPING, ENTRA_DEFAULT_USER_MAPPING } from '../mappings/index.js';
import { resolveClientProfile } from '../requests/index.js';
import { checkConvergence } from './convergence.js';
import { CycleEngine } from './cycle-engine.js';
import { MemoryProvisioningLog } from './provisioning-log.js';

/** The reference server in-process; a fault answers the first `times` requests it matches instead. */
const ORIGIN = 'http://127.0.0.1:9';
const BASE = `${ORIGIN}/api/v2/scim`;
interface Fault {
  method: string;
  path: RegExp;
  /** Only requests whose body contains this. */
  body?: string;
  times: number;
  answer: (request: Request) => Promise<Response> | Response;
}
let handler = createReferenceHandler();
let fault: Fault | undefined;
/** Creates answered and member references sent, in the order the server saw them. */
type TraceEvent = { kind: 'created'; id: string } | { kind: 'members'; ids: string[] };
let trace: TraceEvent[] = [];

function memberIdsOf(body: string): string[] {
  const parsed: unknown = JSON.parse(body);
  const operations =
    typeof parsed === 'object' &&
    parsed !== null &&
    'Operations' in parsed &&
    Array.isArray(parsed.Operations)
      ? (parsed.Operations as unknown[])
      : [];
  return operations.flatMap((operation) => {
    const value =
      typeof operation === 'object' && operation !== null && 'value' in operation
        ? operation.value
        : undefined;
    return (Array.isArray(value) ? value : []).flatMap((member: unknown) =>
      typeof member === 'object' && member !== null && 'value' in member && typeof member.value === 'string'
        ? [member.value]
        : [],
    );
  });
}

const mock = setupServer(
  http.all(`${BASE}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const body = request.method === 'GET' ? '' : await request.clone().text();
    if (
      fault &&
      fault.times > 0 &&
      request.method === fault.method &&
      fault.path.test(url.pathname + url.search) &&
      (fault.body === undefined || body.includes(fault.body))
    ) {
      fault.times--;
      return fault.answer(request);
    }
    if (request.method === 'PATCH' && body.includes('members'))
      trace.push({ kind: 'members', ids: memberIdsOf(body) });
    const response = await handler.handle(request);
    if (request.method === 'POST' && response.status === 201) {
      const created: unknown = await response.clone().json();
      if (
        typeof created === 'object' &&
        created !== null &&
        'id' in created &&
        typeof created.id === 'string'
      )
        trace.push({ kind: 'created', id: created.id });
    }
    return response;
  }),
);
test.beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
test.afterAll(() => mock.close());

function setup(options: { retry429?: false; timeoutMs?: number } = {}) {
  handler = createReferenceHandler();
  fault = undefined;
  const log = new MemoryProvisioningLog();
  const client = createScimClient({ tenantUrl: BASE, token: handler.adminToken, ...options });
  const engine = new CycleEngine({
    client,
    profile: resolveClientProfile({ mode: 'compliant', baseUrl: BASE }),
    userMapping: ENTRA_DEFAULT_USER_MAPPING,
    groupMapping: undefined,
    log,
    runId: 'reactions',
    concurrency: 2,
  });
  const directory = createDirectory({
    seed: 5,
    users: 4,
    groups: 0,
    runId: 'reactions',
    assignedUserRatio: 1,
  });
  return { engine, log, directory };
}

/** The directory with every user's job title changed: an incremental cycle then GETs and PATCHes each. */
function retitled(directory: EntraDirectory, title: string): EntraDirectory {
  const users = new Map([...directory.users].map(([id, user]) => [id, { ...user, jobTitle: title }]));
  return { ...directory, users, cycle: directory.cycle + 1 };
}

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  HttpResponse.json(body as Record<string, unknown>, { status, headers });

interface ReactionCase {
  name: string;
  /** 1: the fault hits the initial cycle; 2: the incremental one. */
  cycle: 1 | 2;
  fault: Fault;
  client?: { retry429?: false; timeoutMs?: number };
  errorCode: string | undefined;
  quarantined: boolean;
  /** What the next cycle does for the object that failed. */
  nextCycleCreates: boolean;
}

const CASES: ReactionCase[] = [
  {
    name: '401 on a GET by id quarantines (invalid credentials)',
    cycle: 2,
    fault: { method: 'GET', path: /\/Users\/[^?]+$/, times: 1, answer: () => json({}, 401) },
    errorCode: 'Unauthorized',
    quarantined: true,
    nextCycleCreates: false,
  },
  {
    name: '403 on a create quarantines',
    cycle: 1,
    fault: { method: 'POST', path: /\/Users$/, times: 1, answer: () => json({}, 403) },
    errorCode: 'Unauthorized',
    quarantined: true,
    nextCycleCreates: true,
  },
  {
    name: '404 on the matching query quarantines (SCIM compliance)',
    cycle: 1,
    fault: { method: 'GET', path: /\/Users\?filter=/, times: 1, answer: () => json({}, 404) },
    errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
    quarantined: true,
    nextCycleCreates: true,
  },
  {
    name: '404 on a GET by id is InvalidAnchor and never re-creates',
    cycle: 2,
    fault: { method: 'GET', path: /\/Users\/[^?]+$/, times: 1, answer: () => json({}, 404) },
    errorCode: 'InvalidAnchor',
    quarantined: false,
    nextCycleCreates: false,
  },
  {
    name: '409 on a create is EntryConflict, retried next cycle',
    cycle: 1,
    fault: {
      method: 'POST',
      path: /\/Users$/,
      times: 1,
      answer: () => json({ scimType: 'uniqueness' }, 409),
    },
    errorCode: 'EntryConflict',
    quarantined: false,
    nextCycleCreates: true,
  },
  {
    name: 'two matches are DuplicateTargetEntries',
    cycle: 1,
    fault: {
      method: 'GET',
      path: /\/Users\?filter=/,
      times: 1,
      answer: () =>
        json(
          {
            totalResults: 2,
            Resources: [
              { id: 'a', userName: 'x' },
              { id: 'b', userName: 'x' },
            ],
          },
          200,
        ),
    },
    errorCode: 'DuplicateTargetEntries',
    quarantined: false,
    nextCycleCreates: true,
  },
  {
    name: '429 with Retry-After is honoured: the create succeeds in the same cycle',
    cycle: 1,
    fault: {
      method: 'POST',
      path: /\/Users$/,
      times: 1,
      answer: () => json({}, 429, { 'Retry-After': '0' }),
    },
    errorCode: undefined,
    quarantined: false,
    nextCycleCreates: false,
  },
  {
    name: '429 with retries switched off is retried next cycle',
    cycle: 1,
    fault: {
      method: 'POST',
      path: /\/Users$/,
      times: 1,
      answer: () => json({}, 429, { 'Retry-After': '0' }),
    },
    client: { retry429: false },
    errorCode: 'TooManyRequests',
    quarantined: false,
    nextCycleCreates: true,
  },
  {
    name: '5xx is retried next cycle',
    cycle: 1,
    fault: { method: 'POST', path: /\/Users$/, times: 1, answer: () => json({}, 503) },
    errorCode: 'InternalServerError',
    quarantined: false,
    nextCycleCreates: true,
  },
  {
    name: 'a timeout is retried next cycle',
    cycle: 1,
    fault: {
      method: 'POST',
      path: /\/Users$/,
      times: 1,
      answer: async () => {
        await delay(2_000);
        return json({}, 201);
      },
    },
    client: { timeoutMs: 200 },
    errorCode: 'Timeout',
    quarantined: false,
    nextCycleCreates: true,
  },
];

for (const row of CASES) {
  test(row.name, async () => {
    const { engine, log, directory } = setup(row.client);
    if (row.cycle === 2) await engine.runCycle(1, 'initial', directory);
    const faulted = row.cycle === 2 ? retitled(directory, 'Engineer') : directory;
    fault = row.fault;
    const cycle = await engine.runCycle(row.cycle, row.cycle === 1 ? 'initial' : 'incremental', faulted);
    expect(fault.times, 'the fault was hit').toBe(0);
    const current = log.entries.filter((entry) => entry.cycle === row.cycle);
    const codes = current.map((entry) => entry.errorCode).filter((code) => code !== undefined);
    if (row.errorCode === undefined) expect(codes).toEqual([]);
    else expect(codes).toEqual([row.errorCode]);
    expect(cycle.quarantined).toBe(row.quarantined);
    if (row.quarantined)
      expect(engine.quarantine.timeline[0]).toMatchObject({ cycle: row.cycle, event: 'entered' });

    // The next cycle runs without the fault.
    const next = row.cycle + 1;
    const after = await engine.runCycle(next, 'incremental', retitled(faulted, 'Principal'));
    const creates = log.entries.filter((entry) => entry.cycle === next && entry.action === 'Create');
    expect(creates.length > 0).toBe(row.nextCycleCreates);
    expect(after.quarantined).toBe(false);
  });
}

test('a matched object whose name lacks the run id is never adopted', async () => {
  const { engine, log, directory } = setup();
  fault = {
    method: 'GET',
    path: /\/Users\?filter=/,
    times: 1,
    answer: () => json({ totalResults: 1, Resources: [{ id: 'foreign', userName: 'ceo@example.com' }] }, 200),
  };
  await engine.runCycle(1, 'initial', directory);
  expect(log.entries.filter((entry) => entry.errorCode === 'NotOwnedByRun')).toHaveLength(1);
  expect(log.entries.flatMap((entry) => entry.exchanges).some((e) => e.url.includes('foreign'))).toBe(false);
});

test('the log records each operation with its exchanges and no token', async () => {
  const { engine, log, directory } = setup();
  await engine.runCycle(1, 'initial', directory);
  const [first] = log.entries;
  expect(first).toMatchObject({ cycle: 1, action: 'Create', status: 'Success' });
  expect(first?.exchanges.map((e) => `${e.method} ${e.status}`)).toEqual(['GET 200', 'POST 201']);
  expect(JSON.stringify(log.entries).includes(handler.adminToken)).toBe(false);
});

test("a divergence carries the target's own words on the write it refused, redacted", async () => {
  const { engine, directory } = setup();
  await engine.runCycle(1, 'initial', directory);
  const changed = retitled(directory, 'Engineer');
  const client = createScimClient({ tenantUrl: BASE, token: handler.adminToken });
  const convergence = () =>
    checkConvergence({
      client,
      directory: changed,
      userMapping: ENTRA_DEFAULT_USER_MAPPING,
      groupMapping: undefined,
      users: engine.users,
      groups: engine.groups,
      resolve: engine.resolve,
      concurrency: 2,
    });
  fault = {
    method: 'PATCH',
    path: /\/Users\/[^?]+$/,
    times: 1,
    answer: () =>
      json(
        {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
          status: '400',
          scimType: 'mutability',
          detail: `title is read-only here (you sent Authorization: Bearer ${handler.adminToken})`,
        },
        400,
      ),
  };
  await engine.runCycle(2, 'incremental', changed);
  const divergences = engine.refusals.explain((await convergence()).divergences);
  const refused = divergences.filter((d) => d.targetError !== undefined);
  expect(refused).toHaveLength(1);
  const [divergence] = refused;
  expect(divergence?.attribute).toBe('title');
  expect(divergence?.targetError).toMatchObject({
    status: '400',
    code: 'SystemForCrossDomainIdentityManagementBadRequest',
    text: 'title is read-only here (you sent Authorization: Bearer [REDACTED])',
  });
  expect(divergence?.targetError?.request).toMatch(/^PATCH \/api\/v2\/scim\/Users\/.+/);
  expect(JSON.stringify(divergences)).not.toContain(handler.adminToken);

  // The next cycle's PATCH is accepted: the refusal no longer explains anything.
  await engine.runCycle(3, 'incremental', changed);
  expect(engine.refusals.explain((await convergence()).divergences)).toEqual([]);
});

test.describe('memberships wait for the creates they reference', () => {
  const MODES = ['legacy', 'compliant'] as const;

  /** Every group assigned and nesting an earlier one, every user assigned, run at concurrency 8. */
  function setupNested(mode: (typeof MODES)[number]) {
    handler = createReferenceHandler();
    fault = undefined;
    trace = [];
    const client = createScimClient({ tenantUrl: BASE, token: handler.adminToken });
    const engine = new CycleEngine({
      client,
      profile: resolveClientProfile({ mode, baseUrl: BASE }),
      userMapping: ENTRA_DEFAULT_USER_MAPPING,
      groupMapping: ENTRA_DEFAULT_GROUP_MAPPING,
      log: new MemoryProvisioningLog(),
      runId: 'nested',
      concurrency: 8,
    });
    const directory = createDirectory({
      seed: 11,
      users: 20,
      groups: 10,
      runId: 'nested',
      assignedUserRatio: 1,
      assignedGroupRatio: 1,
      nestedGroupRatio: 1,
    });
    const converge = () =>
      checkConvergence({
        client,
        directory,
        userMapping: ENTRA_DEFAULT_USER_MAPPING,
        groupMapping: ENTRA_DEFAULT_GROUP_MAPPING,
        users: engine.users,
        groups: engine.groups,
        resolve: engine.resolve,
        concurrency: 8,
      });
    return { engine, directory, converge };
  }

  for (const mode of MODES) {
    test(`nested groups are linked in the initial cycle, each after its create answered (${mode})`, async () => {
      const { engine, directory, converge } = setupNested(mode);
      await engine.runCycle(1, 'initial', directory);

      const created = new Set<string>();
      const early: string[] = [];
      for (const event of trace) {
        if (event.kind === 'created') created.add(event.id);
        else early.push(...event.ids.filter((id) => !created.has(id)));
      }
      expect(early, 'member references sent before their create answered').toEqual([]);
      const nested = [...directory.groups.values()].flatMap((group) =>
        group.members.filter((id) => directory.groups.has(id)).map((id) => engine.resolve(id)),
      );
      const linked = new Set(trace.flatMap((event) => (event.kind === 'members' ? event.ids : [])));
      expect(nested.length).toBeGreaterThan(5);
      for (const id of nested) expect(linked.has(id ?? ''), `nested group ${id} linked`).toBe(true);
      expect((await converge()).divergences).toEqual([]);
    });
  }

  interface DeferredCase {
    name: string;
    /** The member whose create fails once, and how its create is recognised. */
    pick: (directory: EntraDirectory) => { object: string; method: 'POST'; path: RegExp; body: string };
  }

  const memberOfSomeGroup = (directory: EntraDirectory, kind: 'user' | 'group') =>
    [...directory.groups.values()]
      .flatMap((group) => group.members)
      .find((id) => (kind === 'user' ? directory.users.has(id) : directory.groups.has(id)));

  const DEFERRED: DeferredCase[] = [
    {
      name: 'a member user whose create failed',
      pick: (directory) => {
        const user = directory.users.get(memberOfSomeGroup(directory, 'user') ?? '');
        if (user === undefined) throw new Error('the seeded directory has no user member');
        return {
          object: `User ${user.userPrincipalName}`,
          method: 'POST',
          path: /\/Users$/,
          body: user.userPrincipalName,
        };
      },
    },
    {
      name: 'a nested group whose create failed',
      pick: (directory) => {
        const group = directory.groups.get(memberOfSomeGroup(directory, 'group') ?? '');
        if (group === undefined) throw new Error('the seeded directory has no nested group');
        return {
          object: `Group ${group.displayName}`,
          method: 'POST',
          path: /\/Groups$/,
          body: JSON.stringify(group.displayName),
        };
      },
    },
  ];

  for (const mode of MODES) {
    for (const row of DEFERRED) {
      test(`${row.name} is deferred to the next cycle, not flagged in its groups (${mode})`, async () => {
        const { engine, directory, converge } = setupNested(mode);
        const member = row.pick(directory);
        fault = { ...member, times: 1, answer: () => json({}, 503) };
        await engine.runCycle(1, 'initial', directory);
        expect(fault.times, 'the fault was hit').toBe(0);
        // Only the member itself is missing: the groups hold every member that was provisioned.
        const first = await converge();
        expect(first.divergences.map((d) => `${d.object} ${d.attribute}`)).toEqual([
          `${member.object} (resource)`,
        ]);
        // The next cycle creates it, then links it into its groups.
        await engine.runCycle(2, 'incremental', directory);
        expect((await converge()).divergences).toEqual([]);
      });
    }
  }
});
