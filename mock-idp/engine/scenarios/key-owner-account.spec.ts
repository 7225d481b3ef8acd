import { expect, test } from '@playwright/test';
import { createScimClient } from '../../../src/http/index.js';
import { startTestServer } from '../../../src/http/test-support/test-server.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { resolveClientProfile } from '../../requests/index.js';
import { findKeyOwner, setKeyOwnerActive } from './key-owner-account.js';

const TOKEN = 'owner-lookup-token-5b1e9c';
const OWNER = 'ada@example.com';
const user = (id: string, userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [SCHEMA_URNS.User],
  id,
  userName,
  ...extra,
});
const list = (...resources: unknown[]) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: resources.length,
  Resources: resources,
});

// [case, status, body, expected owner or error]
const LOOKUPS: [string, number, unknown, { owner?: unknown; code?: string; message?: RegExp }][] = [
  [
    'one active user',
    200,
    list(user('u1', OWNER, { active: true })),
    { owner: { id: 'u1', userName: OWNER, priorActive: true } },
  ],
  [
    'one user in another case, inactive',
    200,
    list(user('u2', 'ADA@example.com', { active: false })),
    { owner: { id: 'u2', userName: 'ADA@example.com', priorActive: false } },
  ],
  [
    'a user that does not say active',
    200,
    list(user('u3', OWNER)),
    { owner: { id: 'u3', userName: OWNER, priorActive: true } },
  ],
  ['no match', 200, list(), { code: 'CONFIG_INVALID', message: /no user has this userName/ }],
  [
    'a match with another userName (filter ignored)',
    200,
    list(user('u4', 'bob@example.com')),
    { code: 'CONFIG_INVALID', message: /no user has this userName/ },
  ],
  [
    'two matches',
    200,
    list(user('u5', OWNER), user('u6', OWNER)),
    { code: 'CONFIG_INVALID', message: /2 users have this userName on the target; refusing to guess/ },
  ],
  [
    'a match without an id',
    200,
    list({ userName: OWNER }),
    { code: 'TARGET_RESPONSE_UNUSABLE', message: /has no id/ },
  ],
  [
    'the token refused',
    401,
    {},
    { code: 'CREDENTIALS_REJECTED', message: /refused the run's token \(401\)/ },
  ],
  ['a server error', 500, {}, { code: 'TARGET_RESPONSE_UNUSABLE', message: /answered 500/ }],
];

for (const [name, status, body, expected] of LOOKUPS) {
  test(`findKeyOwner: ${name}`, async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/scim+json' });
      res.end(JSON.stringify(body));
    });
    try {
      const client = createScimClient({ tenantUrl: `${server.origin}/scim`, token: TOKEN });
      const profile = resolveClientProfile({ mode: 'compliant', baseUrl: `${server.origin}/scim` });
      const found = await findKeyOwner(client, profile, OWNER).catch((error: unknown) => error);
      if (expected.owner !== undefined) expect(found).toEqual(expected.owner);
      else {
        expect(found).toMatchObject({ code: expected.code });
        expect(String(found)).toMatch(expected.message ?? /./);
        expect(String(found)).not.toContain(TOKEN);
      }
      const [request] = server.received;
      expect(new URL(request?.url ?? '', server.origin).searchParams.get('filter')).toBe(
        `userName eq "${OWNER}"`,
      );
    } finally {
      await server.close();
    }
  });
}

// [mode, active, the PATCH operation the Entra client sends]
const PATCHES: ['legacy' | 'compliant', boolean, unknown][] = [
  ['legacy', false, { op: 'Replace', path: 'active', value: 'False' }],
  ['compliant', false, { op: 'replace', path: 'active', value: false }],
  ['compliant', true, { op: 'replace', path: 'active', value: true }],
];

for (const [mode, active, operation] of PATCHES) {
  test(`setKeyOwnerActive(${active}) in ${mode} mode sends the Entra PATCH`, async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    try {
      const client = createScimClient({ tenantUrl: `${server.origin}/scim`, token: TOKEN });
      const profile = resolveClientProfile({ mode, baseUrl: `${server.origin}/scim` });
      const owner = { id: 'u1', userName: OWNER, priorActive: true };
      expect(await setKeyOwnerActive(client, profile, owner, active)).toEqual({ ok: true, status: '204' });
      const [request] = server.received;
      expect(`${request?.method} ${request?.url}`).toBe('PATCH /scim/Users/u1');
      expect((JSON.parse(request?.body ?? '{}') as { Operations: unknown[] }).Operations).toEqual([
        operation,
      ]);
    } finally {
      await server.close();
    }
  });
}
