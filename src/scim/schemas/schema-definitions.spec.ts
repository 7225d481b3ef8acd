import { expect, test } from '@playwright/test';
import { parseAttrPath } from '../filter/attr-path.js';
import {
  ATTRIBUTE_TYPES,
  type AttributeDefinition,
  MUTABILITIES,
  RETURNED_VALUES,
  UNIQUENESS_VALUES,
} from './attribute-definition.js';
import { DEFAULT_SCHEMAS, defaultSchemaRegistry } from './default-registry.js';
import { COMMON_ATTRIBUTES } from './definitions/common-attributes.js';
import { SCHEMA_SCHEMA } from './definitions/schema-schema.js';

interface Walked {
  where: string;
  definition: AttributeDefinition;
  depth: number;
}

function walk(prefix: string, attributes: readonly AttributeDefinition[], depth = 1): Walked[] {
  return attributes.flatMap((definition) => [
    { where: `${prefix}:${definition.name}`, definition, depth },
    ...walk(`${prefix}:${definition.name}`, definition.subAttributes ?? [], depth + 1),
  ]);
}

const everyAttribute = [
  ...walk('common', COMMON_ATTRIBUTES),
  ...DEFAULT_SCHEMAS.flatMap((schema) => walk(schema.id, schema.attributes)),
];

test('every attribute definition states every characteristic with a legal value', () => {
  expect(everyAttribute.length).toBeGreaterThan(100);
  for (const { where, definition } of everyAttribute) {
    const problems = [
      typeof definition.name === 'string' && definition.name.length > 0 ? '' : 'name',
      ATTRIBUTE_TYPES.includes(definition.type) ? '' : 'type',
      typeof definition.multiValued === 'boolean' ? '' : 'multiValued',
      typeof definition.description === 'string' && definition.description.length > 0 ? '' : 'description',
      typeof definition.required === 'boolean' ? '' : 'required',
      typeof definition.caseExact === 'boolean' ? '' : 'caseExact',
      MUTABILITIES.includes(definition.mutability) ? '' : 'mutability',
      RETURNED_VALUES.includes(definition.returned) ? '' : 'returned',
      UNIQUENESS_VALUES.includes(definition.uniqueness) ? '' : 'uniqueness',
    ].filter(Boolean);
    expect(problems, where).toEqual([]);
  }
});

test('sub-attributes appear only on complex attributes, and every complex attribute has some', () => {
  for (const { where, definition } of everyAttribute) {
    expect(definition.subAttributes !== undefined, where).toBe(definition.type === 'complex');
    if (definition.subAttributes !== undefined)
      expect(definition.subAttributes.length, where).toBeGreaterThan(0);
  }
});

test('complex attributes do not nest (RFC 7643 §2.3.8), except in the Schema schema that describes nesting', () => {
  const outsideSchemaSchema = everyAttribute.filter(({ where }) => !where.startsWith(SCHEMA_SCHEMA.id));
  for (const { where, depth } of outsideSchemaSchema) expect(depth, where).toBeLessThanOrEqual(2);
});

test('referenceTypes only on references, canonicalValues only on strings, names unique per level', () => {
  for (const { where, definition } of everyAttribute) {
    if (definition.referenceTypes !== undefined) expect(definition.type, where).toBe('reference');
    if (definition.canonicalValues !== undefined) expect(definition.type, where).toBe('string');
    const names = (definition.subAttributes ?? []).map((sub) => sub.name.toLowerCase());
    expect(new Set(names).size, where).toBe(names.length);
  }
  for (const schema of DEFAULT_SCHEMAS) {
    const names = schema.attributes.map((definition) => definition.name.toLowerCase());
    expect(new Set(names).size, schema.id).toBe(names.length);
  }
});

/** Characteristics the brief and RFC 7643 §3.1, §4, §8.7 single out; a new fact is a new row. */
const facts: { path: string; resourceType: string; expected: Partial<AttributeDefinition> }[] = [
  {
    path: 'userName',
    resourceType: 'User',
    expected: { required: true, uniqueness: 'server', caseExact: false, returned: 'default' },
  },
  { path: 'password', resourceType: 'User', expected: { mutability: 'writeOnly', returned: 'never' } },
  { path: 'groups', resourceType: 'User', expected: { mutability: 'readOnly', multiValued: true } },
  { path: 'emails.type', resourceType: 'User', expected: { canonicalValues: ['work', 'home', 'other'] } },
  {
    path: 'phoneNumbers.type',
    resourceType: 'User',
    expected: { canonicalValues: ['work', 'home', 'mobile', 'fax', 'pager', 'other'] },
  },
  {
    path: 'ims.type',
    resourceType: 'User',
    expected: { canonicalValues: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'] },
  },
  { path: 'photos.type', resourceType: 'User', expected: { canonicalValues: ['photo', 'thumbnail'] } },
  { path: 'addresses.primary', resourceType: 'User', expected: { type: 'boolean' } },
  { path: 'x509Certificates.value', resourceType: 'User', expected: { type: 'binary' } },
  {
    path: 'id',
    resourceType: 'User',
    expected: { mutability: 'readOnly', returned: 'always', caseExact: true, uniqueness: 'server' },
  },
  { path: 'externalId', resourceType: 'Group', expected: { caseExact: true, mutability: 'readWrite' } },
  { path: 'meta', resourceType: 'Group', expected: { type: 'complex', mutability: 'readOnly' } },
  { path: 'meta.lastModified', resourceType: 'User', expected: { type: 'dateTime', mutability: 'readOnly' } },
  { path: 'displayName', resourceType: 'Group', expected: { required: true } },
  { path: 'members.value', resourceType: 'Group', expected: { mutability: 'immutable' } },
  {
    path: 'members.$ref',
    resourceType: 'Group',
    expected: { type: 'reference', referenceTypes: ['User', 'Group'] },
  },
  { path: 'members.display', resourceType: 'Group', expected: { mutability: 'readOnly' } },
  {
    path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName',
    resourceType: 'User',
    expected: { mutability: 'readOnly' },
  },
  {
    path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
    resourceType: 'User',
    expected: { type: 'string', required: false },
  },
];

for (const fact of facts) {
  test(`${fact.resourceType} ${fact.path} has the characteristics of RFC 7643`, () => {
    const definition = defaultSchemaRegistry.resolve(fact.resourceType, parseAttrPath(fact.path));
    expect(definition).toMatchObject(fact.expected);
  });
}
