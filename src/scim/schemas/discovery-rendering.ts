/**
 * The JSON representations of `/Schemas` and `/ResourceTypes` entries, built from the same definitions the
 * validators and the reference server use, so what a server publishes cannot drift from what it enforces.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-6
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-7
 */
import { SCHEMA_URNS } from '../urns.js';
import type {
  AttributeDefinition,
  ResourceTypeDefinition,
  SchemaDefinition,
} from './attribute-definition.js';

/** One attribute as `/Schemas` publishes it: the RFC 7643 §7 characteristics, in the RFC's key order. */
export interface RenderedAttribute {
  name: string;
  type: string;
  multiValued: boolean;
  description: string;
  required: boolean;
  canonicalValues?: string[];
  caseExact: boolean;
  mutability: string;
  returned: string;
  uniqueness: string;
  referenceTypes?: string[];
  subAttributes?: RenderedAttribute[];
}

export interface RenderedMeta {
  resourceType: 'Schema' | 'ResourceType';
  location: string;
}

/** A `/Schemas` entry (RFC 7643 §7, §8.7). */
export interface RenderedSchema {
  schemas: [typeof SCHEMA_URNS.Schema];
  id: string;
  name: string;
  description: string;
  attributes: RenderedAttribute[];
  meta: RenderedMeta;
}

/** A `/ResourceTypes` entry (RFC 7643 §6, §8.6). */
export interface RenderedResourceType {
  schemas: [typeof SCHEMA_URNS.ResourceType];
  id: string;
  name: string;
  endpoint: string;
  description: string;
  schema: string;
  schemaExtensions?: { schema: string; required: boolean }[];
  meta: RenderedMeta;
}

/** `https://host/scim/` and `https://host/scim` both give `https://host/scim/Schemas/…`. */
function under(baseUrl: string, ...segments: string[]): string {
  return [baseUrl.replace(/\/+$/, ''), ...segments].join('/');
}

/** Renders one attribute definition, copying arrays so callers cannot alter the registry through it. */
export function renderAttribute(definition: AttributeDefinition): RenderedAttribute {
  return {
    name: definition.name,
    type: definition.type,
    multiValued: definition.multiValued,
    description: definition.description,
    required: definition.required,
    ...(definition.canonicalValues === undefined ? {} : { canonicalValues: [...definition.canonicalValues] }),
    caseExact: definition.caseExact,
    mutability: definition.mutability,
    returned: definition.returned,
    uniqueness: definition.uniqueness,
    ...(definition.referenceTypes === undefined ? {} : { referenceTypes: [...definition.referenceTypes] }),
    ...(definition.subAttributes === undefined
      ? {}
      : { subAttributes: definition.subAttributes.map(renderAttribute) }),
  };
}

/**
 * A schema as `GET /Schemas/{id}` returns it.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-7
 */
export function renderSchema(schema: SchemaDefinition, baseUrl: string): RenderedSchema {
  return {
    schemas: [SCHEMA_URNS.Schema],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(renderAttribute),
    meta: { resourceType: 'Schema', location: under(baseUrl, 'Schemas', schema.id) },
  };
}

/**
 * A resource type as `GET /ResourceTypes/{name}` returns it. `schemaExtensions` is left out when there are
 * none, as in the RFC 7643 §8.6 Group example.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-6
 */
export function renderResourceType(
  resourceType: ResourceTypeDefinition,
  baseUrl: string,
): RenderedResourceType {
  const rendered: RenderedResourceType = {
    schemas: [SCHEMA_URNS.ResourceType],
    id: resourceType.id,
    name: resourceType.name,
    endpoint: resourceType.endpoint,
    description: resourceType.description,
    schema: resourceType.schema,
    meta: { resourceType: 'ResourceType', location: under(baseUrl, 'ResourceTypes', resourceType.id) },
  };
  if (resourceType.schemaExtensions.length > 0) {
    rendered.schemaExtensions = resourceType.schemaExtensions.map((ext) => ({ ...ext }));
  }
  return rendered;
}
