import { formatFindings, hasNoErrors } from '../scim/findings.js';
import { validateMessage } from '../scim/schemas/index.js';
import { expect, test } from './test-support/reference-test.js';
import { ENTERPRISE_URN, groupBody, type ScimCall, userBody } from './test-support/scim-call.js';

/** Five users with known names, created in this order. */
async function createFive(call: ScimCall): Promise<string[]> {
  const ids: string[] = [];
  for (const [userName, title, active] of [
    ['carol@example.com', 'Engineer', true],
    ['alice@example.com', 'Manager', true],
    ['erin@example.com', 'Engineer', false],
    ['bob@example.com', 'Director', true],
    ['dave@example.com', 'Engineer', true],
  ] as const) {
    const { json } = await call('POST', '/Users', {
      body: userBody(userName, { title, active, externalId: `ext-${userName.split('@')[0]}` }),
    });
    ids.push(String(json.id));
  }
  return ids;
}

const userNames = (body: Record<string, unknown>) =>
  (body.Resources as Record<string, unknown>[]).map((resource) => String(resource.userName).split('@')[0]);

const filters: { filter: string; expected: string[] }[] = [
  { filter: 'userName eq "ALICE@example.com"', expected: ['alice'] },
  { filter: 'externalId eq "ext-bob"', expected: ['bob'] },
  { filter: 'externalId eq "EXT-BOB"', expected: [] },
  { filter: 'title eq "Engineer" and userName eq "dave@example.com"', expected: ['dave'] },
  { filter: 'title eq "engineer"', expected: ['carol', 'erin', 'dave'] },
  { filter: 'userName sw "c" or userName sw "d"', expected: ['carol', 'dave'] },
  { filter: 'not (title eq "Engineer")', expected: ['alice', 'bob'] },
  { filter: 'active eq false', expected: ['erin'] },
  { filter: 'emails pr', expected: [] },
  { filter: 'meta.resourceType eq "User" and title co "ire"', expected: ['bob'] },
  {
    filter: 'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "carol@example.com"',
    expected: ['carol'],
  },
];
for (const row of filters) {
  test(`filter ${row.filter}`, async ({ call }) => {
    await createFive(call);
    const answer = await call('GET', `/Users?filter=${encodeURIComponent(row.filter)}`);
    expect(answer.status).toBe(200);
    expect(userNames(answer.json)).toEqual(row.expected);
    expect(answer.json.totalResults).toBe(row.expected.length);
  });
}

const indexed: { filter: string; scans: number }[] = [
  { filter: 'userName eq "alice@example.com"', scans: 0 },
  { filter: 'externalId eq "ext-bob"', scans: 0 },
  { filter: 'title pr and id eq "{id}"', scans: 0 },
  { filter: 'title co "Engineer"', scans: 1 },
  { filter: 'userName eq "a" or userName eq "b"', scans: 1 },
];
for (const row of indexed) {
  test(`the query planner ${row.scans === 0 ? 'uses an index' : 'scans'} for ${row.filter}`, async ({
    call,
    server,
  }) => {
    const ids = await createFive(call);
    const before = { ...server.state.store.stats };
    const answer = await call(
      'GET',
      `/Users?filter=${encodeURIComponent(row.filter.replace('{id}', ids[1]!))}`,
    );
    expect(answer.status).toBe(200);
    expect(server.state.store.stats.scans - before.scans).toBe(row.scans);
    expect(server.state.store.stats.indexLookups - before.indexLookups).toBe(row.scans === 0 ? 1 : 0);
  });
}

test('the Entra group membership check: id eq and members eq', async ({ call }) => {
  const [carol, alice] = await createFive(call);
  const group = await call('POST', '/Groups', { body: groupBody('Team', [carol!]) });
  const query = (member: string) =>
    call(
      'GET',
      `/Groups?filter=${encodeURIComponent(`id eq "${group.json.id}" and members eq "${member}"`)}&excludedAttributes=members`,
    );
  const hit = await query(carol!);
  expect(hit.json.totalResults).toBe(1);
  expect((hit.json.Resources as Record<string, unknown>[])[0]!.members).toBeUndefined();
  expect((await query(alice!)).json.totalResults).toBe(0);
});

