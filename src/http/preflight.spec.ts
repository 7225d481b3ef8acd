import { expect, test } from '@playwright/test';
import { preflight, preflightError } from './preflight.js';
import { createScimClient } from './scim-client.js';
import { closedPort, startTestServer } from './test-support/test-server.js';

const TOKEN = 'preflight-token-1234567890';

const CASES: ReadonlyArray<{
  name: string;
  /** Status for `/ServiceProviderConfig` and `/Users`. */
  spc: number;
  users: number;
  token?: string;
  reachable: boolean;
  accepted: boolean | undefined;
  probes: string[];
  code: string | undefined;
  hint?: RegExp;
}> = [
  {
    name: 'discovery and a list both answer',
    spc: 200,
    users: 200,
    reachable: true,
    accepted: true,
    probes: ['/scim/ServiceProviderConfig', '/scim/Users?count=1'],
    code: undefined,
  },
  {
    name: 'discovery is 404, the list answers',
    spc: 404,
    users: 200,
    reachable: true,
    accepted: true,
    probes: ['/scim/ServiceProviderConfig', '/scim/Users?count=1'],
    code: undefined,
  },
  {
    name: 'discovery refuses the token',
    spc: 401,
    users: 200,
    reachable: true,
    accepted: false,
    probes: ['/scim/ServiceProviderConfig'],
    code: 'CREDENTIALS_REJECTED',
    hint: /token is current/,
  },
  {
    name: 'discovery is public, the list refuses the token',
    spc: 200,
    users: 403,
    reachable: true,
    accepted: false,
    probes: ['/scim/ServiceProviderConfig', '/scim/Users?count=1'],
    code: 'CREDENTIALS_REJECTED',
  },
  {
    name: 'no token at all',
    spc: 401,
    users: 401,
    token: '',
    reachable: true,
    accepted: false,
    probes: ['/scim/ServiceProviderConfig'],
    code: 'CREDENTIALS_REJECTED',
    hint: /No token was sent/,
  },
  {
    name: 'both probes fail on the server side',
    spc: 500,
    users: 500,
    reachable: true,
    accepted: undefined,
    probes: ['/scim/ServiceProviderConfig', '/scim/Users?count=1'],
    code: undefined,
  },
];

for (const row of CASES) {
  test(`preflight: ${row.name}`, async () => {
    const server = await startTestServer((req, res) => {
      res.writeHead(req.url?.startsWith('/scim/Users') ? row.users : row.spc, {
        'content-type': 'application/scim+json',
      });
      res.end('{}');
    });
    try {
      const client = createScimClient({ tenantUrl: `${server.origin}/scim`, token: row.token ?? TOKEN });
      const result = await preflight(client);
      expect(result.reachable).toBe(row.reachable);
      expect(result.credentialsAccepted).toBe(row.accepted);
      expect(server.received.map((r) => r.url)).toEqual(row.probes);
      expect(result.exchanges).toHaveLength(row.probes.length);
      if (row.hint) expect(result.hint).toMatch(row.hint);
      expect(preflightError(result)?.code).toBe(row.code);
      expect(JSON.stringify(result)).not.toContain(TOKEN);
    } finally {
      await server.close();
    }
  });
}

test('preflight: an unreachable target says so and what to check', async () => {
  const client = createScimClient({ tenantUrl: `http://127.0.0.1:${await closedPort()}/scim` });
  const result = await preflight(client);
  expect(result).toMatchObject({ reachable: false, credentialsAccepted: undefined });
  expect(result.detail).toContain('could not be reached');
  expect(result.hint).toMatch(/host and port/);
  const error = preflightError(result);
  expect(error).toMatchObject({ name: 'HarnessError', code: 'TARGET_UNREACHABLE' });
});

test('preflight: a target that never answers is a TARGET_TIMEOUT', async () => {
  const server = await startTestServer(() => undefined);
  try {
    const client = createScimClient({ tenantUrl: `${server.origin}/scim`, timeoutMs: 100 });
    expect(preflightError(await preflight(client))?.code).toBe('TARGET_TIMEOUT');
  } finally {
    await server.close();
  }
});
