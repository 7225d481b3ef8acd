import { expect, test } from '@playwright/test';
import { isHarnessError } from '../../src/errors/harness-error.js';
import { type CreateDirectoryOptions, createDirectory } from './create-directory.js';
import type { EntraDirectory } from './entra-objects.js';
import { parseShard } from './shard.js';

const BASE: CreateDirectoryOptions = { seed: 7, users: 400, groups: 30, runId: 'run42' };

const snapshot = (directory: EntraDirectory) => ({
  users: [...directory.users.values()],
  groups: [...directory.groups.values()],
});

test('the same seed gives the same directory', () => {
  expect(snapshot(createDirectory(BASE))).toEqual(snapshot(createDirectory(BASE)));
});

test('a different seed gives a different directory', () => {
  const a = snapshot(createDirectory(BASE));
  const b = snapshot(createDirectory({ ...BASE, seed: 8 }));
  expect(a.users.map((u) => u.objectId)).not.toEqual(b.users.map((u) => u.objectId));
  expect(a.users.map((u) => u.userPrincipalName)).not.toEqual(b.users.map((u) => u.userPrincipalName));
});

test('names carry the run id and are unique', () => {
  const directory = createDirectory({ ...BASE, domain: 'contoso.example' });
  const users = [...directory.users.values()];
  for (const user of users) {
    expect(user.userPrincipalName).toMatch(/^[a-z0-9]+\.[a-z0-9]+\.\d+\.run42@contoso\.example$/);
    expect(user.mailNickname).toContain('.run42');
  }
  for (const group of directory.groups.values()) expect(group.displayName).toMatch(/ run42$/);
  expect(new Set(users.map((u) => u.userPrincipalName)).size).toBe(users.length);
  expect(new Set([...directory.groups.values()].map((g) => g.displayName)).size).toBe(directory.groups.size);
});

test('managers and nested groups point backwards, so there are no cycles', () => {
  const directory = createDirectory(BASE);
  let withManager = 0;
  for (const user of directory.users.values()) {
    if (user.manager === undefined) continue;
    withManager++;
    const manager = directory.users.get(user.manager);
    expect(manager, `manager of ${user.objectId} exists`).toBeDefined();
    expect(manager!.serial).toBeLessThan(user.serial);
  }
  expect(withManager).toBeGreaterThan(directory.users.size / 2);
  let nested = 0;
  for (const group of directory.groups.values()) {
    for (const member of group.members) {
      const inner = directory.groups.get(member);
      if (inner === undefined) {
        expect(directory.users.has(member), `member ${member} of ${group.displayName}`).toBe(true);
        continue;
      }
      nested++;
      expect(inner.serial).toBeLessThan(group.serial);
    }
  }
  expect(nested).toBeGreaterThan(0);
});

const SHARD_TOTALS = [1, 2, 3, 7];
for (const total of SHARD_TOTALS) {
  test(`${total} shards are disjoint and their union is the whole`, () => {
    const whole = createDirectory(BASE);
    const seenUsers = new Map<string, number>();
    const seenGroups = new Map<string, number>();
    for (let index = 1; index <= total; index++) {
      const shard = createDirectory({ ...BASE, shard: { index, total } });
      for (const [id, user] of shard.users) {
        expect(seenUsers.has(id), `user ${id} in two shards`).toBe(false);
        seenUsers.set(id, index);
        expect(user).toEqual(whole.users.get(id));
      }
      for (const [id, group] of shard.groups) {
        expect(seenGroups.has(id), `group ${id} in two shards`).toBe(false);
        seenGroups.set(id, index);
        expect(group).toEqual(whole.groups.get(id));
      }
    }
    expect([...seenUsers.keys()].sort()).toEqual([...whole.users.keys()].sort());
    expect([...seenGroups.keys()].sort()).toEqual([...whole.groups.keys()].sort());
    if (total > 1) expect(new Set(seenUsers.values()).size).toBe(total);
  });
}

const SHARD_TEXT_CASES: { text: string; expected: { index: number; total: number } | 'error' }[] = [
  { text: '1/4', expected: { index: 1, total: 4 } },
  { text: ' 3 / 3 ', expected: { index: 3, total: 3 } },
  { text: '0/4', expected: 'error' },
  { text: '5/4', expected: 'error' },
  { text: '1/0', expected: 'error' },
  { text: 'two/4', expected: 'error' },
  { text: '', expected: 'error' },
];
for (const { text, expected } of SHARD_TEXT_CASES) {
  test(`parseShard(${JSON.stringify(text)})`, () => {
    if (expected === 'error') {
      let thrown: unknown;
      try {
        parseShard(text);
      } catch (error) {
        thrown = error;
      }
      expect(isHarnessError(thrown, 'CONFIG_INVALID')).toBe(true);
    } else {
      expect(parseShard(text)).toEqual(expected);
    }
  });
}

const INVALID_OPTIONS: { name: string; options: CreateDirectoryOptions; message: RegExp }[] = [
  { name: 'fractional users', options: { ...BASE, users: 1.5 }, message: /users must be an integer/ },
  { name: 'negative groups', options: { ...BASE, groups: -1 }, message: /groups must be an integer/ },
  { name: 'runId with a space', options: { ...BASE, runId: 'run 42' }, message: /runId must be/ },
  { name: 'runId with @', options: { ...BASE, runId: 'a@b' }, message: /runId must be/ },
  { name: 'bad domain', options: { ...BASE, domain: 'not a domain' }, message: /domain must be a DNS name/ },
  { name: 'unsafe seed', options: { ...BASE, seed: 0.5 }, message: /seed must be a safe integer/ },
  { name: 'ratio above 1', options: { ...BASE, assignedUserRatio: 2 }, message: /assignedUserRatio/ },
  { name: 'shard out of range', options: { ...BASE, shard: { index: 3, total: 2 } }, message: /shard index/ },
];
for (const { name, options, message } of INVALID_OPTIONS) {
  test(`createDirectory rejects ${name}`, () => {
    expect(() => createDirectory(options)).toThrow(message);
  });
}

test('assignment ratios shape the directory', () => {
  const directory = createDirectory({ ...BASE, users: 2000, assignedUserRatio: 0.5 });
  const assigned = [...directory.users.values()].filter((u) => u.assigned).length;
  expect(assigned / directory.users.size).toBeGreaterThan(0.45);
  expect(assigned / directory.users.size).toBeLessThan(0.55);
});
