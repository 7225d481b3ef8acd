/**
 * Microsoft Entra ID provisioning requests as Microsoft documents them, as data for the `entra` checks: the query
 * encoding Entra puts on the wire, and the request bodies of the SCIM tutorial and of the scim-compatibility page
 * (legacy client and `aadOptscim062020`), with only the ids and values replaced by the check's own.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 */
import type { ScimClient, ScimExchange } from '../../../src/http/index.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { invalidFilterAnswer, unsupportedWhenFilterDeclined } from '../../support/unsupported.js';

export type JsonObject = Record<string, unknown>;

/** Where the `entra` requirements are written, for the `rfc` field. */
export const ENTRA_DOCS = {
  tutorial: 'Entra SCIM tutorial',
  compat: 'Entra SCIM compatibility: aadOptscim062020',
  validator: 'Entra SCIM Validator',
} as const;

/** The schema URI Entra lists beside the core Group schema when it creates a group (tutorial, Create Group). */
export const ADSCIM_GROUP_SCHEMA = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

/** The Content-Type Entra's requests carry on the wire (azure-docs#12728, and the SCIM Validator's requests). */
export const ENTRA_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

/**
 * A query string encoded the way Entra encodes it: form encoding, spaces as `+`, quotes as `%22`
 * (`filter=userName+eq+%227d420df3-…%22`), parameters in the order given.
 */
export function entraQuery(params: readonly (readonly [string, string])[]): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
  return params.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
}

/** `filter=<attribute>+eq+%22<value>%22`, optionally after `excludedAttributes=members` as Entra orders it. */
export function entraEqQuery(attribute: string, value: string, excludeMembers = false): string {
  const filter = ['filter', `${attribute} eq "${value}"`] as const;
  return entraQuery(excludeMembers ? [['excludedAttributes', 'members'], filter] : [filter]);
}

/**
 * After a `400 invalidFilter` to an Entra-encoded query (spaces as `+`), tells a declined feature from a decoding
 * fault by sending the same query with spaces as `%20`: accepted that way, the target mis-reads Entra's `+` (the
 * check's own assertion then fails on the first answer); declined again, the filter itself is unsupported, which fails
 * the entra profile with the reason.
 */
export async function unsupportedWhenEntraFilterDeclined(
  scim: ScimClient,
  path: string,
  answer: ScimExchange,
  query: string,
  feature: string,
): Promise<void> {
  if (invalidFilterAnswer(answer) === undefined) return;
  // entraQuery encodes a literal "+" as %2B, so every "+" left is a space.
  const again = await scim.get(path, { query: query.replace(/\+/g, '%20') });
  if (again.response?.status === 200) {
    answer.decisive = true;
    return;
  }
  unsupportedWhenFilterDeclined(answer, feature);
}

/**
 * An Entra lookup (`GET <path>?[excludedAttributes=members&]filter=<attribute>+eq+%22<value>%22`) as Entra sends it;
 * a `400 invalidFilter` makes the check `unsupported` for `feature` unless the target only mis-reads `+`
 * ({@link unsupportedWhenEntraFilterDeclined}).
 */
export async function entraLookup(
  scim: ScimClient,
  path: '/Users' | '/Groups',
  attribute: string,
  value: string,
  feature: string,
  excludeMembers = false,
): Promise<ScimExchange> {
  const query = entraEqQuery(attribute, value, excludeMembers);
  const answer = await scim.get(path, { query });
  await unsupportedWhenEntraFilterDeclined(scim, path, answer, query, feature);
  return answer;
}

/** A PatchOp message with Entra's key order (`schemas` first, then `Operations`). */
export function entraPatch(...operations: JsonObject[]): JsonObject {
  return { schemas: [SCHEMA_URNS.PatchOp], Operations: operations };
}

export interface EntraUserValues {
  userName: string;
  externalId: string;
  email: string;
  givenName: string;
  familyName: string;
}

/**
 * The tutorial's Create User body (`POST /Users`), with the enterprise schema URN listed only when the target serves
 * the extension (Entra lists it when enterprise attributes are mapped).
 */
export function entraCreateUserBody(values: EntraUserValues, withEnterprise: boolean): JsonObject {
  return {
    schemas: withEnterprise ? [SCHEMA_URNS.User, SCHEMA_URNS.EnterpriseUser] : [SCHEMA_URNS.User],
    externalId: values.externalId,
    userName: values.userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: values.email }],
    meta: { resourceType: 'User' },
    name: {
      formatted: `${values.givenName} ${values.familyName}`,
      familyName: values.familyName,
      givenName: values.givenName,
    },
    roles: [],
  };
}

/** The tutorial's Create Group body: no members ("Groups are created with an empty members list"). */
export function entraCreateGroupBody(displayName: string, externalId: string): JsonObject {
  return {
    schemas: [SCHEMA_URNS.Group, ADSCIM_GROUP_SCHEMA],
    externalId,
    displayName,
    meta: { resourceType: 'Group' },
  };
}

/** Tutorial, Update Group [Add Members]: `Add` on `members` with `"$ref": null`. */
export function entraAddMembers(...userIds: string[]): JsonObject {
  return entraPatch({ op: 'Add', path: 'members', value: userIds.map((value) => ({ $ref: null, value })) });
}

/** Compatibility page, Remove group member without the flag: `Remove` on `members` with a value list. */
export function entraLegacyRemoveMember(userId: string): JsonObject {
  return entraPatch({ op: 'Remove', path: 'members', value: [{ value: userId }] });
}

/** Compatibility page, Remove group member with `aadOptscim062020`: a value-filter path and no value. */
export function entraCompliantRemoveMember(userId: string): JsonObject {
  return entraPatch({ op: 'remove', path: `members[value eq "${userId}"]` });
}
