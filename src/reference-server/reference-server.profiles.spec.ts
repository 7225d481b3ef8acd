/**
 * What the full mode does for the interop and IPSIE profiles and for RFC 9967 asynchronous requests, and the quirks
 * that break each (a quirk table like quirks.spec.ts's: a probe, what it observes on a conformant server and with the
 * quirk on). The minimal mode claims neither the interop profile nor asynchronous requests.
 * @see https://www.rfc-editor.org/rfc/rfc9967#section-2.5.1
 */
import { expect, test } from '@playwright/test';
import type { QuirkName } from './quirks.js';
import { type RunningReferenceServer, startReferenceServer } from './reference-server.js';
import { PATCH_URN, type ScimCall, scimClient, userBody } from './test-support/scim-call.js';

interface QuirkCase {
  quirk: QuirkName;
  probe(call: ScimCall, server: RunningReferenceServer): Promise<unknown>;
  conformant: unknown;
  quirky: unknown;
  /** Start the server with a (small) rate limit. */
  rateLimited?: true;
}

const RATE_LIMIT = { burst: 5, perSecond: 1 };

const createUser = async (call: ScimCall, userName: string) =>
  (await call('POST', '/Users', { body: userBody(userName) })).json;

const asyncCreate = (call: ScimCall, userName: string) =>
  call('POST', '/Users', { body: userBody(userName), headers: { prefer: 'respond-async' } });

const CASES: QuirkCase[] = [
  {
    quirk: 'interop-claim-not-boolean',
    probe: async (call) => (await call('GET', '/ServiceProviderConfig')).json.interopProfileConformant,
    conformant: true,
    quirky: 'true',
  },
  {
    quirk: 'resource-type-id-not-name',
    probe: async (call) =>
      ((await call('GET', '/ResourceTypes')).json.Resources as { id: string; name: string }[]).every(
        (type) => type.id === type.name,
      ),
    conformant: true,
    quirky: false,
  },
  {
    quirk: 'type-canonical-values-missing',
    probe: async (call) => {
      const schema = (await call('GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User')).json;
      const emails = (
        schema.attributes as { name: string; subAttributes?: Record<string, unknown>[] }[]
      ).find((attribute) => attribute.name === 'emails');
      return emails?.subAttributes?.find((sub) => sub.name === 'type')?.canonicalValues;
    },
    conformant: ['work', 'home', 'other'],
    quirky: undefined,
  },
  {
    quirk: 'undefined-attribute-ignored',
    probe: async (call) => {
      const answer = await call('POST', '/Users', { body: userBody('a@x.com', { favouriteColour: 'teal' }) });
      return `${answer.status} ${String(answer.json.scimType)}`;
    },
    conformant: '400 invalidSyntax',
    quirky: '201 undefined',
  },
  {
    quirk: 'filter-undefined-attribute-matches-nothing',
    probe: async (call) =>
      (await call('GET', `/Users?filter=${encodeURIComponent('favouriteColour eq "teal"')}`)).status,
    conformant: 400,
    quirky: 200,
  },
  {
    quirk: 'page-size-capped-at-50',
    probe: async (call) => {
      for (let i = 0; i < 60; i += 1) await createUser(call, `u${i}@x.com`);
      return ((await call('GET', '/Users?count=100')).json.Resources as unknown[]).length;
    },
    conformant: 60,
    quirky: 50,
  },
  {
    quirk: 'patch-operations-limited',
    probe: async (call) => {
      const user = await createUser(call, 'a@x.com');
      const operations = Array.from({ length: 25 }, (_, i) => ({
        op: 'replace',
        path: 'displayName',
        value: `Name ${i}`,
      }));
      return (
        await call('PATCH', `/Users/${String(user.id)}`, {
          body: { schemas: [PATCH_URN], Operations: operations },
        })
      ).status;
    },
    conformant: 200,
    quirky: 400,
  },
  {
    quirk: 'rate-limit-without-retry-after',
    probe: async (call) => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => call('GET', '/ServiceProviderConfig')),
      );
      const limited = answers.find((answer) => answer.status === 429);
      return limited?.headers.has('retry-after');
    },
    conformant: true,
    quirky: false,
    rateLimited: true,
  },
  {
    quirk: 'async-response-has-body',
    probe: async (call) => {
      const answer = await asyncCreate(call, 'a@x.com');
      return `${answer.status} ${answer.body === undefined ? 'no body' : 'body'}`;
    },
    conformant: '202 no body',
    quirky: '202 body',
  },
  {
    quirk: 'async-accept-honoured',
    probe: async (call) => {
      const xml = await call('POST', '/Users', {
        body: userBody('a@x.com'),
        headers: { prefer: 'respond-async', accept: 'application/xml' },
      });
      const json = await call('POST', '/Users', {
        body: userBody('b@x.com'),
        headers: { prefer: 'respond-async', accept: 'application/scim+json' },
      });
      return [xml.status, json.status];
    },
    conformant: [202, 202],
    quirky: [406, 202],
  },
  {
    quirk: 'async-headers-missing',
    probe: async (call) => {
      const answer = await asyncCreate(call, 'a@x.com');
      return [answer.headers.has('set-txn'), answer.headers.get('preference-applied')];
    },
    conformant: [true, 'respond-async'],
    quirky: [false, null],
  },
  {
    quirk: 'async-location-unauthenticated',
    probe: async (call) => {
      const answer = await asyncCreate(call, 'a@x.com');
      const location = answer.headers.get('location') ?? '';
      return (await fetch(location)).status;
    },
    conformant: 401,
    quirky: 200,
  },
];

async function observe(row: QuirkCase, quirks: QuirkName[]): Promise<unknown> {
  const server = await startReferenceServer({
    quirks,
    ...(row.rateLimited ? { rateLimit: RATE_LIMIT } : {}),
  });
  try {
    return await row.probe(scimClient(server.baseUrl, server.adminToken), server);
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

test('an asynchronous write is performed, and its completion event is read back with authorization', async () => {
  const server = await startReferenceServer();
  try {
    const call = scimClient(server.baseUrl, server.adminToken);
    const accepted = await asyncCreate(call, 'async@x.com');
    expect(accepted.status).toBe(202);
    const txn = accepted.headers.get('set-txn');
    const location = accepted.headers.get('location') ?? '';
    expect(location).toBe(`${server.baseUrl}/AsyncResults/${txn}`);
    const event = await call('GET', location.slice(server.baseUrl.length));
    expect(event.status).toBe(200);
    expect(event.json.txn).toBe(txn);
    const completion = (event.json.events as Record<string, Record<string, unknown>>)[
      'urn:ietf:params:scim:event:misc:asyncresp'
    ];
    expect(completion?.status).toBe('201');
    const found = await call('GET', `/Users?filter=${encodeURIComponent('userName eq "async@x.com"')}`);
    expect(found.json.totalResults).toBe(1);
  } finally {
    await server.close();
  }
});

test('without a rate limit option nothing is throttled; the minimal mode claims no interop profile or async', async () => {
  const server = await startReferenceServer({ mode: 'minimal' });
  try {
    const call = scimClient(server.baseUrl, server.adminToken);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => call('GET', '/ServiceProviderConfig')),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const config = answers[0]?.json ?? {};
    expect(config.interopProfileConformant).toBeUndefined();
    expect(config.securityEvents).toBeUndefined();
    expect((await asyncCreate(call, 'sync@x.com')).status).toBe(201);
  } finally {
    await server.close();
  }
});
