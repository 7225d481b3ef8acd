import { expect, test } from '@playwright/test';
import { isScimError } from '../errors/scim-error.js';
import type { AttrPath } from '../filter/ast.js';
import { parseAttributeList } from './attribute-list.js';

const EXT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const valid: [string, AttrPath[]][] = [
  ['', []],
  ['   ', []],
  ['userName', [{ attr: 'userName' }]],
  ['userName, name.familyName', [{ attr: 'userName' }, { attr: 'name', subAttr: 'familyName' }]],
  [
    'emails.value,members.$ref',
    [
      { attr: 'emails', subAttr: 'value' },
      { attr: 'members', subAttr: '$ref' },
    ],
  ],
  [`${EXT}:manager`, [{ uri: EXT, attr: 'manager' }]],
  [`${EXT}:manager.displayName`, [{ uri: EXT, attr: 'manager', subAttr: 'displayName' }]],
  [EXT, [{ uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0', attr: 'User' }]],
];

for (const [text, expected] of valid) {
  test(`parses ${JSON.stringify(text)}`, () => {
    expect(parseAttributeList(text)).toEqual(expected);
  });
}

const invalid: [string, RegExp][] = [
  ['userName,', /empty entry at position 2/],
  [',userName', /empty entry at position 1/],
  ['userName,,title', /empty entry at position 2/],
  ['name.familyName.first', /"name.familyName.first".*more than one sub-attribute/],
  ['emails[type eq "work"]', /"emails\[type eq \\"work\\"\]" is not an attribute name/],
  ['1userName', /"1userName" is not an attribute name/],
  ['user name', /"user name" is not an attribute name/],
];

for (const [text, message] of invalid) {
  test(`refuses ${JSON.stringify(text)} with invalidValue`, () => {
    let caught: unknown;
    try {
      parseAttributeList(text);
    } catch (error) {
      caught = error;
    }
    expect(isScimError(caught, 400, 'invalidValue')).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });
}
