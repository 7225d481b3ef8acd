import { expect, test } from '@playwright/test';
import type { QuirkName } from './quirks.js';
import { startReferenceServer } from './reference-server.js';
import { groupBody, type ScimCall, scimClient, userBody } from './test-support/scim-call.js';

/**
 * One row per filter, pagination and group-membership quirk: a scenario, what a conformant server makes of it, and
 * what the server does with the quirk switched on. Both servers run the same scenario.
 */
interface QuirkRow {
  quirk: QuirkName;
  scenario: string;
  observe(call: ScimCall): Promise<unknown>;
  clean: unknown;
  quirky: unknown;
}

type Json = Record<string, unknown>;

async function create(call: ScimCall, path: '/Users' | '/Groups', body: Json): Promise<Json> {
  const created = await call('POST', path, { body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.json;
}

/** Three users, created out of name order: carol, alice, bob (alice has title Manager). */
async function threeUsers(call: ScimCall): Promise<Json[]> {
  return [
    await create(
      call,
      '/Users',
      userBody('carol@example.com', { externalId: 'Ext-Carol', title: 'Engineer' }),
    ),
    await create(
      call,
      '/Users',
      userBody('alice@example.com', { externalId: 'Ext-Alice', title: 'Manager' }),
    ),
    await create(call, '/Users', userBody('bob@example.com', { externalId: 'Ext-Bob', title: 'Engineer' })),
  ];
}

async function names(call: ScimCall, query: string): Promise<unknown> {
  const answer = await call('GET', `/Users?${query}`);
  if (answer.status !== 200) return answer.status;
  return (answer.json.Resources as Json[]).map((user) => String(user.userName).split('@')[0]).sort();
}

/** An observation made after creating the three users. */
const withThreeUsers =
  (read: (call: ScimCall) => Promise<unknown>) =>
  async (call: ScimCall): Promise<unknown> => {
    await threeUsers(call);
    return read(call);
  };

const filter = (text: string) => `filter=${encodeURIComponent(text)}`;

const ROWS: QuirkRow[] = [
  {
    quirk: 'external-id-case-insensitive',
    scenario: 'externalId eq in another case',
    observe: withThreeUsers(async (call) => names(call, filter('externalId eq "ext-alice"'))),
    clean: [],
    quirky: ['alice'],
  },
  {
    quirk: 'filter-precedence-left-to-right',
    scenario: 'a or b and c',
    observe: withThreeUsers(async (call) =>
      names(
        call,
        filter('userName eq "alice@example.com" or userName eq "bob@example.com" and title eq "Engineer"'),
      ),
    ),
    clean: ['alice', 'bob'],
    quirky: ['bob'],
  },
  {
    quirk: 'filter-attribute-names-case-sensitive',
    scenario: 'USERNAME eq …',
    observe: withThreeUsers(async (call) => names(call, filter('USERNAME eq "bob@example.com"'))),
    clean: ['bob'],
    quirky: 400,
  },
  {
    quirk: 'group-display-name-case-sensitive',
    scenario: 'Group displayName eq in another case',
    observe: async (call) => {
      await create(call, '/Groups', groupBody('Sales Team'));
      const answer = await call('GET', `/Groups?${filter('displayName eq "sales team"')}`);
      return answer.json.totalResults;
    },
    clean: 1,
    quirky: 0,
  },
  {
    quirk: 'count-ignored',
    scenario: 'count=1',
    observe: withThreeUsers(
      async (call) => ((await call('GET', '/Users?count=1')).json.Resources as Json[]).length,
    ),
    clean: 1,
    quirky: 3,
  },
  {
    quirk: 'start-index-below-one-rejected',
    scenario: 'startIndex=0',
    observe: withThreeUsers(async (call) => (await call('GET', '/Users?startIndex=0')).status),
    clean: 200,
    quirky: 400,
  },
  {
    quirk: 'items-per-page-is-count',
    scenario: 'count=10 over three users',
    observe: withThreeUsers(async (call) => (await call('GET', '/Users?count=10')).json.itemsPerPage),
    clean: 3,
    quirky: 10,
  },
  {
    quirk: 'unknown-member-accepted',
    scenario: 'POST /Groups with a member id that exists nowhere',
    observe: async (call) =>
      (await call('POST', '/Groups', { body: groupBody('Ghosts', ['no-such-id']) })).status,
    clean: 400,
    quirky: 201,
  },
  {
    quirk: 'deleted-user-stays-member',
    scenario: 'DELETE a member, then GET its group',
    observe: async (call) => {
      const [carol] = await threeUsers(call);
      const group = await create(call, '/Groups', groupBody('Team', [String(carol?.id)]));
      await call('DELETE', `/Users/${carol?.id}`);
      return (await call('GET', `/Groups/${group.id}`)).json.members === undefined;
    },
    clean: true,
    quirky: false,
  },
  {
    quirk: 'user-groups-not-returned',
    scenario: 'GET a user that is a member of a group',
    observe: async (call) => {
      const [carol] = await threeUsers(call);
      await create(call, '/Groups', groupBody('Team', [String(carol?.id)]));
      return Array.isArray((await call('GET', `/Users/${carol?.id}`)).json.groups);
    },
    clean: true,
    quirky: false,
  },
  {
    quirk: 'excluded-attributes-drop-always-returned',
    scenario: 'GET a user with excludedAttributes=id',
    observe: async (call) => {
      const [carol] = await threeUsers(call);
      return (await call('GET', `/Users/${carol?.id}?excludedAttributes=id`)).json.id === carol?.id;
    },
    clean: true,
    quirky: false,
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
