import { SCHEMA_URNS } from '../../src/scim/urns.js';
import type {
  GroupMapping,
  GroupSourceAttribute,
  MappingRow,
  SourceExpression,
  TargetType,
  UserMapping,
  UserSourceAttribute,
} from './attribute-mapping.js';

const ENTERPRISE = SCHEMA_URNS.EnterpriseUser;

function row<A extends string>(
  target: string,
  source: SourceExpression<A>,
  type: TargetType = 'string',
  matchingPrecedence?: number,
): MappingRow<A> {
  return matchingPrecedence === undefined
    ? { target, source, type, apply: 'always' }
    : { target, source, type, matchingPrecedence, apply: 'always' };
}

const direct = <A extends string>(attribute: A): SourceExpression<A> => ({ kind: 'direct', attribute });

/**
 * `Switch([IsSoftDeleted], , "False", "True", "True", "False")`: yields the strings "True"/"False",
 * which is why the legacy client PATCHes `active` as a string.
 */
export const ACTIVE_FROM_SOFT_DELETE_SWITCH: SourceExpression<UserSourceAttribute> = {
  kind: 'switch',
  attribute: 'IsSoftDeleted',
  defaultValue: '',
  cases: [
    ['False', 'True'],
    ['True', 'False'],
  ],
};

/**
 * The user mapping of a new non-gallery SCIM app. Row order is the order in which the client emits
 * attributes; it reproduces the operation order of Microsoft's documented PATCH bodies (displayName
 * before the work email, given before family name, externalId before the enterprise attributes).
 * Attributes the directory does not model (fax, office, preferredLanguage, proxyAddresses) are left out.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups#design-your-user-and-group-schema
 */
export const ENTRA_DEFAULT_USER_MAPPING: UserMapping = {
  name: 'Entra non-gallery SCIM app (default)',
  objectType: 'User',
  rows: [
    row('userName', direct('userPrincipalName'), 'string', 1),
    row('active', ACTIVE_FROM_SOFT_DELETE_SWITCH, 'boolean'),
    row('displayName', direct('displayName')),
    row('title', direct('jobTitle')),
    row('emails[type eq "work"].value', direct('mail')),
    row('name.givenName', direct('givenName')),
    row('name.familyName', direct('surname')),
    row('name.formatted', { kind: 'join', separator: ' ', attributes: ['givenName', 'surname'] }),
    row('phoneNumbers[type eq "work"].value', direct('telephoneNumber')),
    row('phoneNumbers[type eq "mobile"].value', direct('mobile')),
    row('addresses[type eq "work"].streetAddress', direct('streetAddress')),
    row('addresses[type eq "work"].locality', direct('city')),
    row('addresses[type eq "work"].region', direct('state')),
    row('addresses[type eq "work"].postalCode', direct('postalCode')),
    row('addresses[type eq "work"].country', direct('country')),
    row('externalId', direct('mailNickname')),
    row(`${ENTERPRISE}:employeeNumber`, direct('employeeId')),
    row(`${ENTERPRISE}:department`, direct('department')),
    row(`${ENTERPRISE}:manager`, direct('manager'), 'reference'),
    row('roles', { kind: 'appRoleAssignments' }, 'roles'),
  ],
};

/**
 * The group mapping of a new non-gallery SCIM app; groups match on displayName.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups#design-your-user-and-group-schema
 */
export const ENTRA_DEFAULT_GROUP_MAPPING: GroupMapping = {
  name: 'Entra non-gallery SCIM app (default)',
  objectType: 'Group',
  rows: [
    row<GroupSourceAttribute>('displayName', direct('displayName'), 'string', 1),
    row<GroupSourceAttribute>('externalId', direct('objectId')),
    row<GroupSourceAttribute>('members', direct('members'), 'references'),
  ],
};

/**
 * The mapping Datadog documents for its Entra gallery app. `Not([IsSoftDeleted])` yields a boolean.
 * Datadog does not support group provisioning from Entra, so the preset has no group mapping.
 * @see https://docs.datadoghq.com/account_management/scim/entra/
 */
export const DATADOG_USER_MAPPING: UserMapping = {
  name: 'Datadog (Entra gallery app)',
  objectType: 'User',
  rows: [
    row('userName', direct('userPrincipalName'), 'string', 1),
    row('active', { kind: 'not', attribute: 'IsSoftDeleted' }, 'boolean'),
    row('title', direct('jobTitle')),
    row('emails[type eq "work"].value', direct('mail')),
    row('name.formatted', direct('displayName')),
  ],
};

/**
 * Okta's default "Okta to App" mappings of a SCIM 2.0 app, as far as its documented create body shows them:
 * userName from the Okta username, the name parts, the primary work email, displayName and locale. `active` is
 * the app assignment's state (Okta deactivates rather than deletes). Other attributes are per-app mappings,
 * added as rows.
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */
export const OKTA_DEFAULT_USER_MAPPING: UserMapping = {
  name: 'Okta SCIM 2.0 app (default)',
  objectType: 'User',
  rows: [
    row('userName', direct('user.login'), 'string', 1),
    row('active', { kind: 'not', attribute: 'IsSoftDeleted' }, 'boolean'),
    row('name.givenName', direct('user.firstName')),
    row('name.familyName', direct('user.lastName')),
    row('emails[type eq "work"].value', direct('user.email')),
    row('displayName', direct('user.displayName')),
    row('locale', direct('user.locale')),
  ],
};

/**
 * Group Push: the Okta group's name and its (user) members; Okta groups do not nest, and the create carries no
 * `externalId` (REF20).
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */
export const OKTA_DEFAULT_GROUP_MAPPING: GroupMapping = {
  name: 'Okta Group Push (default)',
  objectType: 'Group',
  rows: [
    row<GroupSourceAttribute>('displayName', direct('displayName'), 'string', 1),
    row<GroupSourceAttribute>('members', direct('members'), 'references'),
  ],
};

/** A named pair of mappings; `group` is absent when the target does not take groups. */
export interface MappingPreset {
  readonly name: string;
  readonly user: UserMapping;
  readonly group: GroupMapping | undefined;
}

export const MAPPING_PRESET_NAMES = ['entra-default', 'datadog'] as const;
export type MappingPresetName = (typeof MAPPING_PRESET_NAMES)[number];

export const MAPPING_PRESETS: Readonly<Record<MappingPresetName, MappingPreset>> = {
  'entra-default': {
    name: 'entra-default',
    user: ENTRA_DEFAULT_USER_MAPPING,
    group: ENTRA_DEFAULT_GROUP_MAPPING,
  },
  datadog: { name: 'datadog', user: DATADOG_USER_MAPPING, group: undefined },
};

/** The mappings of `replay --idp okta` (Okta apps have their own; Entra's presets do not apply). */
export const OKTA_MAPPING_PRESET: MappingPreset = {
  name: 'okta-default',
  user: OKTA_DEFAULT_USER_MAPPING,
  group: OKTA_DEFAULT_GROUP_MAPPING,
};
