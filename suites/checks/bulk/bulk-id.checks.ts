import { groupPath, userPath } from '../../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import {
  type BulkCreation,
  bulkRequest,
  bulkResults,
  isSuccess,
  resultFor,
  statusCodeOf,
  trackBulkCreations,
} from '../../support/bulk-requests.js';
import { member, stringMember } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { answered } from '../../support/matchers.js';

/** The member ids of a group, read back with GET. */
async function memberIds(
  scim: Parameters<Parameters<typeof check>[1]>[0]['scim'],
  groupId: string,
): Promise<string[]> {
  const group = await scim.get(groupPath(groupId));
  const members = member(answered(group).json, 'members');
  return Array.isArray(members)
    ? members.map((item) => stringMember(item, 'value')).filter((v): v is string => v !== undefined)
    : [];
}

check(
  {
    id: 'bulk.bulk-id.data-reference',
    title: 'A "bulkId:…" reference in a later operation\'s data becomes the created id',
    level: 'MUST',
    rfc: 'RFC 7644 §3.7.2',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'The "bulkId" attribute value must be prepended with the literal "bulkId:"; e.g., if the bulkId is \'qwerty\', the value is "bulkId:qwerty". The service provider MUST replace the string "bulkId:qwerty" with the permanent resource id once created.',
    fix: 'Substitute "bulkId:<id>" values (group members, manager) with the id the referenced POST created.',
    requires: ['bulk', 'groups'],
    quirks: ['bulk-id-not-resolved'],
  },
  async ({ scim, resources }) => {
    const user = resources.userBody();
    const group = resources.groupBody({ members: [{ type: 'User', value: 'bulkId:qwerty' }] });
    const creations: BulkCreation[] = [
      { bulkId: 'qwerty', endpoint: '/Users', name: String(user.userName) },
      { bulkId: 'ytrewq', endpoint: '/Groups', name: String(group.displayName) },
    ];
    const exchange = await scim.post(
      '/Bulk',
      bulkRequest([
        { method: 'POST', path: '/Users', bulkId: 'qwerty', data: user },
        { method: 'POST', path: '/Groups', bulkId: 'ytrewq', data: group },
      ]),
    );
    const ids = await trackBulkCreations(scim, resources, exchange, creations);
    await expect(exchange).toHaveStatus(200);
    expect(statusCodeOf(resultFor(bulkResults(exchange), 'ytrewq')), 'status of the group POST').toBe('201');
    const userId = ids.get('qwerty');
    const groupId = ids.get('ytrewq');
    expect(userId && groupId, 'both resources were created').toBeTruthy();
    expect(await memberIds(scim, groupId ?? ''), 'the group members').toEqual([userId]);
  },
);

check(
  {
    id: 'bulk.bulk-id.path-reference',
    title: 'A "bulkId:…" reference in a later operation\'s path addresses the created resource',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.7.2',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'The service provider MUST replace the string "bulkId:qwerty" with the permanent resource id once created.',
    levelBasis:
      'RFC 7644 §3.7.2 states the replacement as a MUST but shows "bulkId:" references only inside an operation\'s data; resolving one in a later operation\'s "path" extends that MUST to a place the RFC does not show, so the check is graded SHOULD.',
    fix: 'Resolve "bulkId:<id>" in operation paths too, e.g. PATCH /Users/bulkId:qwerty after the POST that declares it.',
    requires: ['bulk', 'patch'],
    quirks: ['bulk-id-not-resolved'],
  },
  async ({ scim, resources }) => {
    // SHOULD, not MUST: RFC 7644 shows bulkId references only inside data; the sentence it states is general.
    const user = resources.userBody();
    const exchange = await scim.post(
      '/Bulk',
      bulkRequest([
        { method: 'POST', path: '/Users', bulkId: 'qwerty', data: user },
        {
          method: 'PATCH',
          path: '/Users/bulkId:qwerty',
          data: {
            schemas: [SCHEMA_URNS.PatchOp],
            Operations: [{ op: 'replace', path: 'displayName', value: 'Renamed Through A Bulk Reference' }],
          },
        },
      ]),
    );
    const ids = await trackBulkCreations(scim, resources, exchange, [
      { bulkId: 'qwerty', endpoint: '/Users', name: String(user.userName) },
    ]);
    await expect(exchange).toHaveStatus(200);
    const patch = bulkResults(exchange).find(
      (result) => String(member(result, 'method')).toUpperCase() === 'PATCH',
    );
    expect(isSuccess(patch), `status of the PATCH: ${statusCodeOf(patch)}`).toBe(true);
    const after = await scim.get(userPath(ids.get('qwerty') ?? ''));
    expect(stringMember(after.response?.json, 'displayName')).toBe('Renamed Through A Bulk Reference');
  },
);

check(
  {
    id: 'bulk.bulk-id.circular-reference',
    title: 'Circular bulkId references are resolved, or refused with 409',
    level: 'MUST',
    rfc: 'RFC 7644 §3.7.1',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'The service provider MUST try to resolve circular cross-references between resources in a single bulk job but MAY stop after a failed attempt and instead return HTTP status code 409 (Conflict).',
    fix: 'Create both groups and patch in the members afterwards, or answer the circular operations with 409.',
    requires: ['bulk', 'groups'],
    quirks: ['bulk-id-not-resolved'],
  },
  async ({ scim, resources }) => {
    const groupA = resources.groupBody({ members: [{ type: 'Group', value: 'bulkId:ytrewq' }] });
    const groupB = resources.groupBody({ members: [{ type: 'Group', value: 'bulkId:qwerty' }] });
    const exchange = await scim.post(
      '/Bulk',
      bulkRequest([
        { method: 'POST', path: '/Groups', bulkId: 'qwerty', data: groupA },
        { method: 'POST', path: '/Groups', bulkId: 'ytrewq', data: groupB },
      ]),
    );
    const ids = await trackBulkCreations(scim, resources, exchange, [
      { bulkId: 'qwerty', endpoint: '/Groups', name: String(groupA.displayName) },
      { bulkId: 'ytrewq', endpoint: '/Groups', name: String(groupB.displayName) },
    ]);
    // Both outcomes the RFC allows: the whole request 409, or per-operation 409s, or everything resolved.
    if (exchange.response?.status === 409) return;
    await expect(exchange).toHaveStatus(200);
    const codes = ['qwerty', 'ytrewq'].map((bulkId) =>
      statusCodeOf(resultFor(bulkResults(exchange), bulkId)),
    );
    if (codes.includes('409')) return;
    expect(codes, 'status of the two group POSTs (201 when resolved, 409 when refused)').toEqual([
      '201',
      '201',
    ]);
    const a = ids.get('qwerty') ?? '';
    const b = ids.get('ytrewq') ?? '';
    expect(await memberIds(scim, a), 'group A lists group B').toEqual([b]);
    expect(await memberIds(scim, b), 'group B lists group A').toEqual([a]);
  },
);
