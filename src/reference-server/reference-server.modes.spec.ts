/**
 * The `minimal` server mode: a small but correct provider. It declines what RFC 7644 lets a provider decline, and its
 * discovery documents say so.
 */
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from './reference-server.js';
import { ENTERPRISE_URN, patchBody, type ScimCall, scimClient, userBody } from './test-support/scim-call.js';

let server: RunningReferenceServer;
let call: ScimCall;

test.beforeAll(async () => {
  server = await startReferenceServer({ mode: 'minimal' });
  call = scimClient(server.baseUrl, server.adminToken);
});

test.afterAll(async () => {
  await server.close();
});

const filterQuery = (filter: string, path = '/Users') => `${path}?filter=${encodeURIComponent(filter)}`;

test('ServiceProviderConfig declines changePassword, bulk, sort and etag, and claims filter', async () => {
  const spc = (await call('GET', '/ServiceProviderConfig')).json;
  expect(spc.changePassword).toEqual({ supported: false });
  expect((spc.bulk as { supported: boolean }).supported).toBe(false);
  expect(spc.sort).toEqual({ supported: false });
  expect(spc.etag).toEqual({ supported: false });
  expect((spc.filter as { supported: boolean }).supported).toBe(true);
});

test('/Schemas declares no nickName, no password and no enterprise extension', async () => {
  const schemas = (await call('GET', '/Schemas')).json.Resources as {
    id: string;
    attributes: { name: string }[];
  }[];
  const user = schemas.find((schema) => schema.id === 'urn:ietf:params:scim:schemas:core:2.0:User');
  const names = user?.attributes.map((attribute) => attribute.name) ?? [];
  expect(names).toEqual(expect.arrayContaining(['userName', 'name', 'displayName', 'emails', 'active']));
  expect(names).not.toContain('nickName');
  expect(names).not.toContain('password');
  expect(schemas.some((schema) => schema.id === ENTERPRISE_URN)).toBe(false);
  const userType = ((await call('GET', '/ResourceTypes/User')).json.schemaExtensions ?? []) as unknown[];
  expect(userType).toEqual([]);
});

test('eq joined by and on the supported attributes is evaluated', async () => {
  const created = (
    await call('POST', '/Users', {
      body: userBody('min-a@x.com', {
        externalId: 'Ext-A',
        emails: [{ value: 'min-a@x.com', type: 'work' }],
      }),
    })
  ).json;
  const found = await call('GET', filterQuery('userName eq "min-a@x.com" and externalId eq "Ext-A"'));
  expect(found.status).toBe(200);
  expect(found.json.totalResults).toBe(1);
  expect((found.json.Resources as { id: string }[])[0]?.id).toBe(created.id);
  const byEmail = await call('GET', filterQuery('emails.value eq "min-a@x.com"'));
  expect(byEmail.json.totalResults).toBe(1);
});

for (const [filter, declined] of [
  ['userName sw "min"', 'The operator "sw"'],
  ['userName eq "a" or userName eq "b"', 'The logical operator "or"'],
  ['not (userName eq "a")', '"not"'],
  ['title eq "x"', 'Filtering on "title"'],
  ['emails[type eq "work"].value eq "a@x.com"', 'A value filter'],
  ['nickName pr', '"pr"'],
] as const) {
  test(`a filter it does not support is 400 invalidFilter: ${filter}`, async () => {
    const answer = await call('GET', filterQuery(filter));
    expect(answer.status).toBe(400);
    expect(answer.json.scimType).toBe('invalidFilter');
    expect(String(answer.json.detail)).toContain(declined);
  });
}

test('a filter that does not parse is still invalidFilter, for its syntax', async () => {
  const answer = await call('GET', filterQuery('userName eq'));
  expect(answer.status).toBe(400);
  expect(answer.json.scimType).toBe('invalidFilter');
});

test('a search over every resource type accepts an attribute of one of them', async () => {
  await call('POST', '/Users', { body: userBody('min-root@x.com') });
  const answer = await call('POST', '/.search', {
    body: {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      filter: 'userName eq "min-root@x.com"',
    },
  });
  expect(answer.status).toBe(200);
  expect(answer.json.totalResults).toBe(1);
});

test('undeclared attributes and the unsupported enterprise extension are ignored on write', async () => {
  const created = await call('POST', '/Users', {
    body: {
      ...userBody('min-b@x.com', {
        nickName: 'Ace',
        title: 'Engineer',
        [ENTERPRISE_URN]: { department: 'R&D' },
      }),
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE_URN],
    },
  });
  expect(created.status).toBe(201);
  expect(created.json.nickName).toBeUndefined();
  expect(created.json.title).toBeUndefined();
  expect(created.json[ENTERPRISE_URN]).toBeUndefined();
});

test('no ETag and no meta.version; If-Match is not evaluated', async () => {
  const created = await call('POST', '/Users', { body: userBody('min-c@x.com') });
  expect(created.headers.has('etag')).toBe(false);
  expect((created.json.meta as Record<string, unknown>).version).toBeUndefined();
  const patched = await call('PATCH', `/Users/${String(created.json.id)}`, {
    body: patchBody({ op: 'replace', path: 'displayName', value: 'C' }),
    headers: { 'if-match': 'W/"stale"' },
  });
  expect(patched.status).toBe(200);
});

test('sortBy is ignored, as sort.supported=false says', async () => {
  const answer = await call('GET', '/Users?sortBy=userName&sortOrder=descending');
  expect(answer.status).toBe(200);
});

test('/Me and /Bulk answer 501 Not Implemented', async () => {
  expect((await call('GET', '/Me')).status).toBe(501);
  const bulk = await call('POST', '/Bulk', {
    body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: [] },
  });
  expect(bulk.status).toBe(501);
});

test('an unknown mode is a configuration error', async () => {
  await expect(startReferenceServer({ mode: 'tiny' as 'minimal' })).rejects.toThrow(/unknown mode/);
});
