/**
 * The schemas and resource types a service provider supports, and the questions every other module asks
 * of them: what does this attribute path name, which attributes are required or never returned, and how
 * are `/Schemas` and `/ResourceTypes` rendered.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-6
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-7
 */
import { HarnessError } from '../../errors/harness-error.js';
import type { AttributeResolver, AttrPath } from '../filter/ast.js';
import type {
  AttributeDefinition,
  ResourceTypeDefinition,
  SchemaDefinition,
} from './attribute-definition.js';
import { COMMON_ATTRIBUTES } from './definitions/common-attributes.js';
import {
  type RenderedResourceType,
  type RenderedSchema,
  renderResourceType,
  renderSchema,
} from './discovery-rendering.js';

/** Where an attribute definition lives: its schema (`undefined` for the common attributes) and its path. */
export interface LocatedAttribute {
  /** The schema URN that defines it; `undefined` for `id`, `externalId` and `meta` (RFC 7643 §3.1). */
  schema: string | undefined;
  /** Its path; `uri` is set only for extension attributes, which must be URN-qualified (RFC 7644 §3.10). */
  path: AttrPath;
  definition: AttributeDefinition;
  /** The complex attribute it is a sub-attribute of. */
  parent?: AttributeDefinition;
}

/** The schemas of one resource type: its core schema and its extensions. */
export interface ResourceTypeSchemas {
  resourceType: ResourceTypeDefinition;
  core: SchemaDefinition;
  extensions: { schema: SchemaDefinition; required: boolean }[];
}

export const ATTRIBUTE_CHARACTERISTICS = [
  'required',
  'uniqueServer',
  'returnedAlways',
  'returnedNever',
  'returnedRequest',
  'readOnly',
  'immutable',
  'writeOnly',
  'caseExact',
] as const;
/** A characteristic to list attributes by (RFC 7643 §2.2 / §7). */
export type AttributeCharacteristic = (typeof ATTRIBUTE_CHARACTERISTICS)[number];

