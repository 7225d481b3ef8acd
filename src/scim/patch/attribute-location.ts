import { ScimError } from '../errors/scim-error.js';
import type { AttributeResolver } from '../filter/ast.js';
import { findKey, isJsonObject } from '../filter/index.js';
import type { ScimResource } from '../resource.js';
import type { AttributeDefinition } from '../schemas/attribute-definition.js';
import type { ValueContext } from './attribute-value.js';

/** What `applyPatch` knows about the resource's schemas. */
export interface SchemaScope {
  resolve: AttributeResolver;
  /** The resource type's core schema URN; its attributes sit at the top level of the resource. */
  coreSchema: string;
  /** The resource type's extension schema URNs; their attributes sit under the URN (RFC 7643 §3.3). */
  extensionSchemas: readonly string[];
}

/** A top-level attribute: its definition and the schema that holds it. */
export interface AttributeLocation {
  /** The schema URN as the scope spells it. */
  schema: string;
  /** False for the core schema (top-level members), true for an extension (members of `resource[schema]`). */
  extension: boolean;
  def: AttributeDefinition;
}

/** The schema URN of the scope equal (case-insensitively) to `uri`. */
export function findSchema(scope: SchemaScope, uri: string): string | undefined {
  const lower = uri.toLowerCase();
  return [scope.coreSchema, ...scope.extensionSchemas].find((schema) => schema.toLowerCase() === lower);
}

/**
 * Finds the definition of a top-level attribute. An unqualified name is looked up as the resolver's default
 * (the core schema and the common attributes, RFC 7644 §3.10), then, as Entra's `"path": "manager"` needs, in the extensions when exactly one defines it.
 * Unknown names are `invalidPath`.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.10
 */
export function locateAttribute(
  scope: SchemaScope,
  uri: string | undefined,
  attr: string,
  label: string,
  context: ValueContext,
): AttributeLocation {
  if (uri !== undefined) {
    const schema = findSchema(scope, uri);
    if (schema === undefined) {
      throw ScimError.invalidPath(
        `${label}: the schema "${uri}" is not one of this resource type's schemas.`,
      );
    }
    // Common attributes (`id`, `externalId`, `meta`, RFC 7643 §3.1) are in no schema; the core URN may qualify them.
    const def =
      scope.resolve({ uri: schema, attr }) ??
      (schema === scope.coreSchema ? scope.resolve({ attr }) : undefined);
    if (def === undefined)
      throw ScimError.invalidPath(`${label}: "${attr}" is not an attribute of ${schema}.`);
    return { schema, extension: schema !== scope.coreSchema, def };
  }
  const core = scope.resolve({ attr }) ?? scope.resolve({ uri: scope.coreSchema, attr });
  if (core !== undefined) return { schema: scope.coreSchema, extension: false, def: core };
  const hits = scope.extensionSchemas.flatMap((schema) => {
    const def = scope.resolve({ uri: schema, attr });
    return def === undefined ? [] : [{ schema, extension: true, def }];
  });
  const [hit] = hits;
  if (hit === undefined || hits.length > 1) {
    const why =
      hits.length > 1 ? `is defined by several extensions; qualify it with its schema URN` : 'is unknown';
    throw ScimError.invalidPath(`${label}: the attribute "${attr}" ${why}.`);
  }
  context.notes.push({
    opIndex: context.opIndex,
    kind: 'unqualified-extension',
    detail: `"${attr}" read as ${hit.schema}:${hit.def.name}`,
  });
  return hit;
}

/** The current value of a top-level attribute, or `undefined` when it is unassigned. */
export function readAttribute(resource: ScimResource, location: AttributeLocation): unknown {
  const container = location.extension ? extensionObject(resource, location.schema) : resource;
  if (container === undefined) return undefined;
  const key = findKey(container, location.def.name);
  return key === undefined ? undefined : container[key];
}

/**
 * Sets (or, with `undefined`, unassigns) a top-level attribute under its canonical name, dropping other spellings.
 * Setting an extension attribute adds the extension URN to `schemas` (RFC 7644 §3.5.2); unassigning the last
 * attribute of an extension drops the empty extension object but leaves `schemas` as it was.
 */
export function writeAttribute(resource: ScimResource, location: AttributeLocation, value: unknown): void {
  let container: Record<string, unknown>;
  if (location.extension) {
    const existing = extensionObject(resource, location.schema);
    if (existing === undefined) {
      if (value === undefined) return;
      container = {};
      resource[location.schema] = container;
    } else {
      container = existing;
    }
    if (
      value !== undefined &&
      !resource.schemas.some((schema) => schema.toLowerCase() === location.schema.toLowerCase())
    ) {
      resource.schemas = [...resource.schemas, location.schema];
    }
  } else {
    container = resource;
  }
  for (
    let key = findKey(container, location.def.name);
    key !== undefined;
    key = findKey(container, location.def.name)
  ) {
    delete container[key];
  }
  if (value !== undefined) container[location.def.name] = value;
  if (location.extension && Object.keys(container).length === 0) {
    const key = findKey(resource, location.schema);
    if (key !== undefined) delete resource[key];
  }
}

/** The extension object under `schema`, normalised to the scope's spelling of the URN. */
function extensionObject(resource: ScimResource, schema: string): Record<string, unknown> | undefined {
  const key = findKey(resource, schema);
  if (key === undefined) return undefined;
  const value = resource[key];
  if (!isJsonObject(value)) {
    throw ScimError.invalidValue(
      `The resource holds ${schema} as something other than an object of attributes.`,
    );
  }
  if (key !== schema) {
    delete resource[key];
    resource[schema] = value;
  }
  return value;
}
