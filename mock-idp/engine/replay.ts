import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError } from '../../src/errors/harness-error.js';
import { createScimClient, RequestScheduler, type ScimClient } from '../../src/http/index.js';
import {
  REPLAY_SCHEMA_VERSION,
  type ReplayCycle,
  type ReplayResult,
  type ReplayScenario,
  writeReports,
} from '../../src/report/index.js';
import { generateChanges } from '../changes/index.js';
import { createDirectory, type EntraDirectory, type Shard } from '../directory/index.js';
import { MAPPING_PRESETS, type MappingPresetName } from '../mappings/index.js';
import {
  type EntraClientMode,
  parseTenantUrl,
  resolveClientProfile,
  testConnectionRequests,
} from '../requests/index.js';
import { checkConvergence } from './convergence.js';
import { CycleEngine } from './cycle-engine.js';
import { JsonlProvisioningLog, MemoryProvisioningLog, type ProvisioningLogSink } from './provisioning-log.js';
import type { QuarantineEvent } from './quarantine.js';
import { classifyExchange } from './reactions.js';
import { runPool } from './run-pool.js';

/** Options of {@link runReplay}. */
export interface ReplayOptions {
  tenantUrl: string;
  token: string;
  mode?: EntraClientMode;
  users: number;
  groups: number;
  /** Initial cycle included. */
  cycles: number;
  churn: number;
  seed: number;
  runId: string;
  concurrency?: number;
  rate?: number;
  shard?: Shard;
  keep?: boolean;
  /** Where replay.json, provisioning-log.jsonl and report.html go; absent: nothing is written. */
  reportDir?: string;
  mapping?: MappingPresetName;
  /** `honour` (default): wait as Retry-After asks; `nextCycle`: leave the object for the next cycle. */
  on429?: 'honour' | 'nextCycle';
  /** Pause between cycles; default none (back to back). */
  intervalMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  onCycle?: (cycle: ReplayCycle) => void;
  onProgress?: (done: number, total: number) => void;
  /** Runs between cycles; the key-revocation scenario swaps tokens here. */
  beforeCycle?: (n: number, context: ReplayContext) => Promise<void> | void;
  /** A scenario's verdict, computed after the cycles, written into replay.json. */
  scenario?: (cycles: readonly ReplayCycle[], timeline: readonly QuarantineEvent[]) => ReplayScenario;
}

/** What a scenario sees between cycles. */
export interface ReplayContext {
  directory: EntraDirectory;
  engine: CycleEngine;
  setDirectory(directory: EntraDirectory): void;
  setToken(token: string): void;
}

/** The outcome of a replay, beside the replay.json document. */
export interface ReplayOutcome {
  result: ReplayResult;
  timeline: readonly QuarantineEvent[];
  files: string[];
  cleanup: { deleted: number; failed: number };
}

