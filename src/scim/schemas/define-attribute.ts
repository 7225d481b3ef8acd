import type { AttributeDefinition, AttributeType } from './attribute-definition.js';

/** The characteristics an attribute definition may override; everything else takes the RFC default. */
export type AttributeOverrides = Partial<Omit<AttributeDefinition, 'name' | 'type' | 'description'>>;

/**
 * Builds an attribute definition, filling every characteristic the definition does not state with the
 * default RFC 7643 §2.2 gives it ("required" false, "caseExact" false, "mutability" readWrite,
 * "returned" default, "uniqueness" none, singular). The schema tables then list only what differs from the
 * defaults, which is how the RFC's own prose describes the attributes.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.2
 */
export function attribute(
  name: string,
  type: AttributeType,
  description: string,
  overrides: AttributeOverrides = {},
): AttributeDefinition {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...overrides,
  };
}
