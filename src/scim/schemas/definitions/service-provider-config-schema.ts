import { SCHEMA_URNS } from '../../urns.js';
import type { AttributeDefinition, AttributeType, SchemaDefinition } from '../attribute-definition.js';
import { type AttributeOverrides, attribute } from '../define-attribute.js';

/** Every attribute of the configuration is readOnly: the service provider states it, clients only read it. */
function readOnly(
  name: string,
  type: AttributeType,
  description: string,
  overrides: AttributeOverrides = {},
): AttributeDefinition {
  return attribute(name, type, description, { mutability: 'readOnly', ...overrides });
}

/** A readOnly attribute the listing marks `"required" : true`. */
function required(
  name: string,
  type: AttributeType,
  description: string,
  overrides: AttributeOverrides = {},
): AttributeDefinition {
  return readOnly(name, type, description, { required: true, ...overrides });
}

/** The `supported` flag every option block (patch, bulk, filter, changePassword, sort, etag) starts with. */
const SUPPORTED = required(
  'supported',
  'boolean',
  'A Boolean value specifying whether or not the operation is supported.',
);

/** An option block: a required readOnly complex attribute with `supported` and, for some, limits. */
function option(name: string, description: string, limits: AttributeDefinition[] = []): AttributeDefinition {
  return required(name, 'complex', description, { subAttributes: [SUPPORTED, ...limits] });
}

/**
 * The ServiceProviderConfig schema, transcribed from RFC 7643 §8.7.2 plus what §5 defines and the listing
 * omits: the required `etag` option and the `type` and `primary` sub-attributes of `authenticationSchemes`
 * (the §8.5 example uses both).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-5
 */
export const SERVICE_PROVIDER_CONFIG_SCHEMA: SchemaDefinition = {
  id: SCHEMA_URNS.ServiceProviderConfig,
  name: 'Service Provider Configuration',
  description: "Schema for representing the service provider's configuration",
  attributes: [
    readOnly(
      'documentationUri',
      'reference',
      "An HTTP-addressable URL pointing to the service provider's human-consumable help documentation.",
      { referenceTypes: ['external'] },
    ),
    option('patch', 'A complex type that specifies PATCH configuration options.'),
    option('bulk', 'A complex type that specifies bulk configuration options.', [
      required('maxOperations', 'integer', 'An integer value specifying the maximum number of operations.'),
      required('maxPayloadSize', 'integer', 'An integer value specifying the maximum payload size in bytes.'),
    ]),
    option('filter', 'A complex type that specifies FILTER options.', [
      required(
        'maxResults',
        'integer',
        'An integer value specifying the maximum number of resources returned in a response.',
      ),
    ]),
    option(
      'changePassword',
      'A complex type that specifies configuration options related to changing a password.',
    ),
    option('sort', 'A complex type that specifies sort result options.'),
    option('etag', 'A complex type that specifies ETag result options.'),
    required(
      'authenticationSchemes',
      'complex',
      'A complex type that specifies supported authentication scheme properties.',
      {
        multiValued: true,
        subAttributes: [
          required('type', 'string', 'The authentication scheme.', {
            canonicalValues: ['oauth', 'oauth2', 'oauthbearertoken', 'httpbasic', 'httpdigest'],
          }),
          required('name', 'string', 'The common authentication scheme name, e.g., HTTP Basic.'),
          required('description', 'string', 'A description of the authentication scheme.'),
          readOnly(
            'specUri',
            'reference',
            "An HTTP-addressable URL pointing to the authentication scheme's specification.",
            { referenceTypes: ['external'] },
          ),
          readOnly(
            'documentationUri',
            'reference',
            "An HTTP-addressable URL pointing to the authentication scheme's usage documentation.",
            { referenceTypes: ['external'] },
          ),
          readOnly(
            'primary',
            'boolean',
            "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.",
          ),
        ],
      },
    ),
  ],
};
