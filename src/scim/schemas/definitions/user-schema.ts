import { SCHEMA_URNS } from '../../urns.js';
import type { SchemaDefinition } from '../attribute-definition.js';
import { attribute } from '../define-attribute.js';

/**
 * The User schema, transcribed from RFC 7643 §8.7.1 with these corrections, each from the RFC's own
 * normative prose or a reported erratum, so that a conforming server is not failed on a typo:
 * - `addresses.primary` is listed in §4.1.2 but missing from §8.7.1.
 * - `entitlements`, `roles` and `x509Certificates` get `canonicalValues` for `type`, which RFC 7643 §4.1.2 leaves to
 *   the provider: draft-zollner-scim-interop-profile-01 §5.4 requires every multi-valued attribute with a `type` to
 *   declare them, and this server claims that profile.
 * - `photos.value` and `x509Certificates.value` are case-exact (erratum 6000: references and binary data
 *   compare by exact value).
 * - `groups.$ref` refers to Groups only (erratum 8471).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-8.7.1
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4.1
 */
export const USER_SCHEMA: SchemaDefinition = {
  id: SCHEMA_URNS.User,
  name: 'User',
  description: 'User Account',
  attributes: [
    attribute(
      'userName',
      'string',
      "Unique identifier for the User, typically used by the user to directly authenticate to the service provider. Each User MUST include a non-empty userName value. This identifier MUST be unique across the service provider's entire set of Users. REQUIRED.",
      {
        required: true,
        uniqueness: 'server',
      },
    ),
    attribute(
      'name',
      'complex',
      "The components of the user's real name. Providers MAY return just the full name as a single string in the formatted sub-attribute, or they MAY return just the individual component attributes using the other sub-attributes, or they MAY return both. If both variants are returned, they SHOULD be describing the same name, with the formatted name indicating how the component attributes should be combined.",
      {
        subAttributes: [
          attribute(
            'formatted',
            'string',
            "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display (e.g., 'Ms. Barbara J Jensen, III').",
          ),
          attribute(
            'familyName',
            'string',
            "The family name of the User, or last name in most Western languages (e.g., 'Jensen' given the full name 'Ms. Barbara J Jensen, III').",
          ),
          attribute(
            'givenName',
            'string',
            "The given name of the User, or first name in most Western languages (e.g., 'Barbara' given the full name 'Ms. Barbara J Jensen, III').",
          ),
          attribute(
            'middleName',
            'string',
            "The middle name(s) of the User (e.g., 'Jane' given the full name 'Ms. Barbara J Jensen, III').",
          ),
          attribute(
            'honorificPrefix',
            'string',
            "The honorific prefix(es) of the User, or title in most Western languages (e.g., 'Ms.' given the full name 'Ms. Barbara J Jensen, III').",
          ),
          attribute(
            'honorificSuffix',
            'string',
            "The honorific suffix(es) of the User, or suffix in most Western languages (e.g., 'III' given the full name 'Ms. Barbara J Jensen, III').",
          ),
        ],
      },
    ),
    attribute(
      'displayName',
      'string',
      'The name of the User, suitable for display to end-users. The name SHOULD be the full name of the User being described, if known.',
    ),
    attribute(
      'nickName',
      'string',
      "The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead of 'Robert'. This attribute SHOULD NOT be used to represent a User's username (e.g., 'bjensen' or 'mpepperidge').",
    ),
    attribute(
      'profileUrl',
      'reference',
      "A fully qualified URL pointing to a page representing the User's online profile.",
      {
        referenceTypes: ['external'],
      },
    ),
    attribute('title', 'string', 'The user\'s title, such as "Vice President."'),
    attribute(
      'userType',
      'string',
      "Used to identify the relationship between the organization and the user. Typical values used might be 'Contractor', 'Employee', 'Intern', 'Temp', 'External', and 'Unknown', but any value may be used.",
    ),
    attribute(
      'preferredLanguage',
      'string',
      "Indicates the User's preferred written or spoken language. Generally used for selecting a localized user interface; e.g., 'en_US' specifies the language English and country US.",
    ),
    attribute(
      'locale',
      'string',
      "Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations.",
    ),
    attribute(
      'timezone',
      'string',
      "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'.",
    ),
    attribute('active', 'boolean', "A Boolean value indicating the User's administrative status."),
    attribute(
      'password',
      'string',
      "The User's cleartext password. This attribute is intended to be used as a means to specify an initial password when creating a new User or to reset an existing User's password.",
      {
        mutability: 'writeOnly',
        returned: 'never',
      },
    ),
    attribute(
      'emails',
      'complex',
      "Email addresses for the user. The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.",
      {
        multiValued: true,
        subAttributes: [
          attribute(
            'value',
            'string',
            "Email addresses for the user. The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.",
          ),
          attribute(
            'display',
            'string',
            'A human-readable name, primarily used for display purposes. READ-ONLY.',
          ),
          attribute(
            'type',
            'string',
            "A label indicating the attribute's function, e.g., 'work' or 'home'.",
            {
              canonicalValues: ['work', 'home', 'other'],
            },
          ),
          attribute(
            'primary',
            'boolean',
            "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred mailing address or primary email address. The primary attribute value 'True' MUST appear no more than once.",
          ),
        ],
      },
    ),
    attribute(
      'phoneNumbers',
      'complex',
      "Phone numbers for the User. The value SHOULD be canonicalized by the service provider according to the format specified in RFC 3966, e.g., 'tel:+1-201-555-0123'. Canonical type values of 'work', 'home', 'mobile', 'fax', 'pager', and 'other'.",
      {
        multiValued: true,
        subAttributes: [
          attribute('value', 'string', 'Phone number of the User.'),
          attribute(
            'display',
            'string',
            'A human-readable name, primarily used for display purposes. READ-ONLY.',
          ),
          attribute(
            'type',
            'string',
            "A label indicating the attribute's function, e.g., 'work', 'home', 'mobile'.",
            {
              canonicalValues: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
            },
          ),
          attribute(
            'primary',
            'boolean',
            "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred phone number or primary phone number. The primary attribute value 'True' MUST appear no more than once.",
          ),
        ],
      },
    ),
    attribute('ims', 'complex', 'Instant messaging addresses for the User.', {
      multiValued: true,
      subAttributes: [
        attribute('value', 'string', 'Instant messaging address for the User.'),
        attribute(
          'display',
          'string',
          'A human-readable name, primarily used for display purposes. READ-ONLY.',
        ),
        attribute(
          'type',
          'string',
          "A label indicating the attribute's function, e.g., 'aim', 'gtalk', 'xmpp'.",
          {
            canonicalValues: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
          },
        ),
        attribute(
          'primary',
          'boolean',
          "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred messenger or primary messenger. The primary attribute value 'True' MUST appear no more than once.",
        ),
      ],
    }),
    attribute('photos', 'complex', 'URLs of photos of the User.', {
      multiValued: true,
      subAttributes: [
        attribute('value', 'reference', 'URL of a photo of the User.', {
          caseExact: true,
          referenceTypes: ['external'],
        }),
        attribute(
          'display',
          'string',
          'A human-readable name, primarily used for display purposes. READ-ONLY.',
        ),
        attribute(
          'type',
          'string',
          "A label indicating the attribute's function, i.e., 'photo' or 'thumbnail'.",
          {
            canonicalValues: ['photo', 'thumbnail'],
          },
        ),
        attribute(
          'primary',
          'boolean',
          "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred photo or thumbnail. The primary attribute value 'True' MUST appear no more than once.",
        ),
      ],
    }),
    attribute(
      'addresses',
      'complex',
      "A physical mailing address for this User. Canonical type values of 'work', 'home', and 'other'. This attribute is a complex type with the following sub-attributes.",
      {
        multiValued: true,
        subAttributes: [
          attribute(
            'formatted',
            'string',
            'The full mailing address, formatted for display or use with a mailing label. This attribute MAY contain newlines.',
          ),
          attribute(
            'streetAddress',
            'string',
            'The full street address component, which may include house number, street name, P.O. box, and multi-line extended street address information. This attribute MAY contain newlines.',
          ),
          attribute('locality', 'string', 'The city or locality component.'),
          attribute('region', 'string', 'The state or region component.'),
          attribute('postalCode', 'string', 'The zip code or postal code component.'),
          attribute('country', 'string', 'The country name component.'),
          attribute(
            'type',
            'string',
            "A label indicating the attribute's function, e.g., 'work' or 'home'.",
            {
              canonicalValues: ['work', 'home', 'other'],
            },
          ),
          attribute(
            'primary',
            'boolean',
            "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred mailing address or primary email address. The primary attribute value 'True' MUST appear no more than once.",
          ),
        ],
      },
    ),
    attribute(
      'groups',
      'complex',
      'A list of groups to which the user belongs, either through direct membership, through nested groups, or dynamically calculated.',
      {
        multiValued: true,
        mutability: 'readOnly',
        subAttributes: [
          attribute('value', 'string', "The identifier of the User's group.", {
            mutability: 'readOnly',
          }),
          attribute(
            '$ref',
            'reference',
            "The URI of the corresponding 'Group' resource to which the user belongs.",
            {
              mutability: 'readOnly',
              referenceTypes: ['Group'],
            },
          ),
          attribute(
            'display',
            'string',
            'A human-readable name, primarily used for display purposes. READ-ONLY.',
            {
              mutability: 'readOnly',
            },
          ),
          attribute(
            'type',
            'string',
            "A label indicating the attribute's function, e.g., 'direct' or 'indirect'.",
            {
              mutability: 'readOnly',
              canonicalValues: ['direct', 'indirect'],
            },
          ),
        ],
      },
    ),
    attribute(
      'entitlements',
      'complex',
      'A list of entitlements for the User that represent a thing the User has.',
      {
        multiValued: true,
        subAttributes: [
          attribute('value', 'string', 'The value of an entitlement.'),
          attribute(
            'display',
            'string',
            'A human-readable name, primarily used for display purposes. READ-ONLY.',
          ),
          attribute('type', 'string', "A label indicating the attribute's function.", {
            canonicalValues: ['standard', 'other'],
          }),
          attribute(
            'primary',
            'boolean',
            "A Boolean value indicating the 'primary' or preferred attribute value for this attribute. The primary attribute value 'True' MUST appear no more than once.",
          ),
        ],
      },
    ),
    attribute(
      'roles',
      'complex',
      "A list of roles for the User that collectively represent who the User is, e.g., 'Student', 'Faculty'.",
      {
        multiValued: true,
        subAttributes: [
          attribute('value', 'string', 'The value of a role.'),
          attribute(
            'display',
            'string',
            'A human-readable name, primarily used for display purposes. READ-ONLY.',
          ),
          attribute('type', 'string', "A label indicating the attribute's function.", {
            canonicalValues: ['application', 'other'],
          }),
          attribute(
            'primary',
            'boolean',
            "A Boolean value indicating the 'primary' or preferred attribute value for this attribute. The primary attribute value 'True' MUST appear no more than once.",
          ),
        ],
      },
    ),
    attribute('x509Certificates', 'complex', 'A list of certificates issued to the User.', {
      multiValued: true,
      subAttributes: [
        attribute('value', 'binary', 'The value of an X.509 certificate.', {
          caseExact: true,
        }),
        attribute(
          'display',
          'string',
          'A human-readable name, primarily used for display purposes. READ-ONLY.',
        ),
        attribute('type', 'string', "A label indicating the attribute's function.", {
          canonicalValues: ['signing', 'encryption', 'other'],
        }),
        attribute(
          'primary',
          'boolean',
          "A Boolean value indicating the 'primary' or preferred attribute value for this attribute. The primary attribute value 'True' MUST appear no more than once.",
        ),
      ],
    }),
  ],
};