export interface SchemaRegistry {
  readonly schemas: readonly SchemaDefinition[];
  readonly resourceTypes: readonly ResourceTypeDefinition[];
  /** A schema by its URN, case-insensitively. */
  getSchema(id: string): SchemaDefinition | undefined;
  /** A resource type by name (`User`) or endpoint (`/Users`), case-insensitively. */
  getResourceType(nameOrEndpoint: string): ResourceTypeDefinition | undefined;
  /**
   * The core schema and extensions of a resource type.
   * @throws HarnessError `INTERNAL` when the resource type or one of its schemas is not registered.
   */
  schemasOf(resourceType: string): ResourceTypeSchemas;
  /**
   * What an attribute path names in a resource type, or `undefined` when it names nothing.
   * `parent` means `path` is written inside a value filter of `parent` (`type` in `emails[type eq "work"]`).
   */
  locate(resourceType: string, path: AttrPath, parent?: AttrPath): LocatedAttribute | undefined;
  /** The definition `locate` finds. */
  resolve(resourceType: string, path: AttrPath, parent?: AttrPath): AttributeDefinition | undefined;
  /** A resolver bound to one resource type, for the filter evaluator and PATCH. */
  resolverFor(resourceType: string): AttributeResolver;
  /**
   * The schema a path names as a whole (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User` parses
   * as `{uri: '…:2.0', attr: 'User'}`), when it is one of the resource type's schemas.
   */
  schemaNamedBy(resourceType: string, path: AttrPath): SchemaDefinition | undefined;
  /** Every attribute and sub-attribute of a resource type with a characteristic, or matching a predicate. */
  attributesWith(
    resourceType: string,
    characteristic: AttributeCharacteristic | ((definition: AttributeDefinition) => boolean),
  ): LocatedAttribute[];
  /** The `/Schemas` resources (RFC 7643 §7), with `meta.location` under `baseUrl`. */
  renderSchemas(baseUrl: string): RenderedSchema[];
  /** The `/ResourceTypes` resources (RFC 7643 §6), with `meta.location` under `baseUrl`. */
  renderResourceTypes(baseUrl: string): RenderedResourceType[];
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function byName(attributes: readonly AttributeDefinition[] | undefined, name: string) {
  return attributes?.find((attribute) => sameName(attribute.name, name));
}

function hasCharacteristic(
  definition: AttributeDefinition,
  characteristic: AttributeCharacteristic,
): boolean {
  switch (characteristic) {
    case 'required':
      return definition.required;
    case 'uniqueServer':
      return definition.uniqueness === 'server';
    case 'returnedAlways':
      return definition.returned === 'always';
    case 'returnedNever':
      return definition.returned === 'never';
    case 'returnedRequest':
      return definition.returned === 'request';
    case 'readOnly':
      return definition.mutability === 'readOnly';
    case 'immutable':
      return definition.mutability === 'immutable';
    case 'writeOnly':
      return definition.mutability === 'writeOnly';
    case 'caseExact':
      return definition.caseExact;
    default: {
      const unknown: never = characteristic;
      throw new HarnessError('INTERNAL', `unknown attribute characteristic ${String(unknown)}`);
    }
  }
}

/**
 * Builds a registry over schema definitions and the resource types that use them.
 * @throws HarnessError `INTERNAL` when a resource type names a schema that is not among `schemas`.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-6
 */
export function createSchemaRegistry(
  schemas: readonly SchemaDefinition[],
  resourceTypes: readonly ResourceTypeDefinition[],
): SchemaRegistry {
  const getSchema = (id: string) => schemas.find((schema) => sameName(schema.id, id));
  for (const resourceType of resourceTypes) {
    for (const id of [resourceType.schema, ...resourceType.schemaExtensions.map((ext) => ext.schema)]) {
      if (getSchema(id) === undefined) {
        throw new HarnessError(
          'INTERNAL',
          `resource type ${resourceType.name} uses schema ${id}, which is not registered`,
        );
      }
    }
  }
  const getResourceType = (nameOrEndpoint: string) =>
    resourceTypes.find(
      (type) => sameName(type.name, nameOrEndpoint) || sameName(type.endpoint, nameOrEndpoint),
    );

  const schemasOf = (resourceTypeName: string): ResourceTypeSchemas => {
    const resourceType = getResourceType(resourceTypeName);
    if (resourceType === undefined) {
      throw new HarnessError('INTERNAL', `unknown resource type ${JSON.stringify(resourceTypeName)}`);
    }
    return {
      resourceType,
      core: getSchema(resourceType.schema)!,
      extensions: resourceType.schemaExtensions.map((ext) => ({
        schema: getSchema(ext.schema)!,
        required: ext.required,
      })),
    };
  };

  /** The top-level attribute a path's `uri` + `attr` names, with the schema that defines it. */
  const locateTop = (types: ResourceTypeSchemas, path: AttrPath): LocatedAttribute | undefined => {
    if (path.uri === undefined || sameName(path.uri, types.core.id)) {
      const core = byName(types.core.attributes, path.attr);
      if (core !== undefined) return { schema: types.core.id, path: { attr: core.name }, definition: core };
      const common = byName(COMMON_ATTRIBUTES, path.attr);
      if (common !== undefined) return { schema: undefined, path: { attr: common.name }, definition: common };
      return undefined;
    }
    const uri = path.uri;
    const extension = types.extensions.find((ext) => sameName(ext.schema.id, uri))?.schema;
    const definition = byName(extension?.attributes, path.attr);
    if (extension === undefined || definition === undefined) return undefined;
    return { schema: extension.id, path: { uri: extension.id, attr: definition.name }, definition };
  };

  const locate = (resourceType: string, path: AttrPath, parent?: AttrPath): LocatedAttribute | undefined => {
    const types = schemasOf(resourceType);
    if (parent !== undefined) {
      // Inside a value filter only a plain sub-attribute name is meaningful (`emails[type eq "work"]`).
      if (path.uri !== undefined || path.subAttr !== undefined || parent.subAttr !== undefined)
        return undefined;
      const container = locateTop(types, parent);
      const definition = byName(container?.definition.subAttributes, path.attr);
      if (container === undefined || definition === undefined) return undefined;
      return {
        schema: container.schema,
        path: { ...container.path, subAttr: definition.name },
        definition,
        parent: container.definition,
      };
    }
    const top = locateTop(types, path);
    if (top === undefined || path.subAttr === undefined) return top;
    const subAttr = path.subAttr;
    const definition = byName(top.definition.subAttributes, subAttr);
    if (definition === undefined) return undefined;
    return {
      schema: top.schema,
      path: { ...top.path, subAttr: definition.name },
      definition,
      parent: top.definition,
    };
  };

  const attributesWith = (
    resourceType: string,
    characteristic: AttributeCharacteristic | ((definition: AttributeDefinition) => boolean),
  ): LocatedAttribute[] => {
    const test =
      typeof characteristic === 'function'
        ? characteristic
        : (definition: AttributeDefinition) => hasCharacteristic(definition, characteristic);
    const types = schemasOf(resourceType);
    const found: LocatedAttribute[] = [];
    const visit = (
      schema: string | undefined,
      qualify: boolean,
      attributes: readonly AttributeDefinition[],
    ) => {
      for (const definition of attributes) {
        const path: AttrPath =
          qualify && schema !== undefined
            ? { uri: schema, attr: definition.name }
            : { attr: definition.name };
        if (test(definition)) found.push({ schema, path, definition });
        for (const sub of definition.subAttributes ?? []) {
          if (test(sub))
            found.push({ schema, path: { ...path, subAttr: sub.name }, definition: sub, parent: definition });
        }
      }
    };
    visit(undefined, false, COMMON_ATTRIBUTES);
    visit(types.core.id, false, types.core.attributes);
    for (const ext of types.extensions) visit(ext.schema.id, true, ext.schema.attributes);
    return found;
  };

  const schemaNamedBy = (resourceType: string, path: AttrPath): SchemaDefinition | undefined => {
    if (path.uri === undefined || path.subAttr !== undefined) return undefined;
    const types = schemasOf(resourceType);
    const urn = `${path.uri}:${path.attr}`;
    return [types.core, ...types.extensions.map((ext) => ext.schema)].find((schema) =>
      sameName(schema.id, urn),
    );
  };

  return {
    schemas,
    resourceTypes,
    getSchema,
    getResourceType,
    schemasOf,
    locate,
    resolve: (resourceType, path, parent) => locate(resourceType, path, parent)?.definition,
    resolverFor: (resourceType) => {
      schemasOf(resourceType);
      return (path, parent) => locate(resourceType, path, parent)?.definition;
    },
    schemaNamedBy,
    attributesWith,
    renderSchemas: (baseUrl) => schemas.map((schema) => renderSchema(schema, baseUrl)),
    renderResourceTypes: (baseUrl) => resourceTypes.map((type) => renderResourceType(type, baseUrl)),
  };
}
