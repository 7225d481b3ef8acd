import type { ResourceTypeDefinition, SchemaDefinition } from './attribute-definition.js';
import { ENTERPRISE_USER_SCHEMA } from './definitions/enterprise-user-schema.js';
import { GROUP_SCHEMA } from './definitions/group-schema.js';
import { RESOURCE_TYPE_SCHEMA } from './definitions/resource-type-schema.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from './definitions/resource-types.js';
import { SCHEMA_SCHEMA } from './definitions/schema-schema.js';
import { SERVICE_PROVIDER_CONFIG_SCHEMA } from './definitions/service-provider-config-schema.js';
import { USER_SCHEMA } from './definitions/user-schema.js';
import { createSchemaRegistry, type SchemaRegistry } from './schema-registry.js';

/** The schemas of RFC 7643 §8.7: the resource schemas (§8.7.1) and the service provider schemas (§8.7.2). */
export const DEFAULT_SCHEMAS: readonly SchemaDefinition[] = [
  USER_SCHEMA,
  GROUP_SCHEMA,
  ENTERPRISE_USER_SCHEMA,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
  RESOURCE_TYPE_SCHEMA,
  SCHEMA_SCHEMA,
];

/** User (with the optional Enterprise User extension) and Group. */
export const DEFAULT_RESOURCE_TYPES: readonly ResourceTypeDefinition[] = [
  USER_RESOURCE_TYPE,
  GROUP_RESOURCE_TYPE,
];

/**
 * The registry of RFC 7643's own schemas and resource types: what the harness expects of a target by
 * default and what the reference server publishes.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-8.7
 */
export const defaultSchemaRegistry: SchemaRegistry = createSchemaRegistry(
  DEFAULT_SCHEMAS,
  DEFAULT_RESOURCE_TYPES,
);
