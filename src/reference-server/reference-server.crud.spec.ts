import { formatFindings, hasNoErrors } from '../scim/findings.js';
import { validateMessage, validateResource } from '../scim/schemas/index.js';
import { expect, test } from './test-support/reference-test.js';
import { ENTERPRISE_URN, groupBody, patchBody, userBody } from './test-support/scim-call.js';

function expectValid(kind: 'User' | 'Group', body: unknown): void {
  const findings = validateResource(kind, body);
  expect(hasNoErrors(findings), formatFindings(findings)).toBe(true);
}

test('POST /Users answers 201 with Location = meta.location, an ETag and a valid User', async ({ call }) => {
  const created = await call('POST', '/Users', {
    body: userBody('bjensen@example.com', { password: 't1meMa$heen' }),
  });
  expect(created.status).toBe(201);
  expect(created.headers.get('content-type')).toContain('application/scim+json');
  const meta = created.json.meta as Record<string, unknown>;
  expect(created.headers.get('location')).toBe(meta.location);
  expect(meta).toMatchObject({ resourceType: 'User', version: expect.stringMatching(/^W\/".+"$/) });
  expect(created.headers.get('etag')).toBe(meta.version);
  expect(meta.created).toBe(meta.lastModified);
  expect(created.json.password).toBeUndefined();
  expectValid('User', created.body);
  const read = await call('GET', `/Users/${created.json.id}`);
  expect(read.status).toBe(200);
  expect(read.body).toEqual(created.body);
});

test('DELETE answers 204, then the user is 404 (also for DELETE again)', async ({ call }) => {
  const { json } = await call('POST', '/Users', { body: userBody('gone@example.com') });
  expect((await call('DELETE', `/Users/${json.id}`)).status).toBe(204);
  const after = await call('GET', `/Users/${json.id}`);
  expect(after.status).toBe(404);
  expect(after.json).toMatchObject({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: '404',
  });
  expect((await call('DELETE', `/Users/${json.id}`)).status).toBe(404);
});

test('PUT replaces: omitted readWrite attributes are cleared, readOnly ignored, password kept, version bumped', async ({
  call,
}) => {
  const { json } = await call('POST', '/Users', {
    body: userBody('put@example.com', { title: 'Engineer', password: 'secret-1', nickName: 'PJ' }),
  });
  const replaced = await call('PUT', `/Users/${json.id}`, {
    body: {
      schemas: [userBody('x').schemas].flat(),
      id: json.id,
      userName: 'put@example.com',
      title: 'Manager',
      meta: { created: '1999-01-01T00:00:00Z' },
    },
  });
  expect(replaced.status).toBe(200);
  expect(replaced.json.title).toBe('Manager');
  expect(replaced.json.nickName).toBeUndefined();
  expect(replaced.json.name).toBeUndefined();
  expect((replaced.json.meta as Record<string, unknown>).created).toBe(
    (json.meta as Record<string, unknown>).created,
  );
  expect((replaced.json.meta as Record<string, unknown>).version).not.toBe(
    (json.meta as Record<string, unknown>).version,
  );
});

test('PUT with a body id different from the URL is 400', async ({ call }) => {
  const { json } = await call('POST', '/Users', { body: userBody('id@example.com') });
  const answer = await call('PUT', `/Users/${json.id}`, {
    body: { ...userBody('id@example.com'), id: 'another-id' },
  });
  expect(answer.status).toBe(400);
  expect(answer.json.scimType).toBe('invalidValue');
});

