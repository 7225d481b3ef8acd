/**
 * RFC 9865 cursor pagination on the reference server: the walk, its stability while resources come and go, the
 * errors of §2.1, the binding of a cursor to its credential (§5.2), `.search` (§3), the ServiceProviderConfig block
 * (§4), and index pagination left as it was.
 * @see https://www.rfc-editor.org/rfc/rfc9865
 */
import { startReferenceServer } from './reference-server.js';
import { expect, test } from './test-support/reference-test.js';
import { type CallResult, type ScimCall, scimClient, userBody } from './test-support/scim-call.js';

const SEARCH_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
const SCOPE = encodeURIComponent('userName sw "walk."');

async function createUsers(call: ScimCall, names: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of names) {
    const { json } = await call('POST', '/Users', { body: userBody(`walk.${name}@example.com`) });
    ids.set(String(json.id), name);
  }
  return ids;
}

const idsOf = (answer: CallResult) =>
  ((answer.json.Resources ?? []) as Record<string, unknown>[]).map((resource) => String(resource.id));

/** Walks every page of `path` (a query string without cursor), calling `between` after each page. */
async function walk(
  call: ScimCall,
  path: string,
  between: (page: number, seen: string[]) => Promise<void> = async () => {},
): Promise<{ seen: string[]; pages: CallResult[] }> {
  const seen: string[] = [];
  const pages: CallResult[] = [];
  let cursor = '';
  for (let page = 0; page < 20; page += 1) {
    const answer = await call('GET', `${path}&cursor=${encodeURIComponent(cursor)}`);
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    pages.push(answer);
    seen.push(...idsOf(answer));
    if (typeof answer.json.nextCursor !== 'string') break;
    cursor = answer.json.nextCursor;
    await between(page, seen);
  }
  return { seen, pages };
}

test('ServiceProviderConfig advertises cursor and index pagination with its limits (RFC 9865 §4)', async ({
  call,
}) => {
  expect((await call('GET', '/ServiceProviderConfig')).json.pagination).toEqual({
    cursor: true,
    index: true,
    defaultPaginationMethod: 'index',
    defaultPageSize: 100,
    maxPageSize: 1000,
    cursorTimeout: 600,
  });
});

test('an empty cursor starts a walk that visits every match once, with nextCursor on every page but the last', async ({
  call,
}) => {
  const ids = await createUsers(call, ['a', 'b', 'c', 'd', 'e']);
  await call('POST', '/Users', { body: userBody('other@example.com') });
  const { seen, pages } = await walk(call, `/Users?filter=${SCOPE}&count=2`);
  expect(pages).toHaveLength(3);
  expect(pages.map((page) => typeof page.json.nextCursor)).toEqual(['string', 'string', 'undefined']);
  expect(pages.map((page) => page.json.previousCursor)).toEqual([undefined, undefined, undefined]);
  expect(pages.map((page) => page.json.totalResults)).toEqual([5, 5, 5]);
  expect(pages.map((page) => page.json.itemsPerPage)).toEqual([2, 2, 1]);
  expect(pages[0]?.json.startIndex).toBeUndefined();
  expect([...seen].sort()).toEqual([...ids.keys()].sort());
  for (const page of pages.slice(0, 2)) expect(String(page.json.nextCursor)).toMatch(/^[A-Za-z0-9._~-]+$/);
});

