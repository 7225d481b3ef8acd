import { expect, test } from '@playwright/test';
import type { QuirkName } from './quirks.js';
import { type RunningReferenceServer, startReferenceServer } from './reference-server.js';
import { groupBody, patchBody, type ScimCall, scimClient, userBody } from './test-support/scim-call.js';

/**
 * One row per protocol-level quirk (discovery, errors, ETags, /Me, bulk, auth): a probe, what it observes on a
 * conformant server and with the quirk on. A new quirk is a new row.
 */
interface QuirkCase {
  quirk: QuirkName;
  probe(call: ScimCall, server: RunningReferenceServer): Promise<unknown>;
  conformant: unknown;
  quirky: unknown;
}

type Json = Record<string, unknown>;

const BULK_URN = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const bulk = (operations: Json[], extra: Json = {}) => ({
  schemas: [BULK_URN],
  ...extra,
  Operations: operations,
});
const bulkResults = async (call: ScimCall, body: Json) =>
  (await call('POST', '/Bulk', { body })).json.Operations as Json[];
const createUser = async (call: ScimCall, userName = 'a@x.com') =>
  (await call('POST', '/Users', { body: userBody(userName) })).json;
const userId = async (call: ScimCall) => String((await createUser(call)).id);
const attributeKeys = async (call: ScimCall) => {
  const schema = (await call('GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User')).json;
  const userName = (schema.attributes as Json[]).find((attribute) => attribute.name === 'userName') ?? {};
  return Object.keys(userName).sort();
};

