/**
 * Every example of RFC 7644 §3.5.2.1–§3.5.2.3, as rows: the request bodies are the RFC's, the resources are
 * RFC 7643 §8 style. A new example is a new row.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
import { SCHEMA_URNS } from '../urns.js';
import type { PatchCase } from './test-support/patch-case.js';
import {
  BABS,
  BABS_ID,
  HOME_ADDRESS,
  JAMES_ID,
  MANDY_ID,
  member,
  TOUR_GUIDES,
  WORK_ADDRESS,
  WORK_EMAIL,
} from './test-support/patch-fixtures.js';

const babsMember = member(BABS_ID, 'Babs Jensen');
const jamesMember = member(JAMES_ID, 'James Smith');
const mandyMember = member(MANDY_ID, 'Mandy Pepperidge');
const MANDY_ONLY = { ...TOUR_GUIDES, members: [mandyMember] };

export const RFC_EXAMPLE_CASES: PatchCase[] = [
  {
    name: '§3.5.2.1 add a member to a group',
    resourceType: 'Group',
    before: MANDY_ONLY,
    operations: [{ op: 'add', path: 'members', value: [babsMember] }],
    after: { ...TOUR_GUIDES, members: [mandyMember, babsMember] },
  },
  {
    name: '§3.5.2.1 add a member who is already a member changes nothing',
    resourceType: 'Group',
    before: TOUR_GUIDES,
    operations: [{ op: 'add', path: 'members', value: [babsMember] }],
    after: TOUR_GUIDES,
  },
  {
    name: '§3.5.2.1 add without path: an email is added and nickname set',
    resourceType: 'User',
    before: BABS,
    operations: [
      { op: 'add', value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickname: 'Babs' } },
    ],
    after: { ...BABS, emails: [WORK_EMAIL, { value: 'babs@jensen.org', type: 'home' }], nickName: 'Babs' },
  },
  {
    name: '§3.5.2.1 add without path replaces an existing single-valued nickname',
    resourceType: 'User',
    before: { ...BABS, nickName: 'Barbie' },
    operations: [{ op: 'add', value: { nickname: 'Babs' } }],
    after: { ...BABS, nickName: 'Babs' },
  },
  {
    name: '§3.5.2.2 remove a single member from a group',
    resourceType: 'Group',
    before: TOUR_GUIDES,
    operations: [{ op: 'remove', path: `members[value eq "${BABS_ID}"]` }],
    after: MANDY_ONLY,
  },
  {
    name: '§3.5.2.2 remove all members of a group',
    resourceType: 'Group',
    before: TOUR_GUIDES,
    operations: [{ op: 'remove', path: 'members' }],
    after: {
      schemas: TOUR_GUIDES.schemas,
      id: TOUR_GUIDES.id,
      displayName: 'Tour Guides',
      meta: TOUR_GUIDES.meta,
    },
  },
  {
    name: '§3.5.2.2 remove the values of a complex multi-valued attribute matched by a filter',
    resourceType: 'User',
    before: { ...BABS, emails: [WORK_EMAIL, { value: 'babs@jensen.org', type: 'home' }] },
    operations: [{ op: 'remove', path: 'emails[type eq "work" and value ew "example.com"]' }],
    after: { ...BABS, emails: [{ value: 'babs@jensen.org', type: 'home' }] },
  },
  {
    name: '§3.5.2.2 remove all members, then add members',
    resourceType: 'Group',
    before: TOUR_GUIDES,
    operations: [
      { op: 'remove', path: 'members' },
      { op: 'add', path: 'members', value: [babsMember, jamesMember] },
    ],
    after: { ...TOUR_GUIDES, members: [babsMember, jamesMember] },
  },
  {
    name: '§3.5.2.3 replace all members of a group',
    resourceType: 'Group',
    before: TOUR_GUIDES,
    operations: [{ op: 'replace', path: 'members', value: [babsMember, jamesMember] }],
    after: { ...TOUR_GUIDES, members: [babsMember, jamesMember] },
  },
  {
    name: '§3.5.2.3 replace the work address',
    resourceType: 'User',
    before: BABS,
    operations: [
      {
        op: 'replace',
        path: 'addresses[type eq "work"]',
        value: {
          type: 'work',
          streetAddress: '911 Universal City Plaza',
          locality: 'Hollywood',
          region: 'CA',
          postalCode: '91608',
          country: 'US',
          formatted: '911 Universal City Plaza\nHollywood, CA 91608 US',
          primary: true,
        },
      },
    ],
    after: {
      ...BABS,
      addresses: [
        {
          type: 'work',
          streetAddress: '911 Universal City Plaza',
          locality: 'Hollywood',
          region: 'CA',
          postalCode: '91608',
          country: 'US',
          formatted: '911 Universal City Plaza\nHollywood, CA 91608 US',
          primary: true,
        },
        HOME_ADDRESS,
      ],
    },
  },
  {
    name: '§3.5.2.3 replace one sub-attribute of the work address',
    resourceType: 'User',
    before: BABS,
    operations: [
      { op: 'replace', path: 'addresses[type eq "work"].streetAddress', value: '1010 Broadway Ave' },
    ],
    after: { ...BABS, addresses: [{ ...WORK_ADDRESS, streetAddress: '1010 Broadway Ave' }, HOME_ADDRESS] },
  },
  {
    name: '§3.5.2.3 replace without path: all emails and the nickname',
    resourceType: 'User',
    before: { ...BABS, nickName: 'Barbie' },
    operations: [
      {
        op: 'replace',
        value: {
          emails: [
            { value: 'bjensen@example.com', type: 'work', primary: true },
            { value: 'babs@jensen.org', type: 'home' },
          ],
          nickname: 'Babs',
        },
      },
    ],
    after: {
      ...BABS,
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: true },
        { value: 'babs@jensen.org', type: 'home' },
      ],
      nickName: 'Babs',
    },
  },
  {
    name: '§3.5.2 an extension attribute named by its URN adds the extension to schemas',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: `${SCHEMA_URNS.EnterpriseUser}:employeeNumber`, value: '701984' }],
    after: {
      ...BABS,
      schemas: [SCHEMA_URNS.User, SCHEMA_URNS.EnterpriseUser],
      [SCHEMA_URNS.EnterpriseUser]: { employeeNumber: '701984' },
    },
  },
];