test('PATCH answers 200 with the resource; a no-op PATCH keeps the version', async ({ call }) => {
  const { json } = await call('POST', '/Users', { body: userBody('patch@example.com') });
  const patched = await call('PATCH', `/Users/${json.id}`, {
    body: patchBody(
      { op: 'replace', path: 'title', value: 'CEO' },
      { op: 'add', path: `${ENTERPRISE_URN}:department`, value: 'Exec' },
    ),
  });
  expect(patched.status).toBe(200);
  expect(patched.json.title).toBe('CEO');
  expect(patched.json[ENTERPRISE_URN]).toEqual({ department: 'Exec' });
  expect(patched.json.schemas).toContain(ENTERPRISE_URN);
  const again = await call('PATCH', `/Users/${json.id}`, {
    body: patchBody({ op: 'replace', path: 'title', value: 'CEO' }),
  });
  expect((again.json.meta as Record<string, unknown>).version).toBe(
    (patched.json.meta as Record<string, unknown>).version,
  );
});

test('PATCH is all-or-nothing: one bad operation leaves the resource unchanged', async ({ call }) => {
  const { json } = await call('POST', '/Users', {
    body: userBody('atomic@example.com', { title: 'Before' }),
  });
  const answer = await call('PATCH', `/Users/${json.id}`, {
    body: patchBody(
      { op: 'replace', path: 'title', value: 'After' },
      { op: 'replace', path: 'active', value: 42 },
    ),
  });
  expect(answer.status).toBe(400);
  expect((await call('GET', `/Users/${json.id}`)).json.title).toBe('Before');
});

const uniqueness: { name: string; second: (firstId: string) => [string, string, Record<string, unknown>] }[] =
  [
    {
      name: 'POST with the same userName in another case',
      second: () => ['POST', '/Users', userBody('BJensen@Example.com')],
    },
    {
      name: "PUT to another user's userName",
      second: () => ['PUT', '/Users/{other}', userBody('bjensen@example.com')],
    },
    {
      name: "PATCH to another user's userName",
      second: () => [
        'PATCH',
        '/Users/{other}',
        patchBody({ op: 'replace', path: 'userName', value: 'BJENSEN@example.com' }),
      ],
    },
  ];
for (const row of uniqueness) {
  test(`409 uniqueness: ${row.name}`, async ({ call }) => {
    const first = await call('POST', '/Users', { body: userBody('bjensen@example.com') });
    const other = await call('POST', '/Users', { body: userBody('other@example.com') });
    const [method, path, body] = row.second(String(first.json.id));
    const answer = await call(method, path.replace('{other}', String(other.json.id)), { body });
    expect(answer.status).toBe(409);
    expect(answer.json).toMatchObject({ status: '409', scimType: 'uniqueness' });
  });
}

test('a user may change the case of its own userName', async ({ call }) => {
  const { json } = await call('POST', '/Users', { body: userBody('case@example.com') });
  const answer = await call('PATCH', `/Users/${json.id}`, {
    body: patchBody({ op: 'replace', path: 'userName', value: 'Case@example.com' }),
  });
  expect(answer.status).toBe(200);
});

test('group displayName is unique (409), like Datadog team names', async ({ call }) => {
  expect((await call('POST', '/Groups', { body: groupBody('Ops') })).status).toBe(201);
  const clash = await call('POST', '/Groups', { body: groupBody('ops') });
  expect(clash.status).toBe(409);
});

test('Group members get display and $ref; users get groups; deleting a user removes its membership', async ({
  call,
}) => {
  const user = await call('POST', '/Users', {
    body: userBody('member@example.com', { displayName: 'Member One' }),
  });
  const inner = await call('POST', '/Groups', { body: groupBody('Inner') });
  const group = await call('POST', '/Groups', {
    body: groupBody('Outer', [String(user.json.id), String(inner.json.id)]),
  });
  expect(group.status).toBe(201);
  expectValid('Group', group.body);
  expect(group.json.members).toEqual([
    {
      value: user.json.id,
      display: 'Member One',
      type: 'User',
      $ref: expect.stringMatching(`/Users/${user.json.id}$`),
    },
    {
      value: inner.json.id,
      display: 'Inner',
      type: 'Group',
      $ref: expect.stringMatching(`/Groups/${inner.json.id}$`),
    },
  ]);
  const read = await call('GET', `/Users/${user.json.id}`);
  expect(read.json.groups).toEqual([
    {
      value: group.json.id,
      display: 'Outer',
      type: 'direct',
      $ref: expect.stringMatching(`/Groups/${group.json.id}$`),
    },
  ]);
  await call('DELETE', `/Users/${user.json.id}`);
  const after = await call('GET', `/Groups/${group.json.id}`);
  expect(after.json.members).toEqual([expect.objectContaining({ value: inner.json.id })]);
});

