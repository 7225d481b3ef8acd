/**
 * RFC 7644 §3.4.2.4 index-based pagination: count, startIndex and the ListResponse fields that describe a page. Every
 * query is constrained to run-tagged personas, so totals are exact whatever else the tenant holds: to all three by the
 * personas' scope (see support/user-personas.ts), or, for the checks one user can decide, to one by `userName eq` when
 * the target offers no scope.
 */
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { labelIds, listedIds, listedResources, listNumber } from '../../support/list-response.js';
import { createPersonas } from '../../support/user-personas.js';

const COUNT =
  'count: Non-negative integer. Specifies the desired maximum number of query results per page, e.g., 10. A negative value SHALL be interpreted as "0". A value of "0" indicates that no resource results are to be returned except for "totalResults". … When specified, the service provider MUST NOT return more results than specified, although it MAY return fewer results.';
const START_INDEX =
  'startIndex: The 1-based index of the first query result. A value less than 1 SHALL be interpreted as 1.';
const TOTAL_RESULTS =
  'totalResults: Non-negative integer. Specifies the total number of results matching the client query, e.g., 1000.';

check(
  {
    id: 'pagination.count.upper-bound',
    title: 'count=2 returns at most two resources, and totalResults counts all matches',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.4',
    category: 'pagination',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement: COUNT,
    fix: 'Return at most `count` resources per page.',
    requires: ['filter'],
    quirks: ['count-ignored'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    if (!p.hasScope) {
      // No filter selects the three: the whole list, which holds at least them, must still stop at two.
      const all = await scim.get('/Users', { query: { count: '2' } });
      await expect(all).toHaveStatus(200);
      expect(listedIds(all).length, 'number of resources on the page').toBeLessThanOrEqual(2);
      expect(
        listNumber(all, 'totalResults') ?? 0,
        'totalResults (at least the three users)',
      ).toBeGreaterThanOrEqual(3);
      return;
    }
    const answer = await scim.get('/Users', { query: { filter: p.scope, count: '2' } });
    await expect(answer).toHaveStatus(200);
    const ids = listedIds(answer);
    expect(ids.length, 'number of resources on the page').toBeLessThanOrEqual(2);
    expect(
      labelIds(ids, p.labels).filter((label) => label.startsWith('other:')),
      'resources outside the filter',
    ).toEqual([]);
    expect(listNumber(answer, 'totalResults'), 'totalResults').toBe(3);
  },
);

check(
  {
    id: 'pagination.count.zero-returns-total-only',
    title: 'count=0 returns totalResults and no resources',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.4',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: COUNT,
    fix: 'For count=0 answer a ListResponse with totalResults and an empty (or absent) Resources.',
    requires: ['filter'],
    quirks: ['count-ignored'],
  },
  async ({ scim, resources }) => {
    const set = (await createPersonas(resources)).pageSet();
    const answer = await scim.get('/Users', { query: { filter: set.filter, count: '0' } });
    await expect(answer).toHaveStatus(200);
    expect(listedResources(answer), 'Resources').toEqual([]);
    expect(listNumber(answer, 'totalResults'), 'totalResults').toBe(set.keys.length);
  },
);

check(
  {
    id: 'pagination.count.negative-as-zero',
    title: 'A negative count is read as 0',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.4',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: COUNT,
    fix: 'Treat a negative count as 0 (totalResults only), rather than rejecting it or ignoring it.',
    requires: ['filter'],
    quirks: ['count-ignored'],
  },
  async ({ scim, resources }) => {
    const set = (await createPersonas(resources)).pageSet();
    const answer = await scim.get('/Users', { query: { filter: set.filter, count: '-1' } });
    await expect(answer).toHaveStatus(200);
    expect(listedResources(answer), 'Resources').toEqual([]);
    expect(listNumber(answer, 'totalResults'), 'totalResults').toBe(set.keys.length);
  },
);

check(
  {
    id: 'pagination.start-index.below-one-as-one',
    title: 'startIndex=0 and startIndex=-1 are read as 1',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.4',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: START_INDEX,
    fix: 'Clamp startIndex values below 1 to 1 instead of rejecting them or treating them as an offset.',
    requires: ['filter'],
    quirks: ['start-index-below-one-rejected', 'start-index-off-by-one'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    const set = p.pageSet();
    for (const startIndex of ['0', '-1']) {
      const answer = await scim.get('/Users', { query: { filter: set.filter, startIndex, count: '10' } });
      await expect(answer).toHaveStatus(200);
      expect(labelIds(listedIds(answer), p.labels).sort(), `resources for startIndex=${startIndex}`).toEqual(
        [...set.keys].sort(),
      );
      const echoed = listNumber(answer, 'startIndex');
      if (echoed !== undefined) expect(echoed, 'startIndex answered').toBe(1);
    }
  },
);

check(
  {
    id: 'pagination.start-index.past-the-end',
    title: 'A startIndex past the last result answers an empty page with the true totalResults',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.4',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: `${START_INDEX} ${TOTAL_RESULTS}`,
    fix: 'Answer a page beyond the end with 200, no resources, and totalResults still counting every match.',
    requires: ['filter'],
    quirks: ['total-results-page-size'],
  },
  async ({ scim, resources }) => {
    const set = (await createPersonas(resources)).pageSet();
    const past = String(set.keys.length + 1);
    const answer = await scim.get('/Users', { query: { filter: set.filter, startIndex: past, count: '10' } });
    await expect(answer).toHaveStatus(200);
    expect(listedResources(answer), 'Resources').toEqual([]);
    expect(listNumber(answer, 'totalResults'), 'totalResults').toBe(set.keys.length);
  },
);

check(
  {
    id: 'pagination.total-results.counts-all-matches',
    title: 'totalResults counts every match, not only the page',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2, §3.4.2.4',
    category: 'pagination',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'totalResults The total number of results returned by the list or query operation. The value may be larger than the number of resources returned, such as when returning a single page (see Section 3.4.2.4) of results where multiple pages are available. REQUIRED. (RFC 7644 §3.4.2) … totalResults: Non-negative integer. Specifies the total number of results matching the client query, e.g., 1000. (RFC 7644 §3.4.2.4, Table 7)',
    fix: 'Set totalResults to the number of resources matching the query, independent of count and startIndex.',
    requires: ['filter'],
    quirks: ['total-results-page-size'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    const answer = await scim.get('/Users', { query: { filter: p.scope, startIndex: '1', count: '1' } });
    await expect(answer).toHaveStatus(200);
    expect(listNumber(answer, 'totalResults'), 'totalResults').toBe(3);
  },
);

check(
  {
    id: 'pagination.page.describes-itself',
    title: 'A partial page carries startIndex as requested and itemsPerPage equal to the resources returned',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2',
    category: 'pagination',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'itemsPerPage: The number of resources returned in a list response page. REQUIRED when partial results are returned due to pagination. startIndex: The 1-based index of the first result in the current set of list results. REQUIRED when partial results are returned due to pagination.',
    fix: 'On a partial page, answer startIndex (the requested one) and itemsPerPage (the number of resources in this page, not the requested count).',
    requires: ['filter'],
    quirks: ['items-per-page-is-count'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    // The last page holds one resource although two were asked for.
    const answer = await scim.get('/Users', { query: { filter: p.scope, startIndex: '3', count: '2' } });
    await expect(answer).toHaveStatus(200);
    const returned = listedResources(answer).length;
    expect(returned, 'resources on the last page').toBe(1);
    expect(listNumber(answer, 'startIndex'), 'startIndex').toBe(3);
    expect(listNumber(answer, 'itemsPerPage'), 'itemsPerPage').toBe(returned);
  },
);

check(
  {
    id: 'pagination.walk.visits-each-once',
    title: 'Paging through a result set one by one visits every match exactly once',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.4.2.4',
    category: 'pagination',
    profiles: ['rfc7644', 'entra'],
    requirement: `${START_INDEX} Pagination parameters can be used together to "page through" large numbers of resources so as not to overwhelm the client or service provider.`,
    levelBasis:
      'RFC 7644 §3.4.2.4 defines startIndex as "The 1-based index of the first query result" with no keyword for consistency from page to page, and warns that "Because pagination is not stateful, clients MUST be prepared to handle inconsistent results"; graded SHOULD.',
    fix: 'Make startIndex a 1-based position in a stable ordering of the matches, so consecutive pages neither skip nor repeat.',
    requires: ['filter'],
    quirks: ['start-index-off-by-one'],
  },
  async ({ scim, resources, capabilities }) => {
    const p = await createPersonas(resources);
    // RFC 7644 §3.4.2.4 warns that pages may be inconsistent when resources change between requests; these three do
    // not change, and sorting (when claimed) removes any doubt about the order being stable.
    const sort = capabilities.claims.sort ? { sortBy: 'userName' } : {};
    const seen: string[] = [];
    let startIndex = 1;
    for (let page = 0; page < 6; page += 1) {
      const answer = await scim.get('/Users', {
        query: { filter: p.scope, startIndex: String(startIndex), count: '1', ...sort },
      });
      await expect(answer).toHaveStatus(200);
      const ids = listedIds(answer);
      if (ids.length === 0) break;
      seen.push(...ids);
      startIndex += ids.length;
      if (startIndex > (listNumber(answer, 'totalResults') ?? 0)) break;
    }
    expect(labelIds(seen, p.labels).sort(), 'resources visited by the walk').toEqual([
      'alpha',
      'bravo',
      'charlie',
    ]);
  },
);

check(
  {
    id: 'pagination.list-response.unfiltered',
    title: 'GET /Users?count=1 answers a valid ListResponse',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2',
    category: 'pagination',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'Responses MUST be identified using the following URI: "urn:ietf:params:scim:api:messages:2.0:ListResponse". The following attributes are defined for responses: totalResults … REQUIRED. Resources … REQUIRED if "totalResults" is non-zero.',
    fix: 'Answer GET on a resource endpoint with a ListResponse (schemas, totalResults, Resources, itemsPerPage, startIndex).',
    quirks: ['list-schemas-missing'],
  },
  async ({ scim, resources }) => {
    await resources.createUser();
    const answer = await scim.get('/Users', { query: { startIndex: '1', count: '1' } });
    await expect(answer).toHaveStatus(200);
    expect(answer).toMatchScimSchema('ListResponse', { listOf: 'User' });
    expect(listNumber(answer, 'totalResults'), 'totalResults').toBeGreaterThanOrEqual(1);
    expect(listedResources(answer).length, 'resources on the page').toBeLessThanOrEqual(1);
  },
);
