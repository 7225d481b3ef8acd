import type { AttributeDefinition, SchemaDefinition } from '../../scim/schemas/attribute-definition.js';
import { COMMON_ATTRIBUTES } from '../../scim/schemas/definitions/common-attributes.js';
import { ENTERPRISE_USER_SCHEMA } from '../../scim/schemas/definitions/enterprise-user-schema.js';
import { GROUP_SCHEMA } from '../../scim/schemas/definitions/group-schema.js';
import { USER_SCHEMA } from '../../scim/schemas/definitions/user-schema.js';
import type { SchemaRegistry } from '../../scim/schemas/schema-registry.js';
import type { ResourceTypeName } from '../store/resource-store.js';

/** What the server serves for one resource type: its endpoint, core schema and extensions. */
export interface ResourceTypeConfig {
  name: ResourceTypeName;
  endpoint: string;
  core: SchemaDefinition;
  extensions: readonly SchemaDefinition[];
  /** The attribute that must be unique (case-insensitively) within the type: 409 uniqueness otherwise. */
  uniqueAttribute: 'userName' | 'displayName';
}

/**
 * Users carry the enterprise extension; Groups (Datadog Teams) none. Group displayName is unique
 * because a Datadog Team's name and handle are unique within an organisation.
 * @see /work/shared/research/datadog-scim.md §5
 */
export const RESOURCE_TYPE_CONFIGS: Record<ResourceTypeName, ResourceTypeConfig> = {
  User: {
    name: 'User',
    endpoint: '/Users',
    core: USER_SCHEMA,
    extensions: [ENTERPRISE_USER_SCHEMA],
    uniqueAttribute: 'userName',
  },
  Group: {
    name: 'Group',
    endpoint: '/Groups',
    core: GROUP_SCHEMA,
    extensions: [],
    uniqueAttribute: 'displayName',
  },
};

/**
 * The configurations a server mode serves: endpoints and unique attributes as in {@link RESOURCE_TYPE_CONFIGS}, the
 * core schema and extensions as the mode's registry publishes them (a minimal mode declares fewer attributes).
 */
export function resourceTypeConfigs(registry: SchemaRegistry): Record<ResourceTypeName, ResourceTypeConfig> {
  const configOf = (name: ResourceTypeName): ResourceTypeConfig => {
    const schemas = registry.schemasOf(name);
    return {
      ...RESOURCE_TYPE_CONFIGS[name],
      core: schemas.core,
      extensions: schemas.extensions.map((extension) => extension.schema),
    };
  };
  return { User: configOf('User'), Group: configOf('Group') };
}

/** A core attribute of the type (or a common one: id, externalId, meta), by case-insensitive name. */
export function findCoreAttribute(config: ResourceTypeConfig, name: string): AttributeDefinition | undefined {
  const lower = name.toLowerCase();
  return (
    config.core.attributes.find((attribute) => attribute.name.toLowerCase() === lower) ??
    COMMON_ATTRIBUTES.find((attribute) => attribute.name.toLowerCase() === lower)
  );
}

/** An extension schema of the type, by case-insensitive URN. */
export function findExtension(config: ResourceTypeConfig, urn: string): SchemaDefinition | undefined {
  const lower = urn.toLowerCase();
  return config.extensions.find((extension) => extension.id.toLowerCase() === lower);
}
