/**
 * What Microsoft Entra ID sends, without and with the `aadOptscim062020` flag, and what each body must do.
 * Bodies are those of Microsoft's SCIM tutorial, its compatibility page and its validator; the notes say
 * which non-canonical forms the legacy client uses.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 */

import { SCHEMA_URNS } from '../urns.js';
import type { PatchCase } from './test-support/patch-case.js';
import {
  BABS,
  BABS_MANAGED,
  ENTERPRISE,
  MANDY_ID,
  member,
  TOUR_GUIDES,
  WORK_EMAIL,
} from './test-support/patch-fixtures.js';

const MANAGER_PATH = `${ENTERPRISE}:manager`;
const SECOND_MANAGER = '2c2f6fb8-254f-492e-b7fe-c09c5a61c8a2';
const WITH_ENTERPRISE = [SCHEMA_URNS.User, ENTERPRISE];
const ENTRA_USER = 'f648f8d5ea4e4cd38e9c';
const GROUP_WITH_ENTRA_USER = {
  ...TOUR_GUIDES,
  members: [...(TOUR_GUIDES.members as unknown[]), { value: ENTRA_USER }],
};

export const ENTRA_CASES: PatchCase[] = [
  {
    name: 'legacy: update user, multi-valued and name (capitalised Replace)',
    resourceType: 'User',
    before: BABS,
    operations: [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    ],
    after: {
      ...BABS,
      emails: [{ ...WORK_EMAIL, value: 'updatedEmail@microsoft.com' }],
      name: { ...(BABS.name as object), familyName: 'updatedFamilyName' },
    },
    notes: ['capitalised-op', 'capitalised-op'],
  },
  {
    name: 'legacy: update user, single-valued userName',
    resourceType: 'User',
    before: BABS,
    operations: [
      { op: 'Replace', path: 'userName', value: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' },
    ],
    after: { ...BABS, userName: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' },
    notes: ['capitalised-op'],
  },
  {
    name: 'legacy: disable user with the string "False"',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    after: { ...BABS, active: false },
    notes: ['capitalised-op', 'boolean-string'],
  },
  {
    name: 'aadOptscim062020: disable user with boolean false',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'replace', path: 'active', value: false }],
    after: { ...BABS, active: false },
  },
  {
    name: 'legacy: add a single-valued string attribute (Add)',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'Add', path: 'nickName', value: 'Babs' }],
    after: { ...BABS, nickName: 'Babs' },
    notes: ['capitalised-op'],
  },
  {
    name: 'aadOptscim062020: add a single-valued string attribute',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: 'nickName', value: 'Babs' }],
    after: { ...BABS, nickName: 'Babs' },
  },
  {
    name: 'legacy: replace several attributes, one Replace per path',
    resourceType: 'User',
    before: BABS,
    operations: [
      { op: 'Replace', path: 'displayName', value: 'Pvlo' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
      { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
      { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
      { op: 'Replace', path: 'externalId', value: 'Eqpj' },
      { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: 'Eqpj' },
    ],
    after: {
      ...BABS,
      schemas: WITH_ENTERPRISE,
      displayName: 'Pvlo',
      emails: [{ ...WORK_EMAIL, value: 'TestBcwqnm@test.microsoft.com' }],
      name: { formatted: 'Ms. Barbara J Jensen III', givenName: 'Gtfd', familyName: 'Pkqf' },
      externalId: 'Eqpj',
      [ENTERPRISE]: { employeeNumber: 'Eqpj' },
    },
    notes: Array(6).fill('capitalised-op'),
  },
  {
    name: 'aadOptscim062020: replace several attributes in one path-less op with dotted and URN keys',
    resourceType: 'User',
    before: BABS,
    operations: [
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestMhvaes@test.microsoft.com' },
      {
        op: 'replace',
        value: {
          displayName: 'Bjfe',
          'name.givenName': 'Kkom',
          'name.familyName': 'Unua',
          [`${ENTERPRISE}:employeeNumber`]: 'Aklq',
        },
      },
    ],
    after: {
      ...BABS,
      schemas: WITH_ENTERPRISE,
      displayName: 'Bjfe',
      emails: [{ ...WORK_EMAIL, value: 'TestMhvaes@test.microsoft.com' }],
      name: { formatted: 'Ms. Barbara J Jensen III', givenName: 'Kkom', familyName: 'Unua' },
      [ENTERPRISE]: { employeeNumber: 'Aklq' },
    },
    notes: ['dotted-key', 'dotted-key', 'urn-key'],
  },
  {
    name: 'manager set with a bare id on the enterprise URN path',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'add', path: MANAGER_PATH, value: SECOND_MANAGER }],
    after: { ...BABS, schemas: WITH_ENTERPRISE, [ENTERPRISE]: { manager: { value: SECOND_MANAGER } } },
    notes: ['manager-string'],
  },
  {
    name: 'manager changed with a bare id (validator: Add then replace)',
    resourceType: 'User',
    before: BABS_MANAGED,
    operations: [{ op: 'replace', path: MANAGER_PATH, value: SECOND_MANAGER }],
    after: {
      ...BABS_MANAGED,
      [ENTERPRISE]: { employeeNumber: '701984', manager: { value: SECOND_MANAGER } },
    },
    notes: ['manager-string'],
  },
  {
    name: 'manager cleared with replace ""',
    resourceType: 'User',
    before: BABS_MANAGED,
    operations: [{ op: 'replace', path: MANAGER_PATH, value: '' }],
    after: { ...BABS_MANAGED, [ENTERPRISE]: { employeeNumber: '701984' } },
    notes: ['manager-string'],
  },
  {
    name: 'manager removed with remove',
    resourceType: 'User',
    before: BABS_MANAGED,
    operations: [{ op: 'remove', path: MANAGER_PATH }],
    after: { ...BABS_MANAGED, [ENTERPRISE]: { employeeNumber: '701984' } },
  },
  {
    name: 'TUTORIAL example 5: Add manager by unqualified path with a one-element array',
    resourceType: 'User',
    before: BABS,
    operations: [
      {
        op: 'Add',
        path: 'manager',
        value: [{ $ref: `http://example.com/scim/Users/${MANDY_ID}`, value: MANDY_ID }],
      },
    ],
    after: {
      ...BABS,
      schemas: WITH_ENTERPRISE,
      [ENTERPRISE]: { manager: { $ref: `http://example.com/scim/Users/${MANDY_ID}`, value: MANDY_ID } },
    },
    notes: ['capitalised-op', 'unqualified-extension', 'array-for-singular'],
  },
  {
    name: 'legacy: add a member with "$ref": null',
    resourceType: 'Group',
    before: TOUR_GUIDES,
    operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: ENTRA_USER }] }],
    after: GROUP_WITH_ENTRA_USER,
    notes: ['capitalised-op', 'null-value'],
  },
  {
    name: 'legacy: remove a member by value removes only that member',
    resourceType: 'Group',
    before: GROUP_WITH_ENTRA_USER,
    operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: ENTRA_USER }] }],
    after: TOUR_GUIDES,
    notes: ['capitalised-op', 'remove-by-value', 'null-value'],
  },
  {
    name: 'aadOptscim062020: remove a member by value filter',
    resourceType: 'Group',
    before: GROUP_WITH_ENTRA_USER,
    operations: [{ op: 'remove', path: `members[value eq "${ENTRA_USER}"]` }],
    after: TOUR_GUIDES,
  },
  {
    name: 'aadOptscim062020: add members to a group created with no members',
    resourceType: 'Group',
    before: { ...TOUR_GUIDES, members: undefined },
    operations: [
      { op: 'add', path: 'members', value: [{ value: ENTRA_USER }, member(MANDY_ID, 'Mandy Pepperidge')] },
    ],
    after: { ...TOUR_GUIDES, members: [{ value: ENTRA_USER }, member(MANDY_ID, 'Mandy Pepperidge')] },
  },
  {
    name: 'legacy: rename a group',
    resourceType: 'Group',
    before: TOUR_GUIDES,
    operations: [
      { op: 'Replace', path: 'displayName', value: '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName' },
    ],
    after: { ...TOUR_GUIDES, displayName: '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName' },
    notes: ['capitalised-op'],
  },
  {
    name: 'validator null update: path-less replace with null values',
    resourceType: 'User',
    before: BABS,
    operations: [{ op: 'replace', value: { title: null, displayName: null } }],
    after: { ...BABS, title: undefined, displayName: undefined },
    notes: ['null-value', 'null-value'],
  },
];
