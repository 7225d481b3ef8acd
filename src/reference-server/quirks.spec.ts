import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { QUIRKS, type QuirkName } from './quirks.js';
import { type RunningReferenceServer, startReferenceServer } from './reference-server.js';
import {
  ENTERPRISE_URN,
  groupBody,
  patchBody,
  type ScimCall,
  scimClient,
  userBody,
} from './test-support/scim-call.js';

interface Probe {
  call: ScimCall;
  server: RunningReferenceServer;
}

/**
 * Each quirk: a probe (requests, then an observation) and what the probe observes on a conformant server and
 * with the quirk on. A new quirk is a new row; the last test fails when a quirk has no row.
 */
interface QuirkCase {
  quirk: QuirkName;
  probe(probe: Probe): Promise<unknown>;
  conformant: unknown;
  quirky: unknown;
}

const id = (body: Record<string, unknown>) => String(body.id);
const createUser = async (call: ScimCall, userName: string, extra: Record<string, unknown> = {}) =>
  (await call('POST', '/Users', { body: userBody(userName, extra) })).json;
const filterQuery = (filter: string) => `/Users?filter=${encodeURIComponent(filter)}`;
const mintKeyFor = async (server: RunningReferenceServer, owner: { kind: string; id: string }) => {
  const minted = await fetch(`${server.origin}/admin/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ owner }),
  });
  return ((await minted.json()) as { key: string }).key;
};

const CASES: QuirkCase[] = [
  {
    quirk: 'create-returns-200',
    probe: async ({ call }) => (await call('POST', '/Users', { body: userBody('a@x.com') })).status,
    conformant: 201,
    quirky: 200,
  },
  {
    quirk: 'no-location-header',
    probe: async ({ call }) =>
      (await call('POST', '/Users', { body: userBody('a@x.com') })).headers.has('location'),
    conformant: true,
    quirky: false,
  },
  {
    quirk: 'numeric-error-status',
    probe: async ({ call }) => typeof (await call('GET', '/Users/missing')).json.status,
    conformant: 'string',
    quirky: 'number',
  },
  {
    quirk: 'filter-ignored',
    probe: async ({ call }) => {
      await createUser(call, 'a@x.com');
      await createUser(call, 'b@x.com');
      return (await call('GET', filterQuery('userName eq "a@x.com"'))).json.totalResults;
    },
    conformant: 1,
    quirky: 2,
  },
  {
    quirk: 'empty-list-404',
    probe: async ({ call }) => (await call('GET', filterQuery('userName eq "nobody"'))).status,
    conformant: 200,
    quirky: 404,
  },
  {
    quirk: 'start-index-off-by-one',
    probe: async ({ call }) => {
      await createUser(call, 'a@x.com');
      await createUser(call, 'b@x.com');
      return ((await call('GET', '/Users?startIndex=1&count=1')).json.Resources as { userName: string }[])[0]
        ?.userName;
    },
    conformant: 'a@x.com',
    quirky: 'b@x.com',
  },
  {
    quirk: 'patch-capitalised-ops-rejected',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com');
      return (
        await call('PATCH', `/Users/${id(user)}`, {
          body: patchBody({ op: 'Replace', path: 'title', value: 'T' }),
        })
      ).status;
    },
    conformant: 200,
    quirky: 400,
  },
  {
    quirk: 'patch-boolean-strings-rejected',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com');
      return (
        await call('PATCH', `/Users/${id(user)}`, {
          body: patchBody({ op: 'replace', path: 'active', value: 'False' }),
        })
      ).status;
    },
    conformant: 200,
    quirky: 400,
  },
  {
    quirk: 'members-value-filter-removal-rejected',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com');
      const group = (await call('POST', '/Groups', { body: groupBody('G', [id(user)]) })).json;
      const path = `members[value eq "${id(user)}"]`;
      return (await call('PATCH', `/Groups/${id(group)}`, { body: patchBody({ op: 'remove', path }) }))
        .status;
    },
    conformant: 200,
    quirky: 400,
  },
  {
    quirk: 'soft-delete-does-not-delete',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com');
      return [
        (await call('DELETE', `/Users/${id(user)}`)).status,
        (await call('GET', `/Users/${id(user)}`)).status,
      ];
    },
    conformant: [204, 404],
    quirky: [204, 200],
  },
  {
    quirk: 'patch-not-applied',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com', { title: 'Old' });
      const patched = await call('PATCH', `/Users/${id(user)}`, {
        body: patchBody({ op: 'replace', path: 'title', value: 'New' }),
      });
      return [patched.status, (await call('GET', `/Users/${id(user)}`)).json.title];
    },
    conformant: [200, 'New'],
    quirky: [200, 'Old'],
  },
  {
    quirk: 'auth-not-enforced',
    probe: async ({ call }) => (await call('GET', '/Users', { token: null })).status,
    conformant: 401,
    quirky: 200,
  },
  {
    quirk: 'revoked-key-accepted',
    probe: async ({ call, server }) => {
      const user = await createUser(call, 'a@x.com');
      const minted = await fetch(`${server.origin}/admin/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ owner: { kind: 'user', id: id(user) } }),
      });
      const { key } = (await minted.json()) as { key: string };
      await call('PATCH', `/Users/${id(user)}`, {
        body: patchBody({ op: 'replace', path: 'active', value: false }),
      });
      return (await call('GET', '/Users', { token: key })).status;
    },
    conformant: 401,
    quirky: 200,
  },
  {
    quirk: 'deactivate-does-not-revoke',
    probe: async ({ call, server }) => {
      const user = await createUser(call, 'a@x.com');
      const key = await mintKeyFor(server, { kind: 'user', id: id(user) });
      await call('PUT', `/Users/${id(user)}`, { body: userBody('a@x.com', { active: false }) });
      return (await call('GET', '/Users', { token: key })).status;
    },
    conformant: 401,
    quirky: 200,
  },
  {
    quirk: 'delete-does-not-revoke',
    probe: async ({ call, server }) => {
      const user = await createUser(call, 'a@x.com');
      const key = await mintKeyFor(server, { kind: 'user', id: id(user) });
      await call('DELETE', `/Users/${id(user)}`);
      return (await call('GET', '/Users', { token: key })).status;
    },
    conformant: 401,
    quirky: 200,
  },
  {
    quirk: 'keys-revoked-after-delay',
    probe: async ({ call, server }) => {
      const user = await createUser(call, 'a@x.com');
      const key = await mintKeyFor(server, { kind: 'user', id: id(user) });
      await call('PATCH', `/Users/${id(user)}`, {
        body: patchBody({ op: 'replace', path: 'active', value: false }),
      });
      return (await call('GET', '/Users', { token: key })).status;
    },
    conformant: 401,
    quirky: 200,
  },
  {
    quirk: 'keys-survive-string-active',
    probe: async ({ call, server }) => {
      const user = await createUser(call, 'a@x.com');
      const key = await mintKeyFor(server, { kind: 'user', id: id(user) });
      await call('PATCH', `/Users/${id(user)}`, {
        body: patchBody({ op: 'Replace', path: 'active', value: 'False' }),
      });
      return (await call('GET', '/Users', { token: key })).status;
    },
    conformant: 401,
    quirky: 200,
  },
  {
    quirk: 'keys-survive-path-less-deactivate',
    probe: async ({ call, server }) => {
      const user = await createUser(call, 'a@x.com');
      const key = await mintKeyFor(server, { kind: 'user', id: id(user) });
      await call('PATCH', `/Users/${id(user)}`, {
        body: patchBody({ op: 'replace', value: { active: false } }),
      });
      return (await call('GET', '/Users', { token: key })).status;
    },
    conformant: 401,
    quirky: 200,
  },
  {
    quirk: 'keys-survive-put-deactivate',
    probe: async ({ call, server }) => {
      const user = await createUser(call, 'a@x.com');
      const key = await mintKeyFor(server, { kind: 'user', id: id(user) });
      await call('PUT', `/Users/${id(user)}`, { body: userBody('a@x.com', { active: false }) });
      return (await call('GET', '/Users', { token: key })).status;
    },
    conformant: 401,
    quirky: 200,
  },
  {
    quirk: 'keys-restored-on-reactivate',
    probe: async ({ call, server }) => {
      const user = await createUser(call, 'a@x.com');
      const key = await mintKeyFor(server, { kind: 'user', id: id(user) });
      const active = (value: boolean) => patchBody({ op: 'replace', path: 'active', value });
      await call('PATCH', `/Users/${id(user)}`, { body: active(false) });
      const revoked = (await call('GET', '/Users', { token: key })).status;
      await call('PATCH', `/Users/${id(user)}`, { body: active(true) });
      return [revoked, (await call('GET', '/Users', { token: key })).status];
    },
    conformant: [401, 401],
    quirky: [401, 200],
  },
  {
    quirk: 'service-account-key-revoked-with-user',
    probe: async ({ call, server }) => {
      const created = await fetch(`${server.origin}/admin/service-accounts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'scim' }),
      });
      const account = (await created.json()) as { id: string };
      const key = await mintKeyFor(server, { kind: 'serviceAccount', id: account.id });
      const user = await createUser(call, 'a@x.com');
      await call('DELETE', `/Users/${id(user)}`);
      return [(await call('GET', '/Users', { token: key })).status, (await call('GET', '/Users')).status];
    },
    conformant: [200, 200],
    quirky: [401, 200],
  },
  {
    quirk: 'username-case-sensitive',
    probe: async ({ call }) => {
      await createUser(call, 'Alice@x.com');
      const found = (await call('GET', filterQuery('userName eq "alice@x.com"'))).json.totalResults;
      return [found, (await call('POST', '/Users', { body: userBody('ALICE@x.com') })).status];
    },
    conformant: [1, 409],
    quirky: [0, 201],
  },
  {
    quirk: 'no-etag',
    probe: async ({ call }) => {
      const user = await call('POST', '/Users', { body: userBody('a@x.com') });
      return [user.headers.has('etag'), 'version' in (user.json.meta as object)];
    },
    conformant: [true, true],
    quirky: [false, false],
  },
  {
    quirk: 'if-match-ignored',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com');
      const body = patchBody({ op: 'replace', path: 'title', value: 'T' });
      return (await call('PATCH', `/Users/${id(user)}`, { body, headers: { 'if-match': 'W/"stale"' } }))
        .status;
    },
    conformant: 412,
    quirky: 200,
  },
  {
    quirk: 'password-returned',
    probe: async ({ call }) => 'password' in (await createUser(call, 'a@x.com', { password: 'pw-123456' })),
    conformant: false,
    quirky: true,
  },
  {
    quirk: 'total-results-page-size',
    probe: async ({ call }) => {
      for (const name of ['a', 'b', 'c']) await createUser(call, `${name}@x.com`);
      return (await call('GET', '/Users?count=1')).json.totalResults;
    },
    conformant: 3,
    quirky: 1,
  },
  {
    quirk: 'content-type-json',
    probe: async ({ call }) => (await call('GET', '/Users')).headers.get('content-type')?.split(';')[0],
    conformant: 'application/scim+json',
    quirky: 'application/json',
  },
  {
    quirk: 'filter-co-as-eq',
    probe: async ({ call }) => {
      await createUser(call, 'maria.garcia@x.com');
      return (await call('GET', `/Users?filter=${encodeURIComponent('userName co "garcia"')}`)).json
        .totalResults;
    },
    conformant: 1,
    quirky: 0,
  },
  {
    quirk: 'error-content-type-text-plain',
    probe: async ({ call }) =>
      (await call('GET', '/Users/no-such-user')).headers.get('content-type')?.split(';')[0],
    conformant: 'application/scim+json',
    quirky: 'text/plain',
  },
  {
    quirk: 'missing-www-authenticate',
    probe: async ({ call }) => (await call('GET', '/Users', { token: null })).headers.has('www-authenticate'),
    conformant: true,
    quirky: false,
  },
  {
    quirk: 'disabled-user-hidden',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com', { active: false });
      return [
        (await call('GET', `/Users/${id(user)}`)).status,
        (await call('GET', '/Users')).json.totalResults,
      ];
    },
    conformant: [200, 1],
    quirky: [404, 0],
  },
  {
    quirk: 'excluded-attributes-ignored',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com', { title: 'T' });
      return 'title' in (await call('GET', `/Users/${id(user)}?excludedAttributes=title`)).json;
    },
    conformant: false,
    quirky: true,
  },
  {
    quirk: 'attributes-ignored',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com', { title: 'T' });
      return 'title' in (await call('GET', `/Users/${id(user)}?attributes=userName`)).json;
    },
    conformant: false,
    quirky: true,
  },
  {
    quirk: 'sort-ignored',
    probe: async ({ call }) => {
      await createUser(call, 'b@x.com');
      await createUser(call, 'a@x.com');
      return ((await call('GET', '/Users?sortBy=userName')).json.Resources as { userName: string }[])[0]
        ?.userName;
    },
    conformant: 'a@x.com',
    quirky: 'b@x.com',
  },
  {
    quirk: 'put-keeps-omitted',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com', { title: 'Old' });
      return (await call('PUT', `/Users/${id(user)}`, { body: userBody('a@x.com') })).json.title;
    },
    conformant: undefined,
    quirky: 'Old',
  },
  {
    quirk: 'uniqueness-not-enforced',
    probe: async ({ call }) => {
      await createUser(call, 'a@x.com');
      return [
        (await call('POST', '/Users', { body: userBody('a@x.com') })).status,
        (await call('POST', '/Groups', { body: groupBody('G') })).status,
        (await call('POST', '/Groups', { body: groupBody('G') })).status,
      ];
    },
    conformant: [409, 201, 409],
    quirky: [201, 201, 201],
  },
  {
    quirk: 'bulk-not-supported-but-advertised',
    probe: async ({ call }) => {
      const config = (await call('GET', '/ServiceProviderConfig')).json as { bulk: { supported: boolean } };
      const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: [] };
      return [config.bulk.supported, (await call('POST', '/Bulk', { body })).status];
    },
    conformant: [true, 200],
    quirky: [true, 501],
  },
  {
    quirk: 'bulk-creates-extra-group',
    probe: async ({ call }) => {
      const body = {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
        Operations: [{ method: 'POST', path: '/Groups', bulkId: 'g1', data: groupBody('run-1 Sales') }],
      };
      const answer = (await call('POST', '/Bulk', { body })).json as { Operations: unknown[] };
      const groups = (await call('GET', '/Groups')).json as { Resources: { displayName: string }[] };
      return [answer.Operations.length, groups.Resources.map((g) => g.displayName).sort()];
    },
    conformant: [1, ['run-1 Sales']],
    quirky: [1, ['run-1 Sales', 'run-1 Sales (copy)']],
  },
  {
    quirk: 'no-discovery',
    probe: async ({ call }) =>
      Promise.all(
        ['/ServiceProviderConfig', '/ResourceTypes', '/Schemas'].map(
          async (path) => (await call('GET', path)).status,
        ),
      ),
    conformant: [200, 200, 200],
    quirky: [404, 404, 404],
  },
  {
    quirk: 'invalid-filter-500',
    probe: async ({ call }) => (await call('GET', filterQuery('foo bar'))).status,
    conformant: 400,
    quirky: 500,
  },
  {
    quirk: 'meta-missing',
    probe: async ({ call }) => 'meta' in (await createUser(call, 'a@x.com')),
    conformant: true,
    quirky: false,
  },
  {
    quirk: 'schemas-missing',
    probe: async ({ call }) => 'schemas' in (await createUser(call, 'a@x.com')),
    conformant: true,
    quirky: false,
  },
  {
    quirk: 'members-not-returned',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com');
      const group = (await call('POST', '/Groups', { body: groupBody('G', [id(user)]) })).json;
      return Array.isArray((await call('GET', `/Groups/${id(group)}?attributes=members`)).json.members);
    },
    conformant: true,
    quirky: false,
  },
  {
    quirk: 'manager-string-rejected',
    probe: async ({ call }) => {
      const boss = await createUser(call, 'boss@x.com');
      const worker = await createUser(call, 'worker@x.com');
      const body = patchBody({ op: 'add', path: `${ENTERPRISE_URN}:manager`, value: id(boss) });
      return (await call('PATCH', `/Users/${id(worker)}`, { body })).status;
    },
    conformant: 200,
    quirky: 400,
  },
  {
    quirk: 'error-body-not-scim',
    probe: async ({ call }) => Object.keys((await call('GET', '/Users/missing')).json).sort(),
    conformant: ['detail', 'schemas', 'status'],
    quirky: ['errors'],
  },
  {
    quirk: 'list-schemas-missing',
    probe: async ({ call }) => (await call('GET', '/Users')).json.schemas,
    conformant: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    quirky: undefined,
  },
  {
    quirk: 'filter-operators-case-sensitive',
    probe: async ({ call }) => (await call('GET', filterQuery('userName EQ "a" OR title PR'))).status,
    conformant: 200,
    quirky: 400,
  },
  {
    quirk: 'external-id-not-filterable',
    probe: async ({ call }) => (await call('GET', filterQuery('externalId eq "x"'))).status,
    conformant: 200,
    quirky: 400,
  },
  {
    quirk: 'filter-declined-though-claimed',
    probe: async ({ call }) => [
      ((await call('GET', '/ServiceProviderConfig')).json.filter as { supported: boolean }).supported,
      (await call('GET', filterQuery('userName eq "a@x.com"'))).status,
    ],
    conformant: [true, 200],
    quirky: [true, 400],
  },
  {
    quirk: 'etag-served-though-unclaimed',
    probe: async ({ call }) => {
      const created = await call('POST', '/Users', { body: userBody('a@x.com') });
      const spc = (await call('GET', '/ServiceProviderConfig')).json.etag as { supported: boolean };
      return [spc.supported, created.headers.has('etag')];
    },
    conformant: [true, true],
    quirky: [false, true],
  },
  {
    quirk: 'declared-attribute-rejected',
    probe: async ({ call }) =>
      (await call('POST', '/Users', { body: userBody('a@x.com', { nickName: 'Ace' }) })).status,
    conformant: 201,
    quirky: 400,
  },
  {
    quirk: 'mutability-error-on-read-write',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com');
      const patched = await call('PATCH', `/Users/${id(user)}`, {
        body: patchBody({ op: 'replace', path: 'title', value: 'Engineer' }),
      });
      return [patched.status, patched.json.scimType];
    },
    conformant: [200, undefined],
    quirky: [400, 'mutability'],
  },
  {
    quirk: 'group-display-name-not-required',
    probe: async ({ call }) =>
      (await call('POST', '/Groups', { body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'] } }))
        .status,
    conformant: 400,
    quirky: 201,
  },
  {
    quirk: 'patch-value-not-required',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com');
      return (
        await call('PATCH', `/Users/${id(user)}`, { body: patchBody({ op: 'add', path: 'displayName' }) })
      ).status;
    },
    conformant: 400,
    quirky: 200,
  },
  {
    quirk: 'patch-add-duplicates-value',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com', { emails: [{ value: 'a@x.com', type: 'work' }] });
      const patched = await call('PATCH', `/Users/${id(user)}`, {
        body: patchBody({ op: 'add', path: 'emails', value: [{ value: 'a@x.com', type: 'work' }] }),
      });
      return (patched.json.emails as unknown[]).length;
    },
    conformant: 1,
    quirky: 2,
  },
  // RFC 9865 cursor pagination.
  {
    quirk: 'cursor-config-missing-fields',
    probe: async ({ call }) => {
      const pagination = (await call('GET', '/ServiceProviderConfig')).json.pagination as Record<
        string,
        unknown
      >;
      return [pagination.index, pagination.cursorTimeout];
    },
    conformant: [true, 600],
    quirky: [undefined, 0],
  },
  {
    quirk: 'cursor-served-unclaimed',
    probe: async ({ call }) => {
      await createUser(call, 'a@x.com');
      await createUser(call, 'b@x.com');
      const spc = (await call('GET', '/ServiceProviderConfig')).json;
      const page = (await call('GET', '/Users?count=1&cursor=')).json;
      return ['pagination' in spc, typeof page.nextCursor];
    },
    conformant: [true, 'string'],
    quirky: [false, 'string'],
  },
  {
    quirk: 'cursor-empty-refused',
    probe: async ({ call }) => {
      const page = await call('GET', '/Users?count=1&cursor=');
      return [page.status, page.json.scimType];
    },
    conformant: [200, undefined],
    quirky: [400, 'invalidCursor'],
  },
  {
    quirk: 'cursor-next-off-by-one',
    probe: async ({ call }) => {
      for (const name of ['a', 'b', 'c']) await createUser(call, `${name}@x.com`);
      const first = (await call('GET', '/Users?count=1&cursor=')).json;
      const second = await call('GET', `/Users?count=1&cursor=${String(first.nextCursor)}`);
      return typeof second.json.nextCursor;
    },
    conformant: 'string',
    quirky: 'undefined',
  },
  {
    quirk: 'cursor-next-on-last-page',
    probe: async ({ call }) => {
      await createUser(call, 'a@x.com');
      return typeof (await call('GET', '/Users?count=1&cursor=')).json.nextCursor;
    },
    conformant: 'undefined',
    quirky: 'string',
  },
  {
    quirk: 'cursor-previous-on-first-page',
    probe: async ({ call }) => {
      await createUser(call, 'a@x.com');
      await createUser(call, 'b@x.com');
      return 'previousCursor' in (await call('GET', '/Users?count=1&cursor=')).json;
    },
    conformant: false,
    quirky: true,
  },
  {
    quirk: 'cursor-unsafe-characters',
    probe: async ({ call }) => {
      await createUser(call, 'a@x.com');
      await createUser(call, 'b@x.com');
      const cursor = String((await call('GET', '/Users?count=1&cursor=')).json.nextCursor);
      return /^[A-Za-z0-9._~-]+$/.test(cursor);
    },
    conformant: true,
    quirky: false,
  },
  {
    quirk: 'cursor-invalid-500',
    probe: async ({ call }) => (await call('GET', '/Users?count=1&cursor=forged')).status,
    conformant: 400,
    quirky: 500,
  },
  {
    quirk: 'cursor-invalid-restarts',
    probe: async ({ call }) => (await call('GET', '/Users?count=1&cursor=forged')).status,
    conformant: 400,
    quirky: 200,
  },
  {
    quirk: 'cursor-count-over-max-refused',
    probe: async ({ call }) => {
      const page = await call('GET', '/Users?count=5000&cursor=');
      return [page.status, page.json.scimType];
    },
    conformant: [200, undefined],
    quirky: [400, 'invalidCount'],
  },
  {
    quirk: 'cursor-offset-based',
    probe: async ({ call }) => {
      for (const name of ['a', 'b', 'c']) await createUser(call, `${name}@x.com`);
      const seen: string[] = [];
      let cursor = '';
      for (let page = 0; page < 5; page += 1) {
        const answer = (await call('GET', `/Users?count=1&cursor=${encodeURIComponent(cursor)}`)).json;
        const served = ((answer.Resources ?? []) as Record<string, unknown>[]).map(id);
        seen.push(...served);
        // Deleting the user just served must not make the walk skip one that is still there.
        if (page === 0) await call('DELETE', `/Users/${served[0]}`);
        if (typeof answer.nextCursor !== 'string') break;
        cursor = answer.nextCursor;
      }
      return seen.length;
    },
    conformant: 3,
    quirky: 2,
  },
  {
    quirk: 'cursor-search-ignored',
    probe: async ({ call }) => {
      await createUser(call, 'a@x.com');
      await createUser(call, 'b@x.com');
      const page = await call('POST', '/Users/.search', {
        body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], count: 1, cursor: '' },
      });
      return typeof page.json.nextCursor;
    },
    conformant: 'string',
    quirky: 'undefined',
  },
  {
    quirk: 'cursor-not-token-bound',
    probe: async ({ call, server }) => {
      const owner = await createUser(call, 'a@x.com');
      await createUser(call, 'b@x.com');
      const other = await mintKeyFor(server, { kind: 'user', id: id(owner) });
      const first = (await call('GET', '/Users?count=1&cursor=')).json;
      return (
        await call('GET', `/Users?count=1&cursor=${encodeURIComponent(String(first.nextCursor))}`, {
          token: other,
        })
      ).status;
    },
    conformant: 400,
    quirky: 200,
  },
  {
    quirk: 'paging-fields-as-strings',
    probe: async ({ call }) => {
      await createUser(call, 'a@x.com');
      const page = (await call('GET', '/Users?startIndex=1&count=2')).json;
      return [typeof page.totalResults, typeof page.itemsPerPage, typeof page.startIndex];
    },
    conformant: ['number', 'number', 'number'],
    quirky: ['string', 'string', 'string'],
  },
  {
    quirk: 'path-less-replace-object-ignored',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com');
      const patched = await call('PATCH', `/Users/${id(user)}`, {
        body: patchBody({ op: 'replace', value: { active: false } }),
      });
      return [patched.status, (await call('GET', `/Users/${id(user)}`)).json.active];
    },
    conformant: [200, false],
    quirky: [200, true],
  },
  {
    quirk: 'put-readonly-echo-rejected',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com');
      const read = (await call('GET', `/Users/${id(user)}`)).json;
      const put = await call('PUT', `/Users/${id(user)}`, { body: { ...read, title: 'T' } });
      return [put.status, put.json.scimType];
    },
    conformant: [200, undefined],
    quirky: [400, 'mutability'],
  },
  {
    quirk: 'password-write-rejected',
    probe: async ({ call }) => {
      const created = await call('POST', '/Users', { body: userBody('a@x.com', { password: '1mz050nq' }) });
      const user = id(await createUser(call, 'b@x.com'));
      // PATCH is not refused: once a password is stored, a later PATCH result carries it and must still apply.
      const setByPatch = await call('PATCH', `/Users/${user}`, {
        body: patchBody({ op: 'replace', path: 'password', value: 'x1y2z3w4' }),
      });
      const patched = await call('PATCH', `/Users/${user}`, {
        body: patchBody({ op: 'replace', path: 'title', value: 'T' }),
      });
      const put = await call('PUT', `/Users/${user}`, { body: userBody('b@x.com', { password: 'x' }) });
      return [created.status, setByPatch.status, patched.status, put.status];
    },
    conformant: [201, 200, 200, 200],
    quirky: [400, 200, 200, 400],
  },
  {
    quirk: 'empty-members-create-rejected',
    probe: async ({ call }) => {
      const user = await createUser(call, 'a@x.com');
      const empty = await call('POST', '/Groups', { body: groupBody('Empty') });
      const withMember = await call('POST', '/Groups', { body: groupBody('Full', [id(user)]) });
      return [empty.status, withMember.status];
    },
    conformant: [201, 201],
    quirky: [400, 201],
  },
  {
    quirk: 'users-groups-on-create-rejected',
    probe: async ({ call }) => {
      const created = await call('POST', '/Users', { body: userBody('a@x.com', { groups: [] }) });
      return [created.status, created.json.scimType];
    },
    conformant: [201, undefined],
    quirky: [400, 'mutability'],
  },
  {
    quirk: 'filter-with-paging-broken',
    probe: async ({ call }) => {
      for (const name of ['a', 'b', 'c', 'd']) await createUser(call, `${name}@x.com`);
      const filter = encodeURIComponent('userName eq "d@x.com" or userName eq "b@x.com"');
      const paged = (await call('GET', `/Users?filter=${filter}&startIndex=1&count=2`)).json;
      const names = ((paged.Resources ?? []) as { userName: string }[]).map((user) => user.userName);
      return [paged.totalResults, names];
    },
    conformant: [2, ['b@x.com', 'd@x.com']],
    quirky: [1, ['b@x.com']],
  },
];

async function observe(row: QuirkCase, quirks: QuirkName[]): Promise<unknown> {
  const server = await startReferenceServer({ quirks });
  try {
    return await row.probe({ call: scimClient(server.baseUrl, server.adminToken), server });
  } finally {
    await server.close();
  }
}

for (const row of CASES) {
  test(`quirk ${row.quirk} changes what the probe observes`, async () => {
    expect(row.conformant).not.toEqual(row.quirky);
    expect(await observe(row, [])).toEqual(row.conformant);
    expect(await observe(row, [row.quirk])).toEqual(row.quirky);
  });
}

test('every quirk in the catalogue has a row in some quirk table, a one-line description and an area', () => {
  // Quirk tables live in several spec files of this folder (this one, the list and resource quirk tables).
  const sources = readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith('.spec.ts'))
    .map((file) => readFileSync(path.join(import.meta.dirname, file), 'utf8'))
    .join('\n');
  const missing = QUIRKS.map((quirk) => quirk.name).filter((name) => !sources.includes(`quirk: '${name}'`));
  expect(missing).toEqual([]);
  for (const quirk of QUIRKS) {
    expect(quirk.description).toMatch(/^\S.{10,}\.$/);
    expect(quirk.description).not.toContain('\n');
    expect(quirk.affects.length).toBeGreaterThan(0);
  }
});

test('an unknown quirk name is a configuration error', async () => {
  await expect(startReferenceServer({ quirks: ['no-such-quirk' as QuirkName] })).rejects.toThrow(
    /unknown quirk/,
  );
});
