/**
 * Filters on /Groups (RFC 7644 §3.4.2.2): by displayName, as every IdP looks a group up, and by membership.
 */
import { check } from '../../support/check.js';
import { createGroupPair } from '../../support/group-members.js';
import { expectExactly } from '../../support/list-response.js';
import { unsupportedWhenFilterDeclined } from '../../support/unsupported.js';

check(
  {
    id: 'filter.groups.display-name-eq',
    title: 'displayName eq finds exactly the group with that name',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2',
    category: 'filter',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … eq: The attribute and operator values must be identical for a match.',
    fix: 'Support `displayName eq "<name>"` on /Groups: IdPs look groups up by it before creating them.',
    requires: ['filter', 'groups'],
    quirks: ['filter-ignored'],
  },
  async ({ scim, resources }) => {
    const pair = await createGroupPair(resources);
    const answer = await scim.get('/Groups', {
      query: { filter: `displayName eq "${pair.one.displayName}"` },
    });
    await expectExactly(answer, [pair.one.id], pair.labels);
  },
);

check(
  {
    id: 'filter.groups.display-name-case-insensitive',
    title: 'displayName eq matches a group whatever the case (Group displayName is caseExact=false)',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2, RFC 7643 §4.2',
    category: 'filter',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'When comparing attributes of type String, the case sensitivity for String type attributes SHALL be determined by the attribute\'s "caseExact" characteristic (see Section 2.2 of [RFC7643]).',
    fix: 'Compare Group displayName case-insensitively in filters, as RFC 7643 defines it with caseExact=false.',
    requires: ['filter', 'groups'],
    quirks: ['group-display-name-case-sensitive', 'filter-ignored'],
  },
  async ({ scim, resources }) => {
    const pair = await createGroupPair(resources);
    const filter = `displayName eq "${pair.one.displayName.toUpperCase()}"`;
    await expectExactly(await scim.get('/Groups', { query: { filter } }), [pair.one.id], pair.labels);
  },
);

check(
  {
    id: 'filter.groups.members-value',
    title: 'members.value eq finds the groups a user belongs to',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2',
    category: 'filter',
    profiles: ['rfc7644'],
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … If the specified attribute in a filter expression is a multi-valued attribute, the filter matches if any of the values of the specified attribute match the specified criterion',
    fix: 'Evaluate `members.value eq "<id>"` against every member of each group.',
    requires: ['filter', 'groups'],
    quirks: ['filter-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const pair = await createGroupPair(resources, [user.id]);
    // The user was created by this check, so only this check's groups can list it: no scope (and no `sw`) is needed.
    const answer = await scim.get('/Groups', { query: { filter: `members.value eq "${user.id}"` } });
    // Table 9 lets a provider decline "the specified attribute and filter comparison combination": that is a missing
    // optional capability, not a wrong answer.
    unsupportedWhenFilterDeclined(answer, 'filtering groups on members.value');
    await expectExactly(answer, [pair.one.id], pair.labels);
  },
);

check(
  {
    id: 'filter.groups.id-and-members-eq',
    title: 'id eq … and members eq … answers whether a user is in a group',
    level: 'SHOULD',
    rfc: 'Datadog SCIM API, List groups',
    category: 'filter',
    profiles: ['datadog'],
    requirement:
      'Filter should be of the form `displayName eq <group name>` or `externalId eq <external id of group>` or `id eq <group id> and members eq <user uuid>` or `members eq <user uuid> and id eq <group id>` (Datadog SCIM API reference, GET /api/v2/scim/Groups)',
    levelBasis:
      'Datadog\'s reference lists `id eq <group id> and members eq <user uuid>` among the group filters it accepts, in a lowercase "should" addressed to clients; graded SHOULD because it is one of two documented ways to ask whether a user is a member (reading the group\'s members is the other).',
    fix: 'Accept `members eq "<user id>"` on /Groups, comparing with each member value, as Datadog documents and Entra sends.',
    requires: ['filter', 'groups'],
    quirks: ['filter-ignored'],
  },
  async ({ scim, resources }) => {
    const member = await resources.createUser();
    const outsider = await resources.createUser();
    const pair = await createGroupPair(resources, [member.id]);
    const query = async (userId: string) => {
      const answer = await scim.get('/Groups', {
        query: { filter: `id eq "${pair.one.id}" and members eq "${userId}"`, excludedAttributes: 'members' },
      });
      unsupportedWhenFilterDeclined(answer, 'the filter `id eq "<group>" and members eq "<user>"`');
      return answer;
    };
    await expectExactly(await query(member.id), [pair.one.id], pair.labels);
    await expectExactly(await query(outsider.id), [], pair.labels);
  },
);
