import { expect, test } from '@playwright/test';
import { startReferenceServer } from '../reference-server/index.js';
import { SCHEMA_URNS } from '../scim/urns.js';
import { createScimClient } from './scim-client.js';
import { closedPort, startTestServer } from './test-support/test-server.js';
import {
  assessTokenOwner,
  describeTokenRisk,
  type TokenOwner,
  tokenOwnerFinding,
  whoOwnsToken,
} from './token-owner.js';

const TOKEN = 'owner-probe-token-0123456789abcdef';
const USER = SCHEMA_URNS.User;

/** `/Me` answers and the owner each one means; a new case is a new row. */
const ME_CASES: ReadonlyArray<{ name: string; status: number; body?: unknown; owner: TokenOwner }> = [
  {
    name: 'a User resource',
    status: 200,
    body: { schemas: [USER], id: 'u1', userName: 'ada@example.com', active: true },
    owner: { kind: 'user', id: 'u1', userName: 'ada@example.com', active: true },
  },
  {
    name: 'a User with attribute names in another case and no active',
    status: 200,
    body: { SCHEMAS: [USER.toUpperCase()], ID: 'u2', USERNAME: 'bob@example.com' },
    owner: { kind: 'user', id: 'u2', userName: 'bob@example.com', active: undefined },
  },
  {
    name: 'a User marked as a service account',
    status: 200,
    body: {
      schemas: [USER],
      id: 's1',
      userName: 'scim@sa.invalid',
      displayName: 'SCIM',
      userType: 'ServiceAccount',
    },
    owner: { kind: 'service-account', id: 's1', name: 'SCIM' },
  },
  {
    name: 'another resource type (RFC 7644 §3.11 "or other resource")',
    status: 200,
    body: { schemas: ['urn:example:Application'], id: 'app1', name: 'provisioner' },
    owner: { kind: 'service-account', id: 'app1', name: 'provisioner' },
  },
  {
    name: 'a User without a userName',
    status: 200,
    body: { schemas: [USER], id: 'u3' },
    owner: { kind: 'unknown', reason: 'GET /Me answered a User without a userName' },
  },
  {
    name: 'a resource without an id',
    status: 200,
    body: { schemas: [USER], userName: 'x@example.com' },
    owner: { kind: 'unknown', reason: 'GET /Me answered a resource without an id' },
  },
  {
    name: 'a resource with no schemas, userName or userType (unverified, never a service account)',
    status: 200,
    body: { id: 'x1', displayName: 'Someone' },
    owner: { kind: 'unknown', reason: 'GET /Me answered a resource with no schemas, userName or userType' },
  },
  {
    name: 'a bare resource that says it is a service account',
    status: 200,
    body: { id: 's2', displayName: 'Bot', userType: 'service' },
    owner: { kind: 'service-account', id: 's2', name: 'Bot' },
  },
  {
    name: '501 Not Implemented',
    status: 501,
    owner: { kind: 'unknown', reason: 'the target does not support /Me (GET /Me answered 501)' },
  },
  {
    name: '404',
    status: 404,
    owner: { kind: 'unknown', reason: 'the target does not support /Me (GET /Me answered 404)' },
  },
  { name: '401', status: 401, owner: { kind: 'unknown', reason: 'GET /Me refused the token (401)' } },
  { name: '500', status: 500, owner: { kind: 'unknown', reason: 'GET /Me answered 500' } },
];

for (const row of ME_CASES) {
  test(`whoOwnsToken reads ${row.name}`, async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(row.status, { 'content-type': 'application/scim+json' });
      res.end(row.body === undefined ? '' : JSON.stringify(row.body));
    });
    try {
      const client = createScimClient({ tenantUrl: `${server.origin}/scim`, token: TOKEN });
      expect(await whoOwnsToken(client)).toEqual(row.owner);
      expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /scim/Me']);
    } finally {
      await server.close();
    }
  });
}

test('whoOwnsToken: an unreachable target is unknown, and the reason never holds the token', async () => {
  const port = await closedPort();
  const client = createScimClient({ tenantUrl: `http://127.0.0.1:${port}/scim`, token: TOKEN });
  const owner = await whoOwnsToken(client);
  expect(owner.kind).toBe('unknown');
  expect(JSON.stringify(owner)).not.toContain(TOKEN);
});

