import { expect, test } from './test-support/reference-test.js';
import { patchBody, type ScimCall, userBody } from './test-support/scim-call.js';

const failures: { name: string; authorization: string | null; invalidToken: boolean }[] = [
  { name: 'no Authorization header', authorization: null, invalidToken: false },
  { name: 'an empty header', authorization: '', invalidToken: false },
  { name: 'Basic credentials', authorization: 'Basic dXNlcjpwYXNz', invalidToken: true },
  { name: 'Bearer with no token', authorization: 'Bearer', invalidToken: true },
  { name: 'a token with spaces', authorization: 'Bearer abc def', invalidToken: true },
  { name: 'an unknown token', authorization: `Bearer ${'0'.repeat(40)}`, invalidToken: true },
  { name: 'a very long token', authorization: `Bearer ${'a'.repeat(8_000)}`, invalidToken: true },
];
for (const row of failures) {
  test(`401 with a SCIM error and WWW-Authenticate for ${row.name}`, async ({ server }) => {
    const headers: Record<string, string> = {};
    if (row.authorization !== null) headers.authorization = row.authorization;
    const response = await fetch(`${server.baseUrl}/Users`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/scim+json');
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer realm="[^"]+"/);
    expect(challenge.includes('error="invalid_token"')).toBe(row.invalidToken);
    expect(await response.json()).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '401',
    });
  });
}

test('the Bearer scheme name is case-insensitive', async ({ server }) => {
  const response = await fetch(`${server.baseUrl}/Users`, {
    headers: { authorization: `bearer ${server.adminToken}` },
  });
  expect(response.status).toBe(200);
});

test('discovery endpoints need credentials too, as in Datadog', async ({ server }) => {
  expect((await fetch(`${server.baseUrl}/ServiceProviderConfig`)).status).toBe(401);
});

async function mintUserKey(
  call: ScimCall,
  origin: string,
  adminToken: string,
  userId: string,
): Promise<string> {
  const response = await fetch(`${origin}/admin/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ owner: { kind: 'user', id: userId } }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { key: string };
  expect((await call('GET', '/Me', { token: body.key })).json.id).toBe(userId);
  return body.key;
}

const deprovisioning: { name: string; act: (call: ScimCall, id: string) => Promise<number> }[] = [
  {
    name: 'PATCH active=false',
    act: async (call, id) =>
      (
        await call('PATCH', `/Users/${id}`, {
          body: patchBody({ op: 'replace', path: 'active', value: false }),
        })
      ).status,
  },
  {
    name: 'Entra-style PATCH Replace active "False"',
    act: async (call, id) =>
      (
        await call('PATCH', `/Users/${id}`, {
          body: patchBody({ op: 'Replace', path: 'active', value: 'False' }),
        })
      ).status,
  },
  {
    name: 'path-less PATCH {active:false}',
    act: async (call, id) =>
      (await call('PATCH', `/Users/${id}`, { body: patchBody({ op: 'replace', value: { active: false } }) }))
        .status,
  },
  {
    name: 'PUT active=false',
    act: async (call, id) =>
      (await call('PUT', `/Users/${id}`, { body: userBody('owner@example.com', { active: false }) })).status,
  },
  { name: 'DELETE', act: async (call, id) => (await call('DELETE', `/Users/${id}`)).status },
  {
    name: 'Bulk PATCH active=false',
    act: async (call, id) => {
      const bulk = await call('POST', '/Bulk', {
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
          Operations: [
            {
              method: 'PATCH',
              path: `/Users/${id}`,
              data: patchBody({ op: 'replace', path: 'active', value: false }),
            },
          ],
        },
      });
      return Number((bulk.json.Operations as { status: string }[])[0]!.status);
    },
  },
];
for (const row of deprovisioning) {
  test(`deprovisioning by ${row.name} revokes the user's keys at once; service-account keys keep working`, async ({
    call,
    server,
  }) => {
    const owner = await call('POST', '/Users', { body: userBody('owner@example.com') });
    const bystander = await call('POST', '/Users', { body: userBody('bystander@example.com') });
    const ownerKey = await mintUserKey(call, server.origin, server.adminToken, String(owner.json.id));
    const bystanderKey = await mintUserKey(call, server.origin, server.adminToken, String(bystander.json.id));
    expect(await row.act(call, String(owner.json.id))).toBeLessThan(300);
    const revoked = await call('GET', '/Users', { token: ownerKey });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect((await call('GET', '/Users', { token: bystanderKey })).status).toBe(200);
    expect((await call('GET', '/Users')).status).toBe(200);
  });
}