test('a walk stays exact while resources are created and deleted between its pages', async ({ call }) => {
  const ids = await createUsers(call, ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  const deleted = new Set<string>();
  let created = 0;
  const { seen } = await walk(call, `/Users?filter=${SCOPE}&count=2`, async (_page, sofar) => {
    // Delete one user already served, and create one: an offset would now skip or repeat a resource.
    const victim = sofar.find((id) => !deleted.has(id));
    if (victim) {
      expect((await call('DELETE', `/Users/${victim}`)).status).toBe(204);
      deleted.add(victim);
    }
    created += 1;
    await call('POST', '/Users', { body: userBody(`walk.new-${created}@example.com`) });
  });
  const throughout = [...ids.keys()];
  for (const id of throughout)
    expect(
      seen.filter((each) => each === id),
      ids.get(id),
    ).toHaveLength(1);
  expect(new Set(seen).size).toBe(seen.length);
});

test('a sorted walk follows sortBy, and stays exact when the next resource in that order is deleted', async ({
  call,
}) => {
  await createUsers(call, ['d', 'b', 'e', 'a', 'c']);
  const byName = new Map<string, string>();
  const { seen } = await walk(
    call,
    `/Users?filter=${SCOPE}&count=2&sortBy=userName&sortOrder=descending`,
    async (page) => {
      if (page !== 0) return;
      const list = await call('GET', `/Users?filter=${SCOPE}`);
      for (const user of list.json.Resources as { id: string; userName: string }[]) {
        byName.set(user.id, user.userName.slice(5, 6));
      }
      // "d" was served; delete it: "c" must still come next.
      const d = [...byName].find(([, name]) => name === 'd')?.[0];
      await call('DELETE', `/Users/${d}`);
    },
  );
  expect(seen.map((id) => byName.get(id))).toEqual(['e', 'd', 'c', 'b', 'a']);
});

test('POST /Users/.search pages by cursor from its body (RFC 9865 §3)', async ({ call }) => {
  const ids = await createUsers(call, ['a', 'b', 'c']);
  const seen: string[] = [];
  let cursor = '';
  for (let page = 0; page < 5; page += 1) {
    const answer = await call('POST', '/Users/.search', {
      body: { schemas: [SEARCH_URN], filter: 'userName sw "walk."', count: 2, cursor },
    });
    expect(answer.status).toBe(200);
    seen.push(...idsOf(answer));
    if (typeof answer.json.nextCursor !== 'string') break;
    cursor = answer.json.nextCursor;
  }
  expect(seen.sort()).toEqual([...ids.keys()].sort());
});

test('errors of RFC 9865 §2.1: a forged cursor, another query, another count, and cursor with startIndex', async ({
  call,
}) => {
  await createUsers(call, ['a', 'b', 'c']);
  const first = await call('GET', `/Users?filter=${SCOPE}&count=1&cursor=`);
  const next = encodeURIComponent(String(first.json.nextCursor));
  const forged = await call('GET', `/Users?filter=${SCOPE}&count=1&cursor=not-a-cursor`);
  expect([forged.status, forged.json.scimType, forged.json.status]).toEqual([400, 'invalidCursor', '400']);
  const otherQuery = await call('GET', `/Users?count=1&cursor=${next}`);
  expect([otherQuery.status, otherQuery.json.scimType]).toEqual([400, 'invalidCursor']);
  const otherCount = await call('GET', `/Users?filter=${SCOPE}&count=2&cursor=${next}`);
  expect([otherCount.status, otherCount.json.scimType]).toEqual([400, 'invalidCount']);
  const both = await call('GET', `/Users?filter=${SCOPE}&count=1&startIndex=1&cursor=`);
  expect([both.status, both.json.scimType]).toEqual([400, 'invalidValue']);
});

test('a count above maxPageSize is capped, not refused', async ({ call }) => {
  await createUsers(call, ['a']);
  const answer = await call('GET', `/Users?filter=${SCOPE}&count=5000&cursor=`);
  expect(answer.status).toBe(200);
  expect(answer.json.itemsPerPage).toBe(1);
  expect(answer.json.nextCursor).toBeUndefined();
});

test('a cursor is bound to the credential it was issued to (RFC 9865 §5.2)', async ({ call, server }) => {
  await createUsers(call, ['a', 'b', 'c']);
  const accounts = await fetch(`${server.origin}/admin/service-accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'second' }),
  });
  const accountId = ((await accounts.json()) as { id: string }).id;
  const minted = await fetch(`${server.origin}/admin/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ owner: { kind: 'serviceAccount', id: accountId } }),
  });
  const other = ((await minted.json()) as { key: string }).key;
  const first = await call('GET', `/Users?filter=${SCOPE}&count=1&cursor=`);
  const path = `/Users?filter=${SCOPE}&count=1&cursor=${encodeURIComponent(String(first.json.nextCursor))}`;
  const replayed = await call('GET', path, { token: other });
  expect([replayed.status, replayed.json.scimType]).toEqual([400, 'invalidCursor']);
  // The same detail as a forged cursor: nothing tells the two apart.
  const forged = await call('GET', `/Users?filter=${SCOPE}&count=1&cursor=forged`, { token: other });
  expect(replayed.json.detail).toBe(forged.json.detail);
  expect((await call('GET', path)).status).toBe(200);
});

test('index pagination is unchanged: no cursor parameter, no nextCursor', async ({ call }) => {
  await createUsers(call, ['a', 'b', 'c']);
  const answer = await call('GET', `/Users?filter=${SCOPE}&count=1&startIndex=2`);
  expect(answer.json.startIndex).toBe(2);
  expect(answer.json.nextCursor).toBeUndefined();
  expect(idsOf(answer)).toHaveLength(1);
});

test('the minimal mode offers no cursors: no pagination block, and a cursor parameter is ignored', async () => {
  const server = await startReferenceServer({ mode: 'minimal' });
  try {
    const call = scimClient(server.baseUrl, server.adminToken);
    expect((await call('GET', '/ServiceProviderConfig')).json.pagination).toBeUndefined();
    await call('POST', '/Users', { body: userBody('walk.a@example.com') });
    await call('POST', '/Users', { body: userBody('walk.b@example.com') });
    const answer = await call('GET', '/Users?count=1&cursor=');
    expect(answer.status).toBe(200);
    expect(answer.json.nextCursor).toBeUndefined();
    expect(answer.json.startIndex).toBe(1);
  } finally {
    await server.close();
  }
});
