import { expect, test } from '@playwright/test';
import { startReferenceServer } from '../reference-server.js';
import { compareSortKeys, SortedIndex, type SortKey } from './sorted-index.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same operations, so a failure replays. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('compareSortKeys: missing last, then by type name, values in order', () => {
  const keys: SortKey[] = [undefined, 'b', 2, true, null, 'a', false, 10];
  expect([...keys].sort(compareSortKeys)).toEqual([false, true, 2, 10, null, 'a', 'b', undefined]);
});

test('SortedIndex against a sorted array: random inserts and deletes, positions and bounds (seed 7)', () => {
  const next = random(7);
  const index = new SortedIndex<number>((a, b) => a - b);
  let model: [SortKey, number][] = [];
  const compare = (a: [SortKey, number], b: [SortKey, number]) => compareSortKeys(a[0], b[0]) || a[1] - b[1];
  const keyOf = (): SortKey => {
    const roll = next();
    if (roll < 0.1) return undefined;
    return `k${Math.floor(next() * 50)}`;
  };
  for (let step = 0; step < 6000; step += 1) {
    if (model.length > 0 && next() < 0.35) {
      const [key, value] = model[Math.floor(next() * model.length)]!;
      expect(index.delete(key, value)).toBe(true);
      model = model.filter((pair) => pair[1] !== value);
    } else {
      const pair: [SortKey, number] = [keyOf(), step];
      index.insert(pair[0], pair[1]);
      model.push(pair);
    }
    if (step % 500 === 0 || step === 5999) {
      model.sort(compare);
      expect(index.size).toBe(model.length);
      expect(index.entries()).toEqual(model);
      for (let probe = 0; probe < 20; probe += 1) {
        const position = Math.floor(next() * model.length);
        expect(index.valueAt(position)).toBe(model[position]?.[1]);
        const key = keyOf();
        expect(index.boundOfKey(key, false)).toBe(
          model.filter((pair) => compareSortKeys(pair[0], key) < 0).length,
        );
        expect(index.boundOfKey(key, true)).toBe(
          model.filter((pair) => compareSortKeys(pair[0], key) <= 0).length,
        );
      }
    }
  }
  expect(index.delete('absent', -1)).toBe(false);
});

/** What list responses must hold: the naive model (filter every user, stable sort), against the indexed server. */
test('sorted and filtered pages match a naive sort and filter under random writes (seed 11)', async () => {
  const server = await startReferenceServer();
  try {
    const next = random(11);
    const names = ['Ada', 'bob', 'Carol', 'carol', 'Dave', 'erin', 'Frank', 'ada'];
    const families = ['Smith', 'smith', 'Jones', 'Brown', undefined];
    const ids: string[] = [];
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/scim+json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: response.status === 204 ? {} : await response.json() };
    };
    const userBody = (index: number) => {
      const family = families[Math.floor(next() * families.length)];
      return {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `${names[Math.floor(next() * names.length)]}${index}`,
        ...(family === undefined ? {} : { name: { familyName: family } }),
        ...(next() < 0.7 ? { title: names[Math.floor(next() * names.length)] } : {}),
      };
    };
    for (let step = 0; step < 120; step += 1) {
      const roll = next();
      if (roll < 0.6 || ids.length < 5) {
        const created = await call('POST', '/Users', userBody(step));
        expect(created.status).toBe(201);
        ids.push(created.json.id);
      } else if (roll < 0.85) {
        const id = ids[Math.floor(next() * ids.length)]!;
        expect((await call('PUT', `/Users/${id}`, userBody(step))).status).toBe(200);
      } else {
        const id = ids.splice(Math.floor(next() * ids.length), 1)[0]!;
        expect((await call('DELETE', `/Users/${id}`)).status).toBe(204);
      }
    }
    const all = (await call('GET', '/Users?count=1000')).json.Resources as Record<string, unknown>[];
    const family = (user: Record<string, unknown>) =>
      (user.name as { familyName?: string } | undefined)?.familyName;
    const queries: {
      query: string;
      filter?: (user: Record<string, unknown>) => boolean;
      key?: (user: Record<string, unknown>) => string | undefined;
    }[] = [
      { query: 'sortBy=userName', key: (user) => String(user.userName).toLowerCase() },
      {
        query: 'sortBy=title&sortOrder=descending',
        key: (user) => (user.title as string | undefined)?.toLowerCase(),
      },
      { query: 'sortBy=name.familyName', key: (user) => family(user)?.toLowerCase() },
      { query: 'sortBy=name.familyName&sortOrder=descending', key: (user) => family(user)?.toLowerCase() },
      {
        query: `filter=${encodeURIComponent('userName sw "CAROL"')}&sortBy=title`,
        filter: (user) => String(user.userName).toLowerCase().startsWith('carol'),
        key: (user) => (user.title as string | undefined)?.toLowerCase(),
      },
      {
        query: `filter=${encodeURIComponent('name.familyName eq "SMITH"')}`,
        filter: (user) => family(user)?.toLowerCase() === 'smith',
      },
      {
        query: `filter=${encodeURIComponent('title pr')}&sortBy=userName&sortOrder=descending`,
        filter: (user) => typeof user.title === 'string',
        key: (user) => String(user.userName).toLowerCase(),
      },
      {
        // Most users have a familyName: a range of its index wide enough to be walked in insertion order instead.
        query: `filter=${encodeURIComponent('name.familyName pr')}`,
        filter: (user) => typeof family(user) === 'string' && family(user) !== '',
      },
      {
        query: `filter=${encodeURIComponent('title co "a"')}`,
        filter: (user) =>
          String(user.title ?? '')
            .toLowerCase()
            .includes('a'),
      },
    ];
    for (const { query, filter, key } of queries) {
      const descending = query.includes('descending');
      let expected = all.filter((user) => filter?.(user) ?? true);
      if (key !== undefined) {
        expected = [...expected].sort((a, b) => {
          const order = compareSortKeys(key(a), key(b));
          return descending ? -order : order;
        });
      }
      for (const [startIndex, count] of [
        [1, 1000],
        [3, 4],
        [expected.length, 5],
        [expected.length + 10, 5],
      ] as const) {
        const answer = (await call('GET', `/Users?${query}&startIndex=${startIndex}&count=${count}`)).json;
        expect(answer.totalResults, query).toBe(expected.length);
        expect(
          (answer.Resources as Record<string, unknown>[]).map((user) => user.id),
          `${query} at ${startIndex}`,
        ).toEqual(expected.slice(startIndex - 1, startIndex - 1 + count).map((user) => user.id));
      }
      // The cursor walk serves each match once, in its own order (ties by id).
      const seen: string[] = [];
      let cursor = '';
      for (let page = 0; page < 100; page += 1) {
        const answer = (await call('GET', `/Users?${query}&count=3&cursor=${encodeURIComponent(cursor)}`))
          .json;
        seen.push(...(answer.Resources as Record<string, unknown>[]).map((user) => String(user.id)));
        if (typeof answer.nextCursor !== 'string') break;
        cursor = answer.nextCursor;
      }
      expect([...seen].sort(), query).toEqual(expected.map((user) => String(user.id)).sort());
    }
  } finally {
    await server.close();
  }
});
