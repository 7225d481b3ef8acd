import { SCHEMA_URNS } from '../../urns.js';
import type { SchemaDefinition } from '../attribute-definition.js';
import { attribute } from '../define-attribute.js';

/**
 * The Group schema, transcribed from RFC 7643 §8.7.1. Two corrections from the RFC's own text:
 * `displayName` is required (§4.2 says "REQUIRED"; the §8.7.1 listing says false), and `members.display`
 * is listed (the §8.4 example uses it; the listing omits it). `display` is readOnly: the server derives it.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4.2
 */
export const GROUP_SCHEMA: SchemaDefinition = {
  id: SCHEMA_URNS.Group,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute('displayName', 'string', 'A human-readable name for the Group. REQUIRED.', {
      required: true,
    }),
    attribute('members', 'complex', 'A list of members of the Group.', {
      multiValued: true,
      subAttributes: [
        attribute('value', 'string', 'Identifier of the member of this Group.', {
          mutability: 'immutable',
        }),
        attribute(
          '$ref',
          'reference',
          'The URI corresponding to a SCIM resource that is a member of this Group.',
          {
            mutability: 'immutable',
            referenceTypes: ['User', 'Group'],
          },
        ),
        attribute('type', 'string', "A label indicating the type of resource, e.g., 'User' or 'Group'.", {
          mutability: 'immutable',
          canonicalValues: ['User', 'Group'],
        }),
        attribute(
          'display',
          'string',
          'A human-readable name for the group member, primarily used for display purposes.',
          {
            mutability: 'readOnly',
          },
        ),
      ],
    }),
  ],
};
