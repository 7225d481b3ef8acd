/**
 * JSON Schemas generated from the attribute definitions, so the validators and `/Schemas` come from one
 * source and cannot drift: change a characteristic in a definition and both follow.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2
 */
import type { SchemaObject } from 'ajv';
import { HarnessError } from '../../errors/harness-error.js';
import type { AttributeDefinition, SchemaDefinition } from './attribute-definition.js';
import { COMMON_ATTRIBUTES } from './definitions/common-attributes.js';
import {
  SCIM_BINARY_FORMAT,
  SCIM_DATE_TIME_FORMAT,
  type ScimSchemasRule,
  type ScimValuesRule,
} from './scim-vocabulary.js';

export const VALIDATION_MODES = ['response', 'partialResponse', 'request'] as const;
/**
 * What a resource is being checked as.
 * - `response`: a full representation from a server. `schemas` and the envelope attributes (`id`, `meta`
 *   where the resource has them) are required, so are required attributes, and `returned: never`
 *   attributes (`password`) must be absent.
 * - `partialResponse`: a response to a request with `attributes` or `excludedAttributes` (RFC 7644 §3.9):
 *   only `id` is required (`schemas` is validated when present; RFC 7644 §3.4.3's example omits it).
 * - `request`: a body a client sends (POST, PUT): required attributes except read-only ones; `id` and
 *   `meta` are optional (the server ignores them).
 */
export type ValidationMode = (typeof VALIDATION_MODES)[number];

export interface JsonSchemaOptions {
  mode: ValidationMode;
  /**
   * Strict: unknown attributes and non-canonical values become findings (warnings). Lenient (the default)
   * allows them, because service providers MAY add attributes and values (RFC 7643 §3.3, §2.3.1
   * "canonicalValues … MAY").
   */
  strict: boolean;
}

/** What a validated resource looks like: its core schema, extensions, and which envelope attributes it has. */
export interface ResourceShape {
  core: SchemaDefinition;
  extensions: { schema: SchemaDefinition; required: boolean }[];
  /** Whether responses must carry `id` (all resources but ServiceProviderConfig and ResourceType). */
  requireId: boolean;
  /** Whether responses must carry `meta` (User, Group and other provisioned resources). */
  requireMeta: boolean;
}

function isRequired(definition: AttributeDefinition, options: JsonSchemaOptions): boolean {
  if (!definition.required) return false;
  switch (options.mode) {
    case 'response':
      return definition.returned !== 'never';
    case 'partialResponse':
      return false;
    case 'request':
      return definition.mutability !== 'readOnly';
    default: {
      const unknown: never = options.mode;
      throw new HarnessError('INTERNAL', `unknown validation mode ${String(unknown)}`);
    }
  }
}

function scalarSchema(definition: AttributeDefinition, options: JsonSchemaOptions): SchemaObject {
  switch (definition.type) {
    case 'string': {
      const schema: SchemaObject = { type: 'string' };
      if (
        options.strict &&
        definition.canonicalValues !== undefined &&
        definition.canonicalValues.length > 0
      ) {
        const rule: ScimValuesRule = {
          values: definition.canonicalValues,
          caseExact: definition.caseExact,
          severity: 'warning',
        };
        schema.scimValues = rule;
      }
      return schema;
    }
    case 'boolean':
      return { type: 'boolean' };
    case 'decimal':
      return { type: 'number' };
    case 'integer':
      return { type: 'integer' };
    case 'dateTime':
      return { type: 'string', format: SCIM_DATE_TIME_FORMAT };
    case 'reference':
      return { type: 'string', format: 'uri-reference' };
    case 'binary':
      return { type: 'string', format: SCIM_BINARY_FORMAT };
    case 'complex':
      return objectSchema(definition.subAttributes ?? [], options);
    default: {
      const unknown: never = definition.type;
      throw new HarnessError('INTERNAL', `unknown attribute type ${String(unknown)}`);
    }
  }
}

/**
 * The JSON Schema of one attribute. An optional attribute may also be `null`: RFC 7643 §2.5 makes null
 * equivalent to unassigned. In responses, a `returned: never` attribute gets the `false` schema, so its
 * presence is a finding.
 */
export function attributeJsonSchema(
  definition: AttributeDefinition,
  options: JsonSchemaOptions,
): SchemaObject | boolean {
  if (options.mode !== 'request' && definition.returned === 'never') return false;
  const single = scalarSchema(definition, options);
  const schema: SchemaObject = definition.multiValued ? { type: 'array', items: single } : single;
  if (!isRequired(definition, options) && typeof schema.type === 'string')
    schema.type = [schema.type, 'null'];
  return schema;
}

/** An object whose properties are `attributes`: the shape of a complex value and of an extension. */
export function objectSchema(
  attributes: readonly AttributeDefinition[],
  options: JsonSchemaOptions,
): SchemaObject {
  const properties: Record<string, SchemaObject | boolean> = {};
  for (const definition of attributes) properties[definition.name] = attributeJsonSchema(definition, options);
  const required = attributes
    .filter((definition) => isRequired(definition, options))
    .map((definition) => definition.name);
  const schema: SchemaObject = { type: 'object', properties, additionalProperties: !options.strict };
  if (required.length > 0) schema.required = required;
  return schema;
}

/**
 * The JSON Schema of a whole resource: the common attributes (RFC 7643 §3.1), the core schema's attributes
 * at the top level, each extension's under its URN (§3.3), and `schemas`.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-3
 */
export function resourceJsonSchema(shape: ResourceShape, options: JsonSchemaOptions): SchemaObject {
  const coreNames = new Set(shape.core.attributes.map((definition) => definition.name.toLowerCase()));
  // A core attribute of the same name (the Schema resource's own `id`) takes the place of the common one.
  const common = COMMON_ATTRIBUTES.filter((definition) => !coreNames.has(definition.name.toLowerCase()));
  const schema = objectSchema([...common, ...shape.core.attributes], options);
  const properties = schema.properties as Record<string, SchemaObject | boolean>;
  properties.schemas = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } };
  const required = new Set<string>(['schemas', ...((schema.required as string[] | undefined) ?? [])]);
  for (const extension of shape.extensions) {
    properties[extension.schema.id] = objectSchema(extension.schema.attributes, options);
    if (extension.required && options.mode !== 'partialResponse') required.add(extension.schema.id);
  }
  if (options.mode !== 'request' && shape.requireId) required.add('id');
  if (options.mode === 'response' && shape.requireMeta) required.add('meta');
  if (options.mode === 'request') required.delete('id');
  // RFC 7644 §3.4.3's own example answers a search with `attributes` with resources that carry no `schemas`: a
  // projected resource is judged by what was asked for, and `id`, which is returned always (RFC 7643 §3.1).
  if (options.mode === 'partialResponse') required.delete('schemas');
  schema.required = [...required];
  const rule: ScimSchemasRule = {
    core: shape.core.id,
    extensions: shape.extensions.map((extension) => extension.schema.id),
    strict: options.strict,
  };
  schema.scimSchemas = rule;
  return schema;
}
