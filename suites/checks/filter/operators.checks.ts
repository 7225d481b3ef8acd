/**
 * RFC 7644 §3.4.2.2 Table 3: each attribute operator on strings, against three run-tagged personas. Filters that could
 * match other users on the tenant are ANDed with the personas' scope (the weakest filter the target supports that lists
 * exactly them, see support/user-personas.ts), so each asserts an exact set. A target that declines an operator with
 * 400 invalidFilter makes its check `unsupported`, never failed: RFC 7644 lets a provider decline filter forms.
 */
import { HarnessError } from '../../../src/errors/harness-error.js';
import type { QuirkName } from '../../../src/reference-server/index.js';
import type { Profile } from '../../../src/run-contract/index.js';
import { check } from '../../support/check.js';
import { requireDeclared } from '../../support/unsupported.js';
import {
  createPersonas,
  expectPersonaFilter,
  expectPersonaMatches,
  lastModifiedOf,
  listScoped,
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
  /** The expression under test; `scoped` rows are ANDed with the personas' scope. */
  filter: (p: Personas) => string;
  scoped?: boolean;
  /** What the expression asks of the target, for an `unsupported` outcome ("the `ne` operator"). */
  feature: string;
  /** Attributes the target must declare in /Schemas (else the check is skipped: they are optional). */
  declared?: readonly string[];
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
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … eq: The attribute and operator values must be identical for a match.',
    fix: 'Evaluate `userName eq "<value>"` against the stored userName and return only that user.',
    // One userName is unique, so no scope clause: this is the lookup every IdP makes before creating a user.
    filter: (p) => `userName eq "${p.bravo.userName}"`,
    feature: '`userName eq`',
    expected: ['bravo'],
    profiles: ['rfc7644', 'entra', 'datadog'],
  },
  {
    id: 'filter.ne.string',
    title: 'ne matches the users whose value differs',
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … ne: The attribute and operator values are not identical.',
    fix: 'Support `ne`: match resources whose attribute value is not equal to the operator value.',
    filter: (p) => `userName ne "${p.alpha.userName}"`,
    scoped: true,
    feature: 'the `ne` operator on userName',
    expected: ['bravo', 'charlie'],
  },
  {
    id: 'filter.co.string',
    title: 'co matches a substring in the middle of the value',
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … co: The entire operator value must be a substring of the attribute value for a match.',
    fix: 'Support `co` as a substring match anywhere in the value (not only at the start).',
    // A substring that neither starts nor ends the userName, yet is unique to bravo.
    filter: (p) => `userName co "${p.prefix.slice(3)}.bravo@exam"`,
    feature: 'the `co` operator on userName',
    expected: ['bravo'],
    quirks: ['filter-ignored', 'filter-co-as-eq'],
  },
  {
    id: 'filter.sw.string',
    title: 'sw matches the values that start with the operator value',
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … sw: The entire operator value must be a substring of the attribute value, starting at the beginning of the attribute value. This criterion is satisfied if the two strings are identical.',
    fix: 'Support `sw` as a prefix match.',
    filter: (p) => `userName sw "${p.prefix}.al"`,
    feature: 'the `sw` operator on userName',
    expected: ['alpha'],
  },
  {
    id: 'filter.sw.identical',
    title: 'sw is satisfied when the two strings are identical',
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … sw: The entire operator value must be a substring of the attribute value, starting at the beginning of the attribute value. This criterion is satisfied if the two strings are identical.',
    fix: 'Let `sw` match when the operator value equals the whole attribute value.',
    filter: (p) => `userName sw "${p.charlie.userName}"`,
    feature: 'the `sw` operator on userName',
    expected: ['charlie'],
  },
  {
    id: 'filter.ew.string',
    title: 'ew matches the values that end with the operator value',
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … ew: The entire operator value must be a substring of the attribute value, matching at the end of the attribute value. This criterion is satisfied if the two strings are identical.',
    fix: 'Support `ew` as a suffix match.',
    filter: (p) => `userName ew "${p.prefix.slice(-8)}.charlie@example.com"`,
    feature: 'the `ew` operator on userName',
    expected: ['charlie'],
  },
  {
    id: 'filter.pr.present',
    title: 'pr matches the users that have a value for the attribute',
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … pr: If the attribute has a non-empty or non-null value, or if it contains a non-empty node for complex attributes, there is a match.',
    fix: 'Support `pr`: match resources where the attribute has a non-empty value.',
    filter: () => 'nickName pr',
    scoped: true,
    feature: 'the `pr` operator on nickName',
    declared: ['nickName'],
    stored: ['nickName'],
    expected: ['alpha'],
  },
  {
    id: 'filter.gt.string',
    title: 'gt compares strings lexicographically',
    requirement: `When specified, only those resources matching the filter expression SHALL be returned. … gt: If the attribute value is greater than the operator value, there is a match. ${ORDERING_NOTE}`,
    fix: 'Support `gt` on strings as a lexicographical comparison (case-insensitive for caseExact=false attributes).',
    filter: (p) => `userName gt "${p.alpha.userName}"`,
    scoped: true,
    feature: 'the `gt` operator on a string (userName)',
    expected: ['bravo', 'charlie'],
  },
  {
    id: 'filter.ge.string',
    title: 'ge compares strings lexicographically and includes equality',
    requirement: `When specified, only those resources matching the filter expression SHALL be returned. … ge: If the attribute value is greater than or equal to the operator value, there is a match. ${ORDERING_NOTE}`,
    fix: 'Support `ge` on strings as a lexicographical comparison that includes the equal value.',
    filter: (p) => `userName ge "${p.bravo.userName}"`,
    scoped: true,
    feature: 'the `ge` operator on a string (userName)',
    expected: ['bravo', 'charlie'],
  },
  {
    id: 'filter.lt.string',
    title: 'lt compares strings lexicographically',
    requirement: `When specified, only those resources matching the filter expression SHALL be returned. … lt: If the attribute value is less than the operator value, there is a match. ${ORDERING_NOTE}`,
    fix: 'Support `lt` on strings as a lexicographical comparison.',
    filter: (p) => `userName lt "${p.charlie.userName}"`,
    scoped: true,
    feature: 'the `lt` operator on a string (userName)',
    expected: ['alpha', 'bravo'],
  },
  {
    id: 'filter.le.string',
    title: 'le compares strings lexicographically and includes equality',
    requirement: `When specified, only those resources matching the filter expression SHALL be returned. … le: If the attribute value is less than or equal to the operator value, there is a match. ${ORDERING_NOTE}`,
    fix: 'Support `le` on strings as a lexicographical comparison that includes the equal value.',
    filter: (p) => `userName le "${p.bravo.userName}"`,
    scoped: true,
    feature: 'the `le` operator on a string (userName)',
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
    async ({ scim, resources, capabilities }) => {
      requireDeclared(capabilities, 'User', row.declared ?? []);
      const personas = await createPersonas(resources);
      personas.assertStored(...(row.stored ?? []));
      await expectPersonaFilter(scim, personas, {
        expression: row.filter(personas),
        ...(row.scoped ? { scoped: true } : {}),
        feature: row.feature,
        expected: row.expected,
      });
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
    requirement: `When specified, only those resources matching the filter expression SHALL be returned. … gt: If the attribute value is greater than the operator value, there is a match. ${ORDERING_NOTE}`,
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
    const feature = 'gt and lt on a dateTime (meta.lastModified)';
    const later = await listScoped(scim, p, `meta.lastModified gt "${before}"`, feature);
    await expectPersonaMatches(later, p, ['alpha', 'bravo', 'charlie']);
    const earlier = await listScoped(scim, p, `meta.lastModified lt "${before}"`, feature);
    await expectPersonaMatches(earlier, p, []);
  },
);
