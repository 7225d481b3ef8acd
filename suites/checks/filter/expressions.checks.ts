/**
 * RFC 7644 §3.4.2.2: logical operators, precedence, grouping, sub-attributes, multi-valued attributes, value paths and
 * URN-qualified attribute paths, against three run-tagged personas (see support/user-personas.ts).
 */
import type { QuirkName } from '../../../src/reference-server/index.js';
import type { Profile, RequirementLevel } from '../../../src/run-contract/index.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { check } from '../../support/check.js';
import {
  createPersonas,
  expectPersonaFilter,
  type PersonaKey,
  type Personas,
} from '../../support/user-personas.js';

const PRECEDENCE =
  'Filters MUST be evaluated using the following order of operations, in order of precedence: 1. Grouping operators 2. Logical operators - where "not" takes precedence over "and", which takes precedence over "or" 3. Attribute operators';

interface ExpressionRow {
  id: string;
  title: string;
  level?: RequirementLevel;
  requirement: string;
  levelBasis?: string;
  fix: string;
  /** The expression under test; `scoped` rows are ANDed with the personas' scope (see support/user-personas.ts). */
  filter: (p: Personas) => string;
  scoped?: boolean;
  /** What the expression asks of the target, for an `unsupported` outcome. */
  feature: string;
  expected: readonly PersonaKey[];
  profiles?: readonly Profile[];
  quirks?: readonly QuirkName[];
  /** Attributes the filter relies on, which the target must have kept (else the check cannot be evaluated). */
  stored?: readonly string[];
}

