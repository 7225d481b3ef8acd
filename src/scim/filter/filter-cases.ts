/**
 * Filter syntax cases: each row is a filter text and either the tree it parses to (and, when it
 * differs from the input, its canonical text) or a fragment of the `invalidFilter` detail it must
 * produce. A new case is a new row.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
import type { Filter } from './ast.js';
import { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH } from './filter-limits.js';
import { and, at, CORE_USER, cmp, ENTERPRISE_USER, not, or, pr, vp } from './test-support/ast-builders.js';

export type FilterCase =
  | { filter: string; ast: Filter; canonical?: string; source?: string }
  | { filter: string; error: string; source?: string };

const RFC = 'RFC 7644 §3.4.2.2';

/** Every example filter RFC 7644 §3.4.2.2 prints, line breaks as printed. */
export const RFC_7644_EXAMPLES: FilterCase[] = [
  { source: RFC, filter: 'userName eq "bjensen"', ast: cmp('userName', 'eq', 'bjensen') },
  { source: RFC, filter: `name.familyName co "O'Malley"`, ast: cmp('name.familyName', 'co', "O'Malley") },
  { source: RFC, filter: 'userName sw "J"', ast: cmp('userName', 'sw', 'J') },
  {
    source: RFC,
    filter: 'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
    ast: cmp(at('userName', CORE_USER), 'sw', 'J'),
  },
  { source: RFC, filter: 'title pr', ast: pr('title') },
  {
    source: RFC,
    filter: 'meta.lastModified gt "2011-05-13T04:42:34Z"',
    ast: cmp('meta.lastModified', 'gt', '2011-05-13T04:42:34Z'),
  },
  {
    source: RFC,
    filter: 'meta.lastModified ge "2011-05-13T04:42:34Z"',
    ast: cmp('meta.lastModified', 'ge', '2011-05-13T04:42:34Z'),
  },
  {
    source: RFC,
    filter: 'meta.lastModified lt "2011-05-13T04:42:34Z"',
    ast: cmp('meta.lastModified', 'lt', '2011-05-13T04:42:34Z'),
  },
  {
    source: RFC,
    filter: 'meta.lastModified le "2011-05-13T04:42:34Z"',
    ast: cmp('meta.lastModified', 'le', '2011-05-13T04:42:34Z'),
  },
  {
    source: RFC,
    filter: 'title pr and userType eq "Employee"',
    ast: and(pr('title'), cmp('userType', 'eq', 'Employee')),
  },
  {
    source: RFC,
    filter: 'title pr or userType eq "Intern"',
    ast: or(pr('title'), cmp('userType', 'eq', 'Intern')),
  },
  {
    source: RFC,
    filter: 'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
    ast: cmp('schemas', 'eq', ENTERPRISE_USER),
  },
  {
    source: RFC,
    filter: 'userType eq "Employee" and (emails co "example.com" or\n  emails.value co "example.org")',
    ast: and(
      cmp('userType', 'eq', 'Employee'),
      or(cmp('emails', 'co', 'example.com'), cmp('emails.value', 'co', 'example.org')),
    ),
    canonical: 'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
  },
  {
    source: RFC,
    filter: 'userType ne "Employee" and not (emails co "example.com" or\n  emails.value co "example.org")',
    ast: and(
      cmp('userType', 'ne', 'Employee'),
      not(or(cmp('emails', 'co', 'example.com'), cmp('emails.value', 'co', 'example.org'))),
    ),
    canonical: 'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
  },
  {
    source: RFC,
    filter: 'userType eq "Employee" and (emails.type eq "work")',
    ast: and(cmp('userType', 'eq', 'Employee'), cmp('emails.type', 'eq', 'work')),
    canonical: 'userType eq "Employee" and emails.type eq "work"',
  },
  {
    source: RFC,
    filter: 'userType eq "Employee" and emails[type eq "work" and\n  value co "@example.com"]',
    ast: and(
      cmp('userType', 'eq', 'Employee'),
      vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com'))),
    ),
    canonical: 'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
  },
  {
    source: RFC,
    filter:
      'emails[type eq "work" and value co "@example.com"] or\n  ims[type eq "xmpp" and value co "@foo.com"]',
    ast: or(
      vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com'))),
      vp('ims', and(cmp('type', 'eq', 'xmpp'), cmp('value', 'co', '@foo.com'))),
    ),
    canonical:
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
  },
  { source: 'RFC 7644 §3.4.3', filter: 'displayName sw "smith"', ast: cmp('displayName', 'sw', 'smith') },
];

