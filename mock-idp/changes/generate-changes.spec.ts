import { expect, test } from '@playwright/test';
import { computeScope, createDirectory, type EntraDirectory } from '../directory/index.js';
import { CHANGE_KINDS, changeSubject } from './change-event.js';
import { generateChanges } from './generate-changes.js';

const BASE = { seed: 11, users: 600, groups: 40, runId: 'chg' };
const snapshot = (d: EntraDirectory) => ({
  users: [...d.users.values()],
  groups: [...d.groups.values()],
  next: d.nextUserSerial,
});

test('the same directory, seed and cycle give the same changes and state', () => {
  const directory = createDirectory(BASE);
  const a = generateChanges(directory, { cycle: 1, churnRate: 0.1 });
  const b = generateChanges(createDirectory(BASE), { cycle: 1, churnRate: 0.1 });
  expect(a.changes).toEqual(b.changes);
  expect(snapshot(a.directory)).toEqual(snapshot(b.directory));
  const c = generateChanges(directory, { cycle: 2, churnRate: 0.1 });
  expect(c.changes).not.toEqual(a.changes);
});

test('the input directory is not modified (immutable update)', () => {
  const directory = createDirectory(BASE);
  const before = JSON.stringify(snapshot(directory));
  generateChanges(directory, { cycle: 1, churnRate: 0.3 });
  expect(JSON.stringify(snapshot(directory))).toBe(before);
});

for (const churnRate of [0, 0.01, 0.1, 0.25]) {
  test(`churn ${churnRate}: round(rate × in-scope objects) events on distinct objects`, () => {
    const directory = createDirectory(BASE);
    const scope = computeScope(directory);
    const { changes } = generateChanges(directory, { cycle: 1, churnRate });
    expect(changes).toHaveLength(Math.round(churnRate * (scope.users.size + scope.groups.size)));
    expect(new Set(changes.map(changeSubject)).size).toBe(changes.length);
  });
}

test('kinds follow the mix weights', () => {
  const directory = createDirectory({ ...BASE, users: 3000 });
  const { changes } = generateChanges(directory, {
    cycle: 1,
    churnRate: 0.5,
    mix: Object.fromEntries(
      CHANGE_KINDS.map((k) => [k, k === 'userAttributesChanged' ? 3 : k === 'userDisabled' ? 1 : 0]),
    ),
  });
  const share = changes.filter((c) => c.kind === 'userAttributesChanged').length / changes.length;
  expect(share).toBeGreaterThan(0.7);
  expect(share).toBeLessThan(0.8);
  expect(changes.every((c) => c.kind === 'userAttributesChanged' || c.kind === 'userDisabled')).toBe(true);
});

test('over several cycles: purges only follow earlier soft deletes, references stay valid', () => {
  let directory = createDirectory(BASE);
  const softDeletedIn = new Map<string, number>();
  const seen = new Set<string>();
  // Violations are collected and asserted once: an expect per object would make thousands of report steps.
  const problems: string[] = [];
  for (let cycle = 1; cycle <= 5; cycle++) {
    const result = generateChanges(directory, { cycle, churnRate: 0.2 });
    for (const change of result.changes) {
      seen.add(change.kind);
      if (change.kind === 'userSoftDeleted') softDeletedIn.set(change.objectId, cycle);
      if (change.kind === 'userHardDeleted') {
        if ((softDeletedIn.get(change.objectId) ?? 0) >= cycle)
          problems.push(`cycle ${cycle}: ${change.objectId} purged without an earlier soft delete`);
        if (result.directory.users.has(change.objectId))
          problems.push(`cycle ${cycle}: purged ${change.objectId} still in the directory`);
      }
      if (change.kind === 'userJoined' && !change.user.userPrincipalName.includes('.chg@'))
        problems.push(`cycle ${cycle}: joiner ${change.user.userPrincipalName} lacks the .chg@ marker`);
    }
    directory = result.directory;
    expect(directory.cycle).toBe(cycle);
    for (const user of directory.users.values()) {
      if (user.manager === undefined) continue;
      const manager = directory.users.get(user.manager);
      if (!manager) problems.push(`cycle ${cycle}: manager of ${user.objectId} is missing`);
      else if (manager.serial >= user.serial)
        problems.push(`cycle ${cycle}: manager of ${user.objectId} is not older`);
    }
    for (const group of directory.groups.values()) {
      for (const member of group.members) {
        if (!directory.users.has(member) && !directory.groups.has(member))
          problems.push(`cycle ${cycle}: member ${member} of ${group.objectId} is missing`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect([...seen].sort()).toEqual([...CHANGE_KINDS].sort());
});

test('joiners of different shards never collide and carry the seed space forward', () => {
  const ids = new Set<string>();
  for (let index = 1; index <= 3; index++) {
    const directory = createDirectory({ ...BASE, shard: { index, total: 3 } });
    const { changes } = generateChanges(directory, {
      cycle: 1,
      churnRate: 0.05,
      mix: Object.fromEntries(CHANGE_KINDS.map((k) => [k, k === 'userJoined' ? 1 : 0])),
    });
    const collisions = changes.filter((change) => change.kind === 'userJoined' && ids.has(change.objectId));
    expect(collisions).toEqual([]);
    for (const change of changes) ids.add(changeSubject(change));
  }
  expect(ids.size).toBeGreaterThan(0);
});

const BAD_OPTIONS = [
  { options: { cycle: 0, churnRate: 0.1 }, message: /cycle must be an integer after/ },
  { options: { cycle: 1, churnRate: 1.5 }, message: /churnRate must be from 0 to 1/ },
  { options: { cycle: 1, churnRate: 0.1, mix: { userJoined: -1 } }, message: /mix weight of userJoined/ },
];
for (const { options, message } of BAD_OPTIONS) {
  test(`generateChanges rejects ${message.source}`, () => {
    expect(() => generateChanges(createDirectory(BASE), options)).toThrow(message);
  });
}