const ROWS: readonly ExpressionRow[] = [
  {
    id: 'filter.and.both-true',
    title: 'and matches only when both expressions are true',
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … and: The filter is only a match if both expressions evaluate to true.',
    fix: 'Support the logical `and` operator.',
    // Only eq and and: a target that treats "and" as "or" lists bravo too.
    filter: (p) => `userName eq "${p.alpha.userName}" and externalId eq "${p.alpha.externalId}"`,
    feature: 'the `and` operator',
    expected: ['alpha'],
  },
  {
    id: 'filter.or.either-true',
    title: 'or matches when either expression is true',
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … or: The filter is a match if either expression evaluates to true.',
    fix: 'Support the logical `or` operator.',
    filter: (p) => `userName eq "${p.alpha.userName}" or userName eq "${p.charlie.userName}"`,
    feature: 'the `or` operator',
    expected: ['alpha', 'charlie'],
  },
  {
    id: 'filter.not.negates',
    title: 'not (…) matches when the expression is false',
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … not: The filter is a match if the expression evaluates to false.',
    fix: 'Support `not ( <filter> )`.',
    filter: (p) => `not (userName eq "${p.alpha.userName}")`,
    scoped: true,
    feature: 'the `not` operator',
    expected: ['bravo', 'charlie'],
  },
  {
    id: 'filter.precedence.and-before-or',
    title: '"and" binds tighter than "or"',
    requirement: PRECEDENCE,
    fix: 'Parse `a or b and c` as `a or (b and c)`: give "and" precedence over "or" instead of evaluating left to right.',
    // bravo or (alpha and alpha's externalId) = {alpha, bravo}; left to right, (bravo or alpha) and alpha's = {alpha}.
    filter: (p) =>
      `userName eq "${p.bravo.userName}" or userName eq "${p.alpha.userName}" and externalId eq "${p.alpha.externalId}"`,
    feature: '`or` combined with `and`',
    expected: ['alpha', 'bravo'],
    quirks: ['filter-precedence-left-to-right', 'filter-ignored'],
  },
  {
    id: 'filter.precedence.parentheses',
    title: 'Parentheses group an "or" before an "and"',
    requirement:
      'Filters MUST be evaluated using the following order of operations, in order of precedence: 1. Grouping operators 2. Logical operators - where "not" takes precedence over "and", which takes precedence over "or" 3. Attribute operators … ( ): Precedence grouping. Boolean expressions MAY be grouped using parentheses to change the standard order of operations, i.e., to evaluate logical "or" operators before logical "and" operators.',
    fix: 'Support parenthesised groups and evaluate them first.',
    // (bravo or alpha) and alpha's externalId = {alpha}; without the grouping, bravo or (…) = {alpha, bravo}.
    filter: (p) =>
      `(userName eq "${p.bravo.userName}" or userName eq "${p.alpha.userName}") and externalId eq "${p.alpha.externalId}"`,
    feature: 'parenthesised grouping with `or`',
    expected: ['alpha'],
  },
  {
    id: 'filter.sub-attribute.complex',
    title: 'A complex sub-attribute (name.familyName) can be filtered on',
    requirement:
      'For complex attributes, a fully qualified sub-attribute MUST be specified using standard attribute notation (Section 3.10). For example, to filter by userName, the parameter value is "userName". To filter by first name, the parameter value is "name.givenName".',
    fix: 'Resolve `name.familyName` to the familyName sub-attribute of the complex `name` attribute.',
    filter: (p) => `name.familyName eq "${p.bravo.familyName}"`,
    scoped: true,
    feature: 'filtering on a sub-attribute (name.familyName)',
    expected: ['bravo'],
    stored: ['name.familyName'],
  },
  {
    id: 'filter.multi-valued.any-value',
    title: 'A multi-valued attribute matches when any of its values matches',
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … If the specified attribute in a filter expression is a multi-valued attribute, the filter matches if any of the values of the specified attribute match the specified criterion; e.g., if a User has multiple "emails" values, only one has to match for the entire User to match.',
    fix: 'Evaluate `emails.value eq …` against every value of emails, not only the first or primary one.',
    // bravo's second (home, non-primary) address.
    filter: (p) => `emails.value eq "${p.bravo.emails[1]?.value}"`,
    feature: '`eq` on emails.value',
    expected: ['bravo'],
    stored: ['emails'],
  },
  {
    id: 'filter.value-path.same-value',
    title: 'A value path applies all its criteria to the same value',
    level: 'MAY',
    requirement:
      '[ ]: Complex attribute filter grouping. Service providers MAY support complex filters where expressions MUST be applied to the same value of a parent attribute specified immediately before the left square bracket ("["). The expression within square brackets ("[" and "]") MUST be a valid filter expression based upon sub-attributes of the parent attribute.',
    fix: 'Support `emails[type eq "work" and value co "…"]`, matching a user only when one email satisfies both criteria.',
    // charlie's only address contains the prefix but is type "home", so it must not match.
    filter: (p) => `emails[type eq "work" and value co "${p.prefix}."]`,
    feature: 'a value filter (emails[…]) with `co`',
    expected: ['alpha', 'bravo'],
    stored: ['emails'],
  },
  {
    id: 'filter.value-path.entra-work-email',
    title: 'emails[type eq "work"].value eq … finds the user by work email (Entra matching)',
    level: 'MUST',
    requirement:
      'a GET to /Users with a filter must allow for both userName eq "user@contoso.com" and emails[type eq "work"].value eq "user@contoso.com" queries (Microsoft Entra SCIM tutorial, /Users requirements)',
    levelBasis:
      'Microsoft\'s tutorial says a /Users filter "must allow" this query, a lowercase must rather than an RFC 2119 keyword; Entra sends it when the admin matches users by work email, so the entra profile grades it MUST.',
    fix: 'Accept the Entra form `emails[type eq "work"].value eq "<email>"` and match the user whose work email has that value.',
    filter: (p) => `emails[type eq "work"].value eq "${p.alpha.emails[0]?.value}"`,
    feature: 'the filter `emails[type eq "work"].value eq "<email>"`',
    expected: ['alpha'],
    profiles: ['entra'],
  },
  {
    id: 'filter.urn.qualified-attribute',
    title: 'A URN-qualified attribute path (urn:…:User:userName) is accepted',
    requirement:
      'attrPath = [URI ":"] ATTRNAME *1subAttr ; SCIM attribute name ; URI is SCIM "schema" URI (SCIM filters MUST conform to the ABNF of Figure 1)',
    fix: 'Accept attribute paths prefixed with the core schema URN and resolve them like the bare name.',
    filter: (p) => `${SCHEMA_URNS.User}:userName eq "${p.bravo.userName}"`,
    feature: 'a URN-qualified attribute path',
    expected: ['bravo'],
  },
];

for (const row of ROWS) {
  const rfcRow = !(row.profiles ?? ['rfc7644']).every((profile) => profile === 'entra');
  check(
    {
      id: row.id,
      title: row.title,
      level: row.level ?? 'MUST',
      rfc: rfcRow ? 'RFC 7644 §3.4.2.2' : 'Microsoft Entra SCIM tutorial, /Users',
      category: 'filter',
      profiles: row.profiles ?? ['rfc7644'],
      requirement: row.requirement,
      levelBasis: row.levelBasis,
      fix: row.fix,
      requires: ['filter'],
      quirks: row.quirks ?? ['filter-ignored'],
    },
    async ({ scim, resources }) => {
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