test('User groups is readOnly: a value written to it is ignored', async ({ call }) => {
  const created = await call('POST', '/Users', {
    body: userBody('ro@example.com', { groups: [{ value: 'x' }] }),
  });
  expect(created.status).toBe(201);
  expect(created.json.groups).toBeUndefined();
});

const badMembers: {
  name: string;
  member: (ids: { user: string; group: string }) => Record<string, unknown>;
}[] = [
  { name: 'an id that exists nowhere', member: () => ({ value: 'no-such-id' }) },
  { name: 'a member without value', member: () => ({ display: 'x' }) },
  { name: 'a type that does not match', member: (ids) => ({ value: ids.user, type: 'Group' }) },
  { name: 'the group itself', member: (ids) => ({ value: ids.group }) },
];
for (const row of badMembers) {
  test(`a member that is ${row.name} is 400 invalidValue`, async ({ call }) => {
    const user = await call('POST', '/Users', { body: userBody('m@example.com') });
    const group = await call('POST', '/Groups', { body: groupBody('G') });
    const ids = { user: String(user.json.id), group: String(group.json.id) };
    const answer = await call('PATCH', `/Groups/${ids.group}`, {
      body: patchBody({ op: 'add', path: 'members', value: [row.member(ids)] }),
    });
    expect(answer.status).toBe(400);
    expect(answer.json.scimType).toBe('invalidValue');
  });
}

test('manager must be an existing user; displayName and $ref are filled; a bare id string is accepted', async ({
  call,
}) => {
  const boss = await call('POST', '/Users', {
    body: userBody('boss@example.com', { displayName: 'The Boss' }),
  });
  const report = await call('POST', '/Users', {
    body: userBody('report@example.com', {
      schemas: [userBody('x').schemas, ENTERPRISE_URN].flat(),
      [ENTERPRISE_URN]: { manager: { value: boss.json.id } },
    }),
  });
  expect(report.status).toBe(201);
  expect(report.json[ENTERPRISE_URN]).toEqual({
    manager: {
      value: boss.json.id,
      displayName: 'The Boss',
      $ref: expect.stringMatching(`/Users/${boss.json.id}$`),
    },
  });
  expectValid('User', report.body);
  const missing = await call('PATCH', `/Users/${report.json.id}`, {
    body: patchBody({ op: 'replace', path: `${ENTERPRISE_URN}:manager`, value: { value: 'nobody' } }),
  });
  expect(missing.status).toBe(400);
  const entraStyle = await call('PATCH', `/Users/${boss.json.id}`, {
    body: patchBody({ op: 'Add', path: `${ENTERPRISE_URN}:manager`, value: report.json.id }),
  });
  expect(entraStyle.status).toBe(200);
  expect((entraStyle.json[ENTERPRISE_URN] as Record<string, unknown>).manager).toMatchObject({
    value: report.json.id,
  });
});

test('password is writable and never returned, also not with attributes=password', async ({ call }) => {
  const created = await call('POST', '/Users?attributes=password', {
    body: userBody('pw@example.com', { password: 'hunter22' }),
  });
  expect(created.status).toBe(201);
  expect(JSON.stringify(created.body)).not.toContain('hunter22');
  const list = await call('GET', '/Users?attributes=password,userName');
  expect(JSON.stringify(list.body)).not.toContain('hunter22');
});

