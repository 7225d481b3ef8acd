import { expect, test } from '@playwright/test';
import type { AttrPath } from '../filter/ast.js';
import { SCHEMA_URNS } from '../urns.js';
import { defaultSchemaRegistry as registry } from './default-registry.js';
import { GROUP_SCHEMA } from './definitions/group-schema.js';
import { USER_RESOURCE_TYPE } from './definitions/resource-types.js';
import { createSchemaRegistry } from './schema-registry.js';

const EXT = SCHEMA_URNS.EnterpriseUser;

const resolutions: {
  name: string;
  type: string;
  path: AttrPath;
  parent?: AttrPath;
  expected: string | undefined;
}[] = [
  { name: 'a core attribute', type: 'User', path: { attr: 'userName' }, expected: 'userName' },
  { name: 'in another case', type: 'User', path: { attr: 'USERNAME' }, expected: 'userName' },
  {
    name: 'a sub-attribute',
    type: 'User',
    path: { attr: 'name', subAttr: 'FamilyName' },
    expected: 'familyName',
  },
  { name: 'a common attribute', type: 'User', path: { attr: 'id' }, expected: 'id' },
  {
    name: 'a common sub-attribute',
    type: 'Group',
    path: { attr: 'meta', subAttr: 'lastModified' },
    expected: 'lastModified',
  },
  { name: 'externalId', type: 'Group', path: { attr: 'externalid' }, expected: 'externalId' },
  {
    name: 'core-URN-qualified',
    type: 'User',
    path: { uri: SCHEMA_URNS.User, attr: 'userName' },
    expected: 'userName',
  },
  {
    name: 'core-URN-qualified common',
    type: 'User',
    path: { uri: SCHEMA_URNS.User, attr: 'id' },
    expected: 'id',
  },
  {
    name: 'an extension attribute',
    type: 'User',
    path: { uri: EXT, attr: 'employeeNumber' },
    expected: 'employeeNumber',
  },
  {
    name: 'an extension URN in another case',
    type: 'User',
    path: { uri: EXT.toUpperCase(), attr: 'manager', subAttr: 'value' },
    expected: 'value',
  },
  {
    name: 'inside a value filter',
    type: 'User',
    path: { attr: 'type' },
    parent: { attr: 'emails' },
    expected: 'type',
  },
  {
    name: 'inside an extension value filter',
    type: 'User',
    path: { attr: 'value' },
    parent: { uri: EXT, attr: 'manager' },
    expected: 'value',
  },
  {
    name: 'an unqualified extension attribute',
    type: 'User',
    path: { attr: 'employeeNumber' },
    expected: undefined,
  },
  {
    name: 'an extension the type lacks',
    type: 'Group',
    path: { uri: EXT, attr: 'employeeNumber' },
    expected: undefined,
  },
  { name: 'a User attribute on Group', type: 'Group', path: { attr: 'userName' }, expected: undefined },
  {
    name: 'an unknown sub-attribute',
    type: 'User',
    path: { attr: 'name', subAttr: 'nickname' },
    expected: undefined,
  },
  {
    name: 'a sub-attribute of a simple one',
    type: 'User',
    path: { attr: 'userName', subAttr: 'value' },
    expected: undefined,
  },
  {
    name: 'a nested path in a value filter',
    type: 'User',
    path: { attr: 'type', subAttr: 'x' },
    parent: { attr: 'emails' },
    expected: undefined,
  },
  { name: 'by endpoint', type: '/Groups', path: { attr: 'members', subAttr: 'value' }, expected: 'value' },
];

for (const row of resolutions) {
  test(`resolve: ${row.name}`, () => {
    expect(registry.resolve(row.type, row.path, row.parent)?.name).toBe(row.expected);
    expect(registry.resolverFor(row.type)(row.path, row.parent)?.name).toBe(row.expected);
  });
}

test('locate says which schema defines an attribute and gives its canonical path', () => {
  expect(
    registry.locate('User', { uri: EXT.toLowerCase(), attr: 'MANAGER', subAttr: 'VALUE' }),
  ).toMatchObject({
    schema: EXT,
    path: { uri: EXT, attr: 'manager', subAttr: 'value' },
    parent: { name: 'manager' },
  });
  expect(registry.locate('User', { attr: 'meta', subAttr: 'created' })).toMatchObject({
    schema: undefined,
    path: { attr: 'meta', subAttr: 'created' },
  });
});

