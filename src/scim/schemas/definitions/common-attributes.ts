import type { AttributeDefinition } from '../attribute-definition.js';
import { attribute } from '../define-attribute.js';

const readOnly = { mutability: 'readOnly' } as const;

/**
 * The attributes every resource has whatever its schema (RFC 7643 §3.1): `id`, `externalId` and `meta`.
 * They belong to no schema URN, so the registry resolves them for every resource type, and a URN-qualified
 * path may name them under the core schema (`urn:…:core:2.0:User:id`).
 *
 * `schemas` is not listed: it is not an attribute but the list of schemas the JSON structure follows
 * (§3), and it is always returned.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-3.1
 */
export const COMMON_ATTRIBUTES: readonly AttributeDefinition[] = [
  attribute(
    'id',
    'string',
    'A unique identifier for a SCIM resource as defined by the service provider. REQUIRED.',
    { ...readOnly, caseExact: true, returned: 'always', uniqueness: 'server' },
  ),
  attribute(
    'externalId',
    'string',
    'A String that is an identifier for the resource as defined by the provisioning client.',
    { caseExact: true },
  ),
  attribute('meta', 'complex', 'A complex attribute containing resource metadata.', {
    ...readOnly,
    subAttributes: [
      attribute('resourceType', 'string', 'The name of the resource type of the resource.', {
        ...readOnly,
        caseExact: true,
      }),
      attribute(
        'created',
        'dateTime',
        'The "DateTime" that the resource was added to the service provider.',
        readOnly,
      ),
      attribute(
        'lastModified',
        'dateTime',
        'The most recent DateTime that the details of this resource were updated at the service provider.',
        readOnly,
      ),
      attribute('location', 'reference', 'The URI of the resource being returned.', {
        ...readOnly,
        caseExact: true,
        referenceTypes: ['uri'],
      }),
      attribute('version', 'string', 'The version of the resource being returned (an entity tag).', {
        ...readOnly,
        caseExact: true,
      }),
    ],
  }),
];