test('attributes and excludedAttributes apply to create, get, PUT and PATCH responses', async ({ call }) => {
  const created = await call('POST', '/Users?attributes=userName', {
    body: userBody('proj@example.com', { title: 'T' }),
  });
  expect(Object.keys(created.json).sort()).toEqual(['id', 'schemas', 'userName']);
  const got = await call('GET', `/Users/${created.json.id}?excludedAttributes=name,title`);
  expect(got.json.name).toBeUndefined();
  expect(got.json.title).toBeUndefined();
  expect(got.json.userName).toBe('proj@example.com');
  const patched = await call('PATCH', `/Users/${created.json.id}?attributes=title`, {
    body: patchBody({ op: 'replace', path: 'title', value: 'U' }),
  });
  expect(Object.keys(patched.json).sort()).toEqual(['id', 'schemas', 'title']);
  const put = await call('PUT', `/Users/${created.json.id}?attributes=displayName`, {
    body: userBody('proj@example.com', { displayName: 'P' }),
  });
  expect(Object.keys(put.json).sort()).toEqual(['displayName', 'id', 'schemas']);
});

test('ETags: If-None-Match with the current version is 304; If-Match mismatch is 412; If-Match match succeeds', async ({
  call,
}) => {
  const { json, headers } = await call('POST', '/Users', { body: userBody('etag@example.com') });
  const etag = headers.get('etag')!;
  const notModified = await call('GET', `/Users/${json.id}`, { headers: { 'if-none-match': etag } });
  expect(notModified.status).toBe(304);
  expect(notModified.body).toBeUndefined();
  expect((await call('GET', `/Users/${json.id}`, { headers: { 'if-none-match': 'W/"nope"' } })).status).toBe(
    200,
  );
  const stale = await call('PATCH', `/Users/${json.id}`, {
    headers: { 'if-match': 'W/"stale"' },
    body: patchBody({ op: 'replace', path: 'title', value: 'x' }),
  });
  expect(stale.status).toBe(412);
  expect(stale.json).toMatchObject({ status: '412' });
  const fresh = await call('PUT', `/Users/${json.id}`, {
    headers: { 'if-match': etag },
    body: userBody('etag@example.com', { title: 'New' }),
  });
  expect(fresh.status).toBe(200);
  expect((await call('DELETE', `/Users/${json.id}`, { headers: { 'if-match': etag } })).status).toBe(412);
  expect((await call('DELETE', `/Users/${json.id}`, { headers: { 'if-match': '*' } })).status).toBe(204);
});

test('a seeded directory is reproducible and valid', async ({ call }) => {
  const { startReferenceServer } = await import('./reference-server.js');
  const seed = { users: 30, groups: 5, seed: 42 };
  const [a, b] = await Promise.all([startReferenceServer({ seed }), startReferenceServer({ seed })]);
  try {
    const listA = await (
      await fetch(`${a.baseUrl}/Users?count=1000`, { headers: { authorization: `Bearer ${a.adminToken}` } })
    ).json();
    const listB = await (
      await fetch(`${b.baseUrl}/Users?count=1000`, { headers: { authorization: `Bearer ${b.adminToken}` } })
    ).json();
    expect(JSON.stringify(listA).replaceAll(a.origin, '')).toBe(
      JSON.stringify(listB).replaceAll(b.origin, ''),
    );
    expect(listA.totalResults).toBe(30);
    const findings = validateMessage('ListResponse', listA, { resources: { kind: 'User' } });
    expect(hasNoErrors(findings), formatFindings(findings)).toBe(true);
    const users = listA.Resources as Record<string, unknown>[];
    expect(users.some((user) => user.active === false)).toBe(true);
    expect(
      users.some(
        (user) => (user[ENTERPRISE_URN] as Record<string, unknown> | undefined)?.manager !== undefined,
      ),
    ).toBe(true);
    const groups = await (
      await fetch(`${a.baseUrl}/Groups`, { headers: { authorization: `Bearer ${a.adminToken}` } })
    ).json();
    expect(groups.totalResults).toBe(5);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
  expect((await call('GET', '/Users')).json.totalResults).toBe(0);
});
