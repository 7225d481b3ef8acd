import { expect, test } from '@playwright/test';
import type { EntraDirectory, EntraGroup, EntraUser } from './entra-objects.js';
import { compileScopeFilter, computeScope, isSoftDeletedFor, type ScopingClause } from './scoping.js';
import { entraUser } from './test-support/entra-user-fixture.js';

const sales = entraUser({ objectId: 'sales', department: 'Sales', jobTitle: 'Account Executive' });
const eng = entraUser({ objectId: 'eng', department: 'Engineering', jobTitle: 'Staff Engineer' });
const none = entraUser({ objectId: 'none', department: undefined, accountEnabled: false });
const USERS = [sales, eng, none];

const CLAUSES: { clause: ScopingClause; selects: string[] }[] = [
  { clause: { attribute: 'department', operator: 'EQUALS', value: 'Sales' }, selects: ['sales'] },
  { clause: { attribute: 'department', operator: 'EQUALS', value: 'sales' }, selects: [] },
  { clause: { attribute: 'department', operator: 'NOT EQUALS', value: 'Sales' }, selects: ['eng'] },
  { clause: { attribute: 'department', operator: 'IS NULL' }, selects: ['none'] },
  { clause: { attribute: 'department', operator: 'IS NOT NULL' }, selects: ['sales', 'eng'] },
  { clause: { attribute: 'accountEnabled', operator: 'IS TRUE' }, selects: ['sales', 'eng'] },
  { clause: { attribute: 'accountEnabled', operator: 'IS FALSE' }, selects: ['none'] },
  { clause: { attribute: 'jobTitle', operator: 'ENDS_WITH', value: 'Engineer' }, selects: ['eng'] },
  { clause: { attribute: 'jobTitle', operator: 'Includes', value: 'Exec' }, selects: ['sales'] },
  { clause: { attribute: 'jobTitle', operator: 'REGEX MATCH', value: '^Staff' }, selects: ['eng'] },
  { clause: { attribute: 'jobTitle', operator: 'NOT REGEX MATCH', value: '^Staff' }, selects: ['sales'] },
];

for (const { clause, selects } of CLAUSES) {
  test(`scoping clause ${clause.attribute} ${clause.operator} ${clause.value ?? ''}`, () => {
    const matches = compileScopeFilter({ mode: 'allUsersAndGroups', filters: [{ clauses: [clause] }] });
    expect(USERS.filter(matches).map((u) => u.objectId)).toEqual(selects);
  });
}

test('clauses are AND-ed within a filter and filters are OR-ed', () => {
  const matches = compileScopeFilter({
    mode: 'allUsersAndGroups',
    filters: [
      {
        clauses: [
          { attribute: 'department', operator: 'EQUALS', value: 'Sales' },
          { attribute: 'jobTitle', operator: 'Includes', value: 'Engineer' },
        ],
      },
      { clauses: [{ attribute: 'department', operator: 'IS NULL' }] },
    ],
  });
  expect(USERS.filter(matches).map((u) => u.objectId)).toEqual(['none']);
});

const BAD_CLAUSES: { clause: ScopingClause; message: RegExp }[] = [
  { clause: { attribute: 'department', operator: 'EQUALS' }, message: /needs a value/ },
  {
    clause: { attribute: 'jobTitle', operator: 'REGEX MATCH', value: '(' },
    message: /invalid regular expression/,
  },
  {
    clause: { attribute: 'nope' as ScopingClause['attribute'], operator: 'IS NULL' },
    message: /unknown source attribute "nope"/,
  },
];
for (const { clause, message } of BAD_CLAUSES) {
  test(`a bad scoping clause is a clear error: ${message.source}`, () => {
    expect(() => compileScopeFilter({ mode: 'assignedOnly', filters: [{ clauses: [clause] }] })).toThrow(
      message,
    );
  });
}

function directoryOf(users: EntraUser[], groups: EntraGroup[]): EntraDirectory {
  return {
    spec: { seed: 1, runId: 'r', domain: 'scim-harness.example', shard: undefined },
    users: new Map(users.map((u) => [u.objectId, u])),
    groups: new Map(groups.map((g) => [g.objectId, g])),
    nextUserSerial: users.length,
    cycle: 0,
  };
}

const group = (objectId: string, members: string[], assigned: boolean): EntraGroup => ({
  objectId,
  serial: 0,
  displayName: objectId,
  mailNickname: objectId,
  description: undefined,
  members,
  assigned,
});

test('assignedOnly scope: direct assignment or direct membership of an assigned group', () => {
  const direct = entraUser({ objectId: 'direct', assigned: true });
  const viaGroup = entraUser({ objectId: 'via-group', assigned: false });
  const viaNested = entraUser({ objectId: 'via-nested', assigned: false });
  const unassigned = entraUser({ objectId: 'unassigned', assigned: false });
  const directory = directoryOf(
    [direct, viaGroup, viaNested, unassigned],
    [group('inner', ['via-nested'], false), group('outer', ['via-group', 'inner'], true)],
  );
  const scope = computeScope(directory, { mode: 'assignedOnly' });
  expect([...scope.users].sort()).toEqual(['direct', 'via-group']);
  expect([...scope.groups]).toEqual(['outer']);
  const all = computeScope(directory, { mode: 'allUsersAndGroups' });
  expect(all.users.size).toBe(4);
  expect(all.groups.size).toBe(2);
});

const SOFT_DELETE_CASES: { name: string; user: EntraUser; inScope: boolean; expected: boolean }[] = [
  { name: 'active and in scope', user: entraUser(), inScope: true, expected: false },
  { name: 'soft-deleted', user: entraUser({ isSoftDeleted: true }), inScope: true, expected: true },
  { name: 'disabled', user: entraUser({ accountEnabled: false }), inScope: true, expected: true },
  { name: 'unassigned or out of the scoping filter', user: entraUser(), inScope: false, expected: true },
];
for (const { name, user, inScope, expected } of SOFT_DELETE_CASES) {
  test(`IsSoftDeleted is ${expected} when ${name}`, () => {
    expect(isSoftDeletedFor(user, inScope)).toBe(expected);
  });
}
