import { expect, test } from '@playwright/test';
import { MemoryResourceStore } from './memory-resource-store.js';
import type { StoredResource } from './resource-store.js';

function user(id: string, userName: string, externalId?: string): StoredResource {
  const attributes: Record<string, unknown> = { userName };
  if (externalId !== undefined) attributes.externalId = externalId;
  return { resourceType: 'User', id, attributes, created: 't', lastModified: 't', version: 1 };
}

test('indexes follow puts, replaces and deletes', async () => {
  const store = new MemoryResourceStore();
  await store.put(user('1', 'Alice', 'ext-1'));
  expect((await store.findByIndex('User', 'userName', 'ALICE')).map((found) => found.id)).toEqual(['1']);
  expect(await store.findByIndex('User', 'externalId', 'EXT-1')).toEqual([]);
  await store.put(user('1', 'Alicia', 'ext-2'));
  expect(await store.findByIndex('User', 'userName', 'alice')).toEqual([]);
  expect(await store.findByIndex('User', 'externalId', 'ext-1')).toEqual([]);
  expect((await store.findByIndex('User', 'externalId', 'ext-2')).map((found) => found.id)).toEqual(['1']);
  expect(await store.delete('User', '1')).toBe(true);
  expect(await store.findByIndex('User', 'userName', 'alicia')).toEqual([]);
  expect(await store.delete('User', '1')).toBe(false);
  expect(store.stats.scans).toBe(0);
});

test('a key shared by several resources lists each until the last one leaves it', async () => {
  const store = new MemoryResourceStore();
  const ids = async () =>
    (await store.findByIndex('User', 'externalId', 'shared')).map((found) => found.id).sort();
  await store.put(user('1', 'a', 'shared'));
  await store.put(user('2', 'b', 'shared'));
  await store.put(user('3', 'c', 'shared'));
  expect(await ids()).toEqual(['1', '2', '3']);
  await store.put(user('1', 'a', 'shared'));
  expect(await ids()).toEqual(['1', '2', '3']);
  await store.delete('User', '2');
  expect(await ids()).toEqual(['1', '3']);
  await store.put(user('3', 'c', 'own'));
  expect(await ids()).toEqual(['1']);
  await store.put(user('4', 'd', 'shared'));
  expect(await ids()).toEqual(['1', '4']);
  await store.delete('User', '1');
  await store.delete('User', '4');
  expect(await ids()).toEqual([]);
  expect((await store.findByIndex('User', 'externalId', 'own')).map((found) => found.id)).toEqual(['3']);
});

test('values are copied in and out: callers never alias stored state', async () => {
  const store = new MemoryResourceStore();
  const original = user('1', 'a');
  await store.put(original);
  original.attributes.userName = 'changed';
  const read = await store.get('User', '1');
  read!.attributes.userName = 'changed too';
  expect((await store.get('User', '1'))!.attributes.userName).toBe('a');
});

test('the membership index answers which groups list a member', async () => {
  const store = new MemoryResourceStore();
  const group = (id: string, members: string[]): StoredResource => ({
    resourceType: 'Group',
    id,
    attributes: { displayName: id, members: members.map((value) => ({ value, type: 'User' })) },
    created: 't',
    lastModified: 't',
    version: 1,
  });
  await store.put(group('g1', ['u1', 'u2']));
  await store.put(group('g2', ['u2']));
  expect((await store.groupsWithMember('u2')).map((found) => found.id).sort()).toEqual(['g1', 'g2']);
  await store.put(group('g1', ['u1']));
  expect((await store.groupsWithMember('u2')).map((found) => found.id)).toEqual(['g2']);
  await store.delete('Group', 'g2');
  expect(await store.groupsWithMember('u2')).toEqual([]);
  expect(store.stats.scans).toBe(0);
});

test('scan is oldest first and counted', async () => {
  const store = new MemoryResourceStore();
  for (const id of ['c', 'a', 'b']) await store.put(user(id, id));
  expect((await store.scan('User')).map((found) => found.id)).toEqual(['c', 'a', 'b']);
  expect(store.stats.scans).toBe(1);
});
