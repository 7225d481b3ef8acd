import { expect, test } from '@playwright/test';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import type { ScimAttributeSet } from '../mappings/index.js';
import { diffAttributes } from './attribute-diff.js';
import { type EntraClientOptions, resolveClientProfile } from './client-profile.js';
import { groupMembershipRequests } from './group-requests.js';
import type { PatchOperation } from './request-descriptor.js';

const MANAGER = `${SCHEMA_URNS.EnterpriseUser}:manager`;
const ref = (objectId: string) => ({ kind: 'reference', objectId }) as const;
const resolveId = (objectId: string) => (objectId.startsWith('unknown') ? undefined : `scim-${objectId}`);

const CASES: {
  name: string;
  options: EntraClientOptions;
  before: ScimAttributeSet;
  after: ScimAttributeSet;
  ops: PatchOperation[];
}[] = [
  {
    name: 'nothing changed',
    options: { mode: 'compliant' },
    before: { title: 'A' },
    after: { title: 'A' },
    ops: [],
  },
  {
    name: 'emptied attribute sends nothing (default)',
    options: { mode: 'legacy' },
    before: { title: 'A' },
    after: {},
    ops: [],
  },
  {
    name: 'emptied attribute, remove switch',
    options: { mode: 'legacy', clearedAttributes: 'remove' },
    before: { title: 'A' },
    after: {},
    ops: [{ op: 'Remove', path: 'title' }],
  },
  {
    name: 'emptied attribute, replaceEmpty switch',
    options: { mode: 'compliant', clearedAttributes: 'replaceEmpty' },
    before: { title: 'A' },
    after: {},
    ops: [{ op: 'replace', path: 'title', value: '' }],
  },
  {
    name: 'compliant: active stays separate beside a merged replace',
    options: { mode: 'compliant' },
    before: { active: true, title: 'A' },
    after: { active: false, title: 'B' },
    ops: [
      { op: 'replace', path: 'active', value: false },
      { op: 'replace', value: { title: 'B' } },
    ],
  },
  {
    name: 'legacy: re-enable sends "True"',
    options: { mode: 'legacy' },
    before: { active: false },
    after: { active: true },
    ops: [{ op: 'Replace', path: 'active', value: 'True' }],
  },
  {
    name: 'manager set',
    options: { mode: 'compliant' },
    before: {},
    after: { [MANAGER]: ref('m1') },
    ops: [{ op: 'add', path: MANAGER, value: 'scim-m1' }],
  },
  {
    name: 'manager not provisioned is skipped',
    options: { mode: 'compliant' },
    before: {},
    after: { [MANAGER]: ref('unknown-m') },
    ops: [],
  },
  {
    name: 'manager removed, default: legacy replaces with "" (the validator body)',
    options: { mode: 'legacy' },
    before: { [MANAGER]: ref('m1') },
    after: {},
    ops: [{ op: 'Replace', path: MANAGER, value: '' }],
  },
  {
    name: 'manager removed, default: compliant clears after the merged replace',
    options: { mode: 'compliant' },
    before: { title: 'A', [MANAGER]: ref('m1') },
    after: { title: 'B' },
    ops: [
      { op: 'replace', value: { title: 'B' } },
      { op: 'replace', path: MANAGER, value: '' },
    ],
  },
  {
    name: 'manager removed while another attribute emptied: only the manager is cleared',
    options: { mode: 'compliant' },
    before: { title: 'A', [MANAGER]: ref('m1') },
    after: {},
    ops: [{ op: 'replace', path: MANAGER, value: '' }],
  },
  {
    name: 'manager whose user is gone (no longer resolvable) is still cleared',
    options: { mode: 'compliant', managerRemoval: 'remove' },
    before: { [MANAGER]: ref('unknown-m') },
    after: {},
    ops: [{ op: 'remove', path: MANAGER }],
  },
  {
    name: 'manager removed, remove switch',
    options: { mode: 'legacy', managerRemoval: 'remove' },
    before: { [MANAGER]: ref('m1') },
    after: {},
    ops: [{ op: 'Remove', path: MANAGER }],
  },
  {
    name: 'manager removed, none switch',
    options: { mode: 'legacy', managerRemoval: 'none' },
    before: { [MANAGER]: ref('m1') },
    after: {},
    ops: [],
  },
  {
    name: 'members are never diffed as attributes',
    options: { mode: 'legacy' },
    before: { members: { kind: 'references', objectIds: ['a'] } },
    after: { members: { kind: 'references', objectIds: ['b'] } },
    ops: [],
  },
];
for (const { name, options, before, after, ops } of CASES) {
  test(`diff: ${name}`, () => {
    expect(diffAttributes(resolveClientProfile(options), before, after, { resolveId })).toEqual(ops);
  });
}

const BATCH_CASES: {
  mode: 'legacy' | 'compliant';
  added: number;
  removed: number;
  batch: number;
  requests: number;
  ops: number[];
}[] = [
  { mode: 'legacy', added: 12, removed: 0, batch: 5, requests: 3, ops: [1, 1, 1] },
  { mode: 'legacy', added: 3, removed: 3, batch: 5, requests: 2, ops: [2, 1] },
  { mode: 'compliant', added: 1, removed: 4, batch: 5, requests: 1, ops: [5] },
  { mode: 'compliant', added: 0, removed: 7, batch: 3, requests: 3, ops: [3, 3, 1] },
  { mode: 'legacy', added: 0, removed: 0, batch: 5, requests: 0, ops: [] },
];
for (const { mode, added, removed, batch, requests, ops } of BATCH_CASES) {
  test(`membership batching: ${mode}, +${added} -${removed}, batch ${batch}`, () => {
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const profile = resolveClientProfile({ mode, memberBatchSize: batch });
    const sent = groupMembershipRequests(profile, 'g', {
      added: ids('a', added),
      removed: ids('r', removed),
    });
    expect(sent).toHaveLength(requests);
    const operations = sent.map((r) => ((r.body?.Operations ?? []) as unknown[]).length);
    expect(operations).toEqual(ops);
    const members = sent.flatMap((r) => JSON.stringify(r.body).match(/"(a|r)\d+/g) ?? []);
    expect(new Set(members).size).toBe(added + removed);
  });
}
