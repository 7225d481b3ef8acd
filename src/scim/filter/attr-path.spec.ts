import { expect, test } from '@playwright/test';
import { isScimError } from '../errors/scim-error.js';
import type { AttrPath } from './ast.js';
import { parseAttrPath, sameAttrPath, stringifyAttrPath } from './attr-path.js';
import { at, CORE_USER, ENTERPRISE_USER } from './test-support/ast-builders.js';

const ACCEPTED: { text: string; path: AttrPath }[] = [
  { text: 'userName', path: at('userName') },
  { text: 'name.familyName', path: at('name.familyName') },
  { text: 'members.$ref', path: at('members.$ref') },
  { text: `${CORE_USER}:userName`, path: at('userName', CORE_USER) },
  { text: `${ENTERPRISE_USER}:manager.value`, path: at('manager.value', ENTERPRISE_USER) },
  {
    text: 'urn:acme:params:scim:schemas:extension:acme:2.0:User:badge-id',
    path: at('badge-id', 'urn:acme:params:scim:schemas:extension:acme:2.0:User'),
  },
];

const REJECTED: { text: string; error: string }[] = [
  { text: '', error: 'attribute path is empty' },
  { text: 'a.b.c', error: 'more than one sub-attribute' },
  { text: 'name.', error: 'invalid attribute name ""' },
  { text: '9lives', error: 'invalid attribute name "9lives"' },
  { text: 'emails[type eq "work"]', error: 'unexpected "[" at position 6' },
  { text: 'user name', error: 'unexpected "name" at position 5' },
  { text: `${CORE_USER}:`, error: 'missing attribute name' },
  { text: 'http://example.com:userName', error: 'unexpected character "/"' },
  { text: '(userName)', error: 'expected an attribute name' },
  { text: 'x'.repeat(10_001), error: 'the limit is 10000' },
];

for (const row of ACCEPTED) {
  test(`attribute path ${row.text}`, () => {
    expect(parseAttrPath(row.text)).toEqual(row.path);
    expect(stringifyAttrPath(row.path)).toBe(row.text);
  });
}

for (const row of REJECTED) {
  test(`refuses attribute path ${JSON.stringify(row.text.slice(0, 40))}`, () => {
    let thrown: unknown;
    try {
      parseAttrPath(row.text);
    } catch (error) {
      thrown = error;
    }
    expect(isScimError(thrown, 400, 'invalidPath')).toBe(true);
    expect((thrown as Error).message).toContain(row.error);
  });
}

test('stringifyAttrPath refuses names it could not parse back', () => {
  expect(() => stringifyAttrPath({ attr: 'user name' })).toThrow(/invalid attribute name/);
  expect(() => stringifyAttrPath({ attr: 'a', subAttr: '' })).toThrow(/invalid attribute name/);
  expect(() => stringifyAttrPath({ attr: 'a', uri: 'not a urn' })).toThrow(/invalid schema URI/);
});

const SAME: [AttrPath, AttrPath, boolean][] = [
  [at('userName'), at('USERNAME'), true],
  [at('name.familyName'), at('Name.FamilyName'), true],
  [at('name.familyName'), at('name'), false],
  [at('manager', ENTERPRISE_USER), at('MANAGER', ENTERPRISE_USER.toUpperCase()), true],
  [at('manager', ENTERPRISE_USER), at('manager'), false],
];

for (const [a, b, same] of SAME) {
  test(`sameAttrPath ${stringifyAttrPath(a)} ~ ${stringifyAttrPath(b)} is ${same}`, () => {
    expect(sameAttrPath(a, b)).toBe(same);
    expect(sameAttrPath(b, a)).toBe(same);
  });
}
