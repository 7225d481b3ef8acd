/**
 * SCIM schemas as data (RFC 7643 §8.7), the registry that answers questions about them, validators for
 * resources and messages, attribute projection and sorting.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-7
 */
export type {
  AttributeDefinition,
  AttributeType,
  Mutability,
  ResourceTypeDefinition,
  Returned,
  SchemaDefinition,
  Uniqueness,
} from './attribute-definition.js';
export { ATTRIBUTE_TYPES, MUTABILITIES, RETURNED_VALUES, UNIQUENESS_VALUES } from './attribute-definition.js';
export { parseAttributeList } from './attribute-list.js';
export { DEFAULT_RESOURCE_TYPES, DEFAULT_SCHEMAS, defaultSchemaRegistry } from './default-registry.js';
export type { AttributeOverrides } from './define-attribute.js';
export { attribute } from './define-attribute.js';
export { COMMON_ATTRIBUTES } from './definitions/common-attributes.js';
export { ENTERPRISE_USER_SCHEMA } from './definitions/enterprise-user-schema.js';
export { GROUP_SCHEMA } from './definitions/group-schema.js';
export { RESOURCE_TYPE_SCHEMA } from './definitions/resource-type-schema.js';
export { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from './definitions/resource-types.js';
export { SCHEMA_SCHEMA } from './definitions/schema-schema.js';
export { SERVICE_PROVIDER_CONFIG_SCHEMA } from './definitions/service-provider-config-schema.js';
export { USER_SCHEMA } from './definitions/user-schema.js';
export type {
  RenderedAttribute,
  RenderedMeta,
  RenderedResourceType,
  RenderedSchema,
} from './discovery-rendering.js';
export { renderAttribute, renderResourceType, renderSchema } from './discovery-rendering.js';
export type { MessageKind } from './message-json-schemas.js';
export { MESSAGE_KINDS, messageJsonSchema } from './message-json-schemas.js';
export type { ProjectionOptions } from './projection.js';
export { projectResource } from './projection.js';
export type { JsonSchemaOptions, ResourceShape, ValidationMode } from './resource-json-schema.js';
export { resourceJsonSchema, VALIDATION_MODES } from './resource-json-schema.js';
export type {
  AttributeCharacteristic,
  LocatedAttribute,
  ResourceTypeSchemas,
  SchemaRegistry,
} from './schema-registry.js';
export { ATTRIBUTE_CHARACTERISTICS, createSchemaRegistry } from './schema-registry.js';
export { isScimBinary, isScimDateTime } from './scim-vocabulary.js';
export type { SortOrder } from './sort-compare.js';
export {
  compareBySortAttribute,
  compareSortValues,
  SORT_ORDERS,
  sortKeyOf,
  sortResources,
  sortValueOf,
} from './sort-compare.js';
export type {
  MessageValidationOptions,
  ResourceKind,
  ResourceValidationOptions,
  ScimValidators,
} from './validators.js';
export { createScimValidators, RESOURCE_KINDS, validateMessage, validateResource } from './validators.js';
