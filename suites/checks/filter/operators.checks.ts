/**
 * RFC 7644 §3.4.2.2 Table 3: each attribute operator on strings, against three run-tagged personas. Filters that could
 * match other users on the tenant are ANDed with `userName sw "<prefix>."`, so each asserts an exact set.
 */
import { HarnessError } from '../../../src/errors/harness-error.js';
import type { QuirkName } from '../../../src/reference-server/index.js';
import { check } from '../../support/check.js';
import type { Profile } from '../../support/check-definition.js';
import { expectExactly } from '../../support/list-response.js';
import {
  createPersonas,
  lastModifiedOf,
  type PersonaKey,
  type Personas,
} from '../../support/user-personas.js';

const ORDERING_NOTE =
  'The actual comparison is dependent on the attribute type. For string attribute types, this is a lexicographical comparison, and for DateTime types, it is a chronological comparison.';

interface OperatorRow {
  id: string;
  title: string;
  requirement: string;
  fix: string;
  filter: (p: Personas) => string;
  expected: readonly PersonaKey[];
  profiles?: readonly Profile[];
  quirks?: readonly QuirkName[];
  /** Attributes the filter relies on, which the target must have kept (else the check cannot be evaluated). */
  stored?: readonly string[];
}

const ROWS: readonly OperatorRow[] = [
  {
    id: 'filter.eq.user-name',
    title: 'userName eq matches exactly the user with that userName',
    requirement: 'eq: The attribute and operator values must be identical for a match.',
    fix: 'Evaluate `userName eq "<value>"` against the stored userName and return only that user.',
    // One userName is unique, so no scope clause: this is the lookup every IdP makes before creating a user.
    filter: (p) => `userName eq "${p.bravo.userName}"`,
    expected: ['bravo'],
    profiles: ['rfc7644', 'entra', 'datadog'],
  },
  {
    id: 'filter.ne.string',
    title: 'ne matches the users whose value differs',
    requirement: 'ne: The attribute and operator values are not identical.',
    fix: 'Support `ne`: match resources whose attribute value is not equal to the operator value.',
    filter: (p) => `${p.scope} and title ne "Engineer"`,
    stored: ['title'],
    expected: ['bravo'],
  },
  {
    id: 'filter.co.string',
    title: 'co matches a substring in the middle of the value',
    requirement: 'co: The entire operator value must be a substring of the attribute value for a match.',
    fix: 'Support `co` as a substring match anywhere in the value (not only at the start).',
    // A substring that neither starts nor ends the userName, yet is unique to bravo.
    filter: (p) => `userName co "${p.prefix.slice(3)}.bravo@exam"`,
    expected: ['bravo'],
  },
  {
    id: 'filter.sw.string',
    title: 'sw matches the values that start with the operator value',
    requirement:
      'sw: The entire operator value must be a substring of the attribute value, starting at the beginning of the attribute value. This criterion is satisfied if the two strings are identical.',
    fix: 'Support `sw` as a prefix match.',
    filter: (p) => `userName sw "${p.prefix}.al"`,
    expected: ['alpha'],
  },
  {
    id: 'filter.sw.identical',
    title: 'sw is satisfied when the two strings are identical',
    requirement:
      'sw: The entire operator value must be a substring of the attribute value, starting at the beginning of the attribute value. This criterion is satisfied if the two strings are identical.',
    fix: 'Let `sw` match when the operator value equals the whole attribute value.',
    filter: (p) => `userName sw "${p.charlie.userName}"`,
    expected: ['charlie'],
  },
  {
    id: 'filter.ew.string',
    title: 'ew matches the values that end with the operator value',
    requirement:
      'ew: The entire operator value must be a substring of the attribute value, matching at the end of the attribute value. This criterion is satisfied if the two strings are identical.',
    fix: 'Support `ew` as a suffix match.',
    filter: (p) => `userName ew "${p.prefix.slice(-8)}.charlie@example.com"`,
    expected: ['charlie'],
  },
  {
    id: 'filter.pr.present',
    title: 'pr matches the users that have a value for the attribute',
    requirement:
      'pr: If the attribute has a non-empty value, or if it contains a non-empty node for complex attributes, there is a match.',
    fix: 'Support `pr`: match resources where the attribute has a non-empty value.',
    filter: (p) => `${p.scope} and nickName pr`,
    stored: ['nickName'],
    expected: ['alpha'],
  },
  {
    id: 'filter.gt.string',
    title: 'gt compares strings lexicographically',
    requirement: `gt: If the attribute value is greater than the operator value, there is a match. ${ORDERING_NOTE}`,
    fix: 'Support `gt` on strings as a lexicographical comparison (case-insensitive for caseExact=false attributes).',
    filter: (p) => `${p.scope} and userName gt "${p.alpha.userName}"`,
    expected: ['bravo', 'charlie'],
  },
  {
    id: 'filter.ge.string',
    title: 'ge compares strings lexicographically and includes equality',
    requirement: `ge: If the attribute value is greater than or equal to the operator value, there is a match. ${ORDERING_NOTE}`,
    fix: 'Support `ge` on strings as a lexicographical comparison that includes the equal value.',
    filter: (p) => `${p.scope} and userName ge "${p.bravo.userName}"`,
    expected: ['bravo', 'charlie'],
  },
  {
    id: 'filter.lt.string',
    title: 'lt compares strings lexicographically',
    requirement: `lt: If the attribute value is less than the operator value, there is a match. ${ORDERING_NOTE}`,
    fix: 'Support `lt` on strings as a lexicographical comparison.',
    filter: (p) => `${p.scope} and userName lt "${p.charlie.userName}"`,
    expected: ['alpha', 'bravo'],
  },
  {
    id: 'filter.le.string',
    title: 'le compares strings lexicographically and includes equality',
    requirement: `le: If the attribute value is less than or equal to the operator value, there is a match. ${ORDERING_NOTE}`,
    fix: 'Support `le` on strings as a lexicographical comparison that includes the equal value.',
    filter: (p) => `${p.scope} and userName le "${p.bravo.userName}"`,
    expected: ['alpha', 'bravo'],
  },
];

