import { expect, test } from '@playwright/test';
import { SCHEMA_URNS } from '../urns.js';
import { defaultSchemaRegistry } from './default-registry.js';
import { compareBySortAttribute, type SortOrder, sortResources } from './sort-compare.js';

const EXT = SCHEMA_URNS.EnterpriseUser;

function user(id: string, attributes: Record<string, unknown>): Record<string, unknown> {
  return { schemas: [SCHEMA_URNS.User, EXT], id, ...attributes };
}

const users = {
  alice: user('alice', {
    userName: 'alice',
    active: true,
    meta: { created: '2024-05-07T14:01:02.000000002Z' },
  }),
  Bob: user('Bob', { userName: 'Bob', active: false, meta: { created: '2024-05-07T14:01:02.000000001Z' } }),
  carol: user('carol', { userName: 'carol', meta: { created: '2024-05-07T15:01:03+02:00' } }),
  none: user('none', { userName: 'zed' }),
};

const ids = (list: Record<string, unknown>[]) => list.map((each) => each.id);

const cases: {
  name: string;
  sortBy: string;
  order: SortOrder;
  input: Record<string, unknown>[];
  expected: string[];
}[] = [
  {
    name: 'userName is case-insensitive',
    sortBy: 'userName',
    order: 'ascending',
    input: [users.carol, users.Bob, users.alice],
    expected: ['alice', 'Bob', 'carol'],
  },
  {
    name: 'id is caseExact: upper case sorts first',
    sortBy: 'id',
    order: 'ascending',
    input: [users.carol, users.alice, users.Bob],
    expected: ['Bob', 'alice', 'carol'],
  },
  {
    name: 'dateTime chronologically, to the nanosecond and across offsets, missing last',
    sortBy: 'meta.created',
    order: 'ascending',
    input: [users.none, users.alice, users.carol, users.Bob],
    // carol's 15:01:03+02:00 is 13:01:03Z: first, though it is last as text.
    expected: ['carol', 'Bob', 'alice', 'none'],
  },
  {
    name: 'descending puts missing values first',
    sortBy: 'meta.created',
    order: 'descending',
    input: [users.alice, users.none, users.Bob, users.carol],
    expected: ['none', 'alice', 'Bob', 'carol'],
  },
  {
    name: 'booleans: false before true, missing last',
    sortBy: 'active',
    order: 'ascending',
    input: [users.carol, users.alice, users.Bob],
    expected: ['Bob', 'alice', 'carol'],
  },
  {
    name: 'multi-valued: the primary value, else the first',
    sortBy: 'emails.value',
    order: 'ascending',
    input: [
      user('p', { emails: [{ value: 'a@x' }, { value: 'z@x', primary: true }] }),
      user('f', { emails: [{ value: 'm@x' }, { value: 'b@x' }] }),
      user('e', { emails: [] }),
    ],
    expected: ['f', 'p', 'e'],
  },
  {
    name: 'a multi-valued complex attribute without a sub-attribute sorts by value',
    sortBy: 'emails',
    order: 'ascending',
    input: [user('2', { emails: [{ value: 'B@x' }] }), user('1', { emails: [{ value: 'a@x' }] })],
    expected: ['1', '2'],
  },
  {
    name: 'an extension string attribute sorts as text, so "10" comes before "9"',
    sortBy: `${EXT}:employeeNumber`,
    order: 'ascending',
    input: [user('10', { [EXT]: { employeeNumber: '10' } }), user('9', { [EXT]: { employeeNumber: '9' } })],
    expected: ['10', '9'],
  },
  {
    name: 'equal values keep their order',
    sortBy: 'title',
    order: 'ascending',
    input: [user('1', { title: 'Boss' }), user('2', { title: 'boss' }), user('3', { title: 'BOSS' })],
    expected: ['1', '2', '3'],
  },
];

for (const row of cases) {
  test(`sort: ${row.name}`, () => {
    expect(ids(sortResources(row.input, row.sortBy, row.order))).toEqual(row.expected);
  });
}

test('compareBySortAttribute is antisymmetric and zero for equal values', () => {
  const a = users.alice;
  const b = users.Bob;
  for (const order of ['ascending', 'descending'] as const) {
    const ab = compareBySortAttribute(a, b, 'userName', defaultSchemaRegistry, order);
    const ba = compareBySortAttribute(b, a, 'userName', defaultSchemaRegistry, order);
    expect(Math.sign(ab)).toBe(-Math.sign(ba));
    expect(ab).not.toBe(0);
    expect(compareBySortAttribute(a, a, 'userName', defaultSchemaRegistry, order)).toBe(0);
  }
});

test('numbers compare numerically when the attribute holds numbers', () => {
  const low = { schemas: [SCHEMA_URNS.ServiceProviderConfig], n: 9 };
  const high = { schemas: [SCHEMA_URNS.ServiceProviderConfig], n: 10 };
  expect(compareBySortAttribute(low, high, 'n')).toBeLessThan(0);
});
