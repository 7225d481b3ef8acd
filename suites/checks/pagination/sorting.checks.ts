/**
 * RFC 7644 §3.4.2.3 sorting. The personas are created bravo, charlie, alpha, an order that is neither ascending nor
 * descending by userName or by name.familyName, so a target that ignores sortBy cannot pass by answering in creation
 * order.
 */
import type { QuirkName } from '../../../src/reference-server/index.js';
import { check } from '../../support/check.js';
import { expectInOrder } from '../../support/list-response.js';
import { createPersonas, type PersonaKey } from '../../support/user-personas.js';

const SORT_BY =
  'sortBy: The "sortBy" parameter specifies the attribute whose value SHALL be used to order the returned responses. If the "sortBy" attribute corresponds to a singular attribute, resources are sorted according to that attribute\'s value; … If the attribute is complex, the attribute name must be a path to a sub-attribute in standard attribute notation (Section 3.10), e.g., "sortBy=name.givenName".';
const SORT_ORDER =
  'sortOrder: The order in which the "sortBy" parameter is applied. Allowed values are "ascending" and "descending". If a value for "sortBy" is provided and no "sortOrder" is specified, "sortOrder" SHALL default to ascending.';

interface SortRow {
  id: string;
  title: string;
  requirement: string;
  fix: string;
  query: Record<string, string>;
  expected: readonly PersonaKey[];
  quirks?: readonly QuirkName[];
}

const ROWS: readonly SortRow[] = [
  {
    id: 'pagination.sort.ascending',
    title: 'sortBy=userName&sortOrder=ascending orders by userName, A to Z',
    requirement: SORT_BY,
    fix: 'Order list results by the sortBy attribute.',
    query: { sortBy: 'userName', sortOrder: 'ascending' },
    expected: ['alpha', 'bravo', 'charlie'],
  },
  {
    id: 'pagination.sort.descending',
    title: 'sortOrder=descending reverses the order',
    requirement: `${SORT_BY} ${SORT_ORDER}`,
    fix: 'Apply sortOrder=descending to the sortBy attribute.',
    query: { sortBy: 'userName', sortOrder: 'descending' },
    expected: ['charlie', 'bravo', 'alpha'],
  },
  {
    id: 'pagination.sort.default-ascending',
    title: 'sortBy without sortOrder sorts ascending',
    requirement: SORT_ORDER,
    fix: 'Default sortOrder to ascending when only sortBy is given.',
    query: { sortBy: 'userName' },
    expected: ['alpha', 'bravo', 'charlie'],
  },
  {
    id: 'pagination.sort.sub-attribute',
    title: 'sortBy=name.familyName sorts by a complex sub-attribute',
    requirement: SORT_BY,
    fix: 'Resolve sortBy paths to sub-attributes of complex attributes (name.familyName).',
    // Sanders (charlie) < Underwood (bravo) < Walker (alpha): the reverse of the userName order.
    query: { sortBy: 'name.familyName' },
    expected: ['charlie', 'bravo', 'alpha'],
  },
  {
    id: 'pagination.sort.then-page',
    title: 'Sorting applies before paging (sortBy with startIndex=2&count=1 gives the second in order)',
    requirement: `${SORT_BY} startIndex: The 1-based index of the first query result.`,
    fix: 'Sort the whole result set first, then cut the page from it.',
    query: { sortBy: 'userName', startIndex: '2', count: '1' },
    expected: ['bravo'],
    quirks: ['sort-ignored', 'start-index-off-by-one'],
  },
];

for (const row of ROWS) {
  check(
    {
      id: row.id,
      title: row.title,
      level: 'MUST',
      rfc: 'RFC 7644 §3.4.2.3',
      category: 'pagination',
      profiles: ['rfc7644'],
      requirement: row.requirement,
      fix: row.fix,
      requires: ['sort', 'filter'],
      quirks: row.quirks ?? ['sort-ignored'],
    },
    async ({ scim, resources }) => {
      const p = await createPersonas(resources);
      if (row.query.sortBy === 'name.familyName') p.assertStored('name.familyName');
      const answer = await scim.get('/Users', { query: { filter: p.scope, ...row.query } });
      await expectInOrder(answer, p.ids(...row.expected), p.labels);
    },
  );
}
