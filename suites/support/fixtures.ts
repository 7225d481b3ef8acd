/**
 * The one `test` every suite imports: typed fixtures composed in one place. The target is resolved per check (a
 * quirk-matrix run gives each copy of a check its own server) and its capabilities are read once per worker; the
 * client, its recorded exchanges and the resource factory are per check, and the worker's faker is reseeded for each
 * one, so every check is isolated, replays with the same data and cleans up after itself (teardown runs on failure
 * and timeout too).
 */
import { createHash } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
// The English build alone: the package's index loads and instantiates every locale (~300 ms per worker).
import { faker as englishFaker } from '@faker-js/faker/locale/en';
// The runner's test without the browser fixtures: their per-test auto fixtures (trace recording, context options)
// cost stack captures and IPC on every check, and no check drives a browser.
import { _baseTest as base_test } from '@playwright/test';
import { createScimClient, type ScimClient, type ScimExchange } from '../../src/http/index.js';
import {
  CHECK_ANNOTATION,
  EXCHANGES_ATTACHMENT,
  readTargetEnv,
  type TargetEnv,
} from '../../src/run-contract/index.js';
import { readCapabilities, type TargetCapabilities } from './capabilities.js';
import { probeCapabilities } from './capabilities-probe.js';
import type { CheckDefinition } from './check-definition.js';
import { phaseOf } from './exchange-phase.js';
import {
  matrixQuirkOf,
  QUIRK_MATRIX_ENV,
  type QuirkMatrix,
  quirkTargetEnv,
  readQuirkMatrix,
} from './quirk-matrix.js';
import { createResourceFactory, type ResourceFactory } from './resource-factory.js';

export interface CheckFixtures {
  /** The target of this check (the run's; in a quirk-matrix run, the server of this copy's quirk). */
  target: TargetEnv;
  /** What the target claims, read once per worker and target. */
  capabilities: TargetCapabilities;
  /** A client with the run's token; every exchange is recorded as the check's evidence. */
  scim: ScimClient;
  /** The exchanges recorded so far in this check (redacted). */
  exchanges: ScimExchange[];
  /** Seeded from the profile and the check's id, so a failure replays with the same data. */
  faker: Faker;
  /** Creates run-tagged resources and deletes them when the check ends. */
  resources: ResourceFactory;
}

// biome-ignore lint/complexity/noBannedTypes: no worker-scoped fixtures today; kept so check bodies keep their type.
export type WorkerFixtures = {};

const capabilitiesByRunDir = new Map<string, Promise<TargetCapabilities>>();

let selection: QuirkMatrix | null | undefined;
function matrixSelection(): QuirkMatrix | undefined {
  if (selection === undefined) {
    const file = process.env[QUIRK_MATRIX_ENV.file];
    selection = file ? readQuirkMatrix(file) : null;
  }
  return selection ?? undefined;
}

function definitionOf(
  annotations: readonly { type: string; description?: string }[],
): CheckDefinition | undefined {
  const found = annotations.find((a) => a.type === CHECK_ANNOTATION)?.description;
  return found === undefined ? undefined : (JSON.parse(found) as CheckDefinition);
}

/**
 * The worker's English faker, reseeded. Seeding resets its only state (the randomizer), so it draws the same sequence
 * a fresh `new Faker({ locale: [en, base] })` seeded alike would, without building one per check.
 */
export function seededFaker(seed: number): Faker {
  englishFaker.seed(seed);
  return englishFaker;
}

export function seedFromText(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/**
 * Fixture steps stay out of the report: each unboxed step is two messages to the runner process per setup and per
 * teardown, six fixtures on every check, and says nothing about the target. A fixture's error still fails the check.
 */
const BOXED = { box: true } as const;

export const test = base_test.extend<CheckFixtures, WorkerFixtures>({
  // Per check, not per worker: in a quirk-matrix run each copy of a check has its own target (see quirk-matrix.ts).
  target: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use, testInfo) => {
      const matrix = matrixSelection();
      if (!matrix) {
        await use(readTargetEnv());
        return;
      }
      const definition = definitionOf(testInfo.annotations);
      const quirk = definition && matrixQuirkOf(definition.quirks, testInfo.repeatEachIndex, matrix.quirks);
      testInfo.skip(quirk === undefined, 'no quirk left for this copy of the check');
      // The copy is meant to fail. Declared so, a failure does not cost a new worker process (Playwright replaces the
      // worker after every unexpected failure); a copy that passes is reported as passed and refutes the mapping.
      testInfo.fail(true, `mapped to quirk ${quirk}`);
      await use(quirkTargetEnv(quirk ?? '', process.env));
    },
    BOXED,
  ],
  capabilities: [
    async ({ target }, use) => {
      let capabilities = capabilitiesByRunDir.get(target.runDir);
      if (!capabilities) {
        // A quirk-matrix run has no capabilities setup: each quirk's server is read once per worker.
        capabilities = matrixSelection()
          ? probeCapabilities(target)
          : Promise.resolve(readCapabilities(target.runDir));
        capabilitiesByRunDir.set(target.runDir, capabilities);
      }
      await use(await capabilities);
    },
    BOXED,
  ],
  exchanges: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use, testInfo) => {
      const exchanges: ScimExchange[] = [];
      await use(exchanges);
      // A failure whose assertion named no exchange (a value read out of an answer) was decided by the last request
      // the check itself made.
      if (testInfo.status === 'failed' && !exchanges.some((exchange) => exchange.decisive)) {
        const last = exchanges.findLast((exchange) => exchange.phase === 'check');
        if (last) last.decisive = true;
      }
      if (exchanges.length > 0) {
        // Pushed rather than testInfo.attach(): the same attachment in the report, without the "Attach" step and the
        // stack trace Playwright captures for it.
        testInfo.attachments.push({
          name: EXCHANGES_ATTACHMENT,
          body: Buffer.from(JSON.stringify(exchanges)),
          contentType: 'application/json',
        });
      }
    },
    BOXED,
  ],
  scim: [
    async ({ target, exchanges }, use) => {
      const client: ScimClient = createScimClient({
        tenantUrl: target.url,
        token: target.token,
        timeoutMs: target.timeoutMs,
        userAgent: 'scim-harness (conformance)',
        // A passing 5xx to an idempotent request is sent again (twice, 250 ms apart) before anything is judged.
        retry5xx: { maxRetries: 2, waitMs: 250 },
        onExchange: (exchange) => {
          exchange.phase = phaseOf(client);
          exchanges.push(exchange);
        },
      });
      await use(client);
    },
    BOXED,
  ],
  faker: [
    async ({ target }, use, testInfo) => {
      // The run's seed makes every value fresh per run (leftovers of an earlier run on the tenant never match) and
      // replayable (`run --seed`). A check runs once per run; a per-profile variant has a title of its own, so its
      // resources never collide with the main test's.
      const faker = seededFaker(seedFromText([String(target.seed), ...testInfo.titlePath].join(' › ')));
      await use(faker);
    },
    BOXED,
  ],
  resources: [
    async ({ scim, target, faker }, use, testInfo) => {
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
    BOXED,
  ],
});

export { expect } from './matchers.js';