const CASES: QuirkCase[] = [
  {
    quirk: 'service-provider-config-incomplete',
    probe: async (call) => {
      const config = (await call('GET', '/ServiceProviderConfig')).json;
      return ['sort', 'etag', 'changePassword', 'authenticationSchemes'].filter((name) => name in config)
        .length;
    },
    conformant: 4,
    quirky: 0,
  },
  {
    quirk: 'max-results-exceeded',
    probe: async (call) =>
      ((await call('GET', '/ServiceProviderConfig')).json.filter as { maxResults: number }).maxResults,
    conformant: 1000,
    quirky: 10,
  },
  {
    quirk: 'extension-schema-not-served',
    probe: async (call) =>
      (await call('GET', '/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User')).status,
    conformant: 200,
    quirky: 404,
  },
  {
    quirk: 'discovery-id-ignored',
    probe: async (call) => [
      'Resources' in (await call('GET', '/ResourceTypes/User')).json,
      (await call('GET', '/Schemas/urn:nothing')).status,
    ],
    conformant: [false, 404],
    quirky: [true, 200],
  },
  {
    quirk: 'schema-attributes-incomplete',
    probe: attributeKeys,
    conformant: expect.arrayContaining(['caseExact', 'mutability', 'returned', 'uniqueness']),
    quirky: expect.not.arrayContaining(['caseExact']),
  },
  {
    quirk: 'discovery-writes-accepted',
    probe: async (call) => (await call('PUT', '/ServiceProviderConfig', { body: {} })).status,
    conformant: 405,
    quirky: 200,
  },
  {
    quirk: 'discovery-filter-ignored',
    probe: async (call) => (await call('GET', `/Schemas?filter=${encodeURIComponent('id eq "x"')}`)).status,
    conformant: 403,
    quirky: 200,
  },
  {
    quirk: 'malformed-json-500',
    probe: async (call) =>
      (
        await call('POST', '/Users', {
          rawBody: '{"userName": ',
          headers: { 'content-type': 'application/scim+json' },
        })
      ).status,
    conformant: 400,
    quirky: 500,
  },
  {
    quirk: 'wrong-type-accepted',
    probe: async (call) =>
      (await call('POST', '/Users', { body: userBody('a@x.com', { name: 'Barbara' }) })).status,
    conformant: 400,
    quirky: 201,
  },
  {
    quirk: 'unsupported-method-404',
    probe: async (call) => (await call('PATCH', '/Users', { body: patchBody() })).status,
    conformant: 405,
    quirky: 404,
  },
  {
    quirk: 'etag-unquoted',
    probe: async (call) => {
      const created = await call('POST', '/Users', { body: userBody('a@x.com') });
      const etag = created.headers.get('etag') ?? '';
      const put = await call('PUT', `/Users/${String(created.json.id)}`, {
        body: userBody('a@x.com'),
        headers: { 'if-match': etag },
      });
      return [etag, put.status];
    },
    conformant: ['W/"1"', 200],
    quirky: ['1', 412],
  },
  {
    quirk: 'etag-not-updated',
    probe: async (call) => {
      const id = await userId(call);
      const put = await call('PUT', `/Users/${id}`, { body: userBody('a@x.com', { title: 'New' }) });
      return [put.headers.get('etag'), (put.json.meta as Json).version];
    },
    conformant: ['W/"2"', 'W/"2"'],
    quirky: ['W/"1"', 'W/"1"'],
  },
  {
    quirk: 'me-no-location',
    probe: async (call) => (await call('GET', '/Me')).headers.has('location'),
    conformant: true,
    quirky: false,
  },
  {
    quirk: 'me-ignores-subject',
    probe: async (call, server) => {
      const id = await userId(call);
      const minted = await fetch(`${server.origin}/admin/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ owner: { kind: 'user', id } }),
      });
      const { key } = (await minted.json()) as { key: string };
      return (await call('GET', '/Me', { token: key })).json.id === id;
    },
    conformant: true,
    quirky: false,
  },
  {
    quirk: 'bulk-status-numeric',
    probe: async (call) =>
      typeof (
        await bulkResults(
          call,
          bulk([{ method: 'POST', path: '/Users', bulkId: 'u', data: userBody('a@x.com') }]),
        )
      )[0]?.status,
    conformant: 'string',
    quirky: 'number',
  },
  {
    quirk: 'bulk-location-missing',
    probe: async (call) =>
      'location' in
      ((
        await bulkResults(
          call,
          bulk([{ method: 'POST', path: '/Users', bulkId: 'u', data: userBody('a@x.com') }]),
        )
      )[0] ?? {}),
    conformant: true,
    quirky: false,
  },
  {
    quirk: 'bulk-id-not-resolved',
    probe: async (call) => {
      const group = { ...groupBody('G'), members: [{ value: 'bulkId:u' }] };
      const results = await bulkResults(
        call,
        bulk([
          { method: 'POST', path: '/Users', bulkId: 'u', data: userBody('a@x.com') },
          { method: 'POST', path: '/Groups', bulkId: 'g', data: group },
        ]),
      );
      return results.map((result) => result.status);
    },
    conformant: ['201', '201'],
    quirky: ['201', '400'],
  },
  {
    quirk: 'bulk-stops-at-first-error',
    probe: async (call) =>
      (
        await bulkResults(
          call,
          bulk([
            { method: 'DELETE', path: '/Users/missing' },
            { method: 'POST', path: '/Users', bulkId: 'u', data: userBody('a@x.com') },
          ]),
        )
      ).map((result) => result.status),
    conformant: ['404', '201'],
    quirky: ['404'],
  },
  {
    quirk: 'fail-on-errors-ignored',
    probe: async (call) =>
      (
        await bulkResults(
          call,
          bulk(
            [
              { method: 'DELETE', path: '/Users/missing' },
              { method: 'POST', path: '/Users', bulkId: 'u', data: userBody('a@x.com') },
            ],
            { failOnErrors: 1 },
          ),
        )
      ).map((result) => result.status),
    conformant: ['404'],
    quirky: ['404', '201'],
  },
  {
    quirk: 'bulk-max-operations-ignored',
    probe: async (call) => {
      const operations = Array.from({ length: 1001 }, (_, index) => ({
        method: 'DELETE',
        path: `/Users/n${index}`,
      }));
      return (await call('POST', '/Bulk', { body: bulk(operations) })).status;
    },
    conformant: 413,
    quirky: 200,
  },
  {
    quirk: 'token-echoed-in-error',
    probe: async (call) =>
      String((await call('GET', '/Users', { token: 'abcdef0123456789abcdef' })).json.detail).includes(
        'abcdef0123456789abcdef',
      ),
    conformant: false,
    quirky: true,
  },
];

async function observe(row: QuirkCase, quirks: QuirkName[]): Promise<unknown> {
  const server = await startReferenceServer({ quirks });
  try {
    return await row.probe(scimClient(server.baseUrl, server.adminToken), server);
  } finally {
    await server.close();
  }
}

for (const row of CASES) {
  test(`quirk ${row.quirk} changes what the probe observes`, async () => {
    expect(await observe(row, [])).toEqual(row.conformant);
    expect(await observe(row, [row.quirk])).toEqual(row.quirky);
  });
}

test('/Me answers with a Location header naming the aliased resource (RFC 7644 §3.11)', async () => {
  const server = await startReferenceServer();
  try {
    const call = scimClient(server.baseUrl, server.adminToken);
    const me = await call('GET', '/Me');
    expect(me.headers.get('location')).toBe((me.json.meta as Json).location);
  } finally {
    await server.close();
  }
});
