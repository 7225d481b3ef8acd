/**
 * Creates the resources a check needs, tagged with the run id, records each in the ledger, and deletes them all when
 * the check ends (also when it fails or times out: Playwright runs fixture teardown in every case). It never deletes
 * anything it did not create.
 */

import type { Faker } from '@faker-js/faker';
import { HarnessError } from '../../src/errors/harness-error.js';
import type { ScimClient, ScimExchange } from '../../src/http/index.js';
import { isJsonObject } from '../../src/json/json-guards.js';
import { appendLedger } from '../../src/run-contract/index.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import { inPhase } from './exchange-phase.js';
import { infrastructureAnswer } from './matchers.js';

export interface CreatedResource {
  id: string;
  endpoint: string;
  /** The resource as the target returned it on create. */
  body: Record<string, unknown>;
  exchange: ScimExchange;
}

export interface ResourceFactory {
  /** The check's client (helpers that probe the target before creating use it). */
  readonly client: ScimClient;
  /** A unique userName carrying the run id, e.g. `sh-2026…-ab12.jdoe.k3@example.com`. */
  userName(): string;
  /** A unique group displayName carrying the run id. */
  groupName(): string;
  /** A minimal valid User body (RFC 7643 §8.1) with a run-tagged userName; `overrides` are merged on top. */
  userBody(overrides?: Record<string, unknown>): Record<string, unknown>;
  groupBody(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** POST /Users; throws CHECK_PRECONDITION unless the target created it (200 or 201 with an id). */
  createUser(overrides?: Record<string, unknown>): Promise<CreatedResource>;
  createGroup(overrides?: Record<string, unknown>): Promise<CreatedResource>;
  /** Records a resource a check created itself (e.g. the POST under test), so it is cleaned up. */
  track(endpoint: string, id: string, name: string): void;
  /** Records that a check deleted a tracked resource itself. */
  forget(endpoint: string, id: string): void;
  /**
   * Deletes everything still tracked, newest first, one endpoint's run of resources at a time (up to
   * {@link CLEANUP_AT_ONCE} of them at once). Returns what could not be deleted.
   */
  cleanup(): Promise<string[]>;
}

interface Tracked {
  endpoint: string;
  id: string;
  name: string;
}

/** DELETEs in flight at once while a check's resources are cleaned up: as many as a check creates at once. */
export const CLEANUP_AT_ONCE = 10;

/** Consecutive items of one endpoint, in order: `[U1, U2, G1, U3]` → `[[U1, U2], [G1], [U3]]`. */
export function endpointRuns<T extends { endpoint: string }>(items: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last !== undefined && last[0]?.endpoint === item.endpoint) last.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** True when the answer is a redirect (3xx other than 304), which the harness never follows. */
function isRedirect(exchange: ScimExchange): boolean {
  const status = exchange.response?.status;
  return status !== undefined && status >= 300 && status < 400 && status !== 304;
}

/** True when the exchange got no answer from the SCIM service itself (see {@link infrastructureAnswer}). */
function noScimAnswer(exchange: ScimExchange): boolean {
  return exchange.response === undefined || infrastructureAnswer(exchange.response) !== undefined;
}

export function createResourceFactory(options: {
  client: ScimClient;
  runId: string;
  runDir: string;
  faker: Faker;
}): ResourceFactory {
  const { client, runId, runDir, faker } = options;
  const tracked: Tracked[] = [];
  let counter = 0;
  const unique = () =>
    `${faker.string.alphanumeric({ length: 6, casing: 'lower' })}${(counter++).toString(36)}`;

  const factory: ResourceFactory = {
    client,
    userName: () =>
      `${runId}.${faker.person
        .firstName()
        .toLowerCase()
        .replace(/[^a-z]/g, '')}.${unique()}@example.com`,
    groupName: () => `${runId} ${faker.commerce.department()} ${unique()}`,
    userBody(overrides = {}) {
      const givenName = faker.person.firstName();
      const familyName = faker.person.lastName();
      const userName = factory.userName();
      return {
        schemas: [SCHEMA_URNS.User],
        userName,
        externalId: `${runId}-${unique()}`,
        name: { givenName, familyName, formatted: `${givenName} ${familyName}` },
        displayName: `${givenName} ${familyName}`,
        emails: [{ value: userName, type: 'work', primary: true }],
        active: true,
        ...overrides,
      };
    },
    groupBody(overrides = {}) {
      return { schemas: [SCHEMA_URNS.Group], displayName: factory.groupName(), ...overrides };
    },
    async createUser(overrides) {
      return create('/Users', factory.userBody(overrides), 'userName');
    },
    async createGroup(overrides) {
      return create('/Groups', factory.groupBody(overrides), 'displayName');
    },
    track(endpoint, id, name) {
      if (!tracked.some((t) => t.endpoint === endpoint && t.id === id)) {
        tracked.push({ endpoint, id, name });
        appendLedger(runDir, { runId, endpoint, id, name, createdAt: new Date().toISOString() });
      }
    },
    forget(endpoint, id) {
      const index = tracked.findIndex((t) => t.endpoint === endpoint && t.id === id);
      if (index >= 0) {
        const [gone] = tracked.splice(index, 1);
        if (gone)
          appendLedger(runDir, { ...gone, runId, createdAt: new Date().toISOString(), deleted: true });
      }
    },
    cleanup: () => inPhase(client, 'cleanup', cleanupAll),
  };

  async function cleanupAll(): Promise<string[]> {
    const failures: string[] = [];
    // Newest first, and one endpoint after another (a group goes before the users it was created for); a run of
    // resources of one endpoint is deleted CLEANUP_AT_ONCE at a time, as a check creates many: against a target a
    // round trip away, a hundred DELETEs one after another were most of a check's time.
    for (const wave of endpointRuns([...tracked].reverse())) {
      for (let start = 0; start < wave.length; start += CLEANUP_AT_ONCE) {
        const results = await Promise.all(wave.slice(start, start + CLEANUP_AT_ONCE).map(deleteTracked));
        failures.push(...results.filter((failure): failure is string => failure !== undefined));
      }
    }
    return failures;
  }

  /** Deletes one tracked resource; the failure, if any. */
  async function deleteTracked(item: Tracked): Promise<string | undefined> {
    const path = `${item.endpoint}/${encodeURIComponent(item.id)}`;
    let exchange = await client.delete(path);
    // A DELETE lost to the infrastructure (no answer, a gateway's 5xx) is sent once more: DELETE is idempotent,
    // and a leftover would collide with the same check's resources in the next profile.
    // A redirect is an answer, not a lost request: sending the DELETE again would get the same 3xx.
    if (noScimAnswer(exchange) && !isRedirect(exchange)) exchange = await client.delete(path);
    const status = exchange.response?.status;
    if (status !== undefined && (status < 300 || status === 404)) {
      factory.forget(item.endpoint, item.id);
      return undefined;
    }
    return `${item.endpoint}/${item.id}: ${status ?? exchange.outcome}`;
  }

  async function create(endpoint: string, body: Record<string, unknown>, nameAttr: string) {
    const exchange = await inPhase(client, 'setup', () => client.post(endpoint, body));
    const json = exchange.response?.json;
    const id = isJsonObject(json) && typeof json.id === 'string' ? json.id : undefined;
    const status = exchange.response?.status;
    if (id && (status === 201 || status === 200)) factory.track(endpoint, id, String(body[nameAttr]));
    if (!id || (status !== 201 && status !== 200) || !isJsonObject(json)) {
      // When the answer came from the infrastructure (a redirect, a gateway, an HTML page), say so: that is the cause.
      const infrastructure = exchange.response ? infrastructureAnswer(exchange.response) : undefined;
      throw new HarnessError(
        'CHECK_PRECONDITION',
        `Could not create the ${endpoint.slice(1, -1).toLowerCase()} this check needs: POST ${endpoint} answered ${
          status ?? exchange.outcome
        }${id ? '' : ' without an id'}${infrastructure === undefined ? '' : ` (${infrastructure})`}`,
      );
    }
    return { id, endpoint, body: json, exchange };
  }

  return factory;
}
