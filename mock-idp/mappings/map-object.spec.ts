import { expect, test } from '@playwright/test';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import { entraUser } from '../directory/test-support/entra-user-fixture.js';
import type { UserMapping } from './attribute-mapping.js';
import { DATADOG_USER_MAPPING, ENTRA_DEFAULT_USER_MAPPING } from './default-mappings.js';
import { mapUser, matchingRows } from './map-object.js';
import { describeExpression } from './source-expression.js';

const E = SCHEMA_URNS.EnterpriseUser;

// Research §5.2 (vendor-observed defaults) and datadog-scim.md §4: target ← expression.
const MAPPING_TABLES: { mapping: UserMapping; rows: [string, string][] }[] = [
  {
    mapping: ENTRA_DEFAULT_USER_MAPPING,
    rows: [
      ['userName', 'userPrincipalName'],
      ['active', 'Switch([IsSoftDeleted], , "False", "True", "True", "False")'],
      ['displayName', 'displayName'],
      ['title', 'jobTitle'],
      ['emails[type eq "work"].value', 'mail'],
      ['name.givenName', 'givenName'],
      ['name.familyName', 'surname'],
      ['name.formatted', 'Join(" ", [givenName], [surname])'],
      ['phoneNumbers[type eq "work"].value', 'telephoneNumber'],
      ['phoneNumbers[type eq "mobile"].value', 'mobile'],
      ['addresses[type eq "work"].streetAddress', 'streetAddress'],
      ['addresses[type eq "work"].locality', 'city'],
      ['addresses[type eq "work"].region', 'state'],
      ['addresses[type eq "work"].postalCode', 'postalCode'],
      ['addresses[type eq "work"].country', 'country'],
      ['externalId', 'mailNickname'],
      [`${E}:employeeNumber`, 'employeeId'],
      [`${E}:department`, 'department'],
      [`${E}:manager`, 'manager'],
      ['roles', 'AppRoleAssignmentsComplex([appRoleAssignments])'],
    ],
  },
  {
    mapping: DATADOG_USER_MAPPING,
    rows: [
      ['userName', 'userPrincipalName'],
      ['active', 'Not([IsSoftDeleted])'],
      ['title', 'jobTitle'],
      ['emails[type eq "work"].value', 'mail'],
      ['name.formatted', 'displayName'],
    ],
  },
];

for (const { mapping, rows } of MAPPING_TABLES) {
  test(`mapping table: ${mapping.name}`, () => {
    expect(mapping.rows.map((row) => [row.target, describeExpression(row.source)])).toEqual(rows);
    expect(matchingRows(mapping).map((row) => row.target)).toEqual(['userName']);
  });
}

const ACTIVE_CASES = [
  { name: 'active user', overrides: {}, inScope: true, active: true },
  { name: 'soft-deleted user', overrides: { isSoftDeleted: true }, inScope: true, active: false },
  { name: 'disabled user', overrides: { accountEnabled: false }, inScope: true, active: false },
  { name: 'out-of-scope user', overrides: {}, inScope: false, active: false },
];
for (const mapping of [ENTRA_DEFAULT_USER_MAPPING, DATADOG_USER_MAPPING]) {
  for (const { name, overrides, inScope, active } of ACTIVE_CASES) {
    test(`${mapping.name}: active is ${active} for an ${name}`, () => {
      expect(mapUser(entraUser(overrides), mapping, { inScope }).active).toBe(active);
    });
  }
}

test('the default mapping writes every present attribute and omits absent ones', () => {
  const user = entraUser({
    userPrincipalName: 'joy.young.1.r@contoso.example',
    mail: 'joy@contoso.example',
    mailNickname: 'joy.young.1.r',
    givenName: 'Joy',
    surname: 'Young',
    displayName: 'Joy Young',
    department: 'Sales',
    manager: 'manager-object-id',
    mobile: '+1 555 0100',
  });
  expect(mapUser(user, ENTRA_DEFAULT_USER_MAPPING)).toEqual({
    userName: 'joy.young.1.r@contoso.example',
    active: true,
    displayName: 'Joy Young',
    'emails[type eq "work"].value': 'joy@contoso.example',
    'name.givenName': 'Joy',
    'name.familyName': 'Young',
    'name.formatted': 'Joy Young',
    'phoneNumbers[type eq "mobile"].value': '+1 555 0100',
    externalId: 'joy.young.1.r',
    [`${E}:department`]: 'Sales',
    [`${E}:manager`]: { kind: 'reference', objectId: 'manager-object-id' },
    roles: { kind: 'roles', values: [] },
  });
});

test('Join skips empty parts; onCreateOnly rows are dropped for updates', () => {
  const mapping: UserMapping = {
    name: 'test',
    objectType: 'User',
    rows: [
      {
        target: 'name.formatted',
        source: { kind: 'join', separator: ' ', attributes: ['givenName', 'surname'] },
        type: 'string',
        apply: 'always',
      },
      {
        target: 'nickName',
        source: { kind: 'constant', value: 'new' },
        type: 'string',
        apply: 'onCreateOnly',
      },
    ],
  };
  const user = entraUser({ givenName: 'Joy', surname: '' });
  expect(mapUser(user, mapping)).toEqual({ 'name.formatted': 'Joy', nickName: 'new' });
  expect(mapUser(user, mapping, { purpose: 'update' })).toEqual({ 'name.formatted': 'Joy' });
});

test('a row whose expression cannot fit its type is a configuration error naming the row', () => {
  const mapping: UserMapping = {
    name: 'bad',
    objectType: 'User',
    rows: [
      {
        target: 'active',
        source: { kind: 'direct', attribute: 'department' },
        type: 'boolean',
        apply: 'always',
      },
    ],
  };
  expect(() => mapUser(entraUser({ department: 'Sales' }), mapping)).toThrow(
    /mapping row "active" \(boolean\)/,
  );
});
