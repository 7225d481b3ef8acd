/**
 * RFC 7644 §3.4.2.2 case rules (attribute names and operators are case-insensitive; value comparison follows the
 * attribute's caseExact, RFC 7643 §2.2) and filters on boolean and externalId values.
 */
import { check } from '../../support/check.js';
import { expectExactly } from '../../support/list-response.js';
import { unsupportedWhenFilterDeclined } from '../../support/unsupported.js';
import { createPersonas, expectPersonaMatches, listScoped } from '../../support/user-personas.js';

const CASE_EXACT_RULE =
  'When comparing attributes of type String, the case sensitivity for String type attributes SHALL be determined by the attribute\'s "caseExact" characteristic (see Section 2.2 of [RFC7643]).';

check(
  {
    id: 'filter.case.user-name-value-insensitive',
    title: 'userName eq matches whatever the case of the value (userName is caseExact=false)',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2, RFC 7643 §4.1.1',
    category: 'filter',
    profiles: ['rfc7644', 'entra'],
    requirement: CASE_EXACT_RULE,
    fix: 'Compare userName case-insensitively in filters: RFC 7643 defines userName with caseExact=false.',
    requires: ['filter'],
    quirks: ['username-case-sensitive'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    const answer = await scim.get('/Users', {
      query: { filter: `userName eq "${p.bravo.userName.toUpperCase()}"` },
    });
    await expectExactly(answer, p.ids('bravo'), p.labels);
  },
);

check(
  {
    id: 'filter.case.attribute-names-insensitive',
    title: 'Attribute names in a filter are case-insensitive (USERNAME, username, UserName)',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2',
    category: 'filter',
    profiles: ['rfc7644'],
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … Attribute names and attribute operators used in filters are case insensitive. For example, the following two expressions will evaluate to the same logical value: filter=userName Eq "john" filter=Username eq "john"',
    fix: 'Resolve filter attribute names (and sub-attribute names) case-insensitively.',
    requires: ['filter'],
    quirks: ['filter-attribute-names-case-sensitive'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    // Only eq on userName, which every client needs: a 400 here is a failure, not a declined feature.
    for (const name of ['USERNAME', 'username', 'UserName']) {
      const filter = `${name} eq "${p.bravo.userName}"`;
      await expectExactly(await scim.get('/Users', { query: { filter } }), p.ids('bravo'), p.labels);
    }
  },
);

check(
  {
    id: 'filter.case.operators-insensitive',
    title: 'Operators in a filter are case-insensitive (EQ, Eq)',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2',
    category: 'filter',
    profiles: ['rfc7644'],
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … Attribute names and attribute operators used in filters are case insensitive. For example, the following two expressions will evaluate to the same logical value: filter=userName Eq "john" filter=Username eq "john"',
    fix: 'Match the attribute and logical operators (eq, sw, and, or, not, …) case-insensitively.',
    requires: ['filter'],
    quirks: ['filter-operators-case-sensitive'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    // Only eq on userName, which every client needs: a 400 here is a failure, not a declined feature.
    for (const op of ['EQ', 'Eq']) {
      const filter = `userName ${op} "${p.bravo.userName}"`;
      await expectExactly(await scim.get('/Users', { query: { filter } }), p.ids('bravo'), p.labels);
    }
  },
);

check(
  {
    id: 'filter.boolean.active-eq-false',
    title: 'active eq false finds the disabled user',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2',
    category: 'filter',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … compValue = false / null / true / number / string ; rules from JSON (RFC 7159) — eq: The attribute and operator values must be identical for a match.',
    fix: 'Accept JSON boolean literals in filters and compare them with boolean attributes such as active.',
    requires: ['filter'],
    quirks: ['filter-ignored', 'disabled-user-hidden'],
    // Entra reads a disabled user back by userName; it never filters on active, so declining this fails no client.
    neededBy: [],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources, { bravo: { active: false } });
    p.assertStored('active');
    const answer = await listScoped(scim, p, 'active eq false', '`eq` on the boolean attribute active');
    await expectPersonaMatches(answer, p, ['bravo']);
  },
);

check(
  {
    id: 'filter.external-id.eq',
    title: 'externalId eq finds the user the client provisioned',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2, RFC 7643 §3.1',
    category: 'filter',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'When specified, only those resources matching the filter expression SHALL be returned. … eq: The attribute and operator values must be identical for a match.',
    fix: 'Allow filtering on externalId: clients match their own records by it.',
    requires: ['filter'],
    quirks: ['external-id-not-filterable', 'filter-ignored'],
    // Declining externalId filters is allowed (RFC 7644 §3.4.2.2); it fails Entra, which matches by it when mapped.
    declinedBy: ['external-id-not-filterable'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    p.assertStored('externalId');
    const answer = await scim.get('/Users', { query: { filter: `externalId eq "${p.alpha.externalId}"` } });
    unsupportedWhenFilterDeclined(answer, '`externalId eq`, with which clients match their own records');
    await expectExactly(answer, p.ids('alpha'), p.labels);
  },
);

check(
  {
    id: 'filter.external-id.case-exact',
    title: 'externalId eq with a different case matches nothing (externalId is caseExact=true)',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2, RFC 7643 §3.1',
    category: 'filter',
    profiles: ['rfc7644'],
    requirement: `${CASE_EXACT_RULE} (RFC 7643 §3.1, externalId: This attribute has "caseExact" as "true" and a mutability of "readWrite".)`,
    fix: 'Compare externalId case-sensitively: RFC 7643 defines it with caseExact=true.',
    requires: ['filter'],
    quirks: ['external-id-case-insensitive', 'filter-ignored'],
  },
  async ({ scim, resources }) => {
    const p = await createPersonas(resources);
    p.assertStored('externalId');
    // ANDed with the scope so a target that ignores the filter returns the personas and fails.
    const answer = await listScoped(
      scim,
      p,
      `externalId eq "${p.alpha.externalId.toLowerCase()}"`,
      '`eq` on externalId',
    );
    await expectPersonaMatches(answer, p, []);
  },
);
