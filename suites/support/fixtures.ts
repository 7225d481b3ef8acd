/**
 * The one `test` every suite imports: typed fixtures composed in one place. The target and its capabilities are
 * worker-scoped; the client, its recorded exchanges, the seeded faker and the resource factory are per check, so
 * every check is isolated and cleans up after itself (teardown runs on failure and timeout too).
 */
import { createHash } from 'node:crypto';
import { base, en, Faker } from '@faker-js/faker';
import { test as base_test } from '@playwright/test';
import { createScimClient, type ScimClient, type ScimExchange } from '../../src/http/index.js';
import { readCapabilities, type TargetCapabilities } from './capabilities.js';
import { EXCHANGES_ATTACHMENT } from './check-definition.js';
import { createResourceFactory, type ResourceFactory } from './resource-factory.js';
import { readTargetEnv, type TargetEnv } from './target-env.js';

export interface CheckFixtures {
  /** A client with the run's token; every exchange is recorded as the check's evidence. */
  scim: ScimClient;
  /** The exchanges recorded so far in this check (redacted). */
  exchanges: ScimExchange[];
  /** Seeded from the check's id, so a failure replays with the same data. */
  faker: Faker;
  /** Creates run-tagged resources and deletes them when the check ends. */
  resources: ResourceFactory;
}

export interface WorkerFixtures {
  target: TargetEnv;
  capabilities: TargetCapabilities;
}

export function seedFromText(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

export const test = base_test.extend<CheckFixtures, WorkerFixtures>({
  target: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      await use(readTargetEnv());
    },
    { scope: 'worker' },
  ],
  capabilities: [
    async ({ target }, use) => {
      await use(readCapabilities(target.runDir));
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  exchanges: async ({}, use, testInfo) => {
    const exchanges: ScimExchange[] = [];
    await use(exchanges);
    if (exchanges.length > 0) {
      await testInfo.attach(EXCHANGES_ATTACHMENT, {
        body: JSON.stringify(exchanges),
        contentType: 'application/json',
      });
    }
  },
  scim: async ({ target, exchanges }, use) => {
    const client = createScimClient({
      tenantUrl: target.url,
      token: target.token,
      timeoutMs: target.timeoutMs,
      userAgent: 'scim-harness (conformance)',
      onExchange: (exchange) => exchanges.push(exchange),
    });
    await use(client);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  faker: async ({}, use, testInfo) => {
    const faker = new Faker({ locale: [en, base] });
    faker.seed(seedFromText(testInfo.titlePath.join(' › ')));
    await use(faker);
  },
  resources: async ({ scim, target, faker }, use, testInfo) => {
    const factory = createResourceFactory({
      client: scim,
      runId: target.runId,
      runDir: target.runDir,
      faker,
    });
    await use(factory);
    const leftovers = await factory.cleanup();
    if (leftovers.length > 0) {
      testInfo.annotations.push({ type: 'scim-cleanup-failed', description: leftovers.join('; ') });
    }
  },
});

export { expect } from './matchers.js';