test('reactivating a user does not bring its revoked keys back', async ({ call, server }) => {
  const owner = await call('POST', '/Users', { body: userBody('owner@example.com') });
  const key = await mintUserKey(call, server.origin, server.adminToken, String(owner.json.id));
  await call('PATCH', `/Users/${owner.json.id}`, {
    body: patchBody({ op: 'replace', path: 'active', value: false }),
  });
  await call('PATCH', `/Users/${owner.json.id}`, {
    body: patchBody({ op: 'replace', path: 'active', value: true }),
  });
  expect((await call('GET', '/Me', { token: key })).status).toBe(401);
});

test('a user can deprovision itself with its own key, and is locked out afterwards', async ({
  call,
  server,
}) => {
  const owner = await call('POST', '/Users', { body: userBody('self@example.com') });
  const key = await mintUserKey(call, server.origin, server.adminToken, String(owner.json.id));
  const answer = await call('PATCH', `/Users/${owner.json.id}`, {
    token: key,
    body: patchBody({ op: 'replace', path: 'active', value: false }),
  });
  expect(answer.status).toBe(200);
  expect((await call('GET', `/Users/${owner.json.id}`, { token: key })).status).toBe(401);
});

test('admin API: service accounts, keys listed without secrets, lookup, revoke', async ({ server }) => {
  const admin = (method: string, path: string, body?: unknown, token = server.adminToken) =>
    fetch(`${server.origin}/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const account = await (await admin('POST', '/service-accounts', { name: 'SCIM provisioning' })).json();
  expect(account).toMatchObject({ id: expect.any(String), name: 'SCIM provisioning' });
  const minted = await (
    await admin('POST', '/keys', { owner: { kind: 'serviceAccount', id: account.id }, name: 'entra' })
  ).json();
  expect(minted.key).toMatch(/^[0-9a-f]{40}$/);
  const listed = await (await admin('GET', '/keys')).text();
  expect(listed).not.toContain(minted.key);
  expect(listed).not.toContain(server.adminToken);
  expect(JSON.parse(listed)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        id: minted.id,
        owner: { kind: 'serviceAccount', id: account.id },
        revoked: false,
      }),
    ]),
  );
  const lookup = await (await admin('POST', '/keys/lookup', { key: minted.key })).json();
  expect(lookup).toMatchObject({ id: minted.id, owner: { kind: 'serviceAccount', id: account.id } });
  expect((await admin('POST', '/keys/lookup', { key: 'nope' })).status).toBe(404);
  const me = await fetch(`${server.baseUrl}/Me`, { headers: { authorization: `Bearer ${minted.key}` } });
  expect(await me.json()).toMatchObject({
    id: account.id,
    userType: 'ServiceAccount',
    displayName: 'SCIM provisioning',
  });
  expect((await admin('GET', '/keys', undefined, minted.key)).status).toBe(403);
  expect((await admin('GET', '/keys', undefined, 'f'.repeat(40))).status).toBe(401);
  expect((await admin('DELETE', `/keys/${minted.id}`)).status).toBe(204);
  expect(
    (await fetch(`${server.baseUrl}/Me`, { headers: { authorization: `Bearer ${minted.key}` } })).status,
  ).toBe(401);
  expect((await admin('POST', '/keys', { owner: { kind: 'user', id: 'nobody' } })).status).toBe(404);
  expect((await admin('POST', '/keys', { owner: 'me' })).status).toBe(400);
});

test('the admin API is absent when adminApi is false', async () => {
  const { startReferenceServer } = await import('./reference-server.js');
  const server = await startReferenceServer({ adminApi: false });
  try {
    const response = await fetch(`${server.origin}/admin/keys`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(response.status).toBe(404);
  } finally {
    await server.close();
  }
});

test('GET /Me with a user key is that User resource, with Content-Location; other methods are 501', async ({
  call,
  server,
}) => {
  const user = await call('POST', '/Users', { body: userBody('me@example.com') });
  const key = await mintUserKey(call, server.origin, server.adminToken, String(user.json.id));
  const me = await call('GET', '/Me', { token: key });
  expect(me.status).toBe(200);
  expect(me.body).toEqual(user.body);
  expect(me.headers.get('content-location')).toBe((user.json.meta as Record<string, unknown>).location);
  expect((await call('PUT', '/Me', { token: key, body: userBody('me@example.com') })).status).toBe(501);
});
