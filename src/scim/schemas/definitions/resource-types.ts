import { SCHEMA_URNS } from '../../urns.js';
import type { ResourceTypeDefinition } from '../attribute-definition.js';

/**
 * The User resource type, with the Enterprise User extension as optional (RFC 7643 §8.6 shows it as
 * required; most service providers, Datadog and Entra ID's targets included, accept users without it).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-6
 */
export const USER_RESOURCE_TYPE: ResourceTypeDefinition = {
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  schema: SCHEMA_URNS.User,
  schemaExtensions: [{ schema: SCHEMA_URNS.EnterpriseUser, required: false }],
};

/**
 * The Group resource type (RFC 7643 §8.6).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-6
 */
export const GROUP_RESOURCE_TYPE: ResourceTypeDefinition = {
  id: 'Group',
  name: 'Group',
  endpoint: '/Groups',
  description: 'Group',
  schema: SCHEMA_URNS.Group,
  schemaExtensions: [],
};
