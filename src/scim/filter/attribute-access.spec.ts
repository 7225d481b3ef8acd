import { expect, test } from '@playwright/test';
import type { AttrPath } from './ast.js';
import { findKey, hasValue, readAttribute } from './attribute-access.js';
import { at, CORE_USER, ENTERPRISE_USER } from './test-support/ast-builders.js';
import { BJENSEN } from './test-support/rfc7643-users.js';

test('findKey matches names case-insensitively and prefers an exact match', () => {
  const obj = { userName: 1, USERNAME: 2, Emails: 3 };
  const rows: [string, string | undefined][] = [
    ['userName', 'userName'],
    ['USERNAME', 'USERNAME'],
    ['username', 'userName'],
    ['emails', 'Emails'],
    ['nope', undefined],
    ['toString', undefined],
    ['__proto__', undefined],
  ];
  for (const [name, key] of rows) expect(findKey(obj, name), name).toBe(key);
});

const READS: { path: AttrPath; defaultSchema?: string; values: unknown[] }[] = [
  { path: at('userName'), values: ['bjensen@example.com'] },
  { path: at('USERNAME'), values: ['bjensen@example.com'] },
  { path: at('name.familyName'), values: ['Jensen'] },
  { path: at('emails.value'), values: ['bjensen@example.com', 'babs@jensen.org'] },
  { path: at('emails.primary'), values: [true] },
  { path: at('ims'), values: [{ value: 'someaimhandle', type: 'aim' }] },
  { path: at('schemas'), values: [CORE_USER, ENTERPRISE_USER] },
  { path: at('nope'), values: [] },
  { path: at('userName.length'), values: [] },
  { path: at('userName', CORE_USER), values: ['bjensen@example.com'] },
  { path: at('userName', CORE_USER), defaultSchema: CORE_USER, values: ['bjensen@example.com'] },
  { path: at('userName', CORE_USER), defaultSchema: 'urn:example:Widget', values: [] },
  { path: at('employeeNumber', ENTERPRISE_USER), values: ['701984'] },
  { path: at('manager.displayName', ENTERPRISE_USER.toLowerCase()), values: ['John Smith'] },
  { path: at('employeeNumber'), values: [] },
  { path: at('userName', 'urn:example:params:scim:schemas:extension:Other'), values: [] },
];

for (const row of READS) {
  const label = `${row.path.uri ? `${row.path.uri}:` : ''}${row.path.attr}${row.path.subAttr ? `.${row.path.subAttr}` : ''}`;
  test(`readAttribute ${label}${row.defaultSchema ? ` (core ${row.defaultSchema})` : ''}`, () => {
    expect(readAttribute(BJENSEN, row.path, row.defaultSchema)).toEqual(row.values);
  });
}

test('readAttribute flattens nested arrays and skips null elements', () => {
  const resource = { tags: ['a', null, ['b', undefined]], items: [{ v: 1 }, null, { v: [2, 3] }, 'x'] };
  expect(readAttribute(resource, at('tags'))).toEqual(['a', 'b']);
  expect(readAttribute(resource, at('items.v'))).toEqual([1, 2, 3]);
  for (const notAResource of [null, undefined, 'x', 42, [BJENSEN]]) {
    expect(readAttribute(notAResource, at('userName'))).toEqual([]);
  }
});

const PRESENCE: [unknown, boolean][] = [
  [undefined, false],
  [null, false],
  ['', false],
  [[], false],
  [[null, ''], false],
  [{}, false],
  [{ a: null, b: [] }, false],
  ['x', true],
  [0, true],
  [false, true],
  [[''], false],
  [['x'], true],
  [{ a: { b: 'x' } }, true],
];

for (const [value, present] of PRESENCE) {
  test(`hasValue(${JSON.stringify(value) ?? 'undefined'}) is ${present}`, () => {
    expect(hasValue(value)).toBe(present);
  });
}
