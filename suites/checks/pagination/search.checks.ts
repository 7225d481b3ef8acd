/**
 * RFC 7644 §3.4.3 querying with POST and a SearchRequest body on `/Users/.search`, `/Groups/.search` and the server
 * root. A target that answers 404, 405 or 501 does not offer `.search`: the check is skipped with that reason. When it
 * does answer, the answer is held to the same rules as a GET query.
 */
import type { ScimClient } from '../../../src/http/index.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { createGroupPair } from '../../support/group-members.js';
import {
  expectExactly,
  expectInOrder,
  listedResources,
  listNumber,
  skipWhenUnsupported,
} from '../../support/list-response.js';
import { attributeAt, bodyOf } from '../../support/resource-reading.js';
import { createPersonas } from '../../support/user-personas.js';

const SEARCH =
  'Clients MAY execute queries without passing parameters on the URL by using the HTTP POST verb combined with the "/.search" path extension. The inclusion of "/.search" on the end of a valid SCIM endpoint SHALL be used to indicate that the HTTP POST verb is intended to be a query operation. … The body of the POST request MAY include any of the parameters defined in Section 3.4.2.';

function search(scim: ScimClient, path: string, request: Record<string, unknown>) {
  return scim.post(path, { schemas: [SCHEMA_URNS.SearchRequest], ...request });
}

check(
  {
    id: 'pagination.search.users',
    title: 'POST /Users/.search with filter and attributes answers the matching users, projected',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.3',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: SEARCH,
    fix: 'Read filter, attributes, startIndex and count from the SearchRequest body of POST <endpoint>/.search, answer a ListResponse of the matching resources, and return only the attributes asked for.',
    requires: ['filter'],
    quirks: ['attributes-ignored', 'list-schemas-missing'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    const answer = await search(scim, '/Users/.search', {
      filter: p.scope,
      attributes: ['userName'],
      startIndex: 1,
      count: 10,
    });
    skipWhenUnsupported(answer, 'POST /Users/.search');
    await expectExactly(answer, p.ids('alpha', 'bravo', 'charlie'), p.labels);
    expect(answer).toMatchScimSchema('ListResponse', { listOf: 'User', mode: 'partialResponse' });
    for (const user of listedResources(answer)) {
      expect(attributeAt(bodyOf(user), 'userName'), 'userName requested in attributes').toBeDefined();
      expect(attributeAt(bodyOf(user), 'emails'), 'emails not requested').toBeUndefined();
    }
  },
);

check(
  {
    id: 'pagination.search.paging',
    title: 'A SearchRequest pages with startIndex and count like a GET',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.3, §3.4.2.4',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: `${SEARCH} count: … When specified, the service provider MUST NOT return more results than specified, although it MAY return fewer results.`,
    fix: 'Apply startIndex and count from the SearchRequest body, with totalResults counting every match.',
    requires: ['filter'],
    quirks: ['count-ignored', 'total-results-page-size'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    const answer = await search(scim, '/Users/.search', { filter: p.scope, startIndex: 2, count: 1 });
    skipWhenUnsupported(answer, 'POST /Users/.search');
    await expect(answer).toHaveStatus(200);
    expect(listedResources(answer).length, 'resources on the page').toBeLessThanOrEqual(1);
    expect(listNumber(answer, 'totalResults'), 'totalResults').toBe(3);
  },
);

check(
  {
    id: 'pagination.search.sorted',
    title: 'A SearchRequest sorts with sortBy and sortOrder',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.3, §3.4.2.3',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: `${SEARCH} sortBy: The "sortBy" parameter specifies the attribute whose value SHALL be used to order the returned responses.`,
    fix: 'Apply sortBy and sortOrder from the SearchRequest body.',
    requires: ['filter', 'sort'],
    quirks: ['sort-ignored'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    const answer = await search(scim, '/Users/.search', {
      filter: p.scope,
      sortBy: 'userName',
      sortOrder: 'descending',
    });
    skipWhenUnsupported(answer, 'POST /Users/.search');
    await expectInOrder(answer, p.ids('charlie', 'bravo', 'alpha'), p.labels);
  },
);

check(
  {
    id: 'pagination.search.groups',
    title: 'POST /Groups/.search finds a group by displayName',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.3',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: SEARCH,
    fix: 'Serve POST /Groups/.search like GET /Groups with the same parameters.',
    requires: ['filter', 'groups'],
    quirks: ['filter-ignored'],
  },
  async ({ scim, resources }) => {
    const pair = await createGroupPair(resources);
    const answer = await search(scim, '/Groups/.search', {
      filter: `displayName eq "${pair.one.displayName}"`,
    });
    skipWhenUnsupported(answer, 'POST /Groups/.search');
    await expectExactly(answer, [pair.one.id], pair.labels);
  },
);

check(
  {
    id: 'pagination.search.root',
    title: 'POST /.search at the server root queries across resource types',
    level: 'MAY',
    rfc: 'RFC 7644 §3.4.2, §3.4.3',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: `Queries MAY be performed against a SCIM resource object, a resource type endpoint, or a SCIM server root. ${SEARCH}`,
    fix: 'Serve POST /.search at the base URL, evaluating the filter over every resource type.',
    requires: ['filter'],
    quirks: ['filter-ignored'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    const answer = await search(scim, '/.search', { filter: `userName eq "${p.alpha.userName}"` });
    skipWhenUnsupported(answer, 'POST /.search at the root');
    await expectExactly(answer, p.ids('alpha'), p.labels);
  },
);
