import { SCHEMA_URNS } from '../../urns.js';
import {
  ATTRIBUTE_TYPES,
  type AttributeDefinition,
  MUTABILITIES,
  RETURNED_VALUES,
  type SchemaDefinition,
  UNIQUENESS_VALUES,
} from '../attribute-definition.js';
import { attribute } from '../define-attribute.js';

const readOnly = { mutability: 'readOnly' } as const;

/**
 * The characteristics of one attribute, as `/Schemas` publishes them. §8.7.2 lists the same set at both
 * levels (attributes and their subAttributes), so it is written once; only the top level nests further.
 * `type` includes `binary` (§2.3.6; erratum 6004 adds it to the listing).
 */
function characteristicAttributes(): AttributeDefinition[] {
  return [
    attribute('name', 'string', "The attribute's name.", { ...readOnly, required: true, caseExact: true }),
    attribute(
      'type',
      'string',
      "The attribute's data type. Valid values include 'string', 'complex', 'boolean', 'decimal', 'integer', 'dateTime', 'reference'.",
      { ...readOnly, required: true, canonicalValues: [...ATTRIBUTE_TYPES] },
    ),
    attribute('multiValued', 'boolean', "A Boolean value indicating an attribute's plurality.", {
      ...readOnly,
      required: true,
    }),
    attribute('description', 'string', 'A human-readable description of the attribute.', {
      ...readOnly,
      caseExact: true,
    }),
    attribute(
      'required',
      'boolean',
      'A boolean value indicating whether or not the attribute is required.',
      readOnly,
    ),
    attribute(
      'canonicalValues',
      'string',
      "A collection of canonical values. When applicable, service providers MUST specify the canonical types, e.g., 'work', 'home'.",
      { ...readOnly, multiValued: true, caseExact: true },
    ),
    attribute(
      'caseExact',
      'boolean',
      'A Boolean value indicating whether or not a string attribute is case sensitive.',
      readOnly,
    ),
    attribute('mutability', 'string', 'Indicates whether or not an attribute is modifiable.', {
      ...readOnly,
      caseExact: true,
      canonicalValues: [...MUTABILITIES],
    }),
    attribute(
      'returned',
      'string',
      'Indicates when an attribute is returned in a response (e.g., to a query).',
      {
        ...readOnly,
        caseExact: true,
        canonicalValues: [...RETURNED_VALUES],
      },
    ),
    attribute('uniqueness', 'string', 'Indicates how unique a value must be.', {
      ...readOnly,
      caseExact: true,
      canonicalValues: [...UNIQUENESS_VALUES],
    }),
    attribute(
      'referenceTypes',
      'string',
      "Used only with an attribute of type 'reference'. Specifies a SCIM resourceType that a reference attribute MAY refer to, e.g., 'User'.",
      { ...readOnly, multiValued: true, caseExact: true },
    ),
  ];
}

/**
 * The Schema schema, transcribed from RFC 7643 §8.7.2. `name` is optional, as §7 says ("OPTIONAL"; the
 * listing marks it required).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-7
 */
export const SCHEMA_SCHEMA: SchemaDefinition = {
  id: SCHEMA_URNS.Schema,
  name: 'Schema',
  description: 'Specifies the schema that describes a SCIM schema',
  attributes: [
    attribute(
      'id',
      'string',
      'The unique URI of the schema. When applicable, service providers MUST specify the URI.',
      { ...readOnly, required: true },
    ),
    attribute(
      'name',
      'string',
      "The schema's human-readable name. When applicable, service providers MUST specify the name, e.g., 'User'.",
      readOnly,
    ),
    attribute(
      'description',
      'string',
      "The schema's human-readable description. When applicable, service providers MUST specify the description.",
      readOnly,
    ),
    attribute('attributes', 'complex', 'A complex attribute that includes the attributes of a schema.', {
      ...readOnly,
      multiValued: true,
      required: true,
      subAttributes: [
        ...characteristicAttributes(),
        attribute('subAttributes', 'complex', 'Used to define the sub-attributes of a complex attribute.', {
          ...readOnly,
          multiValued: true,
          subAttributes: characteristicAttributes(),
        }),
      ],
    }),
  ],
};
