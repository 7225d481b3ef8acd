import { expect, test } from '@playwright/test';
import {
  addToMix,
  compareMixes,
  countKinds,
  mixFromRecord,
  mixToRecord,
  mixTotal,
  requestKind,
} from './request-mix.js';

const KINDS: { method: string; url: string; kind: string }[] = [
  {
    method: 'GET',
    url: 'http://127.0.0.1:4000/scim/v2/Users?filter=userName+eq+%22a%22',
    kind: 'GET /Users?filter',
  },
  { method: 'post', url: 'http://127.0.0.1:4000/scim/v2/Users', kind: 'POST /Users' },
  { method: 'PATCH', url: '/scim/v2/Users/5171a35d-8207', kind: 'PATCH /Users/{id}' },
  { method: 'PATCH', url: '/Groups/abc', kind: 'PATCH /Groups/{id}' },
  {
    method: 'GET',
    url: '/api/v2/scim/Groups?filter=displayName+eq+%22x%22&excludedAttributes=members',
    kind: 'GET /Groups?excludedAttributes&filter',
  },
  {
    method: 'GET',
    url: '/Groups/abc?excludedAttributes=members',
    kind: 'GET /Groups/{id}?excludedAttributes',
  },
  { method: 'GET', url: '/scim/v2/ServiceProviderConfig', kind: 'GET /ServiceProviderConfig' },
  { method: 'DELETE', url: '/scim/v2/Users/', kind: 'DELETE /Users' },
  { method: 'GET', url: '/health', kind: 'GET /health' },
];

for (const row of KINDS) {
  test(`requestKind ${row.method} ${row.url} is ${row.kind}`, () => {
    expect(requestKind(row.method, row.url)).toBe(row.kind);
  });
}

test('countKinds keeps first-seen order and counts each kind', () => {
  const mix = countKinds(['GET /Users?filter', 'POST /Users', 'GET /Users?filter', 'PATCH /Users/{id}']);
  expect([...mix]).toEqual([
    ['GET /Users?filter', 2],
    ['POST /Users', 1],
    ['PATCH /Users/{id}', 1],
  ]);
  addToMix(mix, 'POST /Users', 3);
  expect(mix.get('POST /Users')).toBe(4);
  expect(mixTotal(mix)).toBe(7);
});

const COMPARISONS: {
  name: string;
  a: Record<string, number>;
  b: Record<string, number>;
  differences: { kind: string; expected: number; actual: number }[];
}[] = [
  { name: 'equal mixes', a: { x: 1, y: 2 }, b: { y: 2, x: 1 }, differences: [] },
  {
    name: 'a count differs',
    a: { x: 1, y: 2 },
    b: { x: 1, y: 3 },
    differences: [{ kind: 'y', expected: 2, actual: 3 }],
  },
  {
    name: 'a kind on one side only',
    a: { x: 1 },
    b: { x: 1, z: 4 },
    differences: [{ kind: 'z', expected: 0, actual: 4 }],
  },
];

for (const row of COMPARISONS) {
  test(`compareMixes: ${row.name}`, () => {
    const a = mixFromRecord(row.a);
    const b = mixFromRecord(row.b);
    if (a === undefined || b === undefined) throw new Error('the rows are valid mixes');
    expect(compareMixes(a, b)).toEqual(row.differences);
  });
}

test('a mix survives the trip through a record; anything else is refused', () => {
  const mix = countKinds(['a', 'b', 'a']);
  expect(mixFromRecord(JSON.parse(JSON.stringify(mixToRecord(mix))))).toEqual(mix);
  for (const bad of [null, [], 'x', { a: -1 }, { a: 1.5 }, { a: '1' }])
    expect(mixFromRecord(bad)).toBeUndefined();
});