function clientFor(options: ReplayOptions, token: string, scheduler: RequestScheduler): ScimClient {
  return createScimClient({
    tenantUrl: options.tenantUrl,
    token,
    scheduler,
    ...(options.on429 === 'nextCycle' ? { retry429: false } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
}

/**
 * Test Connection: a query for a random GUID, which must answer 200 with no results.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
 */
export async function testConnection(
  client: ScimClient,
  profile: ReturnType<typeof resolveClientProfile>,
  groups: boolean,
): Promise<void> {
  for (const request of testConnectionRequests(profile, { value: randomUUID(), groups })) {
    const query = new URLSearchParams(request.query?.map(([k, v]) => [k, v]) ?? []).toString();
    const exchange = await client.request({ method: request.method, path: request.path, query });
    const kind = classifyExchange(request.operation, exchange);
    if (kind === 'unauthorized') {
      throw new HarnessError(
        'CREDENTIALS_REJECTED',
        `Test Connection: the target rejected the token (${exchange.response?.status})`,
      );
    }
    if (kind === 'timeout' || kind === 'networkError') {
      throw new HarnessError(
        'TARGET_UNREACHABLE',
        `Test Connection: ${exchange.outcome}${exchange.error ? `: ${client.redact(exchange.error)}` : ''}`,
      );
    }
    if (kind !== 'success') {
      throw new HarnessError(
        'TARGET_RESPONSE_UNUSABLE',
        `Test Connection: ${request.path} answered ${exchange.response?.status}, expected 200 with an empty ListResponse`,
      );
    }
  }
}

/**
 * Replays Entra provisioning against a target: Test Connection, the initial cycle, incremental cycles with
 * churn (each checked for convergence), then removes everything the run created unless `keep`.
 * Cleanup runs on failure and abort too.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works
 */
export async function runReplay(options: ReplayOptions): Promise<ReplayOutcome> {
  if (!Number.isInteger(options.cycles) || options.cycles < 1 || options.cycles > 10_000) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `cycles must be an integer from 1 to 10000, got ${String(options.cycles)}`,
    );
  }
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `concurrency must be an integer from 1 to 256, got ${String(concurrency)}`,
    );
  }
  const tenant = parseTenantUrl(options.tenantUrl, options.mode);
  const profile = resolveClientProfile({ mode: tenant.mode, baseUrl: tenant.baseUrl });
  const preset = MAPPING_PRESETS[options.mapping ?? 'entra-default'];
  const scheduler = new RequestScheduler({
    maxConcurrency: concurrency,
    maxPerSecond: options.rate ?? Number.POSITIVE_INFINITY,
  });
  let client = clientFor(options, options.token, scheduler);
  const secrets = [options.token];
  await testConnection(client, profile, preset.group !== undefined);

  let directory = createDirectory({
    seed: options.seed,
    users: options.users,
    groups: options.groups,
    runId: options.runId,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
  });
  if (options.reportDir !== undefined) await mkdir(options.reportDir, { recursive: true });
  const redact = (text: string): string => client.redact(text);
  const log: ProvisioningLogSink =
    options.reportDir === undefined
      ? new MemoryProvisioningLog()
      : new JsonlProvisioningLog(join(options.reportDir, 'provisioning-log.jsonl'), redact);
  const proxy: ScimClient = new Proxy({} as ScimClient, { get: (_t, key) => Reflect.get(client, key) });
  const engine = new CycleEngine({
    client: proxy,
    profile,
    userMapping: preset.user,
    groupMapping: preset.group,
    log,
    runId: options.runId,
    concurrency,
  });
  const context: ReplayContext = {
    get directory() {
      return directory;
    },
    engine,
    setDirectory: (next) => {
      directory = next;
    },
    setToken: (token) => {
      secrets.push(token);
      client = clientFor(options, token, scheduler);
      for (const secret of secrets) client.addSecret(secret);
    },
  };
  const cycles: ReplayCycle[] = [];
  let cleanup = { deleted: 0, failed: 0 };
  try {
    for (let n = 1; n <= options.cycles; n++) {
      if (options.signal?.aborted) throw new HarnessError('INTERNAL', 'replay interrupted');
      if (n > 1) {
        if (options.intervalMs) await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
        directory = generateChanges(directory, {
          cycle: directory.cycle + 1,
          churnRate: options.churn,
        }).directory;
      }
      await options.beforeCycle?.(n, context);
      const cycle = await engine.runCycle(n, n === 1 ? 'initial' : 'incremental', directory);
      const convergence = await checkConvergence({
        client: proxy,
        directory,
        userMapping: preset.user,
        groupMapping: preset.group,
        users: engine.users,
        groups: engine.groups,
        resolve: engine.resolve,
        concurrency,
      });
      cycle.divergences = convergence.divergences;
      cycle.converged = convergence.count === 0 && !cycle.quarantined;
      cycles.push(cycle);
      options.onCycle?.(cycle);
      options.onProgress?.(n, options.cycles);
    }
  } finally {
    if (!options.keep)
      cleanup = await removeCreated(engine, context, concurrency, options.token, () =>
        clientFor(options, options.token, scheduler),
      );
    await log.close();
  }
  const result: ReplayResult = {
    schemaVersion: REPLAY_SCHEMA_VERSION,
    runId: options.runId,
    mode: tenant.mode,
    seed: options.seed,
    cycles,
    ...(options.scenario === undefined
      ? {}
      : { scenario: options.scenario(cycles, engine.quarantine.timeline) }),
  };
  const files: string[] = [];
  if (options.reportDir !== undefined) {
    const path = join(options.reportDir, 'replay.json');
    await writeFile(path, `${JSON.stringify(result, null, 2)}\n`);
    files.push(path, join(options.reportDir, 'provisioning-log.jsonl'));
    files.push(...(await writeReports(options.reportDir, null, { replay: result, secrets })));
  }
  return { result, timeline: engine.quarantine.timeline, files, cleanup };
}

/** Deletes every object the engine provisioned, groups first, with the run's original token. */
async function removeCreated(
  engine: CycleEngine,
  context: ReplayContext,
  concurrency: number,
  token: string,
  original: () => ScimClient,
): Promise<{ deleted: number; failed: number }> {
  context.setToken(token);
  const client = original();
  let deleted = 0;
  let failed = 0;
  const remove = async (path: string): Promise<void> => {
    const exchange = await client.delete(path);
    const status = exchange.response?.status;
    if (status !== undefined && (status < 300 || status === 404)) deleted++;
    else failed++;
  };
  const ids = (states: CycleEngine['users']) =>
    [...states.values()].map((state) => state.targetId).filter((id): id is string => id !== undefined);
  await runPool(ids(engine.groups), concurrency, (id) => remove(`/Groups/${encodeURIComponent(id)}`));
  await runPool(ids(engine.users), concurrency, (id) => remove(`/Users/${encodeURIComponent(id)}`));
  return { deleted, failed };
}