for (const row of ROWS) {
  check(
    {
      id: row.id,
      title: row.title,
      level: 'MUST',
      rfc: 'RFC 7644 §3.4.2.2',
      category: 'filter',
      profiles: row.profiles ?? ['rfc7644'],
      requirement: row.requirement,
      fix: row.fix,
      requires: ['filter'],
      quirks: row.quirks ?? ['filter-ignored'],
    },
    async ({ scim, resources }) => {
      const personas = await createPersonas(resources);
      personas.assertStored(...(row.stored ?? []));
      const answer = await scim.get('/Users', { query: { filter: row.filter(personas) } });
      await expectExactly(answer, personas.ids(...row.expected), personas.labels);
    },
  );
}

check(
  {
    id: 'filter.date-time.chronological',
    title: 'gt and lt on meta.lastModified compare instants',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2',
    category: 'filter',
    profiles: ['rfc7644'],
    requirement: `gt: If the attribute value is greater than the operator value, there is a match. ${ORDERING_NOTE}`,
    fix: 'Compare dateTime attributes (meta.lastModified) chronologically in gt/ge/lt/le.',
    requires: ['filter'],
    quirks: ['filter-ignored'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    const times = [p.alpha, p.bravo, p.charlie].map(lastModifiedOf);
    const known = times.filter((time): time is Date => time !== undefined);
    if (known.length !== times.length) {
      throw new HarnessError(
        'CHECK_PRECONDITION',
        'The target returned no meta.lastModified on create: nothing to compare with',
      );
    }
    // A minute before the earliest, taken from the target's own clock, so clock skew with the harness cannot matter.
    const before = new Date(Math.min(...known.map((time) => time.getTime())) - 60_000).toISOString();
    const later = await scim.get('/Users', {
      query: { filter: `${p.scope} and meta.lastModified gt "${before}"` },
    });
    await expectExactly(later, p.ids('alpha', 'bravo', 'charlie'), p.labels);
    const earlier = await scim.get('/Users', {
      query: { filter: `${p.scope} and meta.lastModified lt "${before}"` },
    });
    await expectExactly(earlier, [], p.labels);
  },
);
