/**
 * Builders for the small inline schemas tests define, on top of the schema tables' own `attribute` (RFC 7643 §2.2
 * defaults, overridden by what the test needs).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.2
 */
import type { AttributeDefinition, AttributeType } from '../schemas/attribute-definition.js';
import { attribute as defineAttribute } from '../schemas/define-attribute.js';

/** What a test may set beside the name and type. */
export type Characteristics = Partial<Omit<AttributeDefinition, 'name' | 'type'>>;

/** An attribute whose description is its name: tests do not read descriptions. */
export function attribute(
  name: string,
  type: AttributeType,
  more: Characteristics = {},
): AttributeDefinition {
  const { description = name, ...overrides } = more;
  return defineAttribute(name, type, description, overrides);
}

/** A multi-valued complex attribute (emails, addresses, members, …). */
export function multiValuedComplex(
  name: string,
  subAttributes: AttributeDefinition[],
  more: Characteristics = {},
): AttributeDefinition {
  return attribute(name, 'complex', { multiValued: true, subAttributes, ...more });
}