/** Accepted filters beyond the RFC's examples. */
export const ACCEPTED: FilterCase[] = [
  // Case-insensitive operators, keywords and literals; names keep their case.
  { filter: 'userName EQ "x"', ast: cmp('userName', 'eq', 'x'), canonical: 'userName eq "x"' },
  { filter: 'USERNAME Eq "x"', ast: cmp('USERNAME', 'eq', 'x'), canonical: 'USERNAME eq "x"' },
  { filter: 'title PR', ast: pr('title'), canonical: 'title pr' },
  {
    filter: 'a pr And b pr OR c pr',
    ast: or(and(pr('a'), pr('b')), pr('c')),
    canonical: 'a pr and b pr or c pr',
  },
  { filter: 'NOT (a pr)', ast: not(pr('a')), canonical: 'not (a pr)' },
  { filter: 'active eq True', ast: cmp('active', 'eq', true), canonical: 'active eq true' },
  { filter: 'active eq FALSE', ast: cmp('active', 'eq', false), canonical: 'active eq false' },
  { filter: 'manager eq NULL', ast: cmp('manager', 'eq', null), canonical: 'manager eq null' },
  { filter: 'manager ne null', ast: cmp('manager', 'ne', null) },
  // JSON strings.
  { filter: 'a eq "say \\"hi\\""', ast: cmp('a', 'eq', 'say "hi"') },
  { filter: 'a eq "back\\\\slash"', ast: cmp('a', 'eq', 'back\\slash') },
  { filter: 'a eq "caf\\u00e9"', ast: cmp('a', 'eq', 'café'), canonical: 'a eq "café"' },
  { filter: 'a eq "caf\\u00E9"', ast: cmp('a', 'eq', 'café'), canonical: 'a eq "café"' },
  {
    filter: 'a eq "\\/\\b\\f\\n\\r\\t"',
    ast: cmp('a', 'eq', '/\b\f\n\r\t'),
    canonical: 'a eq "/\\b\\f\\n\\r\\t"',
  },
  { filter: 'a eq ""', ast: cmp('a', 'eq', '') },
  { filter: 'a eq "and or not ( ) [ ]"', ast: cmp('a', 'eq', 'and or not ( ) [ ]') },
  { filter: 'a eq "日本語"', ast: cmp('a', 'eq', '日本語') },
  // JSON numbers.
  { filter: 'age eq 42', ast: cmp('age', 'eq', 42) },
  { filter: 'age gt -5', ast: cmp('age', 'gt', -5) },
  { filter: 'age lt 0', ast: cmp('age', 'lt', 0) },
  { filter: 'ratio le 1.25', ast: cmp('ratio', 'le', 1.25) },
  { filter: 'big ge 1e3', ast: cmp('big', 'ge', 1000), canonical: 'big ge 1000' },
  { filter: 'tiny gt -2.5E-3', ast: cmp('tiny', 'gt', -0.0025), canonical: 'tiny gt -0.0025' },
  { filter: 'huge lt 1e+21', ast: cmp('huge', 'lt', 1e21), canonical: 'huge lt 1e+21' },
  // Precedence: not > and > or; grouping overrides it.
  { filter: 'a pr or b pr and c pr', ast: or(pr('a'), and(pr('b'), pr('c'))) },
  { filter: 'a pr and b pr or c pr', ast: or(and(pr('a'), pr('b')), pr('c')) },
  { filter: 'a pr and b pr and c pr', ast: and(and(pr('a'), pr('b')), pr('c')) },
  { filter: 'a pr and (b pr and c pr)', ast: and(pr('a'), and(pr('b'), pr('c'))) },
  { filter: '(a pr or b pr) and c pr', ast: and(or(pr('a'), pr('b')), pr('c')) },
  { filter: 'not (a pr) and b pr', ast: and(not(pr('a')), pr('b')) },
  { filter: 'not (a pr and b pr) or c pr', ast: or(not(and(pr('a'), pr('b'))), pr('c')) },
  { filter: 'not(a pr)', ast: not(pr('a')), canonical: 'not (a pr)' },
  { filter: 'not (not (a pr))', ast: not(not(pr('a'))) },
  { filter: '((a pr))', ast: pr('a'), canonical: 'a pr' },
  // Whitespace tolerance.
  { filter: '  userName   eq\t"x"  ', ast: cmp('userName', 'eq', 'x'), canonical: 'userName eq "x"' },
  { filter: '(userName eq "x")', ast: cmp('userName', 'eq', 'x'), canonical: 'userName eq "x"' },
  { filter: '( a pr )', ast: pr('a'), canonical: 'a pr' },
  {
    filter: 'emails[ type eq "work" ]',
    ast: vp('emails', cmp('type', 'eq', 'work')),
    canonical: 'emails[type eq "work"]',
  },
  // Value paths, alone and inside logical expressions.
  { filter: 'emails[type eq "work"]', ast: vp('emails', cmp('type', 'eq', 'work')) },
  { filter: 'emails[not (type eq "work")]', ast: vp('emails', not(cmp('type', 'eq', 'work'))) },
  {
    filter: 'emails[type eq "work" or type eq "home"] and userName pr',
    ast: and(vp('emails', or(cmp('type', 'eq', 'work'), cmp('type', 'eq', 'home'))), pr('userName')),
  },
  { filter: 'not (emails[primary eq true])', ast: not(vp('emails', cmp('primary', 'eq', true))) },
  {
    filter: 'userName pr or (emails[type eq "work"] and emails[type eq "home"])',
    ast: or(
      pr('userName'),
      and(vp('emails', cmp('type', 'eq', 'work')), vp('emails', cmp('type', 'eq', 'home'))),
    ),
    canonical: 'userName pr or emails[type eq "work"] and emails[type eq "home"]',
  },
  // The matching filter Entra ID documents: a sub-attribute after the value filter.
  {
    source: 'Entra ID SCIM tutorial',
    filter: 'emails[type eq "work"].value eq "user@contoso.com"',
    ast: vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'eq', 'user@contoso.com'))),
    canonical: 'emails[type eq "work" and value eq "user@contoso.com"]',
  },
  {
    filter: 'emails[type eq "work" or type eq "home"].value pr',
    ast: vp('emails', and(or(cmp('type', 'eq', 'work'), cmp('type', 'eq', 'home')), pr('value'))),
    canonical: 'emails[(type eq "work" or type eq "home") and value pr]',
  },
  // URN-qualified names.
  {
    filter: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984"',
    ast: cmp(at('employeeNumber', ENTERPRISE_USER), 'eq', '701984'),
  },
  {
    filter: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915"',
    ast: cmp(at('manager.value', ENTERPRISE_USER), 'eq', '26118915'),
  },
  {
    filter: 'urn:ietf:params:scim:schemas:core:2.0:User:name.familyName co "J"',
    ast: cmp(at('name.familyName', CORE_USER), 'co', 'J'),
  },
  {
    filter: 'urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq "work"]',
    ast: vp(at('emails', CORE_USER), cmp('type', 'eq', 'work')),
  },
  // Names: $ref, digits, "-" and "_"; keywords as attribute names where an operator follows.
  { filter: 'members.$ref pr', ast: pr('members.$ref') },
  { filter: 'x-custom_attr2 eq "y"', ast: cmp('x-custom_attr2', 'eq', 'y') },
  { filter: 'not eq "x"', ast: cmp('not', 'eq', 'x') },
  { filter: 'and pr and or pr', ast: and(pr('and'), pr('or')) },
];