test('whoOwnsToken against the reference server: a user key and a service-account key', async () => {
  const server = await startReferenceServer({});
  try {
    const admin = (path: string, body: unknown) =>
      fetch(`${server.origin}/admin/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((response) => response.json() as Promise<Record<string, string>>);
    const adminClient = createScimClient({ tenantUrl: server.baseUrl, token: server.adminToken });
    const created = await adminClient.post('/Users', {
      schemas: [USER],
      userName: 'grace@example.com',
      active: true,
    });
    const userId = String((created.response?.json as Record<string, unknown> | undefined)?.id);
    const userKey = (await admin('keys', { owner: { kind: 'user', id: userId } })).key;
    const account = await admin('service-accounts', { name: 'SCIM provisioning' });
    const accountKey = (await admin('keys', { owner: { kind: 'serviceAccount', id: account.id } })).key;

    const ownerOf = (token: string | undefined) =>
      whoOwnsToken(createScimClient({ tenantUrl: server.baseUrl, token }));
    expect(await ownerOf(userKey)).toEqual({
      kind: 'user',
      id: userId,
      userName: 'grace@example.com',
      active: true,
    });
    expect(await ownerOf(accountKey)).toEqual({
      kind: 'service-account',
      id: account.id,
      name: 'SCIM provisioning',
    });
  } finally {
    await server.close();
  }
});

const USER_OWNER: TokenOwner = { kind: 'user', id: 'u1', userName: 'Ada@Example.com', active: true };

/** Owners, the run's scope, and the warning each deserves; a new case is a new row. */
const RISK_CASES: ReadonlyArray<{
  name: string;
  owner: TokenOwner;
  scope?: string[];
  severity: string | undefined;
  mentions: RegExp[];
}> = [
  {
    name: 'a service account',
    owner: { kind: 'service-account', id: 's1', name: 'SCIM' },
    scope: ['ada@example.com'],
    severity: undefined,
    mentions: [],
  },
  {
    name: 'a user outside the scope',
    owner: USER_OWNER,
    scope: ['someone@example.com'],
    severity: 'caution',
    mentions: [/Ada@Example\.com/, /revoke/, /service account/],
  },
  { name: 'a user and no scope given', owner: USER_OWNER, severity: 'caution', mentions: [/revoke/] },
  {
    name: 'a user the run will deprovision (userName in another case)',
    owner: USER_OWNER,
    scope: ['other@example.com', 'ada@example.com'],
    severity: 'danger',
    mentions: [/may deactivate or delete that user/, /lock itself out/, /service account/],
  },
  {
    name: 'an inactive user',
    owner: { ...USER_OWNER, active: false },
    severity: 'caution',
    mentions: [/already inactive/],
  },
  {
    name: 'an unknown owner',
    owner: { kind: 'unknown', reason: 'the target does not support /Me (GET /Me answered 501)' },
    severity: 'unverified',
    mentions: [/Could not tell who owns the token \(the target does not support \/Me/, /service account/],
  },
];

for (const row of RISK_CASES) {
  test(`describeTokenRisk: ${row.name}`, () => {
    const risk = describeTokenRisk(row.owner, row.scope);
    expect(risk?.severity).toBe(row.severity);
    for (const pattern of row.mentions) expect(risk?.text).toMatch(pattern);
  });
}

/** Owners, scope, and the finding replay.json and the console show; a new case is a new row. */
const FINDING_CASES: ReadonlyArray<{
  name: string;
  owner: TokenOwner;
  scope?: string[];
  finding: { kind: string; userName?: string; severity: string };
  message: RegExp;
}> = [
  {
    name: 'a service account is none, by name',
    owner: { kind: 'service-account', id: 's1', name: 'SCIM' },
    finding: { kind: 'service-account', severity: 'none' },
    message: /service account SCIM \(id s1\), not to a person/,
  },
  {
    name: 'an unknown owner is unverified, not safe',
    owner: { kind: 'unknown', reason: 'the target does not support /Me (GET /Me answered 404)' },
    finding: { kind: 'unknown', severity: 'unverified' },
    message:
      /Could not tell who owns the token \(the target does not support \/Me \(GET \/Me answered 404\)\)/,
  },
  {
    name: 'a user out of scope is caution',
    owner: USER_OWNER,
    scope: ['b@example.com'],
    finding: { kind: 'user', userName: 'Ada@Example.com', severity: 'caution' },
    message: /belongs to user Ada@Example\.com/,
  },
  {
    name: 'a user in scope is danger',
    owner: USER_OWNER,
    scope: ['ADA@example.com'],
    finding: { kind: 'user', userName: 'Ada@Example.com', severity: 'danger' },
    message: /may deactivate or delete that user/,
  },
];

for (const row of FINDING_CASES) {
  test(`tokenOwnerFinding: ${row.name}`, () => {
    const finding = tokenOwnerFinding(row.owner, row.scope);
    expect(finding).toMatchObject(row.finding);
    expect(finding.message).toMatch(row.message);
    if (row.finding.userName === undefined) expect(finding.userName).toBeUndefined();
  });
}

test('assessTokenOwner never throws: a client that fails outright is unverified, without the token', async () => {
  const port = await closedPort();
  const client = createScimClient({
    tenantUrl: `http://127.0.0.1:${port}/scim`,
    token: TOKEN,
    fetch: () => Promise.reject(new Error(`socket hang up for Bearer ${TOKEN}`)),
  });
  const finding = await assessTokenOwner(client, ['ada@example.com']);
  expect(finding).toMatchObject({ kind: 'unknown', severity: 'unverified' });
  expect(finding.message).toMatch(/GET \/Me failed/);
  expect(JSON.stringify(finding)).not.toContain(TOKEN);
});
