import { SCHEMA_URNS } from '../../urns.js';
import type { SchemaDefinition } from '../attribute-definition.js';
import { attribute } from '../define-attribute.js';

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
    attribute(
      'documentationUri',
      'reference',
      "An HTTP-addressable URL pointing to the service provider's human-consumable help documentation.",
      {
        mutability: 'readOnly',
        referenceTypes: ['external'],
      },
    ),
    attribute('patch', 'complex', 'A complex type that specifies PATCH configuration options.', {
      required: true,
      mutability: 'readOnly',
      subAttributes: [
        attribute(
          'supported',
          'boolean',
          'A Boolean value specifying whether or not the operation is supported.',
          {
            required: true,
            mutability: 'readOnly',
          },
        ),
      ],
    }),
    attribute('bulk', 'complex', 'A complex type that specifies bulk configuration options.', {
      required: true,
      mutability: 'readOnly',
      subAttributes: [
        attribute(
          'supported',
          'boolean',
          'A Boolean value specifying whether or not the operation is supported.',
          {
            required: true,
            mutability: 'readOnly',
          },
        ),
        attribute(
          'maxOperations',
          'integer',
          'An integer value specifying the maximum number of operations.',
          {
            required: true,
            mutability: 'readOnly',
          },
        ),
        attribute(
          'maxPayloadSize',
          'integer',
          'An integer value specifying the maximum payload size in bytes.',
          {
            required: true,
            mutability: 'readOnly',
          },
        ),
      ],
    }),
    attribute('filter', 'complex', 'A complex type that specifies FILTER options.', {
      required: true,
      mutability: 'readOnly',
      subAttributes: [
        attribute(
          'supported',
          'boolean',
          'A Boolean value specifying whether or not the operation is supported.',
          {
            required: true,
            mutability: 'readOnly',
          },
        ),
        attribute(
          'maxResults',
          'integer',
          'An integer value specifying the maximum number of resources returned in a response.',
          {
            required: true,
            mutability: 'readOnly',
          },
        ),
      ],
    }),
    attribute(
      'changePassword',
      'complex',
      'A complex type that specifies configuration options related to changing a password.',
      {
        required: true,
        mutability: 'readOnly',
        subAttributes: [
          attribute(
            'supported',
            'boolean',
            'A Boolean value specifying whether or not the operation is supported.',
            {
              required: true,
              mutability: 'readOnly',
            },
          ),
        ],
      },
    ),
    attribute('sort', 'complex', 'A complex type that specifies sort result options.', {
      required: true,
      mutability: 'readOnly',
      subAttributes: [
        attribute(
          'supported',
          'boolean',
          'A Boolean value specifying whether or not the operation is supported.',
          {
            required: true,
            mutability: 'readOnly',
          },
        ),
      ],
    }),
    attribute('etag', 'complex', 'A complex type that specifies ETag result options.', {
      required: true,
      mutability: 'readOnly',
      subAttributes: [
        attribute(
          'supported',
          'boolean',
          'A Boolean value specifying whether or not the operation is supported.',
          {
            required: true,
            mutability: 'readOnly',
          },
        ),
      ],
    }),
    attribute(
      'authenticationSchemes',
      'complex',
      'A complex type that specifies supported authentication scheme properties.',
      {
        multiValued: true,
        required: true,
        mutability: 'readOnly',
        subAttributes: [
          attribute('type', 'string', 'The authentication scheme.', {
            required: true,
            mutability: 'readOnly',
            canonicalValues: ['oauth', 'oauth2', 'oauthbearertoken', 'httpbasic', 'httpdigest'],
          }),
          attribute('name', 'string', 'The common authentication scheme name, e.g., HTTP Basic.', {
            required: true,
            mutability: 'readOnly',
          }),
          attribute('description', 'string', 'A description of the authentication scheme.', {
            required: true,
            mutability: 'readOnly',
          }),
          attribute(
            'specUri',
            'reference',
            "An HTTP-addressable URL pointing to the authentication scheme's specification.",
            {
              mutability: 'readOnly',
              referenceTypes: ['external'],
            },
          ),
          attribute(
            'documentationUri',
            'reference',
            "An HTTP-addressable URL pointing to the authentication scheme's usage documentation.",
            {
              mutability: 'readOnly',
              referenceTypes: ['external'],
            },
          ),
          attribute(
            'primary',
            'boolean',
            "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.",
            {
              mutability: 'readOnly',
            },
          ),
        ],
      },
    ),
  ],
};
