import { expect, test } from '@playwright/test';
import { preflight, preflightError } from './preflight.js';
import { createScimClient } from './scim-client.js';
import { closedPort, startTestServer } from './test-support/test-server.js';

const TOKEN = 'preflight-token-1234567890';
/** The lookup by a random userName the second probe sends (its value differs per run). */
const USERS_PROBE = expect.stringMatching(
  /^\/scim\/Users\?filter=userName%20eq%20%22scim-harness-preflight-[0-9a-f-]{36}%22$/,
);

/** A SCIM answer for a path and status: the message URN the probe expects, or an Error. */
function scimBody(url: string, status: number): string {
  if (status >= 400) {
    return JSON.stringify({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: String(status),
    });
  }
  return JSON.stringify(
    url.startsWith('/scim/Users')
      ? { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0, Resources: [] }
      : { schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'] },
  );
}

const CASES: ReadonlyArray<{
  name: string;
  /** Status for `/ServiceProviderConfig` and `/Users`. */
  spc: number;
  users: number;
  token?: string;
  reachable: boolean;
  accepted: boolean | undefined;
  probes: unknown[];
  code: string | undefined;
  hint?: RegExp;
}> = [
  {
    name: 'discovery and a list both answer',
    spc: 200,
    users: 200,
    reachable: true,
    accepted: true,
    probes: ['/scim/ServiceProviderConfig', USERS_PROBE],
    code: undefined,
  },
  {
    name: 'discovery is 404, the list answers',
    spc: 404,
    users: 200,
    reachable: true,
    accepted: true,
    probes: ['/scim/ServiceProviderConfig', USERS_PROBE],
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
    probes: ['/scim/ServiceProviderConfig', USERS_PROBE],
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
    probes: ['/scim/ServiceProviderConfig', USERS_PROBE],
    code: undefined,
  },
];

for (const row of CASES) {
  test(`preflight: ${row.name}`, async () => {
    const server = await startTestServer((req, res) => {
      const status = req.url?.startsWith('/scim/Users') ? row.users : row.spc;
      res.writeHead(status, { 'content-type': 'application/scim+json' });
      res.end(scimBody(req.url ?? '', status));
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

const NOT_SCIM: ReadonlyArray<{ name: string; status: number; type: string; body: string; said: RegExp }> = [
  {
    name: 'an HTML page answered 200',
    status: 200,
    type: 'text/html',
    body: '<!doctype html><html><body>Welcome</body></html>',
    said: /not answering as a SCIM service: .*200 text\/html, not JSON: "<!doctype html>/,
  },
  {
    name: 'JSON without the SCIM message URNs',
    status: 200,
    type: 'application/json',
    body: '{"users":[]}',
    said: /without the SCIM message URN urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig/,
  },
  {
    name: 'a login portal answering 404 with HTML',
    status: 404,
    type: 'text/html',
    body: '<html>Not here</html>',
    said: /404 text\/html, not JSON/,
  },
];

for (const row of NOT_SCIM) {
  test(`preflight: ${row.name} is not a SCIM service (exit 3, naming what came back)`, async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(row.status, { 'content-type': row.type });
      res.end(row.body);
    });
    try {
      const result = await preflight(createScimClient({ tenantUrl: `${server.origin}/scim`, token: TOKEN }));
      expect(result.scim).toBe(false);
      expect(result.detail).toMatch(row.said);
      expect(server.received).toHaveLength(row.status === 404 ? 2 : 1);
      expect(preflightError(result)?.code).toBe('TARGET_RESPONSE_UNUSABLE');
    } finally {
      await server.close();
    }
  });
}

test('preflight: a redirect is reported with where it points, and not followed', async () => {
  const elsewhere = await startTestServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/scim+json' });
    res.end('{}');
  });
  const server = await startTestServer((_req, res) => {
    res.writeHead(302, { location: `${elsewhere.origin}/scim/ServiceProviderConfig` });
    res.end();
  });
  try {
    const result = await preflight(createScimClient({ tenantUrl: `${server.origin}/scim`, token: TOKEN }));
    expect(result.scim).toBe(false);
    expect(result.detail).toContain(
      `answered 302, a redirect to ${elsewhere.origin}/scim/ServiceProviderConfig`,
    );
    expect(result.hint).toMatch(/final URL/);
    expect(elsewhere.received, 'nothing reaches the other origin').toEqual([]);
    expect(preflightError(result)?.code).toBe('TARGET_RESPONSE_UNUSABLE');
  } finally {
    await server.close();
    await elsewhere.close();
  }
});
