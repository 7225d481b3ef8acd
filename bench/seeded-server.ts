import { HarnessError } from '../src/errors/harness-error.js';
import { createEnglishFaker } from '../src/faker/english-faker.js';
import { type RunningReferenceServer, startReferenceServer } from '../src/reference-server/index.js';
import type { MemoryFigures } from './bench-messages.js';
import type { UserSample } from './bench-scenarios.js';
import { KeepAliveClient } from './keep-alive-client.js';

export interface SeededServerOptions {
  users: number;
  groups: number;
  /** Seeds both the directory and the choice of samples. */
  seed: number;
  /** How many existing users to hand to the client for lookups. */
  samples: number;
}

export interface SeededServer {
  server: RunningReferenceServer;
  /** From starting the server to its first 200: seeding and listening included. */
  readyMs: number;
  /** Right after seeding and a full GC, before the samples were drawn and before any load. */
  memory: MemoryFigures;
  samples: UserSample[];
}

/** Runs a full GC when node was started with --expose-gc, so figures are live data, not garbage. */
function collectGarbage(): void {
  const gc: unknown = Reflect.get(globalThis, 'gc');
  if (typeof gc !== 'function') return;
  gc();
  gc();
}

/** This process's memory after a full GC (when --expose-gc allows one). */
export function measureMemory(): MemoryFigures {
  collectGarbage();
  const { rss, heapUsed } = process.memoryUsage();
  // maxRSS is in kilobytes (getrusage).
  return { rssBytes: rss, heapUsedBytes: heapUsed, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function drawSamples(
  server: RunningReferenceServer,
  count: number,
  seed: number,
): Promise<UserSample[]> {
  // The read-only scan copies nothing, so drawing samples does not inflate the server's peak RSS.
  const users = await server.state.store.scanReadonly('User');
  const faker = createEnglishFaker({ seed });
  return faker.helpers.arrayElements(users, Math.min(count, users.length)).map((user) => {
    const userName = text(user.attributes.userName);
    const externalId = text(user.attributes.externalId);
    if (userName === undefined || externalId === undefined) {
      throw new HarnessError('INTERNAL', `Seeded user ${user.id} has no userName or externalId to look up.`);
    }
    const name = user.attributes.name;
    const familyName =
      typeof name === 'object' && name !== null
        ? text((name as Record<string, unknown>).familyName)
        : undefined;
    return { id: user.id, userName, externalId, ...(familyName === undefined ? {} : { familyName }) };
  });
}

/**
 * Starts the reference server seeded with `users` faker users, waits for its first answer (the server
 * seeds before it answers), measures its memory, then draws random existing users for the lookups.
 */
export async function startSeededServer(options: SeededServerOptions): Promise<SeededServer> {
  const started = performance.now();
  const server = await startReferenceServer({
    seed: { users: options.users, groups: options.groups, seed: options.seed },
  });
  const client = new KeepAliveClient({
    baseUrl: server.baseUrl,
    token: server.adminToken,
    timeoutMs: 600_000,
  });
  try {
    const first = await client.get('/ServiceProviderConfig');
    if (first.status !== 200) {
      throw new HarnessError(
        'TARGET_RESPONSE_UNUSABLE',
        `The seeded server's first answer was ${first.status}, expected 200.`,
      );
    }
  } catch (error) {
    await server.close();
    throw error;
  } finally {
    client.close();
  }
  const readyMs = performance.now() - started;
  const memory = measureMemory();
  const samples = await drawSamples(server, options.samples, options.seed);
  return { server, readyMs, memory, samples };
}
