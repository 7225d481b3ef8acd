import { ScimError } from '../scim/errors/scim-error.js';
import { createReferenceHandler } from './reference-handler.js';
import type { MemoryResourceStore } from './store/memory-resource-store.js';
import { expect, test } from './test-support/reference-test.js';
import { groupBody, patchBody, userBody } from './test-support/scim-call.js';

/**
 * A real backend answers later; yielding to the event loop inside every read makes concurrent requests'
 * read-modify-write cycles overlap, so only the write lock keeps them correct.
 */
function slowDownReads(store: MemoryResourceStore): void {
  const get = store.get.bind(store);
  const findByIndex = store.findByIndex.bind(store);
  const yieldOnce = () => new Promise((resolve) => setImmediate(resolve));
  // Read first, answer later: what the caller gets may be stale by the time it arrives.
  store.get = async (type, id) => {
    const found = await get(type, id);
    await yieldOnce();
    return found;
  };
  store.findByIndex = async (type, index, value) => {
    const found = await findByIndex(type, index, value);
    await yieldOnce();
    return found;
  };
}

test('50 concurrent PATCHes adding members to one group over HTTP lose none', async ({ call, server }) => {
  slowDownReads(server.state.store);
  const users = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      call('POST', '/Users', { body: userBody(`member${i}@example.com`) }),
    ),
  );
  expect(users.every((user) => user.status === 201)).toBe(true);
  const group = await call('POST', '/Groups', { body: groupBody('Everyone') });
  const answers = await Promise.all(
    users.map((user) =>
      call('PATCH', `/Groups/${group.json.id}`, {
        body: patchBody({ op: 'add', path: 'members', value: [{ value: user.json.id }] }),
      }),
    ),
  );
  expect(answers.map((answer) => answer.status)).toEqual(users.map(() => 200));
  const final = await call('GET', `/Groups/${group.json.id}`);
  const memberIds = (final.json.members as { value: string }[]).map((member) => member.value).sort();
  expect(memberIds).toEqual(users.map((user) => String(user.json.id)).sort());
  expect((final.json.meta as { version: string }).version).toBe('W/"51"');
});

test('concurrent creates with one userName, fully overlapping: exactly one wins, the rest are 409', async () => {
  const handler = createReferenceHandler();
  slowDownReads(handler.state.store);
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) =>
      handler.state.service.create('User', userBody(i % 2 ? 'SAME@example.com' : 'same@example.com')),
    ),
  );
  expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  const rejected = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  expect(rejected.map((error) => (error instanceof ScimError ? error.scimType : error))).toEqual(
    Array(19).fill('uniqueness'),
  );
});
