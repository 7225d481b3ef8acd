/**
 * Small inline schemas for the PATCH tables: the parts of RFC 7643 §4 and §8.7 that PATCH rules depend on, plus a
 * test extension with the attribute types User lacks (integer, decimal, dateTime, binary, immutable).
 * The real definitions live in src/scim/schemas; these stay here so the tables do not move when those change.
 */
import { createSchemaResolver } from '../../filter/index.js';
import type { AttributeDefinition, SchemaDefinition } from '../../schemas/attribute-definition.js';
import { attribute, type Characteristics, multiValuedComplex } from '../../test-support/schema-builders.js';
import { SCHEMA_URNS } from '../../urns.js';
import type { ApplyPatchOptions } from '../apply-patch.js';

export const TEST_EXTENSION = 'urn:example:params:scim:schemas:extension:harness:2.0:User';

const typedValue = (more: Characteristics = {}) => [
  attribute('value', 'string', more),
  attribute('display', 'string'),
  attribute('type', 'string', { canonicalValues: ['work', 'home', 'other'] }),
  attribute('primary', 'boolean'),
];

const COMMON: AttributeDefinition[] = [
  attribute('id', 'string', {
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  attribute('externalId', 'string', { caseExact: true }),
  attribute('meta', 'complex', {
    mutability: 'readOnly',
    subAttributes: [
      attribute('resourceType', 'string', { mutability: 'readOnly' }),
      attribute('created', 'dateTime', { mutability: 'readOnly' }),
      attribute('lastModified', 'dateTime', { mutability: 'readOnly' }),
      attribute('location', 'reference', { mutability: 'readOnly' }),
      attribute('version', 'string', { mutability: 'readOnly' }),
    ],
  }),
];

const USER: SchemaDefinition = {
  id: SCHEMA_URNS.User,
  name: 'User',
  description: 'User Account',
  attributes: [
    attribute('userName', 'string', { required: true, uniqueness: 'server' }),
    attribute('name', 'complex', {
      subAttributes: ['formatted', 'familyName', 'givenName', 'middleName'].map((name) =>
        attribute(name, 'string'),
      ),
    }),
    ...['displayName', 'nickName', 'title', 'userType', 'preferredLanguage'].map((name) =>
      attribute(name, 'string'),
    ),
    attribute('profileUrl', 'reference', { referenceTypes: ['external'] }),
    attribute('active', 'boolean'),
    attribute('password', 'string', { mutability: 'writeOnly', returned: 'never' }),
    multiValuedComplex('emails', typedValue()),
    multiValuedComplex('phoneNumbers', typedValue()),
    multiValuedComplex('addresses', [
      ...['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type'].map((name) =>
        attribute(name, 'string'),
      ),
      attribute('primary', 'boolean'),
    ]),
    multiValuedComplex(
      'groups',
      [
        attribute('value', 'string', { mutability: 'readOnly' }),
        attribute('$ref', 'reference', { mutability: 'readOnly', referenceTypes: ['User', 'Group'] }),
        attribute('display', 'string', { mutability: 'readOnly' }),
        attribute('type', 'string', { mutability: 'readOnly' }),
      ],
      { mutability: 'readOnly' },
    ),
    multiValuedComplex('roles', typedValue()),
    multiValuedComplex('x509Certificates', [attribute('value', 'binary'), attribute('display', 'string')]),
  ],
};

const ENTERPRISE: SchemaDefinition = {
  id: SCHEMA_URNS.EnterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    ...['employeeNumber', 'costCenter', 'organization', 'division', 'department'].map((name) =>
      attribute(name, 'string'),
    ),
    attribute('manager', 'complex', {
      subAttributes: [
        attribute('value', 'string'),
        attribute('$ref', 'reference', { referenceTypes: ['User'] }),
        attribute('displayName', 'string', { mutability: 'readOnly' }),
      ],
    }),
  ],
};

const HARNESS: SchemaDefinition = {
  id: TEST_EXTENSION,
  name: 'HarnessUser',
  description: 'Attribute types the User schema lacks',
  attributes: [
    attribute('badgeNumber', 'integer'),
    attribute('rating', 'decimal'),
    attribute('hiredAt', 'dateTime'),
    attribute('photo', 'binary'),
    attribute('employeeCode', 'string', { mutability: 'immutable', caseExact: true }),
    attribute('tags', 'string', { multiValued: true }),
    attribute('badge', 'complex', {
      subAttributes: [attribute('number', 'string', { required: true }), attribute('issuer', 'string')],
    }),
  ],
};

const GROUP: SchemaDefinition = {
  id: SCHEMA_URNS.Group,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute('displayName', 'string', { required: true }),
    multiValuedComplex('members', [
      attribute('value', 'string', { mutability: 'immutable', caseExact: true }),
      attribute('$ref', 'reference', { mutability: 'immutable', referenceTypes: ['User', 'Group'] }),
      attribute('type', 'string', { mutability: 'immutable', canonicalValues: ['User', 'Group'] }),
      attribute('display', 'string'),
    ]),
  ],
};

/** `applyPatch` options for a User with the enterprise and test extensions. */
export const USER_OPTIONS: ApplyPatchOptions = {
  resolve: createSchemaResolver([USER, ENTERPRISE, HARNESS], { commonAttributes: COMMON }),
  coreSchema: SCHEMA_URNS.User,
  extensionSchemas: [SCHEMA_URNS.EnterpriseUser, TEST_EXTENSION],
};

/** `applyPatch` options for a Group. */
export const GROUP_OPTIONS: ApplyPatchOptions = {
  resolve: createSchemaResolver([GROUP], { commonAttributes: COMMON }),
  coreSchema: SCHEMA_URNS.Group,
  extensionSchemas: [],
};
