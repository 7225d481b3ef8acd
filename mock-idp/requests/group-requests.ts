import { resourcePath } from '../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import type { ScimAttributeSet, ScimAttributeValue } from '../mappings/index.js';
import { diffAttributes, type ResolveTargetId } from './attribute-diff.js';
import { type EntraClientProfile, opName } from './client-profile.js';
import type { JsonObject, JsonValue, PatchOperation, RequestDescriptor } from './request-descriptor.js';
import { eqFilter, patchBody, requestFor } from './request-parts.js';

/**
 * The Microsoft schema URI the client adds to a group create.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups#create-group
 */
export const ADSCIM_GROUP_SCHEMA = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

const EXCLUDE_MEMBERS = ['excludedAttributes', 'members'] as const;

/** The matching query for groups: `GET /Groups?excludedAttributes=members&filter=displayName eq "…"`. */
export function matchGroupRequest(
  profile: EntraClientProfile,
  attribute: string,
  value: string,
): RequestDescriptor {
  return requestFor(profile, 'matchGroup', 'GET', '/Groups', {
    query: [EXCLUDE_MEMBERS, ['filter', eqFilter(attribute, value, profile.quoteFilterValues)]],
  });
}

/** `GET /Groups/{id}?excludedAttributes=members`: group reads never ask for members. */
export function getGroupRequest(profile: EntraClientProfile, id: string): RequestDescriptor {
  return requestFor(profile, 'getGroup', 'GET', resourcePath('/Groups', id), { query: [EXCLUDE_MEMBERS] });
}

/** `DELETE /Groups/{id}`. */
export function deleteGroupRequest(profile: EntraClientProfile, id: string): RequestDescriptor {
  return requestFor(profile, 'deleteGroup', 'DELETE', resourcePath('/Groups', id));
}

/**
 * The group create: core and ADSCIM schemas, `externalId`, `displayName`, `meta.resourceType`, and
 * never members ("Groups are created with an empty members list"; membership follows as PATCHes).
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups#create-group
 */
export function createGroupRequest(
  profile: EntraClientProfile,
  attributes: ScimAttributeSet,
): RequestDescriptor {
  const body: Record<string, JsonValue> = { schemas: [SCHEMA_URNS.Group, ADSCIM_GROUP_SCHEMA] };
  for (const [path, value] of Object.entries(attributes)) {
    if (typeof value === 'string' || typeof value === 'boolean') body[path] = value;
  }
  body.meta = { resourceType: 'Group' };
  return requestFor(profile, 'createGroup', 'POST', '/Groups', { body: body as JsonObject });
}

/** The change of a group's membership, in target ids. */
export interface MembershipChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

function memberIds(value: ScimAttributeValue | undefined): readonly string[] {
  return typeof value === 'object' && value.kind === 'references' ? value.objectIds : [];
}

/**
 * Which members were added and removed between two expected group states, as target ids. Members the
 * target does not know (not provisioned, other shards) are skipped, as Entra skips them.
 */
export function diffMembers(
  previous: ScimAttributeSet,
  next: ScimAttributeSet,
  resolveId: ResolveTargetId,
): MembershipChange {
  const before = new Set(memberIds(previous.members));
  const after = new Set(memberIds(next.members));
  const ids = (objectIds: Iterable<string>) =>
    [...objectIds].map(resolveId).filter((id): id is string => id !== undefined);
  return {
    added: ids([...after].filter((id) => !before.has(id))),
    removed: ids([...before].filter((id) => !after.has(id))),
  };
}

function memberValue(profile: EntraClientProfile, id: string): JsonValue {
  return profile.memberRefNull ? { $ref: null, value: id } : { value: id };
}

/**
 * Membership PATCHes, at most `memberBatchSize` member references each, adds before removes.
 * Adds are one `Add members` operation with a value array (both modes). Legacy removes are one
 * `Remove members` with a value array; compliant removes are one `remove members[value eq "id"]`
 * operation per member, since each needs its own filtered path.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 */
export function groupMembershipRequests(
  profile: EntraClientProfile,
  id: string,
  change: MembershipChange,
): RequestDescriptor[] {
  const changes = [
    ...change.added.map((member) => ['add', member] as const),
    ...change.removed.map((member) => ['remove', member] as const),
  ];
  const requests: RequestDescriptor[] = [];
  for (let start = 0; start < changes.length; start += profile.memberBatchSize) {
    const batch = changes.slice(start, start + profile.memberBatchSize);
    const adds = batch.filter(([kind]) => kind === 'add').map(([, member]) => member);
    const removes = batch.filter(([kind]) => kind === 'remove').map(([, member]) => member);
    const operations: PatchOperation[] = [];
    if (adds.length > 0) {
      operations.push({
        op: opName(profile, 'add'),
        path: 'members',
        value: adds.map((member) => memberValue(profile, member)),
      });
    }
    if (removes.length > 0 && profile.mode === 'legacy') {
      operations.push({
        op: opName(profile, 'remove'),
        path: 'members',
        value: removes.map((member) => memberValue(profile, member)),
      });
    } else {
      for (const member of removes) {
        operations.push({
          op: opName(profile, 'remove'),
          path: `members[value eq ${JSON.stringify(member)}]`,
        });
      }
    }
    requests.push(
      requestFor(profile, 'updateGroupMembers', 'PATCH', resourcePath('/Groups', id), {
        body: patchBody(operations),
      }),
    );
  }
  return requests;
}

/**
 * A group update: a PATCH for changed attributes (rename: one `Replace displayName` with a path in both
 * modes, inferred from COMPAT not listing it) followed by the membership PATCHes.
 */
export function updateGroupRequests(
  profile: EntraClientProfile,
  id: string,
  previous: ScimAttributeSet,
  next: ScimAttributeSet,
  resolveId: ResolveTargetId,
): RequestDescriptor[] {
  const requests: RequestDescriptor[] = [];
  const operations = diffAttributes(profile, previous, next, { format: 'verbose', resolveId });
  if (operations.length > 0) {
    requests.push(
      requestFor(profile, 'updateGroup', 'PATCH', resourcePath('/Groups', id), {
        body: patchBody(operations),
      }),
    );
  }
  requests.push(...groupMembershipRequests(profile, id, diffMembers(previous, next, resolveId)));
  return requests;
}
