/**
 * Datadog Teams as SCIM Groups: the documented lookups and writes. Team provisioning is only enabled for some Datadog
 * organizations, so every check requires the groups capability and is skipped where /Groups is not offered.
 * @see https://docs.datadoghq.com/api/latest/scim/
 */
import { groupPath } from '../../../src/scim/resource-path.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { memberValues, readBackGroup } from '../../support/group-members.js';
import { attributeOf, expectExactly } from '../../support/list-response.js';
import { answered } from '../../support/matchers.js';
import { unsupportedWhenFilterDeclined } from '../../support/unsupported.js';
import { DATADOG_ACCEPT, DATADOG_DOCUMENTED, datadogPatch, datadogSection } from './datadog-docs.js';

check(
  {
    id: 'datadog.groups.lookup-by-external-id',
    title: 'externalId eq "<external id>" on /Groups finds exactly that group',
    level: 'MUST',
    rfc: datadogSection('List groups'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      'Filter should be of the form `displayName eq <group name>` or `externalId eq <external id of group>` or `id eq <group id> and members eq <user uuid>` or `members eq <user uuid> and id eq <group id>`.',
    levelBasis:
      'Datadog\'s reference lists `externalId eq <external id of group>` among the few group filters it documents (its lowercase "should be of the form" tells clients which filters to send); the datadog profile holds a target to what Datadog documents, so finding the group by it is graded MUST.',
    fix: 'Evaluate `externalId eq "<value>"` on /Groups (externalId is caseExact) and return only the matching group.',
    requires: ['groups', 'filter'],
    quirks: ['external-id-not-filterable', 'filter-ignored'],
    declinedBy: ['external-id-not-filterable'],
  },
  async ({ scim, resources, faker }) => {
    const externalId = faker.string.uuid();
    const wanted = await resources.createGroup({ externalId });
    const other = await resources.createGroup({ externalId: faker.string.uuid() });
    const answer = await scim.get('/Groups', {
      query: { filter: `externalId eq "${externalId}"` },
      headers: DATADOG_ACCEPT,
    });
    unsupportedWhenFilterDeclined(answer, '`externalId eq` on /Groups');
    await expectExactly(
      answer,
      [wanted.id],
      new Map([
        [wanted.id, 'group with the externalId'],
        [other.id, 'other group'],
      ]),
    );
  },
);

check(
  {
    id: 'datadog.groups.patch-add-members-path-less',
    title: 'Patch group: a path-less add of {"members": […]} adds the members, answered 200',
    level: 'MUST',
    rfc: datadogSection('Patch group'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      'Patch group: PATCH /api/v2/scim/Groups/{group_id} with {"op": "add", "value": {"members": [{"value": "<user uuid>", …}]}} (op: add, replace or remove). Response 200 OK.',
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Apply a path-less add by appending the listed members to the group, and answer 200.',
    requires: ['groups', 'patch'],
    quirks: ['patch-not-applied', 'members-not-returned'],
  },
  async ({ scim, resources }) => {
    const existing = await resources.createUser();
    const added = await resources.createUser();
    const group = await resources.createGroup({ members: [{ value: existing.id }] });
    const patched = await scim.patch(
      groupPath(group.id),
      datadogPatch({ op: 'add', value: { members: [{ value: added.id, type: 'User' }] } }),
      { headers: DATADOG_ACCEPT },
    );
    await expect(patched).toHaveStatus(200);
    const after = await readBackGroup(scim, patched, group.id);
    expect(memberValues(after).sort(), 'members after the add').toEqual([existing.id, added.id].sort());
  },
);

check(
  {
    id: 'datadog.groups.patch-documented-operations',
    title:
      'Patch group with the documented operations: path-less replace, path-less add, remove members[value eq …]',
    level: 'MUST',
    rfc: datadogSection('Patch group'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      'Patch group example Operations: {"op": "replace", "value": {"displayName": …}}, {"op": "add", "value": {"members": […]}}, {"op": "remove", "path": "members[value eq \\"<user uuid>\\"]"}. Response 200 OK.',
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Apply all three operations of one request in order: rename, add the member, and remove only the filtered member.',
    requires: ['groups', 'patch'],
    quirks: ['members-value-filter-removal-rejected', 'patch-not-applied'],
  },
  async ({ scim, resources }) => {
    const leaving = await resources.createUser();
    const joining = await resources.createUser();
    const group = await resources.createGroup({ members: [{ value: leaving.id }] });
    const renamed = `${resources.groupName()} renamed`;
    const patched = await scim.patch(
      groupPath(group.id),
      datadogPatch(
        { op: 'replace', value: { displayName: renamed } },
        { op: 'add', value: { members: [{ value: joining.id }] } },
        { op: 'remove', path: `members[value eq "${leaving.id}"]` },
      ),
      { headers: DATADOG_ACCEPT },
    );
    await expect(patched).toHaveStatus(200);
    const after = await readBackGroup(scim, patched, group.id);
    expect(attributeOf(after, 'displayName'), 'displayName').toBe(renamed);
    expect(memberValues(after), 'members').toEqual([joining.id]);
  },
);

check(
  {
    id: 'datadog.groups.put-returns-200',
    title: 'Update group (PUT) answers 200 with the updated group',
    level: 'MUST',
    rfc: datadogSection('Update group'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      'Update group: PUT /api/v2/scim/Groups/{group_id} with schemas, displayName, externalId and members. Response 200 OK with the updated group (409 Conflict when the displayName is taken).',
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Answer a successful PUT of a group with 200 and the group in the body.',
    requires: ['groups'],
    quirks: ['put-returns-204'],
  },
  async ({ scim, resources }) => {
    const member = await resources.createUser();
    const group = await resources.createGroup();
    const renamed = `${resources.groupName()} replaced`;
    const body = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: renamed,
      externalId: group.id,
      members: [{ value: member.id, type: 'User' }],
    };
    const replaced = await scim.put(groupPath(group.id), body, { headers: DATADOG_ACCEPT });
    await expect(replaced).toHaveStatus(200);
    expect(attributeOf(answered(replaced).json, 'displayName'), 'displayName in the answer').toBe(renamed);
  },
);
