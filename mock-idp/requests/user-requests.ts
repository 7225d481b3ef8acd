import { resourcePath } from '../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import type { ScimAttributeSet, UserMapping } from '../mappings/index.js';
import { type EntraClientProfile, opName } from './client-profile.js';
import type { JsonObject, JsonValue, PatchOperation, RequestDescriptor } from './request-descriptor.js';
import { eqFilter, patchBody, requestFor } from './request-parts.js';
import { plainJson, writeAtPath } from './scim-body.js';

const ENTERPRISE = SCHEMA_URNS.EnterpriseUser;
export const MANAGER_PATH = `${ENTERPRISE}:manager`;

/**
 * A PATCH value in the mode's form: the legacy client sends booleans as the strings "True"/"False"
 * (its `Switch` expression yields strings); the compliant client sends JSON booleans.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 */
export function patchValue(profile: EntraClientProfile, value: string | boolean): JsonValue {
  if (typeof value === 'string' || profile.mode === 'compliant') return value;
  return value ? 'True' : 'False';
}

/**
 * Test Connection: a query for a user that cannot exist (a random GUID on the matching attribute),
 * plus the same for groups when group provisioning is on (inferred: no capture of the group probe).
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
 */
export function testConnectionRequests(
  profile: EntraClientProfile,
  probe: { value: string; groups: boolean; userAttribute?: string; groupAttribute?: string },
): RequestDescriptor[] {
  const user = requestFor(profile, 'testConnectionUser', 'GET', '/Users', {
    query: [['filter', eqFilter(probe.userAttribute ?? 'userName', probe.value, profile.quoteFilterValues)]],
  });
  if (!probe.groups) return [user];
  const group = requestFor(profile, 'testConnectionGroup', 'GET', '/Groups', {
    query: [
      ['excludedAttributes', 'members'],
      ['filter', eqFilter(probe.groupAttribute ?? 'displayName', probe.value, profile.quoteFilterValues)],
    ],
  });
  return [user, group];
}

/** The matching query before a create: `GET /Users?filter=userName eq "…"`. */
export function matchUserRequest(
  profile: EntraClientProfile,
  attribute: string,
  value: string,
): RequestDescriptor {
  return requestFor(profile, 'matchUser', 'GET', '/Users', {
    query: [['filter', eqFilter(attribute, value, profile.quoteFilterValues)]],
  });
}

/** `GET /Users/{id}`: the current state, read before an update. */
export function getUserRequest(profile: EntraClientProfile, id: string): RequestDescriptor {
  return requestFor(profile, 'getUser', 'GET', resourcePath('/Users', id));
}

/** `DELETE /Users/{id}`: sent only when the user is purged (hard-deleted) in Entra. */
export function deleteUserRequest(profile: EntraClientProfile, id: string): RequestDescriptor {
  return requestFor(profile, 'deleteUser', 'DELETE', resourcePath('/Users', id));
}

/** Top-level keys in the order of Microsoft's documented create body; others follow in row order. */
const LEADING_KEYS = ['externalId', 'userName', 'active', 'displayName', 'emails', 'meta', 'name'] as const;

/**
 * The create body: mapped attributes nested as SCIM resources, `meta.resourceType`, no nulls and no
 * empty attributes except the documented `roles: []`. References (manager) are left out: the client
 * links them with a separate PATCH once the user exists. The enterprise URN joins `schemas` when the
 * mapping writes enterprise attributes, as in the documented body (custom extension URNs never do).
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups#create-user
 */
export function createUserRequest(
  profile: EntraClientProfile,
  attributes: ScimAttributeSet,
  mapping?: UserMapping,
): RequestDescriptor {
  const nested: Record<string, JsonValue> = {};
  for (const [path, value] of Object.entries(attributes)) {
    const json = plainJson(value);
    if (json !== undefined) writeAtPath(nested, path, json);
  }
  nested.meta = { resourceType: 'User' };
  const targets = mapping?.rows.map((row) => row.target) ?? Object.keys(attributes);
  const schemas = targets.some((target) => target.startsWith(`${ENTERPRISE}:`))
    ? [SCHEMA_URNS.User, ENTERPRISE]
    : [SCHEMA_URNS.User];
  const body: Record<string, JsonValue> = { schemas };
  const rest = Object.keys(nested).filter((key) => !(LEADING_KEYS as readonly string[]).includes(key));
  const ordered = [
    ...LEADING_KEYS,
    ...rest.filter((key) => !key.startsWith('urn:') && key !== 'roles'),
    ...rest.filter((key) => key.startsWith('urn:')),
    'roles',
  ];
  for (const key of ordered) if (nested[key] !== undefined) body[key] = nested[key]!;
  return requestFor(profile, 'createUser', 'POST', '/Users', { body: body as JsonObject });
}

/** The operation that sets or changes the manager, in the profile's shape. */
export function managerOperation(
  profile: EntraClientProfile,
  op: 'add' | 'replace',
  managerId: string,
): PatchOperation {
  if (profile.managerShape === 'refArray') {
    const ref = `${profile.baseUrl!.replace(/\/+$/, '')}${resourcePath('/Users', managerId)}`;
    return { op: opName(profile, op), path: 'manager', value: [{ $ref: ref, value: managerId }] };
  }
  return { op: opName(profile, op), path: MANAGER_PATH, value: managerId };
}

/**
 * Links a newly created user to its manager: a separate PATCH after the create, with the manager's
 * target-side id as a bare string on the enterprise URN path.
 * @see https://github.com/MicrosoftDocs/azure-docs/issues/45885
 */
export function setManagerRequest(
  profile: EntraClientProfile,
  id: string,
  managerId: string,
): RequestDescriptor {
  return requestFor(profile, 'setManager', 'PATCH', resourcePath('/Users', id), {
    body: patchBody([managerOperation(profile, 'add', managerId)]),
  });
}

/**
 * Disable (soft delete, unassign, out of scope, accountEnabled false): `Replace active "False"` in legacy
 * mode, `replace active false` in compliant mode.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 */
export function disableUserRequest(profile: EntraClientProfile, id: string): RequestDescriptor {
  return requestFor(profile, 'disableUser', 'PATCH', resourcePath('/Users', id), {
    body: patchBody([{ op: opName(profile, 'replace'), path: 'active', value: patchValue(profile, false) }]),
  });
}

/** Re-enable (restore from soft delete, reassignment): the disable body with `true`. */
export function enableUserRequest(profile: EntraClientProfile, id: string): RequestDescriptor {
  return requestFor(profile, 'enableUser', 'PATCH', resourcePath('/Users', id), {
    body: patchBody([{ op: opName(profile, 'replace'), path: 'active', value: patchValue(profile, true) }]),
  });
}

/**
 * The reference check before a manager update (off by default in the engine): `filter=id eq X and
 * manager eq Y&attributes=id`, from the 2016 documentation.
 */
export function checkManagerReferenceRequest(
  profile: EntraClientProfile,
  id: string,
  managerId: string,
): RequestDescriptor {
  const filter = `${eqFilter('id', id, profile.quoteFilterValues)} and ${eqFilter('manager', managerId, profile.quoteFilterValues)}`;
  return requestFor(profile, 'checkManagerReference', 'GET', '/Users', {
    query: [
      ['filter', filter],
      ['attributes', 'id'],
    ],
  });
}
