import { expect, test } from '@playwright/test';
import { isScimError } from '../errors/scim-error.js';
import { RFC7643_ENTERPRISE_USER, RFC7643_GROUP } from '../test-support/rfc-examples.js';
import { SCHEMA_URNS } from '../urns.js';
import { type ProjectionOptions, projectResource } from './projection.js';

const EXT = SCHEMA_URNS.EnterpriseUser;
const user = RFC7643_ENTERPRISE_USER as unknown as Record<string, unknown>;

const cases: {
  name: string;
  options: ProjectionOptions;
  keys: string[];
  check?: (out: Record<string, unknown>) => void;
}[] = [
  {
    name: 'no options: everything but returned-never password',
    options: {},
    keys: Object.keys(user).filter((key) => key !== 'password'),
  },
  {
    name: 'attributes=userName keeps id and schemas (returned always / always kept)',
    options: { attributes: ['userName'] },
    keys: ['schemas', 'id', 'userName'],
  },
  {
    name: 'attributes are case-insensitive',
    options: { attributes: ['USERNAME', 'DisplayName'] },
    keys: ['schemas', 'id', 'userName', 'displayName'],
  },
  {
    name: 'attributes=name.familyName keeps only that sub-attribute',
    options: { attributes: ['name.familyName'] },
    keys: ['schemas', 'id', 'name'],
    check: (out) => expect(out.name).toEqual({ familyName: 'Jensen' }),
  },
  {
    name: 'attributes=emails.value keeps the value of each email',
    options: { attributes: ['emails.value'] },
    keys: ['schemas', 'id', 'emails'],
    check: (out) =>
      expect(out.emails).toEqual([{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }]),
  },
  {
    name: 'attributes=password still leaves password out',
    options: { attributes: ['password', 'userName'] },
    keys: ['schemas', 'id', 'userName'],
  },
  {
    name: 'attributes=meta.created',
    options: { attributes: ['meta.created'] },
    keys: ['schemas', 'id', 'meta'],
    check: (out) => expect(out.meta).toEqual({ created: '2010-01-23T04:56:22Z' }),
  },
  {
    name: 'an extension attribute by its URN-qualified name',
    options: { attributes: [`${EXT}:manager`] },
    keys: ['schemas', 'id', EXT],
    check: (out) => expect(out[EXT]).toEqual({ manager: (user[EXT] as Record<string, unknown>).manager }),
  },
  {
    name: 'an extension sub-attribute',
    options: { attributes: [`${EXT}:manager.displayName`] },
    keys: ['schemas', 'id', EXT],
    check: (out) => expect(out[EXT]).toEqual({ manager: { displayName: 'John Smith' } }),
  },
  {
    name: 'a whole extension URN',
    options: { attributes: [EXT.toLowerCase()] },
    keys: ['schemas', 'id', EXT],
    check: (out) => expect(out[EXT]).toEqual(user[EXT]),
  },
  {
    name: 'an unqualified extension attribute names nothing (RFC 7644 §3.10)',
    options: { attributes: ['employeeNumber'] },
    keys: ['schemas', 'id'],
  },
  {
    name: 'a comma-separated string works like a list',
    options: { attributes: ['userName,title'] },
    keys: ['schemas', 'id', 'userName', 'title'],
  },
  {
    name: 'excludedAttributes removes whole attributes',
    options: { excludedAttributes: ['emails', 'meta', 'groups'] },
    keys: Object.keys(user).filter((key) => !['password', 'emails', 'meta', 'groups'].includes(key)),
  },
  {
    name: 'excludedAttributes cannot remove id or schemas',
    options: { excludedAttributes: ['id', 'schemas'] },
    keys: Object.keys(user).filter((key) => key !== 'password'),
  },
  {
    name: 'excludedAttributes removes a sub-attribute',
    options: { excludedAttributes: ['emails.type', 'name.givenName'] },
    keys: Object.keys(user).filter((key) => key !== 'password'),
    check: (out) => {
      expect(out.emails).toEqual([
        { value: 'bjensen@example.com', primary: true },
        { value: 'babs@jensen.org' },
      ]);
      expect(out.name).not.toHaveProperty('givenName');
      expect(out.name).toHaveProperty('familyName', 'Jensen');
    },
  },
  {
    name: 'excludedAttributes removes a whole extension',
    options: { excludedAttributes: [EXT] },
    keys: Object.keys(user).filter((key) => key !== 'password' && key !== EXT),
  },
  {
    name: 'excluding every attribute of an extension removes the extension object',
    options: {
      attributes: [EXT],
      excludedAttributes: [
        `${EXT}:employeeNumber`,
        `${EXT}:costCenter`,
        `${EXT}:organization`,
        `${EXT}:division`,
        `${EXT}:department`,
        `${EXT}:manager`,
      ],
    },
    keys: ['schemas', 'id'],
  },
  {
    name: 'both: attributes selects, excludedAttributes removes from the selection',
    options: { attributes: ['name', 'userName'], excludedAttributes: ['name.formatted', 'userName'] },
    keys: ['schemas', 'id', 'name'],
    check: (out) => expect(out.name).not.toHaveProperty('formatted'),
  },
];

for (const row of cases) {
  test(`projection: ${row.name}`, () => {
    const out = projectResource(user, 'User', row.options);
    expect(Object.keys(out)).toEqual(row.keys);
    expect(out.schemas).toEqual(user.schemas);
    row.check?.(out);
  });
}

test('Entra ID excludedAttributes=members on a Group', () => {
  const out = projectResource(RFC7643_GROUP as unknown as Record<string, unknown>, 'Group', {
    excludedAttributes: ['members'],
  });
  expect(Object.keys(out)).toEqual(['schemas', 'id', 'displayName', 'meta']);
});

test('projection returns a copy and keeps the resource intact', () => {
  const original = structuredClone(user);
  const out = projectResource(user, 'User', { attributes: ['name.familyName'] });
  (out.name as Record<string, unknown>).familyName = 'Changed';
  expect(user).toEqual(original);
});

test('a malformed attribute name is invalidValue', () => {
  let caught: unknown;
  try {
    projectResource(user, 'User', { attributes: ['name..familyName'] });
  } catch (error) {
    caught = error;
  }
  expect(isScimError(caught, 400, 'invalidValue')).toBe(true);
});
