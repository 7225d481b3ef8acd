/**
 * Groups (RFC 7643 §4.2) through their life: create (RFC 7644 §3.3), read (§3.4.1), replace (§3.5.1), delete (§3.6),
 * and the `excludedAttributes=members` reads Entra makes (§3.9).
 */
import { groupPath } from '../../../src/scim/resource-path.js';
import { member } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { membersOf, memberValues, readBackGroup } from '../../support/group-members.js';
import { KEPT_ON_CREATE, READ_DEFINED } from '../../support/level-bases.js';
import { expectExactly, listedResources } from '../../support/list-response.js';
import { answered } from '../../support/matchers.js';

const MEMBERS =
  'members: A list of members of the Group. While values MAY be added or removed, sub-attributes of members are "immutable". The "value" sub-attribute contains the value of an "id" attribute of a SCIM resource, and the "$ref" sub-attribute must be the URI of a SCIM resource such as a "User", or a "Group".';
const EXCLUDED =
  'excludedAttributes: When specified, each resource returned MUST contain the minimum set of resource attributes. Additionally, the default set of attributes minus those attributes listed in "excludedAttributes" is returned.';

check(
  {
    id: 'groups.create.returns-201',
    title: 'Creating a group answers 201 Created with a valid Group',
    level: 'MUST',
    rfc: 'RFC 7644 §3.3',
    category: 'groups',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'When the service provider successfully creates the new resource, an HTTP response SHALL be returned with HTTP status code 201 (Created).',
    fix: 'Answer a successful POST /Groups with 201 and the created Group (schemas, id, displayName, meta).',
    requires: ['groups'],
    quirks: ['create-returns-200', 'schemas-missing'],
  },
  async ({ scim, resources }) => {
    const body = resources.groupBody();
    const created = await scim.post('/Groups', body);
    const id = member(created.response?.json, 'id');
    if (typeof id === 'string') resources.track('/Groups', id, String(body.displayName));
    await expect(created).toHaveStatus(201);
    expect(created).toMatchScimSchema('Group');
    expect(member(answered(created).json, 'displayName'), 'displayName').toBe(body.displayName);
  },
);

check(
  {
    id: 'groups.create.display-name-required',
    title: 'Creating a group without displayName answers 400',
    level: 'MUST',
    rfc: 'RFC 7643 §4.2',
    category: 'groups',
    profiles: ['rfc7644'],
    requirement: 'displayName  A human-readable name for the Group.  REQUIRED.',
    fix: 'Reject a Group without displayName with 400 and a SCIM Error (scimType invalidValue: "A required value was missing").',
    requires: ['groups'],
    quirks: ['group-display-name-not-required'],
  },
  async ({ scim, resources }) => {
    const { displayName, ...body } = resources.groupBody();
    const created = await scim.post('/Groups', body);
    const id = member(created.response?.json, 'id');
    if (typeof id === 'string') resources.track('/Groups', id, `${String(displayName)} (created without it)`);
    // RFC 7644 §3.12 suggests invalidValue without requiring it: the status and the Error shape are judged.
    await expect(created).toBeScimError(400);
  },
);

check(
  {
    id: 'groups.create.with-members',
    title: 'A group created with members keeps them',
    level: 'SHOULD',
    rfc: 'RFC 7643 §4.2, RFC 7644 §3.3',
    category: 'groups',
    profiles: ['rfc7644', 'datadog'],
    requirement: MEMBERS,
    levelBasis: KEPT_ON_CREATE,
    fix: 'Store the members given on POST /Groups and return them (members is returned by default).',
    requires: ['groups'],
    quirks: ['members-not-returned'],
  },
  async ({ scim, resources }) => {
    const [first, second] = [await resources.createUser(), await resources.createUser()];
    const group = await resources.createGroup({ members: [{ value: first.id }, { value: second.id }] });
    const read = await scim.get(groupPath(group.id));
    await expect(read).toHaveStatus(200);
    expect(memberValues(answered(read).json).sort(), 'member values').toEqual([first.id, second.id].sort());
  },
);

check(
  {
    id: 'groups.read.by-id',
    title: 'GET /Groups/{id} answers 200 with the group',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.1',
    category: 'groups',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'Clients retrieve a known resource by an HTTP GET request to the resource endpoint … If successful, the service provider responds with HTTP status code 200 (OK) and includes the result in the body of the response.',
    levelBasis: READ_DEFINED,
    fix: 'Serve GET /Groups/{id} with 200 and a valid Group.',
    requires: ['groups'],
    quirks: ['schemas-missing'],
  },
  async ({ scim, resources }) => {
    const group = await resources.createGroup();
    const read = await scim.get(groupPath(group.id));
    await expect(read).toHaveStatus(200);
    expect(read).toMatchScimSchema('Group');
    const body = answered(read).json;
    expect(member(body, 'id'), 'id').toBe(group.id);
    expect(member(body, 'displayName'), 'displayName').toBe(group.body.displayName);
  },
);

