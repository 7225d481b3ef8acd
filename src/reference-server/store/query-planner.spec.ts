import { expect, test } from '@playwright/test';
import type { Filter } from '../../scim/filter/ast.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import { planQuery, type QueryPlan } from './query-planner.js';
import type { ResourceTypeName } from './resource-store.js';

const eq = (attr: string, value: string | number, uri?: string): Filter => ({
  kind: 'compare',
  path: uri === undefined ? { attr } : { uri, attr },
  op: 'eq',
  value,
});
const and = (left: Filter, right: Filter): Filter => ({ kind: 'and', left, right });

const cases: { name: string; type: ResourceTypeName; filter: Filter | undefined; plan: QueryPlan }[] = [
  { name: 'no filter scans', type: 'User', filter: undefined, plan: { kind: 'scan' } },
  {
    name: 'userName eq uses the userName index',
    type: 'User',
    filter: eq('userName', 'Bjensen'),
    plan: { kind: 'index', index: 'userName', value: 'Bjensen' },
  },
  {
    name: 'attribute names are case-insensitive',
    type: 'User',
    filter: eq('USERNAME', 'b'),
    plan: { kind: 'index', index: 'userName', value: 'b' },
  },
  {
    name: 'URN-qualified core attribute',
    type: 'User',
    filter: eq('userName', 'b', SCHEMA_URNS.User),
    plan: { kind: 'index', index: 'userName', value: 'b' },
  },
  {
    name: 'another schema URN scans',
    type: 'User',
    filter: eq('userName', 'b', SCHEMA_URNS.Group),
    plan: { kind: 'scan' },
  },
  {
    name: 'externalId eq',
    type: 'Group',
    filter: eq('externalId', 'x'),
    plan: { kind: 'index', index: 'externalId', value: 'x' },
  },
  { name: 'id eq', type: 'Group', filter: eq('id', 'g1'), plan: { kind: 'index', index: 'id', value: 'g1' } },
  {
    name: 'displayName is indexed for groups',
    type: 'Group',
    filter: eq('displayName', 'Ops'),
    plan: { kind: 'index', index: 'displayName', value: 'Ops' },
  },
  {
    name: 'displayName is not indexed for users',
    type: 'User',
    filter: eq('displayName', 'x'),
    plan: { kind: 'scan' },
  },
  { name: 'a number value scans', type: 'User', filter: eq('userName', 3), plan: { kind: 'scan' } },
  {
    name: 'and picks an indexed side',
    type: 'User',
    filter: and({ kind: 'present', path: { attr: 'title' } }, eq('externalId', 'e')),
    plan: { kind: 'index', index: 'externalId', value: 'e' },
  },
  {
    name: 'and prefers id over userName',
    type: 'User',
    filter: and(eq('userName', 'u'), and(eq('title', 't'), eq('id', 'i'))),
    plan: { kind: 'index', index: 'id', value: 'i' },
  },
  {
    name: 'Entra group membership check uses id',
    type: 'Group',
    filter: and(eq('id', 'g'), eq('members', 'u')),
    plan: { kind: 'index', index: 'id', value: 'g' },
  },
  {
    name: 'or scans',
    type: 'User',
    filter: { kind: 'or', left: eq('id', 'a'), right: eq('id', 'b') },
    plan: { kind: 'scan' },
  },
  { name: 'not scans', type: 'User', filter: { kind: 'not', filter: eq('id', 'a') }, plan: { kind: 'scan' } },
  {
    name: 'ne scans',
    type: 'User',
    filter: { kind: 'compare', path: { attr: 'userName' }, op: 'ne', value: 'a' },
    plan: { kind: 'scan' },
  },
  {
    name: 'a sub-attribute scans',
    type: 'User',
    filter: { kind: 'compare', path: { attr: 'name', subAttr: 'givenName' }, op: 'eq', value: 'a' },
    plan: { kind: 'scan' },
  },
];

for (const row of cases) {
  test(`planQuery: ${row.name}`, () => {
    expect(planQuery(row.filter, row.type)).toEqual(row.plan);
  });
}
