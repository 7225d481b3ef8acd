/**
 * What a filtered query answers: an empty ListResponse when nothing matches (RFC 7644 §3.4.2), a valid ListResponse
 * otherwise, and 400 invalidFilter for a filter that is not valid (§3.4.2.2, §3.12 Table 9).
 */
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { listedResources, listNumber } from '../../support/list-response.js';
import { createPersonas } from '../../support/user-personas.js';

check(
  {
    id: 'filter.no-match.empty-list-response',
    title: 'A filter that matches nothing answers 200 with totalResults 0',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2',
    category: 'filter',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'A query that does not return any matches SHALL return success (HTTP status code 200) with "totalResults" set to a value of 0.',
    fix: 'Answer a query without matches with 200 and an empty ListResponse, never 404.',
    requires: ['filter'],
    quirks: ['empty-list-404', 'filter-ignored'],
  },
  async ({ scim, resources }) => {
    // A user exists under the prefix, so a target that ignores the filter returns it and fails.
    const p = await createPersonas(resources);
    const answer = await scim.get('/Users', {
      query: { filter: `userName eq "${p.prefix}.nobody@example.com"` },
    });
    await expect(answer).toHaveStatus(200);
    expect(listNumber(answer, 'totalResults'), 'totalResults').toBe(0);
    // "Resources" is REQUIRED only if totalResults is non-zero: absent and [] are both fine.
    expect(listedResources(answer), 'Resources').toEqual([]);
  },
);

check(
  {
    id: 'filter.list-response.valid',
    title: 'A filtered query answers a valid ListResponse of Users',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2',
    category: 'filter',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'Responses MUST be identified using the following URI: "urn:ietf:params:scim:api:messages:2.0:ListResponse". The following attributes are defined for responses: totalResults … REQUIRED. Resources … REQUIRED if "totalResults" is non-zero.',
    fix: 'Answer list and filter requests with the ListResponse schema URN, totalResults, and Resources holding valid resources.',
    requires: ['filter'],
    quirks: ['list-schemas-missing'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    // userName eq: the filter every client sends, so the ListResponse is judged whatever else the target declines.
    const answer = await scim.get('/Users', { query: { filter: `userName eq "${p.bravo.userName}"` } });
    await expect(answer).toHaveStatus(200);
    expect(answer).toMatchScimSchema('ListResponse', { listOf: 'User' });
  },
);

interface InvalidRow {
  id: string;
  title: string;
  /** Built around a fresh run-tagged userName (nothing is created: the request must fail before any lookup). */
  filter: (userName: string) => string;
  requirement: string;
  levelBasis?: string;
}

const TABLE_9 =
  'invalidFilter: The specified filter syntax was invalid (does not comply with Figure 1), or the specified attribute and filter comparison combination is not supported. (Table 9, applicable to GET (Section 3.4.2), POST (Search - Section 3.4.3), PATCH (Path Filter - Section 3.5.2))';

const DECLINE =
  'Providers MUST decline to filter results if the specified filter operation is not recognized and return an HTTP 400 error with a "scimType" error of "invalidFilter" and an appropriate human-readable response as per Section 3.12. … ';
const UNPARSABLE =
  'RFC 7644 §3.4.2.2 words the MUST for a filter operation the provider does not recognize (its example is an unsupported operator); a filter that does not parse under Figure 1 has no operation the provider can recognize, so the check applies the same MUST, with the scimType Table 9 names for it.';

const INVALID: readonly InvalidRow[] = [
  {
    id: 'filter.invalid.unknown-operator',
    title: 'An unknown operator answers 400 invalidFilter',
    filter: (name) => `userName regex "${name}.*"`,
    requirement:
      "Providers MUST decline to filter results if the specified filter operation is not recognized and return an HTTP 400 error with a \"scimType\" error of \"invalidFilter\" and an appropriate human-readable response as per Section 3.12. For example, if a client specified an unsupported operator named 'regex', the service provider should specify an error response description identifying the client error, e.g., 'The operator 'regex' is not supported.'",
  },
  {
    id: 'filter.invalid.missing-value',
    title: 'A comparison without a value answers 400 invalidFilter',
    filter: () => 'userName eq',
    requirement: `${DECLINE}attrExp = (attrPath SP "pr") / (attrPath SP compareOp SP compValue) — ${TABLE_9}`,
    levelBasis: UNPARSABLE,
  },
  {
    id: 'filter.invalid.unbalanced-parenthesis',
    title: 'An unclosed parenthesis answers 400 invalidFilter',
    filter: (name) => `(userName eq "${name}" or userName eq "${name}.other"`,
    requirement: `${DECLINE}${TABLE_9}`,
    levelBasis: UNPARSABLE,
  },
  {
    id: 'filter.invalid.unterminated-string',
    title: 'An unterminated string value answers 400 invalidFilter',
    filter: (name) => `userName eq "${name}`,
    requirement: `${DECLINE}${TABLE_9}`,
    levelBasis: UNPARSABLE,
  },
  {
    id: 'filter.invalid.dangling-logical-operator',
    title: 'A logical operator without a right-hand expression answers 400 invalidFilter',
    filter: (name) => `userName eq "${name}" and`,
    requirement: `${DECLINE}logExp = FILTER SP ("and" / "or") SP FILTER — ${TABLE_9}`,
    levelBasis: UNPARSABLE,
  },
];

for (const row of INVALID) {
  check(
    {
      id: row.id,
      title: row.title,
      level: 'MUST',
      rfc: 'RFC 7644 §3.4.2.2, §3.12',
      category: 'filter',
      profiles: ['rfc7644'],
      requirement: row.requirement,
      levelBasis: row.levelBasis,
      fix: 'Reject a filter that does not parse with 400 and scimType "invalidFilter" (an Error body), never 500 or an unfiltered list.',
      requires: ['filter'],
      quirks: ['invalid-filter-500', 'filter-ignored'],
    },
    async ({ scim, resources }) => {
      const answer = await scim.get('/Users', { query: { filter: row.filter(resources.userName()) } });
      await expect(answer).toBeScimError(400, 'invalidFilter');
    },
  );
}

check(
  {
    id: 'filter.invalid.boolean-ordering',
    title: 'gt on a boolean attribute answers 400 invalidFilter',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2',
    category: 'filter',
    profiles: ['rfc7644'],
    requirement:
      'gt: If the attribute value is greater than the operator value, there is a match. … Boolean and Binary attributes SHALL cause a failed response (HTTP status code 400) with "scimType" of "invalidFilter".',
    fix: 'Refuse gt/ge/lt/le on boolean and binary attributes with 400 invalidFilter.',
    requires: ['filter'],
    quirks: ['filter-ignored'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    // No scope: the answer must be 400 whatever the target holds, and a scope could itself be declined.
    void p;
    const answer = await scim.get('/Users', { query: { filter: 'active gt false' } });
    await expect(answer).toBeScimError(400, 'invalidFilter');
  },
);
