import { expect, test } from '@playwright/test';
import { createDirectory, type EntraUser } from '../directory/index.js';
import { ENTRA_DEFAULT_USER_MAPPING, mapUser, type ScimAttributeSet } from '../mappings/index.js';
import { resolvableAttributes, SourceMappedState, withoutReferences } from './object-state.js';

const directory = createDirectory({ seed: 3, users: 30, groups: 0, runId: 'state', assignedUserRatio: 1 });
const managed = [...directory.users.values()].find((user) => user.manager !== undefined) as EntraUser;
const mapping = ENTRA_DEFAULT_USER_MAPPING;
const MANAGER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager';

interface Case {
  name: string;
  inScope: boolean;
  /** What the write put on the target, from the full mapping. */
  written: (full: ScimAttributeSet) => ScimAttributeSet;
}

const CASES: Case[] = [
  { name: 'a create (references left out)', inScope: true, written: withoutReferences },
  { name: 'an update with the manager resolved', inScope: true, written: (full) => full },
  {
    name: 'an update with the manager not resolvable yet',
    inScope: true,
    written: (full) => resolvableAttributes(full, () => undefined),
  },
  { name: 'a disable (out of scope)', inScope: false, written: (full) => full },
  {
    name: 'a write that is not a subset of the mapping (kept as written)',
    inScope: true,
    written: (full) => ({ ...full, displayName: 'changed elsewhere' }),
  },
];

for (const row of CASES) {
  test(`a source-mapped state gives back what ${row.name} applied`, () => {
    const full = mapUser(managed, mapping, { inScope: row.inScope });
    const written = row.written(full);
    const state = new SourceMappedState(
      't1',
      { user: managed, inScope: row.inScope, mapping },
      full,
      written,
      false,
    );
    expect(state.applied).toEqual(written);
    expect(Object.keys(state.applied)).toEqual(Object.keys(written));
    expect(state).toMatchObject({ targetId: 't1', anchorLost: false });
  });
}

test('the manager reference is what a create leaves out', () => {
  const full = mapUser(managed, mapping);
  expect(Object.keys(full)).toContain(MANAGER);
  const state = new SourceMappedState(
    't2',
    { user: managed, inScope: true, mapping },
    full,
    withoutReferences(full),
    false,
  );
  expect(Object.keys(state.applied)).not.toContain(MANAGER);
});
