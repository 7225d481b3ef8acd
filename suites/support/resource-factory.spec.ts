import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { faker } from '@faker-js/faker/locale/en';
import { expect, test } from '@playwright/test';
import { createScimClient } from '../../src/http/index.js';
import { startReferenceServer } from '../../src/reference-server/index.js';
import { CLEANUP_AT_ONCE, createResourceFactory, endpointRuns } from './resource-factory.js';

test('endpointRuns groups consecutive items of one endpoint, in order', () => {
  const items = ['/Users', '/Users', '/Groups', '/Users'].map((endpoint, n) => ({ endpoint, n }));
  expect(endpointRuns(items).map((run) => run.map((item) => item.n))).toEqual([[0, 1], [2], [3]]);
  expect(endpointRuns([])).toEqual([]);
});

test('cleanup deletes every resource, a group before the users created ahead of it, and at most CLEANUP_AT_ONCE at once', async () => {
  const server = await startReferenceServer({});
  const runDir = mkdtempSync(path.join(tmpdir(), 'resource-factory-'));
  let inFlight = 0;
  let mostInFlight = 0;
  const deletes: string[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    const deleting = init?.method === 'DELETE';
    if (deleting) {
      deletes.push(String(input));
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
    }
    try {
      return await fetch(input, init);
    } finally {
      if (deleting) inFlight -= 1;
    }
  };
  try {
    const client = createScimClient({
      tenantUrl: server.baseUrl,
      token: server.adminToken,
      fetch: countingFetch,
    });
    faker.seed(7);
    const resources = createResourceFactory({ client, runId: 'sh-cleanup-test', runDir, faker });
    const users = await Promise.all(Array.from({ length: 25 }, () => resources.createUser()));
    const group = await resources.createGroup();
    const late = await resources.createUser();
    expect(await resources.cleanup()).toEqual([]);
    expect(deletes).toHaveLength(27);
    // Newest first, endpoint by endpoint: the last user, then the group, then the 25 users made before the group.
    expect(deletes[0]).toContain(`/Users/${late.id}`);
    expect(deletes[1]).toContain(`/Groups/${group.id}`);
    expect(new Set(deletes.slice(2))).toEqual(
      new Set(users.map((user) => `${server.baseUrl}/Users/${user.id}`)),
    );
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(CLEANUP_AT_ONCE);
    const left = await client.get('/Users', { query: { count: '1' } });
    expect(left.response?.json).toMatchObject({ totalResults: 0 });
  } finally {
    await server.close();
    rmSync(runDir, { recursive: true, force: true });
  }
});
