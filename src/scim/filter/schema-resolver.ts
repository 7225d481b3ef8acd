/**
 * An {@link AttributeResolver} read from schema definitions, so the evaluator learns `caseExact`
 * and `type` from the same data `/Schemas` publishes.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-7
 */
import type { AttributeDefinition, SchemaDefinition } from '../schemas/attribute-definition.js';
import type { AttributeResolver, AttrPath } from './ast.js';

export interface SchemaResolverOptions {
  /**
   * Attributes every resource has but no schema lists (RFC 7643 §3.1: `id`, `externalId`, `meta`),
   * looked up when an unqualified name is not in the core schema.
   */
  commonAttributes?: readonly AttributeDefinition[];
}

function byName(attributes: readonly AttributeDefinition[] | undefined, name: string) {
  const lower = name.toLowerCase();
  return attributes?.find((attribute) => attribute.name.toLowerCase() === lower);
}

/**
 * Builds a resolver over a resource type's schemas. The first schema is the core schema: unqualified
 * names are looked up there, then in `commonAttributes`; URN-qualified names in the schema of that id.
 * Inside a value path (`parent` set), names are sub-attributes of the parent.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.2
 */
export function createSchemaResolver(
  schemas: readonly SchemaDefinition[],
  options: SchemaResolverOptions = {},
): AttributeResolver {
  const topLevel = (path: AttrPath): AttributeDefinition | undefined => {
    if (path.uri !== undefined) {
      const uri = path.uri.toLowerCase();
      const schema = schemas.find((candidate) => candidate.id.toLowerCase() === uri);
      return byName(schema?.attributes, path.attr);
    }
    return byName(schemas[0]?.attributes, path.attr) ?? byName(options.commonAttributes, path.attr);
  };
  const resolve: AttributeResolver = (path, parent) => {
    if (parent !== undefined) {
      const container = resolve(parent);
      const attribute = byName(container?.subAttributes, path.attr);
      return path.subAttr === undefined ? attribute : undefined;
    }
    const attribute = topLevel(path);
    return path.subAttr === undefined ? attribute : byName(attribute?.subAttributes, path.subAttr);
  };
  return resolve;
}
