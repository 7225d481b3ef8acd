/**
 * Filter evaluation cases: a filter, the fixture it runs against, whether the schema resolver is
 * used, and the outcome (a boolean, or a fragment of the `invalidFilter` detail). A new case is a new row.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
import { BJENSEN, SPARSE_USER, TYPED_RESOURCE } from './test-support/rfc7643-users.js';

export const EVALUATION_FIXTURES = { bjensen: BJENSEN, sparse: SPARSE_USER, typed: TYPED_RESOURCE } as const;

export interface EvaluationCase {
  filter: string;
  on: keyof typeof EVALUATION_FIXTURES;
  /** Evaluate with the schema resolver (default) or with none (all strings case-insensitive). */
  schema?: false;
  expected: boolean | { error: string };
  why?: string;
}

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export const EVALUATION_CASES: EvaluationCase[] = [
  // The RFC 7644 §3.4.2.2 examples against the RFC 7643 §8.3 user.
  { on: 'bjensen', filter: 'userName eq "bjensen"', expected: false, why: 'userName is bjensen@example.com' },
  { on: 'bjensen', filter: `name.familyName co "O'Malley"`, expected: false },
  { on: 'bjensen', filter: 'userName sw "J"', expected: false },
  { on: 'bjensen', filter: 'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"', expected: false },
  { on: 'bjensen', filter: 'title pr', expected: true },
  { on: 'bjensen', filter: 'meta.lastModified gt "2011-05-13T04:42:34Z"', expected: false },
  { on: 'bjensen', filter: 'meta.lastModified ge "2011-05-13T04:42:34Z"', expected: true },
  { on: 'bjensen', filter: 'meta.lastModified lt "2011-05-13T04:42:34Z"', expected: false },
  { on: 'bjensen', filter: 'meta.lastModified le "2011-05-13T04:42:34Z"', expected: true },
  { on: 'bjensen', filter: 'title pr and userType eq "Employee"', expected: true },
  { on: 'bjensen', filter: 'title pr or userType eq "Intern"', expected: true },
  { on: 'bjensen', filter: `schemas eq "${ENT}"`, expected: true },
  {
    on: 'bjensen',
    filter: 'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
    expected: true,
  },
  {
    on: 'bjensen',
    filter: 'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
    expected: false,
  },
  { on: 'bjensen', filter: 'userType eq "Employee" and (emails.type eq "work")', expected: true },
  {
    on: 'bjensen',
    filter: 'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
    expected: true,
  },
  {
    on: 'bjensen',
    filter:
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    expected: true,
  },
  { on: 'bjensen', filter: 'ims[type eq "xmpp" and value co "@foo.com"]', expected: false },

  // caseExact decides string comparison; names are case-insensitive.
  {
    on: 'bjensen',
    filter: 'userName eq "BJensen@Example.COM"',
    expected: true,
    why: 'userName caseExact=false',
  },
  { on: 'bjensen', filter: 'userName sw "B"', expected: true },
  { on: 'bjensen', filter: 'id eq "2819c223-7f76-453a-919d-413861904646"', expected: true },
  {
    on: 'bjensen',
    filter: 'id eq "2819C223-7F76-453A-919D-413861904646"',
    expected: false,
    why: 'id caseExact=true',
  },
  {
    on: 'bjensen',
    schema: false,
    filter: 'id eq "2819C223-7F76-453A-919D-413861904646"',
    expected: true,
    why: 'without a resolver strings compare case-insensitively',
  },
  { on: 'bjensen', filter: 'externalId sw "7019"', expected: true },
  { on: 'bjensen', filter: 'USERNAME eq "bjensen@example.com"', expected: true },
  { on: 'bjensen', filter: 'NAME.FAMILYNAME eq "jensen"', expected: true },
  { on: 'bjensen', filter: 'Emails[TYPE eq "WORK"]', expected: true },
  {
    on: 'bjensen',
    filter: 'meta.resourceType eq "user"',
    expected: false,
    why: 'resourceType caseExact=true',
  },
  { on: 'bjensen', filter: 'meta.resourceType eq "User"', expected: true },

  // Substring and ordering on strings.
  { on: 'bjensen', filter: 'name.familyName co "ENS"', expected: true },
  { on: 'bjensen', filter: 'displayName ew "jensen"', expected: true },
  { on: 'bjensen', filter: 'displayName sw ""', expected: true },
  { on: 'bjensen', filter: 'title gt "Tour"', expected: true, why: 'lexicographic: "tour guide" > "tour"' },
  { on: 'bjensen', filter: 'title lt "tour guide"', expected: false },
  { on: 'bjensen', filter: 'title le "TOUR GUIDE"', expected: true },
  { on: 'bjensen', filter: 'title ge "u"', expected: false },

  // Multi-valued: any value; a value path keeps its conditions on one element.
  { on: 'bjensen', filter: 'emails[type eq "home" and value co "@example.com"]', expected: false },
  { on: 'bjensen', filter: 'emails.type eq "home" and emails.value co "@example.com"', expected: true },
  {
    on: 'bjensen',
    filter: 'emails co "jensen.org"',
    expected: true,
    why: 'complex without sub-attribute uses value',
  },
  { on: 'bjensen', filter: 'emails eq "babs@jensen.org"', expected: true },
  { on: 'bjensen', filter: 'emails eq "home"', expected: false },
  { on: 'bjensen', schema: false, filter: 'emails co "jensen.org"', expected: true },
  { on: 'bjensen', filter: 'emails[type eq "work"].value eq "bjensen@example.com"', expected: true },
  { on: 'bjensen', filter: 'emails[type eq "home"].value eq "bjensen@example.com"', expected: false },
  { on: 'bjensen', filter: 'emails[primary eq true]', expected: true },
  { on: 'bjensen', filter: 'emails[type eq "home" and primary eq true]', expected: false },
  { on: 'bjensen', filter: 'emails[not (primary pr)].value ew ".org"', expected: true },
  { on: 'bjensen', filter: 'phoneNumbers[type eq "mobile"].value sw "555-555-4"', expected: true },
  { on: 'bjensen', filter: 'groups.display eq "tour guides"', expected: true },
  { on: 'bjensen', filter: 'groups[display sw "US"]', expected: true },
  { on: 'bjensen', filter: 'groups.$ref co "e9e30dba"', expected: true },
  { on: 'bjensen', filter: 'schemas[value sw "urn:ietf:params:scim:schemas:extension"]', expected: true },
  { on: 'typed', filter: 'roles eq "auditor"', expected: true },
  { on: 'typed', filter: 'roles[value eq "admin"]', expected: true },
  { on: 'typed', filter: 'roles[value pr]', expected: true },
  { on: 'typed', filter: 'roles[value eq null]', expected: false },
  { on: 'typed', filter: 'roles[type pr]', expected: false, why: 'a simple element has only a value' },
  { on: 'bjensen', filter: 'name eq null', expected: false, why: 'null checks the attribute, not its value' },

  // ne: the negation of eq, so a missing attribute is "not equal".
  { on: 'bjensen', filter: 'userName ne "nobody"', expected: true },
  { on: 'bjensen', filter: 'userName ne "BJENSEN@example.com"', expected: false },
  { on: 'bjensen', filter: 'nickName ne "x" and noSuchAttribute ne "x"', expected: true },
  { on: 'bjensen', filter: 'emails.type ne "work"', expected: false, why: 'one email is work' },
  { on: 'bjensen', filter: 'emails.type ne "other"', expected: true },

  // pr and null: unassigned is null, "", [], or a complex value with nothing assigned.
  { on: 'bjensen', filter: 'name pr', expected: true },
  { on: 'bjensen', filter: 'noSuchAttribute pr', expected: false },
  { on: 'sparse', filter: 'title pr', expected: false },
  { on: 'sparse', filter: 'nickName pr', expected: false },
  { on: 'sparse', filter: 'emails pr', expected: false },
  { on: 'sparse', filter: 'phoneNumbers pr', expected: false },
  { on: 'sparse', filter: 'name pr', expected: false },
  { on: 'sparse', filter: 'addresses pr', expected: false },
  { on: 'sparse', filter: 'userName pr', expected: true },
  { on: 'sparse', filter: 'title eq null', expected: true },
  { on: 'sparse', filter: 'emails eq null', expected: true },
  { on: 'sparse', filter: 'title ne null', expected: false },
  { on: 'bjensen', filter: 'title eq null', expected: false },
  { on: 'bjensen', filter: 'title ne null', expected: true },
  { on: 'bjensen', filter: 'noSuchAttribute eq null', expected: true },

  // Booleans and numbers.
  { on: 'bjensen', filter: 'active eq true', expected: true },
  { on: 'bjensen', filter: 'active eq FALSE', expected: false },
  { on: 'bjensen', filter: 'active ne false', expected: true },
  { on: 'bjensen', filter: 'active eq "true"', expected: false, why: 'a string is not a boolean' },
  {
    on: 'bjensen',
    filter: 'active gt "x"',
    expected: { error: '"gt" is not defined for the boolean attribute' },
  },
  { on: 'bjensen', schema: false, filter: 'active gt "x"', expected: false, why: 'type mismatch is false' },
  { on: 'bjensen', filter: 'x509Certificates.value lt "M"', expected: { error: 'binary attribute' } },
  { on: 'typed', filter: 'active eq false', expected: true },
  { on: 'typed', filter: 'age eq 42', expected: true },
  { on: 'typed', filter: 'age eq 42.0', expected: true },
  { on: 'typed', filter: 'age gt 41.5', expected: true },
  { on: 'typed', filter: 'age ge 42', expected: true },
  { on: 'typed', filter: 'age lt 42', expected: false },
  { on: 'typed', filter: 'age le 4.2e1', expected: true },
  { on: 'typed', filter: 'age eq "42"', expected: false, why: 'a string is not a number' },
  { on: 'typed', filter: 'ratio lt 1', expected: true },
  { on: 'bjensen', filter: 'externalId eq 701984', expected: false, why: 'a number is not a string' },

  // dateTime: instants with the resolver, strings without.
  { on: 'bjensen', filter: 'meta.lastModified eq "2011-05-13T06:42:34+02:00"', expected: true },
  {
    on: 'bjensen',
    schema: false,
    filter: 'meta.lastModified eq "2011-05-13T06:42:34+02:00"',
    expected: false,
  },
  { on: 'bjensen', filter: 'meta.lastModified eq "2011-05-13T04:42:34.000Z"', expected: true },
  { on: 'bjensen', filter: 'meta.lastModified gt "2011-05-13T04:42:33.999999999Z"', expected: true },
  { on: 'bjensen', filter: 'meta.created lt "2011-05-13T04:42:34Z"', expected: true },
  { on: 'bjensen', filter: 'meta.lastModified sw "2011-05"', expected: true },
  {
    on: 'bjensen',
    filter: 'meta.created gt "yesterday"',
    expected: { error: '"yesterday" is not a dateTime' },
  },
  { on: 'typed', filter: 'meta.lastModified gt "2011-05-13T04:42:34.123456Z"', expected: true },
  { on: 'typed', filter: 'meta.lastModified lt "2011-05-13T04:42:34.12345671Z"', expected: true },

  // Schema URNs: core addresses the top level, an extension its own object.
  {
    on: 'bjensen',
    filter: 'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName eq "Barbara"',
    expected: true,
  },
  { on: 'bjensen', filter: `${ENT}:employeeNumber eq "701984"`, expected: true },
  { on: 'bjensen', filter: `${ENT.toUpperCase()}:EMPLOYEENUMBER eq "701984"`, expected: true },
  { on: 'bjensen', filter: `${ENT}:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d"`, expected: true },
  { on: 'bjensen', filter: `${ENT}:manager.displayName co "smith"`, expected: true },
  { on: 'bjensen', filter: `${ENT}:manager eq "26118915-6090-4610-87e4-49d8ca9f808d"`, expected: true },
  { on: 'bjensen', filter: `${ENT}:department pr`, expected: true },
  { on: 'bjensen', filter: `${ENT}:userName pr`, expected: false },
  { on: 'bjensen', filter: 'employeeNumber eq "701984"', expected: false, why: 'unqualified names are core' },
  { on: 'bjensen', filter: 'urn:ietf:params:scim:schemas:core:2.0:Group:displayName pr', expected: false },

  // Logic.
  { on: 'bjensen', filter: 'not (userName eq "bjensen@example.com")', expected: false },
  { on: 'bjensen', filter: 'userName eq "x" or title pr and active eq true', expected: true },
  { on: 'bjensen', filter: '(userName eq "x" or title pr) and active eq false', expected: false },
];
