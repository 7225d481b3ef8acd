import { resourcePath } from '../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import type { OktaClientProfile } from './okta-client-profile.js';
import { OKTA_PAGE_SIZE, oktaRequest } from './okta-user-requests.js';
import type { JsonObject, PatchOperation, RequestDescriptor } from './request-descriptor.js';
import { eqFilter, patchBody } from './request-parts.js';

/** A member as Group Push sends it: the target id and, as `display`, the member's userName. */
export interface OktaMember {
  readonly value: string;
  readonly display: string;
}

/** A group's membership change in target ids (removes need no display). */
export interface OktaMembershipChange {
  readonly added: readonly OktaMember[];
  readonly removed: readonly string[];
}

/**
 * "Lookup and link": `filter=displayName eq "…"&startIndex=1&count=100`, sent when the target's group id is not
 * known (REF20; PLAN C9315/C9330).
 */
export function oktaMatchGroupRequest(profile: OktaClientProfile, displayName: string): RequestDescriptor {
  return oktaRequest(profile, 'matchGroup', 'GET', '/Groups', {
    query: [
      ['filter', eqFilter('displayName', displayName, true)],
      ['startIndex', '1'],
      ['count', String(OKTA_PAGE_SIZE)],
    ],
  });
}

/** `GET /Groups/{id}`: whether a pushed group still exists. */
export function oktaGetGroupRequest(profile: OktaClientProfile, id: string): RequestDescriptor {
  return oktaRequest(profile, 'getGroup', 'GET', resourcePath('/Groups', id));
}

/**
 * Group Push's create: `{schemas, displayName, members: []}`; members follow as PATCH-adds (REF20).
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */
export function oktaCreateGroupRequest(profile: OktaClientProfile, displayName: string): RequestDescriptor {
  return oktaRequest(profile, 'createGroup', 'POST', '/Groups', {
    body: { schemas: [SCHEMA_URNS.Group], displayName, members: [] },
  });
}

/**
 * An OIN app's rename, also re-sent after every membership change: a path-less `replace` whose value carries the
 * group's `id` beside `displayName` (REF20).
 */
export function oktaRenameGroupRequest(
  profile: OktaClientProfile,
  id: string,
  displayName: string,
): RequestDescriptor {
  return oktaRequest(profile, 'renameGroup', 'PATCH', resourcePath('/Groups', id), {
    body: patchBody([{ op: 'replace', value: { id, displayName } }]),
  });
}

const memberJson = (member: OktaMember): JsonObject => ({ value: member.value, display: member.display });

/**
 * An OIN app's membership PATCHes: one `remove` per removed member with a `members[value eq "…"]` path and no value,
 * then one `add` of every added member as `{value, display}` (REF20; WIRE: two removes, then one add of two). With
 * `memberBatchSize` > 0, at most that many members per PATCH (Okta publishes no limit).
 */
export function oktaMembershipRequests(
  profile: OktaClientProfile,
  id: string,
  change: OktaMembershipChange,
): RequestDescriptor[] {
  const items = [
    ...change.removed.map((member) => ({ remove: member })),
    ...change.added.map((member) => ({ add: member })),
  ];
  const size = profile.memberBatchSize === 0 ? Math.max(items.length, 1) : profile.memberBatchSize;
  const requests: RequestDescriptor[] = [];
  for (let start = 0; start < items.length; start += size) {
    const batch = items.slice(start, start + size);
    const operations: PatchOperation[] = [];
    for (const item of batch) {
      if ('remove' in item)
        operations.push({ op: 'remove', path: `members[value eq ${JSON.stringify(item.remove)}]` });
    }
    const adds = batch.flatMap((item) => ('add' in item ? [memberJson(item.add)] : []));
    if (adds.length > 0) operations.push({ op: 'add', path: 'members', value: adds });
    requests.push(
      oktaRequest(profile, 'updateGroupMembers', 'PATCH', resourcePath('/Groups', id), {
        body: patchBody(operations),
      }),
    );
  }
  return requests;
}

/**
 * "Push Now" in an OIN app: a full overwrite of the membership, `replace members` with every member (`[]` for an
 * empty group, inferred from PLAN C9316's "must work for empty groups").
 */
export function oktaPushNowRequest(
  profile: OktaClientProfile,
  id: string,
  members: readonly OktaMember[],
): RequestDescriptor {
  return oktaRequest(profile, 'updateGroupMembers', 'PATCH', resourcePath('/Groups', id), {
    body: patchBody([{ op: 'replace', path: 'members', value: members.map(memberJson) }]),
  });
}

/**
 * An AIW app's group write (rename and membership alike): `PUT /Groups/{id}` with `{schemas, displayName, members}`
 * and no `id` (REF20; WIRE's 2018 PUT had one).
 */
export function oktaReplaceGroupRequest(
  profile: OktaClientProfile,
  id: string,
  displayName: string,
  members: readonly OktaMember[],
): RequestDescriptor {
  return oktaRequest(profile, 'replaceGroup', 'PUT', resourcePath('/Groups', id), {
    body: { schemas: [SCHEMA_URNS.Group], displayName, members: members.map(memberJson) },
  });
}

/**
 * `DELETE /Groups/{id}`: sent only for "Unlink pushed group" with "Delete the group in the target app" (REF20; PLAN
 * C9318), with a Content-Type and no body (WIRE).
 */
export function oktaDeleteGroupRequest(profile: OktaClientProfile, id: string): RequestDescriptor {
  return oktaRequest(profile, 'deleteGroup', 'DELETE', resourcePath('/Groups', id));
}
