import { expect, test } from '@playwright/test';
import type { QuirkName } from './quirks.js';
import { startReferenceServer } from './reference-server.js';
import {
  ENTERPRISE_URN,
  GROUP_URN,
  groupBody,
  patchBody,
  type ScimCall,
  scimClient,
  userBody,
} from './test-support/scim-call.js';

/**
 * One row per resource-level quirk: a scenario, what a conformant server makes of it, and what the server does with
 * the quirk switched on. Both servers run the same scenario, so each row proves the quirk changes exactly that.
 */
interface QuirkRow {
  quirk: QuirkName;
  scenario: string;
  observe(call: ScimCall): Promise<unknown>;
  clean: unknown;
  quirky: unknown;
}

type Json = Record<string, unknown>;

async function createUser(call: ScimCall, extra: Json = {}): Promise<Json> {
  const created = await call('POST', '/Users', { body: userBody('quirk@example.com', extra) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.json;
}

const metaOf = (json: Json) => json.meta as Json;

const ROWS: QuirkRow[] = [
  {
    quirk: 'client-id-honoured',
    scenario: 'POST with a client-chosen id',
    observe: async (call) => (await createUser(call, { id: 'client-chosen' })).id === 'client-chosen',
    clean: false,
    quirky: true,
  },
  {
    quirk: 'username-not-required',
    scenario: 'POST without userName',
    observe: async (call) =>
      (await call('POST', '/Users', { body: { schemas: userBody('x').schemas } })).status,
    clean: 400,
    quirky: 201,
  },
  {
    quirk: 'read-only-meta-honoured',
    scenario: 'POST with meta.created in 2001',
    observe: async (call) =>
      String(metaOf(await createUser(call, { meta: { created: '2001-01-01T00:00:00Z' } })).created),
    clean: expect.not.stringMatching(/^2001/),
    quirky: '2001-01-01T00:00:00.000Z',
  },
  {
    quirk: 'read-only-meta-honoured',
    scenario: 'PATCH replace meta.created with 2001, then GET',
    observe: async (call) => {
      const user = await createUser(call);
      await call('PATCH', `/Users/${user.id}`, {
        body: patchBody({ op: 'replace', path: 'meta.created', value: '2001-01-01T00:00:00Z' }),
      });
      return String(metaOf((await call('GET', `/Users/${user.id}`)).json).created);
    },
    clean: expect.not.stringMatching(/^2001/),
    quirky: '2001-01-01T00:00:00.000Z',
  },
  {
    quirk: 'external-id-lowercased',
    scenario: 'POST with a mixed-case externalId',
    observe: async (call) => (await createUser(call, { externalId: 'AbC-1' })).externalId,
    clean: 'AbC-1',
    quirky: 'abc-1',
  },
  {
    quirk: 'enterprise-extension-dropped',
    scenario: 'POST with an enterprise department',
    observe: async (call) =>
      (await createUser(call, { [ENTERPRISE_URN]: { department: 'R&D' } }))[ENTERPRISE_URN],
    clean: { department: 'R&D' },
    quirky: undefined,
  },
  {
    quirk: 'multi-valued-keeps-first',
    scenario: 'POST with two emails',
    observe: async (call) =>
      (
        (await createUser(call, { emails: [{ value: 'a@example.com' }, { value: 'b@example.com' }] }))
          .emails as unknown[]
      ).length,
    clean: 2,
    quirky: 1,
  },
  {
    quirk: 'password-returned',
    scenario: 'POST with a password, then GET and list',
    observe: async (call) => {
      const user = await createUser(call, { password: 'Quirk-Pa55word!' });
      const read = await call('GET', `/Users/${user.id}`);
      const list = await call('GET', '/Users?filter=userName%20eq%20%22quirk@example.com%22');
      return [user.password, read.json.password, (list.json.Resources as Json[])[0]?.password];
    },
    clean: [undefined, undefined, undefined],
    quirky: ['Quirk-Pa55word!', 'Quirk-Pa55word!', 'Quirk-Pa55word!'],
  },
  {
    quirk: 'delete-returns-200',
    scenario: 'DELETE a user',
    observe: async (call) => (await call('DELETE', `/Users/${(await createUser(call)).id}`)).status,
    clean: 204,
    quirky: 200,
  },
  {
    quirk: 'created-reset-on-update',
    scenario: 'PUT a change, compare meta.created',
    observe: async (call) => {
      const user = await createUser(call);
      const put = await call('PUT', `/Users/${user.id}`, {
        body: userBody('quirk@example.com', { title: 'New' }),
      });
      return metaOf(put.json).created === metaOf(user).created;
    },
    clean: true,
    quirky: false,
  },
  {
    quirk: 'last-modified-not-updated',
    scenario: 'PUT a change, compare meta.lastModified',
    observe: async (call) => {
      const user = await createUser(call);
      const put = await call('PUT', `/Users/${user.id}`, {
        body: userBody('quirk@example.com', { title: 'New' }),
      });
      return (
        Date.parse(String(metaOf(put.json).lastModified)) > Date.parse(String(metaOf(user).lastModified))
      );
    },
    clean: true,
    quirky: false,
  },
  {
    quirk: 'put-creates-missing',
    scenario: 'PUT to an unknown id',
    observe: async (call) =>
      (await call('PUT', '/Users/no-such-user', { body: userBody('new@example.com') })).status,
    clean: 404,
    quirky: 200,
  },
  {
    quirk: 'patch-add-replaces-multi-valued',
    scenario: 'PATCH add one email to a user with one',
    observe: async (call) => {
      const user = await createUser(call, { emails: [{ value: 'a@example.com' }] });
      const patched = await call('PATCH', `/Users/${user.id}`, {
        body: patchBody({ op: 'add', path: 'emails', value: [{ value: 'b@example.com' }] }),
      });
      return (patched.json.emails as unknown[]).length;
    },
    clean: 2,
    quirky: 1,
  },
  {
    quirk: 'patch-no-target-ignored',
    scenario: 'PATCH remove without path',
    observe: async (call) =>
      (await call('PATCH', `/Users/${(await createUser(call)).id}`, { body: patchBody({ op: 'remove' }) }))
        .status,
    clean: 400,
    quirky: 200,
  },
  {
    quirk: 'patch-read-only-ignored',
    scenario: 'PATCH replace id',
    observe: async (call) => {
      const user = await createUser(call);
      const patched = await call('PATCH', `/Users/${user.id}`, {
        body: patchBody({ op: 'replace', path: 'id', value: 'other-id' }),
      });
      return patched.status;
    },
    clean: 400,
    quirky: 200,
  },
  {
    quirk: 'patch-not-atomic',
    scenario: 'PATCH with a good then a bad operation, then GET',
    observe: async (call) => {
      const user = await createUser(call, { title: 'Before' });
      await call('PATCH', `/Users/${user.id}`, {
        body: patchBody(
          { op: 'replace', path: 'title', value: 'After' },
          { op: 'replace', path: 'active', value: 42 },
        ),
      });
      return (await call('GET', `/Users/${user.id}`)).json.title;
    },
    clean: 'Before',
    quirky: 'After',
  },
  {
    quirk: 'patch-lenient-request',
    scenario: 'PATCH without the PatchOp URN',
    observe: async (call) =>
      (
        await call('PATCH', `/Users/${(await createUser(call)).id}`, {
          body: { Operations: [{ op: 'replace', path: 'title', value: 'T' }] },
        })
      ).status,
    clean: 400,
    quirky: 200,
  },
  {
    quirk: 'legacy-member-removal-wipes-all',
    scenario: "Entra's legacy remove of one member (path members, value list) from a group of two",
    observe: async (call) => {
      const a = (await call('POST', '/Users', { body: userBody('member-a@example.com') })).json;
      const b = (await call('POST', '/Users', { body: userBody('member-b@example.com') })).json;
      const group = (
        await call('POST', '/Groups', { body: groupBody('Two members', [String(a.id), String(b.id)]) })
      ).json;
      await call('PATCH', `/Groups/${group.id}`, {
        body: patchBody({ op: 'Remove', path: 'members', value: [{ value: a.id }] }),
      });
      const members = (await call('GET', `/Groups/${group.id}`)).json.members;
      return Array.isArray(members) ? members.map((member: { value?: unknown }) => member.value) : [];
    },
    clean: [expect.any(String)],
    quirky: [],
  },
  {
    quirk: 'patch-dotted-keys-ignored',
    scenario: 'path-less PATCH replace keyed "name.givenName"',
    observe: async (call) => {
      const user = await createUser(call);
      await call('PATCH', `/Users/${user.id}`, {
        body: patchBody({ op: 'replace', value: { 'name.givenName': 'Kkom' } }),
      });
      return ((await call('GET', `/Users/${user.id}`)).json.name as Json).givenName;
    },
    clean: 'Kkom',
    quirky: 'Barbara',
  },
  {
    quirk: 'adscim-group-schema-rejected',
    scenario: "POST /Groups with Entra's documented schemas (core Group + Microsoft ADSCIM Group)",
    observe: async (call) => {
      const schemas = [GROUP_URN, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'];
      return (await call('POST', '/Groups', { body: { schemas, displayName: 'Entra group' } })).status;
    },
    clean: 201,
    quirky: 400,
  },
  {
    quirk: 'media-type-parameters-rejected',
    scenario: 'POST /Users with Content-Type "application/scim+json; charset=utf-8"',
    observe: async (call) =>
      (
        await call('POST', '/Users', {
          body: userBody('charset@example.com'),
          headers: { 'content-type': 'application/scim+json; charset=utf-8' },
        })
      ).status,
    clean: 201,
    quirky: 415,
  },
  {
    quirk: 'query-plus-not-decoded',
    scenario: 'GET /Users?filter=userName+eq+%22…%22 (spaces as "+", as Entra sends them)',
    observe: async (call) => {
      await createUser(call);
      const found = await call('GET', '/Users?filter=userName+eq+%22quirk%40example.com%22');
      return [found.status, found.json.totalResults];
    },
    clean: [200, 1],
    quirky: [400, undefined],
  },
  {
    quirk: 'put-returns-204',
    scenario: 'PUT a user',
    observe: async (call) => {
      const user = await createUser(call);
      const put = await call('PUT', `/Users/${user.id}`, {
        body: userBody('quirk@example.com', { title: 'New' }),
      });
      return [put.status, put.json.title];
    },
    clean: [200, 'New'],
    quirky: [204, undefined],
  },
];

for (const row of ROWS) {
  test(`quirk ${row.quirk}: ${row.scenario}`, async () => {
    const clean = await startReferenceServer({});
    const quirky = await startReferenceServer({ quirks: [row.quirk] });
    try {
      expect(await row.observe(scimClient(clean.baseUrl, clean.adminToken)), 'clean server').toEqual(
        row.clean,
      );
      expect(await row.observe(scimClient(quirky.baseUrl, quirky.adminToken)), 'with the quirk').toEqual(
        row.quirky,
      );
    } finally {
      await clean.close();
      await quirky.close();
    }
  });
}