const pages: { query: string; expected: string[]; total: number; startIndex: number }[] = [
  { query: 'count=2', expected: ['carol', 'alice'], total: 5, startIndex: 1 },
  { query: 'startIndex=2&count=2', expected: ['alice', 'erin'], total: 5, startIndex: 2 },
  { query: 'startIndex=0&count=1', expected: ['carol'], total: 5, startIndex: 1 },
  { query: 'startIndex=-5&count=1', expected: ['carol'], total: 5, startIndex: 1 },
  { query: 'count=0', expected: [], total: 5, startIndex: 1 },
  { query: 'count=-3', expected: [], total: 5, startIndex: 1 },
  { query: 'startIndex=5', expected: ['dave'], total: 5, startIndex: 5 },
  { query: 'startIndex=6', expected: [], total: 5, startIndex: 6 },
  { query: 'startIndex=1000', expected: [], total: 5, startIndex: 1000 },
  { query: 'count=1000000', expected: ['carol', 'alice', 'erin', 'bob', 'dave'], total: 5, startIndex: 1 },
];
for (const row of pages) {
  test(`pagination ${row.query}`, async ({ call }) => {
    await createFive(call);
    const answer = await call('GET', `/Users?${row.query}`);
    expect(answer.status).toBe(200);
    expect(userNames(answer.json)).toEqual(row.expected);
    expect(answer.json).toMatchObject({
      totalResults: row.total,
      itemsPerPage: row.expected.length,
      startIndex: row.startIndex,
    });
    const findings = validateMessage('ListResponse', answer.body, { resources: { kind: 'User' } });
    expect(hasNoErrors(findings), formatFindings(findings)).toBe(true);
  });
}

const sorts: { query: string; expected: string[] }[] = [
  { query: 'sortBy=userName', expected: ['alice', 'bob', 'carol', 'dave', 'erin'] },
  { query: 'sortBy=userName&sortOrder=descending', expected: ['erin', 'dave', 'carol', 'bob', 'alice'] },
  { query: 'sortBy=title&sortOrder=ascending', expected: ['bob', 'carol', 'erin', 'dave', 'alice'] },
  { query: 'sortBy=nickName', expected: ['carol', 'alice', 'erin', 'bob', 'dave'] },
  { query: 'sortBy=userName&startIndex=2&count=2', expected: ['bob', 'carol'] },
];
for (const row of sorts) {
  test(`sort ${row.query}`, async ({ call }) => {
    await createFive(call);
    expect(userNames((await call('GET', `/Users?${row.query}`)).json)).toEqual(row.expected);
  });
}

test('attributes and excludedAttributes on lists; id and schemas are always returned', async ({ call }) => {
  await createFive(call);
  const only = await call('GET', '/Users?attributes=userName&count=1');
  expect(Object.keys((only.json.Resources as object[])[0]!).sort()).toEqual(['id', 'schemas', 'userName']);
  const without = await call('GET', '/Users?excludedAttributes=name,meta,id&count=1');
  const first = (without.json.Resources as Record<string, unknown>[])[0]!;
  expect(first.name).toBeUndefined();
  expect(first.meta).toBeUndefined();
  expect(first.id).toBeDefined();
});

const searches: { path: string; body: Record<string, unknown>; expected: string[] }[] = [
  {
    path: '/Users/.search',
    body: {
      filter: 'title eq "Engineer"',
      sortBy: 'userName',
      attributes: ['userName'],
      startIndex: 2,
      count: 1,
    },
    expected: ['dave'],
  },
  { path: '/.search', body: { filter: 'displayName eq "Team"' }, expected: ['Team'] },
  {
    path: '/.search',
    body: { filter: 'userName eq "bob@example.com" or displayName eq "Team"' },
    expected: ['bob', 'Team'],
  },
  { path: '/Groups/.search', body: {}, expected: ['Team'] },
];
for (const row of searches) {
  test(`POST ${row.path} ${JSON.stringify(row.body)}`, async ({ call }) => {
    await createFive(call);
    await call('POST', '/Groups', { body: groupBody('Team') });
    const answer = await call('POST', row.path, {
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], ...row.body },
    });
    expect(answer.status).toBe(200);
    const names = (answer.json.Resources as Record<string, unknown>[]).map((resource) =>
      resource.userName === undefined
        ? String(resource.displayName)
        : String(resource.userName).split('@')[0],
    );
    expect(names).toEqual(row.expected);
  });
}

test('a SearchRequest without its schema is 400', async ({ call }) => {
  const answer = await call('POST', '/Users/.search', { body: { filter: 'userName pr' } });
  expect(answer.status).toBe(400);
});

test('filter on an enterprise attribute and on manager.value', async ({ call }) => {
  const boss = await call('POST', '/Users', { body: userBody('boss@example.com') });
  await call('POST', '/Users', {
    body: userBody('worker@example.com', {
      [ENTERPRISE_URN]: { department: 'Sales', manager: { value: boss.json.id } },
    }),
  });
  const byDept = await call(
    'GET',
    `/Users?filter=${encodeURIComponent(`${ENTERPRISE_URN}:department eq "sales"`)}`,
  );
  expect(userNames(byDept.json)).toEqual(['worker']);
  const byManager = await call(
    'GET',
    `/Users?filter=${encodeURIComponent(`${ENTERPRISE_URN}:manager.value eq "${boss.json.id}"`)}`,
  );
  expect(userNames(byManager.json)).toEqual(['worker']);
});
