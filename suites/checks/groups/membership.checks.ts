/**
 * Group membership (RFC 7643 §4.2): changing it with PATCH (RFC 7644 §3.5.2), refusing members that do not exist, what
 * happens to memberships when a user is deleted (§3.6), and the User's readOnly `groups` attribute (RFC 7643 §4.1.2).
 * PATCH may answer 200 with the resource or 204: both are accepted, and the verdict rests on a GET afterwards.
 */

import { randomUUID } from 'node:crypto';
import { isJsonObject } from '../../../src/json/json-guards.js';
import { groupPath, userPath } from '../../../src/scim/resource-path.js';
import { member } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { memberValues, readBackGroup } from '../../support/group-members.js';
import { PATCH_OPERATION_DEFINED } from '../../support/level-bases.js';
import { answered } from '../../support/matchers.js';
import { patchOp } from '../../support/patch-helpers.js';
import type { CreatedResource } from '../../support/resource-factory.js';

const PATCH_RESPONSE =
  'On successful completion, the server either MUST return a 200 OK response code and the entire resource within the response body, subject to the "attributes" query parameter (see Section 3.9), or MAY return HTTP status code 204 (No Content) and the appropriate response headers for a successful PATCH request.';
const ADD =
  'The "add" operation is used to add a new attribute value to an existing resource. … If the target location specifies a multi-valued attribute, a new value is added to the attribute.';
const LARGE_GROUP = 100;

