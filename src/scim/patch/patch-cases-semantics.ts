/**
 * The rules of RFC 7644 §3.5.2.1–§3.5.2.3 and RFC 7643 §2.4 beyond the RFC's own examples, one row per rule.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
import { SCHEMA_URNS } from '../urns.js';
import type { PatchCase } from './test-support/patch-case.js';
import {
  BABS,
  ENTERPRISE,
  HOME_ADDRESS,
  TOUR_GUIDES,
  WORK_ADDRESS,
  WORK_EMAIL,
} from './test-support/patch-fixtures.js';
import { TEST_EXTENSION } from './test-support/test-schemas.js';

const HOME_EMAIL = { value: 'babs@jensen.org', type: 'home' };
const WITH_HARNESS = [SCHEMA_URNS.User, TEST_EXTENSION];

export const SEMANTICS_CASES: PatchCase[] = [
  // add (§3.5.2.1)
  {
    name: 'add to a single-valued attribute replaces it',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: 'title', value: 'Lead Guide' }],
    after: { ...BABS, title: 'Lead Guide' },
  },
  {
    name: 'add of an attribute that has no value creates it',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: 'nickName', value: 'Babs' }],
    after: { ...BABS, nickName: 'Babs' },
  },
  {
    name: 'add to a complex attribute merges its sub-attributes',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: 'name', value: { middleName: 'Jane', givenName: 'Barb' } }],
    after: {
      ...BABS,
      name: {
        formatted: 'Ms. Barbara J Jensen III',
        familyName: 'Jensen',
        givenName: 'Barb',
        middleName: 'Jane',
      },
    },
  },
  {
    name: 'add of a sub-attribute by dotted path',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: 'name.middleName', value: 'Jane' }],
    after: { ...BABS, name: { ...(BABS.name as object), middleName: 'Jane' } },
  },
  {
    name: 'add of the same value to a multi-valued attribute is not added twice (caseExact false)',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: 'emails', value: [{ value: 'BJENSEN@example.com', type: 'work' }] }],
    after: BABS,
  },
  {
    name: 'add to a value-filtered path sets the sub-attribute of matching values',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: 'emails[type eq "work"].display', value: 'Work' }],
    after: { ...BABS, emails: [{ ...WORK_EMAIL, display: 'Work' }] },
  },
  {
    name: 'add to a value-filtered path that matches nothing creates the value from the filter',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0100' }],
    after: { ...BABS, phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }] },
    notes: ['add-creates-value'],
  },
  {
    name: 'add with an extension URN as path and an object value',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: ENTERPRISE, value: { department: 'Tour Operations' } }],
    after: {
      ...BABS,
      schemas: [SCHEMA_URNS.User, ENTERPRISE],
      [ENTERPRISE]: { department: 'Tour Operations' },
    },
  },
  {
    name: 'add without path with the extension object under its URN',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', value: { [ENTERPRISE]: { costCenter: '4130' } } }],
    after: { ...BABS, schemas: [SCHEMA_URNS.User, ENTERPRISE], [ENTERPRISE]: { costCenter: '4130' } },
  },
  {
    name: 'attribute names are case-insensitive and written in the schema casing',
    resourceType: 'User',
    before: BABS,
    operations: [
      { op: 'replace', path: 'USERNAME', value: 'babs@example.com' },
      { op: 'replace', path: 'Emails[TYPE eq "work"].VALUE', value: 'babs@example.com' },
    ],
    after: { ...BABS, userName: 'babs@example.com', emails: [{ ...WORK_EMAIL, value: 'babs@example.com' }] },
  },
  {
    name: 'a value typed as its attribute is accepted (integer, decimal, dateTime, binary, multi-valued string)',
    resourceType: 'User',
    before: BABS,
    operations: [
      {
        op: 'add',
        path: TEST_EXTENSION,
        value: {
          badgeNumber: 12,
          rating: 4.5,
          hiredAt: '2024-01-02T03:04:05Z',
          photo: 'aGVsbG8=',
          tags: ['a', 'b'],
        },
      },
    ],
    after: {
      ...BABS,
      schemas: WITH_HARNESS,
      [TEST_EXTENSION]: {
        badgeNumber: 12,
        rating: 4.5,
        hiredAt: '2024-01-02T03:04:05Z',
        photo: 'aGVsbG8=',
        tags: ['a', 'b'],
      },
    },
  },
  {
    name: 'an immutable attribute can be added while it has no value',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: `${TEST_EXTENSION}:employeeCode`, value: 'E-1' }],
    after: { ...BABS, schemas: WITH_HARNESS, [TEST_EXTENSION]: { employeeCode: 'E-1' } },
  },
  {
    name: 'replacing an immutable attribute with the value it has changes nothing',
    resourceType: 'User',
    before: { ...BABS, schemas: WITH_HARNESS, [TEST_EXTENSION]: { employeeCode: 'E-1' } },
    operations: [{ op: 'replace', path: `${TEST_EXTENSION}:employeeCode`, value: 'E-1' }],
    after: { ...BABS, schemas: WITH_HARNESS, [TEST_EXTENSION]: { employeeCode: 'E-1' } },
  },
  {
    name: 'replacing readOnly id with its own value changes nothing',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'replace', value: { id: BABS.id, displayName: 'Babs' } }],
    after: { ...BABS, displayName: 'Babs' },
  },
  {
    name: 'schemas in a path-less add gains an extension URN, spelled as the schema spells it',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', value: { Schemas: [ENTERPRISE.toUpperCase()] } }],
    after: { ...BABS, schemas: [SCHEMA_URNS.User, ENTERPRISE] },
  },
  // replace (§3.5.2.3)
  {
    name: 'replace of a multi-valued attribute without filter replaces the whole set',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'replace', path: 'addresses', value: [HOME_ADDRESS] }],
    after: { ...BABS, addresses: [HOME_ADDRESS] },
  },
  {
    name: 'replace of a complex attribute leaves unspecified sub-attributes unchanged',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'replace', path: 'name', value: { familyName: 'Smith' } }],
    after: {
      ...BABS,
      name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Smith', givenName: 'Barbara' },
    },
  },
  {
    name: 'replace of an attribute that does not exist is treated as add',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'replace', path: 'preferredLanguage', value: 'en-US' }],
    after: { ...BABS, preferredLanguage: 'en-US' },
  },
  {
    name: 'replace with null unassigns the attribute (RFC 7643 §2.5)',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'replace', path: 'title', value: null }],
    after: { ...BABS, title: undefined },
    notes: ['null-value'],
  },
  // remove (§3.5.2.2)
  {
    name: 'remove of a single-valued attribute',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'remove', path: 'title' }],
    after: { ...BABS, title: undefined },
  },
  {
    name: 'remove of a sub-attribute of a complex attribute',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'remove', path: 'name.formatted' }],
    after: { ...BABS, name: { familyName: 'Jensen', givenName: 'Barbara' } },
  },
  {
    name: 'remove of a sub-attribute of the matching values',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'remove', path: 'addresses[type eq "work"].formatted' }],
    after: { ...BABS, addresses: [{ ...WORK_ADDRESS, formatted: undefined }, HOME_ADDRESS] },
  },
  {
    name: 'remove of the last value leaves the attribute unassigned',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'remove', path: 'emails[value eq "bjensen@example.com"]' }],
    after: { ...BABS, emails: undefined },
  },
  {
    name: 'remove with a filter that matches nothing changes nothing',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'remove', path: 'emails[type eq "home"]' }],
    after: BABS,
  },
  {
    name: 'remove of a group member by filter, path spelled in another case',
    resourceType: 'Group',
    before: TOUR_GUIDES,
    operations: [{ op: 'remove', path: 'MEMBERS[VALUE eq "902c246b-6245-4190-8e05-00816be7344a"]' }],
    after: { ...TOUR_GUIDES, members: [(TOUR_GUIDES.members as unknown[])[0]] },
  },
  // primary (RFC 7643 §2.4, RFC 7644 §3.5.2)
  {
    name: 'adding a primary value sets primary false on the others',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: 'emails', value: [{ ...HOME_EMAIL, primary: true }] }],
    after: {
      ...BABS,
      emails: [
        { ...WORK_EMAIL, primary: false },
        { ...HOME_EMAIL, primary: true },
      ],
    },
  },
  {
    name: 'setting primary through a filtered path moves it',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'replace', path: 'addresses[type eq "home"].primary', value: true }],
    after: {
      ...BABS,
      addresses: [
        { ...WORK_ADDRESS, primary: false },
        { ...HOME_ADDRESS, primary: true },
      ],
    },
  },
  {
    name: 'replacing a filtered value with a primary one moves primary',
    resourceType: 'User',
    before: { ...BABS, emails: [WORK_EMAIL, HOME_EMAIL] },
    operations: [{ op: 'replace', path: 'emails[type eq "home"]', value: { ...HOME_EMAIL, primary: true } }],
    after: {
      ...BABS,
      emails: [
        { ...WORK_EMAIL, primary: false },
        { ...HOME_EMAIL, primary: true },
      ],
    },
  },
];
