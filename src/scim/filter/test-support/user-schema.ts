/**
 * Enough of the RFC 7643 §8.7.1 User and EnterpriseUser schemas (and §3.1 common attributes) for the
 * evaluator to learn `type` and `caseExact` in tests.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-8.7.1
 */
import type { AttributeDefinition, SchemaDefinition } from '../../schemas/attribute-definition.js';
import { attribute, multiValuedComplex } from '../../test-support/schema-builders.js';
import { CORE_USER, ENTERPRISE_USER } from './ast-builders.js';

const typedValue = [
  attribute('value', 'string'),
  attribute('type', 'string'),
  attribute('primary', 'boolean'),
];

export const COMMON_ATTRIBUTES: AttributeDefinition[] = [
  attribute('id', 'string', {
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  attribute('externalId', 'string', { caseExact: true }),
  attribute('schemas', 'reference', { multiValued: true, caseExact: true }),
  attribute('meta', 'complex', {
    subAttributes: [
      attribute('resourceType', 'string', { caseExact: true }),
      attribute('created', 'dateTime'),
      attribute('lastModified', 'dateTime'),
      attribute('location', 'reference', { caseExact: true }),
      attribute('version', 'string', { caseExact: true }),
    ],
  }),
];

export const USER_SCHEMA: SchemaDefinition = {
  id: CORE_USER,
  name: 'User',
  description: 'User Account',
  attributes: [
    attribute('userName', 'string', { required: true, uniqueness: 'server' }),
    attribute('name', 'complex', {
      subAttributes: [attribute('familyName', 'string'), attribute('givenName', 'string')],
    }),
    attribute('displayName', 'string'),
    attribute('title', 'string'),
    attribute('userType', 'string'),
    attribute('active', 'boolean'),
    multiValuedComplex('emails', typedValue),
    multiValuedComplex('phoneNumbers', typedValue),
    multiValuedComplex('ims', typedValue),
    multiValuedComplex('groups', [
      attribute('value', 'string'),
      attribute('$ref', 'reference', { caseExact: true }),
      attribute('display', 'string'),
    ]),
    multiValuedComplex('x509Certificates', [attribute('value', 'binary', { caseExact: true })]),
  ],
};

export const ENTERPRISE_USER_SCHEMA: SchemaDefinition = {
  id: ENTERPRISE_USER,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    attribute('employeeNumber', 'string'),
    attribute('department', 'string'),
    attribute('manager', 'complex', {
      subAttributes: [
        attribute('value', 'string'),
        attribute('$ref', 'reference'),
        attribute('displayName', 'string', { mutability: 'readOnly' }),
      ],
    }),
  ],
};