check(
  {
    id: 'groups.patch.add-member',
    title: 'PATCH add members adds the user to the group, keeping existing members',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.1',
    category: 'groups',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement: `${ADD} ${PATCH_RESPONSE}`,
    fix: 'Apply `{"op":"add","path":"members","value":[{"value":"<id>"}]}` by appending the member; answer 200 with the whole group or 204.',
    requires: ['groups', 'patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources }) => {
    const [existing, added] = [await resources.createUser(), await resources.createUser()];
    const group = await resources.createGroup({ members: [{ value: existing.id }] });
    const patch = await scim.patch(
      groupPath(group.id),
      patchOp({ op: 'add', path: 'members', value: [{ value: added.id }] }),
    );
    // A 200 must carry the entire resource: it then shows both members too.
    if (patch.response?.status === 200) {
      expect(memberValues(answered(patch).json).sort(), 'members in the 200 body').toEqual(
        [existing.id, added.id].sort(),
      );
    }
    const stored = await readBackGroup(scim, patch, group.id);
    expect(memberValues(stored).sort(), 'members after the PATCH').toEqual([existing.id, added.id].sort());
  },
);

check(
  {
    id: 'groups.patch.add-many-members',
    title: `One PATCH adding ${LARGE_GROUP} members adds every one of them`,
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.1',
    category: 'groups',
    profiles: ['rfc7644', 'entra'],
    requirement: ADD,
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Apply every value of a multi-valued add; do not cap or truncate large member lists.',
    requires: ['groups', 'patch'],
    quirks: ['patch-not-applied', 'members-not-returned'],
  },
  async ({ scim, resources }) => {
    const users: CreatedResource[] = [];
    // Created ten at a time: the preconditions stay quick without flooding the target.
    for (let batch = 0; batch < LARGE_GROUP; batch += 10) {
      users.push(...(await Promise.all(Array.from({ length: 10 }, () => resources.createUser()))));
    }
    const group = await resources.createGroup();
    const ids = users.map((user) => user.id);
    const patch = await scim.patch(
      groupPath(group.id),
      patchOp({ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }),
    );
    const stored = await readBackGroup(scim, patch, group.id);
    const got = new Set(memberValues(stored));
    expect(ids.filter((id) => !got.has(id)).length, 'members missing after the PATCH').toBe(0);
    expect(got.size, 'distinct members').toBe(LARGE_GROUP);
  },
);

check(
  {
    id: 'groups.patch.remove-member-by-filter',
    title: 'PATCH remove members[value eq "<id>"] removes only that member',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.2',
    category: 'groups',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'If the target location is a multi-valued attribute and a complex filter is specified comparing a "value", the values matched by the filter are removed. If no other values remain after removal of the selected values, the multi-valued attribute SHALL be considered unassigned.',
    fix: 'Support remove with a value-filter path on members, removing just the matching member.',
    requires: ['groups', 'patch'],
    quirks: ['members-value-filter-removal-rejected', 'patch-not-applied'],
  },
  async ({ scim, resources }) => {
    const [leaving, staying] = [await resources.createUser(), await resources.createUser()];
    const group = await resources.createGroup({ members: [{ value: leaving.id }, { value: staying.id }] });
    const patch = await scim.patch(
      groupPath(group.id),
      patchOp({ op: 'remove', path: `members[value eq "${leaving.id}"]` }),
    );
    const stored = await readBackGroup(scim, patch, group.id);
    expect(memberValues(stored), 'members after the PATCH').toEqual([staying.id]);
  },
);

check(
  {
    id: 'groups.patch.remove-all-members',
    title: 'PATCH remove path "members" empties the group',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.2',
    category: 'groups',
    profiles: ['rfc7644'],
    requirement:
      'If the target location is a multi-valued attribute and no filter is specified, the attribute and all values are removed, and the attribute SHALL be considered unassigned.',
    fix: 'Support remove with path "members": drop every member.',
    requires: ['groups', 'patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources }) => {
    const [first, second] = [await resources.createUser(), await resources.createUser()];
    const group = await resources.createGroup({ members: [{ value: first.id }, { value: second.id }] });
    const patch = await scim.patch(groupPath(group.id), patchOp({ op: 'remove', path: 'members' }));
    const stored = await readBackGroup(scim, patch, group.id);
    // Unassigned: absent, null or [] all mean no members.
    expect(memberValues(stored), 'members after the PATCH').toEqual([]);
  },
);

check(
  {
    id: 'groups.patch.replace-display-name',
    title: 'PATCH replace displayName renames the group',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.3',
    category: 'groups',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'The "replace" operation replaces the value at the target location specified by the "path". … If the target location is a single-value attribute, the attributes value is replaced.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Apply `{"op":"replace","path":"displayName","value":"…"}` to the group.',
    requires: ['groups', 'patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources }) => {
    const group = await resources.createGroup();
    const renamed = resources.groupName();
    const patch = await scim.patch(
      groupPath(group.id),
      patchOp({ op: 'replace', path: 'displayName', value: renamed }),
    );
    const stored = await readBackGroup(scim, patch, group.id);
    expect(member(stored, 'displayName'), 'displayName after the PATCH').toBe(renamed);
  },
);

check(
  {
    id: 'groups.members.unknown-member-rejected',
    title: 'A member id that names no resource is refused',
    level: 'SHOULD',
    rfc: 'RFC 7643 §4.2, RFC 7644 §3.12',
    category: 'groups',
    profiles: ['rfc7644'],
    requirement:
      'The "value" sub-attribute contains the value of an "id" attribute of a SCIM resource (RFC 7643 §4.2). invalidValue: A required value was missing, or the value specified was not compatible with the operation or attribute type (see Section 2.2 of [RFC7643]), or resource schema (see Section 4 of [RFC7643]). (RFC 7644 §3.12) Implementers SHOULD handle the identified HTTP status codes as described below. … 400 (Bad Request) | GET, POST, PUT, PATCH, DELETE | Request is unparsable, syntactically incorrect, or violates schema. (RFC 7644 §3.12)',
    fix: 'Refuse a member whose value is not the id of an existing resource (400 invalidValue), instead of storing a dangling reference.',
    requires: ['groups'],
    quirks: ['unknown-member-accepted'],
  },
  async ({ scim, resources }) => {
    const body = resources.groupBody({ members: [{ value: randomUUID() }] });
    const created = await scim.post('/Groups', body);
    const id = member(created.response?.json, 'id');
    if (typeof id === 'string') resources.track('/Groups', id, String(body.displayName));
    // The RFC names no status for this case; 400 (bad value) and 404 (no such member) are both sound refusals.
    await expect(created).toHaveStatus(400, 404);
  },
);

check(
  {
    id: 'groups.members.deleted-user-removed',
    title: 'A deleted user no longer appears among the members of its groups',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.6',
    category: 'groups',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'Service providers MAY choose not to permanently delete the resource, but MUST return a 404 (Not Found) error code for all operations associated with the previously deleted resource. Service providers MUST omit the resource from future query results.',
    levelBasis:
      'RFC 7644 §3.6 makes a deleted resource answer 404 and leave every query result (MUST), but says nothing of references to it that other resources hold, and RFC 7643 §2.3.7 leaves referential integrity to the provider ("A SCIM service provider MAY choose to enforce referential integrity for reference types referring to SCIM resources"); graded SHOULD.',
    fix: 'When a user is deleted, remove it from the members of every group, so no group points at a resource that answers 404.',
    requires: ['groups'],
    quirks: ['deleted-user-stays-member'],
  },
  async ({ scim, resources }) => {
    const [leaving, staying] = [await resources.createUser(), await resources.createUser()];
    const group = await resources.createGroup({ members: [{ value: leaving.id }, { value: staying.id }] });
    const deleted = await scim.delete(userPath(leaving.id));
    // readBackGroup accepts the DELETE's 204 (or 200) and then reads the group.
    const stored = await readBackGroup(scim, deleted, group.id);
    expect(memberValues(stored), 'members after deleting one of them').toEqual([staying.id]);
  },
);

check(
  {
    id: 'groups.user.groups-attribute',
    title: "A member user's groups attribute lists the group",
    level: 'MAY',
    rfc: 'RFC 7643 §4.1.2',
    category: 'groups',
    profiles: ['rfc7644'],
    requirement:
      'groups: A list of groups to which the user belongs, either through direct membership, through nested groups, or dynamically calculated. … If the SCIM service provider exposes a "Group" resource, the "value" sub-attribute MUST be the "id", and the "$ref" sub-attribute must be the URI of the corresponding "Group" resources to which the user belongs. (RFC 7643 §1.1: "If not specified, an attribute is considered to be optional.")',
    levelBasis:
      "RFC 7643 marks no keyword on the User's groups attribute, and §1.1 makes an attribute without one optional, so returning it is graded MAY; the MUST in its definition binds the values when it is returned (each value is the group's id).",
    fix: "Derive the User's readOnly `groups` attribute from group memberships and return it.",
    requires: ['groups'],
    quirks: ['user-groups-not-returned'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const group = await resources.createGroup({ members: [{ value: user.id }] });
    const read = await scim.get(userPath(user.id));
    await expect(read).toHaveStatus(200);
    const groups = member(answered(read).json, 'groups');
    const values = Array.isArray(groups)
      ? groups.filter(isJsonObject).map((entry) => member(entry, 'value'))
      : [];
    expect(values, 'groups[].value of the member').toContain(group.id);
  },
);