/** Refused filters, each with a fragment of the error detail. */
export const REJECTED: FilterCase[] = [
  { filter: '', error: 'filter is empty' },
  { filter: '   ', error: 'filter is empty' },
  { filter: 'userName xx "x"', error: 'unknown operator "xx" at position 9' },
  { filter: 'userName equals "x"', error: 'unknown operator "equals"' },
  { filter: 'userName', error: 'expected an operator' },
  { filter: 'userName eq', error: 'missing value after "eq"' },
  { filter: '(userName eq)', error: 'missing value after "eq"' },
  { filter: 'userName eq "x" and', error: 'unexpected end of the filter' },
  { filter: 'userName eq "x" or or b pr', error: 'unexpected "or" at position 19' },
  { filter: 'and', error: 'unexpected "and"' },
  { filter: '(userName eq "x"', error: 'expected ")" to close the "(" at position 0' },
  { filter: 'not (a pr', error: 'expected ")" to close the "not (" at position 0' },
  { filter: 'userName eq "x")', error: 'unexpected ")" at position 15' },
  { filter: '()', error: 'unexpected ")" at position 1' },
  { filter: 'emails[type eq "work"', error: 'expected "]" to close the "[" at position 6' },
  { filter: 'emails[]', error: 'unexpected "]" at position 7' },
  { filter: 'a eq "x" ]', error: 'unexpected "]" at position 9' },
  { filter: 'emails[type eq "work")', error: 'expected "]"' },
  { filter: 'userName eq "x" garbage', error: 'unexpected "garbage" at position 16; expected "and", "or"' },
  { filter: 'userName eq "x" "y"', error: 'unexpected "\\"y\\"" at position 16' },
  { filter: 'title pr "x"', error: '"pr" takes no value' },
  { filter: 'title pr true', error: '"pr" takes no value' },
  { filter: 'emails[type eq "work" and x[y eq "z"]]', error: 'value paths cannot be nested' },
  { filter: 'emails.value[type eq "work"]', error: 'not to the sub-attribute "emails.value"' },
  { filter: 'emails[type eq "work"] .value eq "x"', error: 'expected a sub-attribute name right after "]."' },
  { filter: 'emails[type eq "work"].value', error: 'expected an operator' },
  { filter: "userName eq 'bjensen'", error: 'string values are written in double quotes' },
  { filter: 'userName eq bjensen', error: 'strings are written in double quotes' },
  { filter: 'userName eq "bjensen', error: 'unterminated string starting at position 12' },
  { filter: 'userName eq "a\\x"', error: 'invalid escape "\\x"' },
  { filter: 'userName eq "\\u00g1"', error: 'invalid \\u escape' },
  { filter: 'userName eq "a\u0001"', error: 'unescaped control character' },
  { filter: 'not userName eq "x"', error: 'expected "(" after "not"' },
  { filter: 'active gt true', error: '"gt" cannot order true' },
  { filter: 'manager lt null', error: '"lt" cannot order null' },
  { filter: 'a co 5', error: '"co" needs a string value' },
  { filter: 'a sw null', error: '"sw" needs a string value' },
  { filter: 'a eq 1e999', error: 'out of range' },
  { filter: 'a eq 01', error: 'expected a value' },
  { filter: 'a eq .5', error: 'expected a value' },
  { filter: 'a eq +1', error: 'expected a value' },
  { filter: 'a.b.c pr', error: 'more than one sub-attribute' },
  { filter: '1abc pr', error: 'invalid attribute name "1abc"' },
  { filter: '5 eq 5', error: 'expected an attribute path, found the value "5"' },
  { filter: '_a pr', error: 'invalid attribute name "_a"' },
  { filter: 'urn:x pr', error: 'invalid schema URI "urn"' },
  {
    filter: 'urn:ietf:params:scim:schemas:core:2.0:User: pr',
    error: 'missing attribute name after the schema URI',
  },
  { filter: 'userName @ "x"', error: 'unexpected character "@" at position 9' },
  { filter: 'userName eq "x" && b pr', error: 'unexpected character "&"' },
  { filter: `${'('.repeat(5000)}a pr`, error: `deeper than ${MAX_FILTER_DEPTH} levels` },
  { filter: `${'not ('.repeat(100)}a pr${')'.repeat(100)}`, error: `deeper than ${MAX_FILTER_DEPTH} levels` },
  { filter: `a eq "${'x'.repeat(MAX_FILTER_LENGTH)}"`, error: `the limit is ${MAX_FILTER_LENGTH}` },
];

export const FILTER_CASES: FilterCase[] = [...RFC_7644_EXAMPLES, ...ACCEPTED, ...REJECTED];
