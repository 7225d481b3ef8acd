import { SCHEMA_URNS } from '../../urns.js';
import type { SchemaDefinition } from '../attribute-definition.js';
import { attribute } from '../define-attribute.js';

/**
 * The Enterprise User extension, transcribed from RFC 7643 §8.7.1. `manager.value` is case-exact (it holds
 * an `id`, erratum 8462). `manager.value` and `manager.$ref` stay optional: §8.7.1 says "REQUIRED" in their
 * descriptions but `"required": false` in the listing, and §4.3 calls both "RECOMMENDED"; Entra ID sends a
 * manager with `value` only.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4.3
 */
export const ENTERPRISE_USER_SCHEMA: SchemaDefinition = {
  id: SCHEMA_URNS.EnterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    attribute(
      'employeeNumber',
      'string',
      'Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization.',
    ),
    attribute('costCenter', 'string', 'Identifies the name of a cost center.'),
    attribute('organization', 'string', 'Identifies the name of an organization.'),
    attribute('division', 'string', 'Identifies the name of a division.'),
    attribute('department', 'string', 'Identifies the name of a department.'),
    attribute(
      'manager',
      'complex',
      "The User's manager. A complex type that optionally allows service providers to represent organizational hierarchy by referencing the 'id' attribute of another User.",
      {
        subAttributes: [
          attribute(
            'value',
            'string',
            "The id of the SCIM resource representing the User's manager. RECOMMENDED.",
            {
              caseExact: true,
            },
          ),
          attribute(
            '$ref',
            'reference',
            "The URI of the SCIM resource representing the User's manager. RECOMMENDED.",
            {
              referenceTypes: ['User'],
            },
          ),
          attribute(
            'displayName',
            'string',
            "The displayName of the User's manager. OPTIONAL and READ-ONLY.",
            {
              mutability: 'readOnly',
            },
          ),
        ],
      },
    ),
  ],
};