check(
  {
    id: 'groups.members.reference-sub-attributes',
    title: 'Each member carries the member id as value, and $ref/type point at a User when present',
    level: 'MUST',
    rfc: 'RFC 7643 §4.2, §2.4',
    category: 'groups',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement: `${MEMBERS} (RFC 7643 §2.4: "The predefined sub-attributes listed in this section can be used with multi-valued attribute objects, but these sub-attributes MUST be used with the meanings defined here.")`,
    fix: 'Return each member with `value` set to the member id; if you return $ref, make it the member\'s URI (…/Users/<id>); if you return type, "User" for users.',
    requires: ['groups'],
    quirks: ['members-not-returned'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const group = await resources.createGroup({ members: [{ value: user.id }] });
    const read = await scim.get(groupPath(group.id));
    await expect(read).toHaveStatus(200);
    const members = membersOf(answered(read).json);
    expect(members.length, 'members returned').toBe(1);
    const [first] = members;
    expect(member(first, 'value'), 'members[0].value').toBe(user.id);
    const ref = member(first, '$ref');
    if (ref !== undefined && ref !== null) {
      // Another host than ours is fine (meta.location differences are not a failure); the path must name the user.
      expect(String(ref), 'members[0].$ref').toMatch(new RegExp(`/Users/${encodeURIComponent(user.id)}$`));
    }
    const type = member(first, 'type');
    if (type !== undefined && type !== null)
      expect(String(type).toLowerCase(), 'members[0].type').toBe('user');
  },
);

check(
  {
    id: 'groups.put.replaces-members',
    title: 'PUT /Groups/{id} with a new member list replaces the old one',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.1',
    category: 'groups',
    profiles: ['rfc7644', 'datadog'],
    requirement:
      "HTTP PUT is used to replace a resource's attributes. … readWrite, writeOnly Any values provided SHALL replace the existing attribute values. … Unless otherwise specified, a successful PUT operation returns a 200 OK response code and the entire resource within the response body, enabling the client to correlate the client's and the service provider's views of the updated resource.",
    fix: 'On PUT, replace members with exactly the list given.',
    requires: ['groups'],
    quirks: ['members-not-returned'],
  },
  async ({ scim, resources }) => {
    const [before, after] = [await resources.createUser(), await resources.createUser()];
    const group = await resources.createGroup({ members: [{ value: before.id }] });
    const body = {
      ...resources.groupBody(),
      displayName: group.body.displayName,
      members: [{ value: after.id }],
    };
    const put = await scim.put(groupPath(group.id), body);
    const stored = await readBackGroup(scim, put, group.id);
    expect(memberValues(stored), 'members after PUT').toEqual([after.id]);
  },
);

check(
  {
    id: 'groups.excluded-members.get',
    title: 'GET /Groups/{id}?excludedAttributes=members leaves the members out',
    level: 'MUST',
    rfc: 'RFC 7644 §3.9',
    category: 'groups',
    profiles: ['rfc7644', 'entra'],
    requirement: EXCLUDED,
    fix: 'Honour excludedAttributes=members on GET /Groups/{id}: Entra reads groups this way and treats returned members as an error.',
    requires: ['groups'],
    quirks: ['excluded-attributes-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const group = await resources.createGroup({ members: [{ value: user.id }] });
    const read = await scim.get(groupPath(group.id), {
      query: { excludedAttributes: 'members' },
    });
    await expect(read).toHaveStatus(200);
    const body = answered(read).json;
    expect(member(body, 'members'), 'members').toBeUndefined();
    expect(member(body, 'id'), 'id').toBe(group.id);
    expect(member(body, 'displayName'), 'displayName').toBe(group.body.displayName);
  },
);

check(
  {
    id: 'groups.excluded-members.filter',
    title: 'GET /Groups?excludedAttributes=members&filter=displayName eq … finds the group without members',
    level: 'MUST',
    rfc: 'RFC 7644 §3.9, §3.4.2.2',
    category: 'groups',
    profiles: ['rfc7644', 'entra'],
    requirement: EXCLUDED,
    fix: 'Honour excludedAttributes=members on filtered group lists (the lookup Entra makes before creating a group).',
    requires: ['groups', 'filter'],
    quirks: ['excluded-attributes-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const group = await resources.createGroup({ members: [{ value: user.id }] });
    const answer = await scim.get('/Groups', {
      query: { excludedAttributes: 'members', filter: `displayName eq "${String(group.body.displayName)}"` },
    });
    await expectExactly(answer, [group.id], new Map([[group.id, 'group']]));
    expect(member(listedResources(answer)[0], 'members'), 'members').toBeUndefined();
  },
);

check(
  {
    id: 'groups.delete.gone',
    title: 'DELETE /Groups/{id} answers 204 and the group is 404 afterwards',
    level: 'MUST',
    rfc: 'RFC 7644 §3.6',
    category: 'groups',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'In response to a successful DELETE, the server SHALL return a successful HTTP status code 204 (No Content). … Service providers MAY choose not to permanently delete the resource, but MUST return a 404 (Not Found) error code for all operations associated with the previously deleted resource.',
    fix: 'Answer DELETE with 204 and answer 404 for the deleted group from then on.',
    requires: ['groups'],
    quirks: ['soft-delete-does-not-delete', 'delete-returns-200'],
  },
  async ({ scim, resources }) => {
    const group = await resources.createGroup();
    const deleted = await scim.delete(groupPath(group.id));
    await expect(deleted).toHaveStatus(204);
    await expect(await scim.get(groupPath(group.id))).toHaveStatus(404);
  },
);

check(
  {
    id: 'groups.delete.omitted-from-queries',
    title: 'A deleted group no longer matches a filter',
    level: 'MUST',
    rfc: 'RFC 7644 §3.6',
    category: 'groups',
    profiles: ['rfc7644', 'entra'],
    requirement: 'Service providers MUST omit the resource from future query results.',
    fix: 'Leave deleted groups out of every list and filter result.',
    requires: ['groups', 'filter'],
    quirks: ['soft-delete-does-not-delete'],
  },
  async ({ scim, resources }) => {
    const group = await resources.createGroup();
    const deleted = await scim.delete(groupPath(group.id));
    await expect(deleted).toHaveStatus(200, 204);
    const answer = await scim.get('/Groups', {
      query: { filter: `displayName eq "${String(group.body.displayName)}"` },
    });
    await expectExactly(answer, [], new Map([[group.id, 'deleted group']]));
  },
);