test('a whole schema URN is recognised as a schema, not an attribute', () => {
  const path = { uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0', attr: 'User' };
  expect(registry.schemaNamedBy('User', path)?.id).toBe(EXT);
  expect(registry.resolve('User', path)).toBeUndefined();
  expect(registry.schemaNamedBy('Group', path)).toBeUndefined();
});

const characteristics: {
  type: string;
  characteristic: Parameters<typeof registry.attributesWith>[1];
  expected: string[];
}[] = [
  { type: 'User', characteristic: 'required', expected: ['userName'] },
  { type: 'Group', characteristic: 'required', expected: ['displayName'] },
  { type: 'User', characteristic: 'uniqueServer', expected: ['id', 'userName'] },
  { type: 'User', characteristic: 'returnedNever', expected: ['password'] },
  { type: 'User', characteristic: 'returnedAlways', expected: ['id'] },
  { type: 'User', characteristic: 'returnedRequest', expected: [] },
  { type: 'User', characteristic: 'writeOnly', expected: ['password'] },
  { type: 'Group', characteristic: 'immutable', expected: ['members.value', 'members.$ref', 'members.type'] },
  {
    type: 'Group',
    characteristic: 'readOnly',
    expected: [
      'id',
      'meta',
      'meta.resourceType',
      'meta.created',
      'meta.lastModified',
      'meta.location',
      'meta.version',
      'members.display',
    ],
  },
  {
    type: 'User',
    characteristic: (definition) =>
      definition.mutability === 'readOnly' && definition.name.toLowerCase().includes('display'),
    expected: ['groups.display', `${EXT}:manager.displayName`],
  },
];

for (const row of characteristics) {
  test(`attributesWith ${row.type} ${typeof row.characteristic === 'string' ? row.characteristic : 'predicate'}`, () => {
    const found = registry.attributesWith(row.type, row.characteristic).map(({ path }) => {
      const local = path.subAttr === undefined ? path.attr : `${path.attr}.${path.subAttr}`;
      return path.uri === undefined ? local : `${path.uri}:${local}`;
    });
    expect(found).toEqual(row.expected);
  });
}

test('renders /Schemas entries with the RFC 7643 §7 shape and a location under the base URL', () => {
  const [user] = registry.renderSchemas('https://example.com/scim/');
  expect(user).toMatchObject({
    schemas: [SCHEMA_URNS.Schema],
    id: SCHEMA_URNS.User,
    name: 'User',
    meta: { resourceType: 'Schema', location: `https://example.com/scim/Schemas/${SCHEMA_URNS.User}` },
  });
  expect(user!.attributes[0]).toEqual({
    name: 'userName',
    type: 'string',
    multiValued: false,
    description: expect.stringContaining('Unique identifier for the User'),
    required: true,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'server',
  });
  expect(Object.keys(user!.attributes.find((each) => each.name === 'emails')!)).toEqual([
    'name',
    'type',
    'multiValued',
    'description',
    'required',
    'caseExact',
    'mutability',
    'returned',
    'uniqueness',
    'subAttributes',
  ]);
});

test('renders /ResourceTypes entries, leaving out empty schemaExtensions', () => {
  expect(registry.renderResourceTypes('https://example.com/v2')).toEqual([
    {
      schemas: [SCHEMA_URNS.ResourceType],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account',
      schema: SCHEMA_URNS.User,
      schemaExtensions: [{ schema: EXT, required: false }],
      meta: { resourceType: 'ResourceType', location: 'https://example.com/v2/ResourceTypes/User' },
    },
    {
      schemas: [SCHEMA_URNS.ResourceType],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Group',
      schema: SCHEMA_URNS.Group,
      meta: { resourceType: 'ResourceType', location: 'https://example.com/v2/ResourceTypes/Group' },
    },
  ]);
});

test('rendering copies: changing the output leaves the registry alone', () => {
  const [user] = registry.renderSchemas('https://example.com');
  user!.attributes[0]!.required = false;
  user!.attributes.find((each) => each.name === 'emails')!.subAttributes![2]!.canonicalValues!.push('x');
  expect(registry.resolve('User', { attr: 'userName' })?.required).toBe(true);
  expect(registry.resolve('User', { attr: 'emails', subAttr: 'type' })?.canonicalValues).toEqual([
    'work',
    'home',
    'other',
  ]);
});

test('a resource type naming an unregistered schema is refused; an unknown resource type is a harness fault', () => {
  expect(() => createSchemaRegistry([GROUP_SCHEMA], [USER_RESOURCE_TYPE])).toThrow(/not registered/);
  expect(() => registry.resolve('Device', { attr: 'id' })).toThrow(/unknown resource type "Device"/);
});
