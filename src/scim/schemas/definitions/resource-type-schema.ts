import { SCHEMA_URNS } from '../../urns.js';
import type { SchemaDefinition } from '../attribute-definition.js';
import { attribute } from '../define-attribute.js';

/**
 * The ResourceType schema, transcribed from RFC 7643 §8.7.2. `schemaExtensions` is optional, as §6 says
 * ("OPTIONAL"; the §8.7.2 listing says required, and the §8.6 Group example has none). `name` and `endpoint`
 * are unique per server (erratum 8475).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-6
 */
export const RESOURCE_TYPE_SCHEMA: SchemaDefinition = {
  id: SCHEMA_URNS.ResourceType,
  name: 'ResourceType',
  description: 'Specifies the schema that describes a SCIM resource type',
  attributes: [
    attribute(
      'id',
      'string',
      "The resource type's server unique id. May be the same as the 'name' attribute.",
      {
        mutability: 'readOnly',
      },
    ),
    attribute(
      'name',
      'string',
      "The resource type name. When applicable, service providers MUST specify the name, e.g., 'User'.",
      {
        required: true,
        caseExact: true,
        mutability: 'readOnly',
        uniqueness: 'server',
      },
    ),
    attribute(
      'description',
      'string',
      "The resource type's human-readable description. When applicable, service providers MUST specify the description.",
      {
        mutability: 'readOnly',
      },
    ),
    attribute(
      'endpoint',
      'reference',
      "The resource type's HTTP-addressable endpoint relative to the Base URL, e.g., '/Users'.",
      {
        required: true,
        mutability: 'readOnly',
        uniqueness: 'server',
        referenceTypes: ['uri'],
      },
    ),
    attribute('schema', 'reference', "The resource type's primary/base schema URI.", {
      required: true,
      caseExact: true,
      mutability: 'readOnly',
      referenceTypes: ['uri'],
    }),
    attribute('schemaExtensions', 'complex', "A list of URIs of the resource type's schema extensions.", {
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [
        attribute('schema', 'reference', 'The URI of a schema extension.', {
          required: true,
          caseExact: true,
          mutability: 'readOnly',
          referenceTypes: ['uri'],
        }),
        attribute(
          'required',
          'boolean',
          'A Boolean value that specifies whether or not the schema extension is required for the resource type. If True, a resource of this type MUST include this schema extension and also include any attributes declared as required in this schema extension. If False, a resource of this type MAY omit this schema extension.',
          {
            required: true,
            mutability: 'readOnly',
          },
        ),
      ],
    }),
  ],
};
