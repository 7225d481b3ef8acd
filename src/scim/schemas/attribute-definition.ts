/**
 * Attribute characteristics, as RFC 7643 §2.2 and §7 define them and as `/Schemas` publishes them.
 * The schema definitions of this package (User, Group, EnterpriseUser, …) are data of this shape, and
 * every rule that depends on a characteristic (caseExact in filters, mutability in PATCH, `returned`
 * in responses, uniqueness on create) reads it from here.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-7
 */

export const ATTRIBUTE_TYPES = [
  'string',
  'boolean',
  'decimal',
  'integer',
  'dateTime',
  'reference',
  'complex',
  'binary',
] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const MUTABILITIES = ['readOnly', 'readWrite', 'immutable', 'writeOnly'] as const;
export type Mutability = (typeof MUTABILITIES)[number];

export const RETURNED_VALUES = ['always', 'never', 'default', 'request'] as const;
export type Returned = (typeof RETURNED_VALUES)[number];

export const UNIQUENESS_VALUES = ['none', 'server', 'global'] as const;
export type Uniqueness = (typeof UNIQUENESS_VALUES)[number];

export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: Returned;
  uniqueness: Uniqueness;
  canonicalValues?: string[];
  /** For `reference` attributes: `User`, `Group`, `external`, `uri`, … */
  referenceTypes?: string[];
  /** For `complex` attributes. */
  subAttributes?: AttributeDefinition[];
}

/** A schema resource (RFC 7643 §7, §8.7.1). */
export interface SchemaDefinition {
  id: string;
  name: string;
  description: string;
  attributes: AttributeDefinition[];
}

/** A resource type (RFC 7643 §6). */
export interface ResourceTypeDefinition {
  id: string;
  name: string;
  endpoint: string;
  description: string;
  schema: string;
  schemaExtensions: { schema: string; required: boolean }[];
}
