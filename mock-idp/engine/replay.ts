import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HarnessError } from '../../src/errors/harness-error.js';
import {
  assessTokenOwner,
  createScimClient,
  RequestScheduler,
  type ScimClient,
  type ScimExchange,
} from '../../src/http/index.js';
import {
  REPLAY_SCHEMA_VERSION,
  type ReplayCycle,
  type ReplayResult,
  type ReplayScenario,
  type ReplayTokenOwner,
  replayTotals,
} from '../../src/run-contract/index.js';
import { generateChanges } from '../changes/index.js';
import { createDirectory, type EntraDirectory, type Shard } from '../directory/index.js';
import { MAPPING_PRESETS, type MappingPresetName, OKTA_MAPPING_PRESET } from '../mappings/index.js';
import {
  type ClientProfile,
  type EntraClientMode,
  OKTA_APP_TYPES,
  type OktaAppType,
  oktaTestConnectionRequests,
  parseTenantUrl,
  resolveClientProfile,
  resolveOktaClientProfile,
  testConnectionRequests,
} from '../requests/index.js';
import { checkConvergence } from './convergence.js';
import { CycleEngine } from './cycle-engine.js';
import { oktaImport, oktaTestConnection } from './okta-connection.js';
import { JsonlProvisioningLog, MemoryProvisioningLog, type ProvisioningLogSink } from './provisioning-log.js';
import type { QuarantineEvent } from './quarantine.js';
import { classifyExchange } from './reactions.js';
import { removeCreated } from './replay-cleanup.js';
import { ProgressTracker, type ReplayProgress } from './replay-progress.js';
import { writeReplayReports } from './replay-reports.js';
import { observePools } from './run-pool.js';
import { runSustainedLoad, SustainMix, type SustainOptions } from './sustain/index.js';

/** The values of {@link ReplayOptions.on429}; {@link runReplay} refuses any other. */
export const REPLAY_429_POLICIES = ['honour', 'nextCycle'] as const;
export type Replay429Policy = (typeof REPLAY_429_POLICIES)[number];

/** The IdPs whose provisioning client a replay can emulate. */
export const REPLAY_IDPS = ['entra', 'okta'] as const;
export type ReplayIdp = (typeof REPLAY_IDPS)[number];

/**
 * Okta's 429 schedule (CONCEPT): the first wait is Retry-After when it is integer seconds, else 5 minutes; each
 * further 429 doubles it; after 10 attempts the task "fails permanently".
 * @see https://developer.okta.com/docs/concepts/scim/
 */
export const OKTA_RETRY_429 = {
  maxRetries: 10,
  defaultWaitMs: 300_000,
  backoffFactor: 2,
  integerSecondsOnly: true,
  maxRetryAfterMs: 300_000 * 2 ** 9,
} as const;

/** Okta's timeout: "if Okta doesn't receive anything from the socket after any SCIM request is made" for 60 s (FAQ). */
export const OKTA_TIMEOUT_MS = 60_000;

/** Pages per endpoint of the import after Test API Credentials: a bound of the harness's, not Okta's. */
export const OKTA_IMPORT_MAX_PAGES = 20;

/** Options of {@link runReplay}. */
export interface ReplayOptions {
  tenantUrl: string;
  token: string;
  /** Whose provisioning client to emulate; default `entra`. */
  idp?: ReplayIdp;
  /** Okta only: an OIN catalog app (PATCH for (de)activation and groups) or an AIW app (PUT for all); default `oin`. */
  oktaApp?: OktaAppType;
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
  /**
   * What a cycle's operation does with a 429: `honour` (default) waits as Retry-After asks and sends the same
   * request again, as Entra does; `nextCycle` gives up at once, so the object is escrowed (`TooManyRequests`) and
   * provisioned by the next cycle. The harness's own requests (Test Connection, `/Me`, the convergence read-back,
   * cleanup) honour Retry-After either way: they are not Entra's behaviour under test, and no next cycle follows them.
   * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-quarantine-status
   */
  on429?: Replay429Policy;
  /**
   * Milliseconds to wait before each incremental cycle, 0 to 86 400 000 (Entra's schedule is about 40 minutes,
   * scaled down here); default 0, back to back. Aborting `signal` ends the wait at once.
   * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#incremental-cycles
   */
  intervalMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  onCycle?: (cycle: ReplayCycle) => void;
  /** Progress within each stage; called often (per request and per object), so keep it cheap. */
  onProgress?: (progress: ReplayProgress) => void;
  /** Runs between cycles; the key-revocation scenario swaps tokens here. */
  beforeCycle?: (n: number, context: ReplayContext) => Promise<void> | void;
  /** Who owns the token (`GET /Me`, asked before the first cycle); the finding also goes into replay.json. */
  onTokenOwner?: (finding: ReplayTokenOwner) => void;
  /** A scenario's verdict, computed after the cycles and {@link ReplayOptions.afterCleanup}, written into replay.json. */
  scenario?: (cycles: readonly ReplayCycle[], timeline: readonly QuarantineEvent[]) => ReplayScenario;
  /**
   * Runs once cleanup is over, on every way out (success, failure, abort), before replay.json is written: a
   * scenario undoes here what it changed outside the run, so the report can say how that went. Must not throw.
   */
  afterCleanup?: () => Promise<void>;
  /**
   * A sustained load (`replay --sustain`) after the cycles, over the directory they provisioned, before cleanup:
   * its block goes into replay.json as `sustain`. Ctrl-C during it stops the load and writes the report marked
   * interrupted. Joiners it created are deleted with the rest unless `keep`.
   */
  sustain?: SustainOptions;
}

/**
 * What replay.json records for `report merge` beside the cycles: the totals over them, and the shard (`--shard i/n`)
 * when the replay ran one part of the directory.
 */
function shardRecord(cycles: readonly ReplayCycle[], shard: Shard | undefined): Partial<ReplayResult> {
  return {
    ...(shard === undefined ? {} : { shard: { index: shard.index, total: shard.total } }),
    totals: replayTotals(cycles),
  };
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

/**
 * Thrown by {@link runReplay} when `signal` was aborted, after cleanup ran; says how far it got. It carries
 * code `INTERNAL` only because HarnessError has no code for an interruption: callers check for this class.
 */
export class ReplayInterruptedError extends HarnessError {
  /** Cycles that ran to the end (convergence included) before the interruption. */
  readonly cyclesRun: number;
  readonly cleanup: { deleted: number; failed: number };
  /**
   * Reports written despite the interruption: replay.json and report.html with the cycles that completed, marked
   * interrupted (a scenario's own record, when it changed something outside the run); none without a report folder.
   */
  readonly files: readonly string[];

  constructor(
    cyclesRun: number,
    cleanup: { deleted: number; failed: number },
    files: readonly string[] = [],
  ) {
    super(
      'INTERNAL',
      `replay interrupted after ${cyclesRun} complete cycle(s); cleanup deleted ${cleanup.deleted}, failed ${cleanup.failed}`,
    );
    this.cyclesRun = cyclesRun;
    this.cleanup = cleanup;
    this.files = files;
  }
}

/** Waits `ms` between cycles in one-second steps, reporting each; returns early when `signal` aborts. */
async function pause(
  ms: number,
  signal: AbortSignal | undefined,
  step: (waited: number) => void,
): Promise<void> {
  let waited = 0;
  while (waited < ms && signal?.aborted !== true) {
    const slice = Math.min(1000, ms - waited);
    try {
      await sleep(slice, undefined, signal === undefined ? {} : { signal });
    } catch (error) {
      if (signal?.aborted) return;
      throw error;
    }
    waited += slice;
    step(waited);
  }
}

/** Whose requests a client sends: a cycle's operations follow `on429`; the harness's own always honour 429. */
type ClientRole = 'cycle' | 'harness';

function clientFor(
  options: ReplayOptions,
  token: string,
  scheduler: RequestScheduler,
  role: ClientRole,
  onExchange?: (exchange: ScimExchange) => void,
): ScimClient {
  const okta = options.idp === 'okta';
  const timeoutMs = options.timeoutMs ?? (okta ? OKTA_TIMEOUT_MS : undefined);
  return createScimClient({
    tenantUrl: options.tenantUrl,
    token,
    scheduler,
    ...(onExchange === undefined ? {} : { onExchange }),
    ...(role === 'cycle' && options.on429 === 'nextCycle' ? { retry429: false } : {}),
    ...(role === 'cycle' && okta && options.on429 !== 'nextCycle' ? { retry429: OKTA_RETRY_429 } : {}),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
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
 * Replays Entra's (or, with `idp: 'okta'`, Okta's) provisioning against a target: Test Connection (Okta's is
 * followed by its import), the initial cycle, incremental cycles with churn (each checked for convergence), then
 * removes everything the run created unless `keep`. The two IdPs share the engine; the client profile decides the
 * requests, the reactions and what a deleted user should look like on the target.
 * Cleanup runs on failure and abort too. Aborted before the last cycle ended, it writes replay.json and report.html
 * with the cycles that completed, marked `interrupted: true`, and throws a {@link ReplayInterruptedError} naming them.
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
  const intervalMs = options.intervalMs ?? 0;
  if (!Number.isFinite(intervalMs) || intervalMs < 0 || intervalMs > 86_400_000) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `intervalMs must be a number from 0 to 86400000, got ${String(options.intervalMs)}`,
    );
  }
  // Typed callers cannot get it wrong; a script passing a misspelt policy must not silently get the default.
  if (options.on429 !== undefined && !REPLAY_429_POLICIES.includes(options.on429)) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `on429 must be one of ${REPLAY_429_POLICIES.join(', ')}, got ${String(options.on429)}`,
    );
  }
  const idp = options.idp ?? 'entra';
  if (!REPLAY_IDPS.includes(idp)) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `idp must be one of ${REPLAY_IDPS.join(', ')}, got ${String(idp)}`,
    );
  }
  if (options.oktaApp !== undefined && (idp !== 'okta' || !OKTA_APP_TYPES.includes(options.oktaApp))) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `oktaApp (${OKTA_APP_TYPES.join(' or ')}) applies only to the Okta client, got ${String(options.oktaApp)} with idp ${idp}`,
    );
  }
  if (idp === 'okta' && options.mapping !== undefined) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `mapping presets are Entra's; the Okta client uses Okta's default mappings`,
    );
  }
  if (idp === 'okta' && options.sustain !== undefined) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `the sustained load replays Entra's request mix; it does not run with idp okta`,
    );
  }
  const tenant = parseTenantUrl(options.tenantUrl, options.mode);
  const profile: ClientProfile =
    idp === 'okta'
      ? resolveOktaClientProfile({ app: options.oktaApp ?? 'oin' })
      : resolveClientProfile({ mode: tenant.mode, baseUrl: tenant.baseUrl });
  const clientVariant = profile.idp === 'okta' ? profile.app : tenant.mode;
  const preset = idp === 'okta' ? OKTA_MAPPING_PRESET : MAPPING_PRESETS[options.mapping ?? 'entra-default'];
  const scheduler = new RequestScheduler({
    maxConcurrency: concurrency,
    maxPerSecond: options.rate ?? Number.POSITIVE_INFINITY,
  });
  const progress = new ProgressTracker(options.cycles, options.onProgress);
  const onExchange = options.onProgress === undefined ? undefined : progress.exchange;
  let client = clientFor(options, options.token, scheduler, 'cycle', onExchange);
  let reader = clientFor(options, options.token, scheduler, 'harness', onExchange);
  const secrets = [options.token];
  const withGroups = preset.group !== undefined;
  if (profile.idp === 'okta') {
    // Okta's own requests (its headers, its User-Agent), sent through the harness's client that waits out 429s.
    progress.stage('test-connection', oktaTestConnectionRequests(profile, withGroups).length);
    await oktaTestConnection(reader, profile, withGroups);
    await oktaImport(reader, profile, { groups: withGroups, maxPages: OKTA_IMPORT_MAX_PAGES });
  } else {
    progress.stage(
      'test-connection',
      testConnectionRequests(profile, { value: '', groups: withGroups }).length,
    );
    await testConnection(reader, profile, withGroups);
  }

  let directory = createDirectory({
    seed: options.seed,
    users: options.users,
    groups: options.groups,
    runId: options.runId,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
    // Okta groups do not nest: Group Push sends user members only.
    ...(idp === 'okta' ? { nestedGroupRatio: 0 } : {}),
  });
  // Before anything changes: a token owned by a user the directory holds would be deprovisioned by the run itself.
  const tokenOwner = await assessTokenOwner(
    reader,
    [...directory.users.values()].map((user) => user.userPrincipalName),
  );
  options.onTokenOwner?.(tokenOwner);
  if (options.reportDir !== undefined) await mkdir(options.reportDir, { recursive: true });
  const redact = (text: string): string => client.redact(text);
  const log: ProvisioningLogSink =
    options.reportDir === undefined
      ? new MemoryProvisioningLog()
      : new JsonlProvisioningLog(join(options.reportDir, 'provisioning-log.jsonl'), redact);
  // The token changes between cycles (setToken): the engine and the read-back always reach the current client.
  const proxy: ScimClient = new Proxy({} as ScimClient, { get: (_t, key) => Reflect.get(client, key) });
  const readerProxy: ScimClient = new Proxy({} as ScimClient, { get: (_t, key) => Reflect.get(reader, key) });
  const engine = new CycleEngine({
    client: proxy,
    profile,
    userMapping: preset.user,
    groupMapping: preset.group,
    log,
    runId: options.runId,
    concurrency,
    seed: options.seed,
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
      client = clientFor(options, token, scheduler, 'cycle', onExchange);
      reader = clientFor(options, token, scheduler, 'harness', onExchange);
      for (const secret of secrets) {
        client.addSecret(secret);
        reader.addSecret(secret);
      }
    },
  };
  const cycles: ReplayCycle[] = [];
  let cleanup = { deleted: 0, failed: 0 };
  let sustainMix: SustainMix | undefined;
  let lastSustainSecond = -1;
  let sustained: ReplayResult['sustain'];
  const { signal } = options;
  // Pools watched only when someone listens: the async context costs the benchmarks a little.
  const observe = <T>(stage: () => Promise<T>): Promise<T> =>
    options.onProgress === undefined && signal === undefined
      ? stage()
      : observePools(
          {
            planned: (count) => progress.planned(count),
            settled: () => progress.advance(),
            ...(signal === undefined ? {} : { signal }),
          },
          stage,
        );
  try {
    for (let n = 1; n <= options.cycles && !signal?.aborted; n++) {
      if (n > 1) {
        if (intervalMs > 0) {
          progress.stage('waiting', intervalMs, n);
          await pause(intervalMs, signal, (waited) => progress.advance(waited));
          if (signal?.aborted) break;
        }
        directory = generateChanges(directory, {
          cycle: directory.cycle + 1,
          churnRate: options.churn,
        }).directory;
      }
      await options.beforeCycle?.(n, context);
      progress.stage('users', engine.plannedObjects(directory), n);
      const cycle = await observe(() => engine.runCycle(n, n === 1 ? 'initial' : 'incremental', directory));
      // A cycle cut short by Ctrl-C would only show divergences the run never meant to fix.
      if (signal?.aborted) break;
      progress.stage('convergence', 0);
      const convergence = await observe(() =>
        checkConvergence({
          client: readerProxy,
          directory,
          userMapping: preset.user,
          groupMapping: preset.group,
          users: engine.users,
          groups: engine.groups,
          resolve: engine.resolve,
          concurrency,
          ...(profile.idp === 'entra'
            ? { managerRemoval: profile.managerRemoval }
            : { goneUsers: 'deactivated' as const }),
        }),
      );
      if (signal?.aborted) break;
      // Each divergence with what the target said when it refused the object, which otherwise only the log holds.
      cycle.divergences = engine.refusals.explain(convergence.divergences);
      cycle.converged = convergence.count === 0 && !cycle.quarantined;
      cycles.push(cycle);
      options.onCycle?.(cycle);
    }
    if (
      options.sustain !== undefined &&
      profile.idp === 'entra' &&
      cycles.length === options.cycles &&
      !signal?.aborted
    ) {
      sustainMix = new SustainMix({
        profile,
        userMapping: preset.user,
        groupMapping: preset.group,
        directory,
        provisioned: engine,
        seed: options.seed,
      });
      const seconds = Math.ceil(options.sustain.durationMs / 1000);
      progress.stage('sustain', seconds);
      sustained = await runSustainedLoad({
        ...options.sustain,
        // Its own client, outside the cycles' scheduler: the arrivals are the pacing, the in-flight cap the bound.
        // The client's 429 handling (Retry-After honoured) is what the load records.
        client: createScimClient({
          tenantUrl: options.tenantUrl,
          token: options.token,
          ...(onExchange === undefined ? {} : { onExchange }),
          ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
          ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        }),
        mix: sustainMix,
        ...(signal === undefined ? {} : { signal }),
        onTick: (elapsedMs) => {
          const done = Math.min(seconds, Math.floor(elapsedMs / 1000));
          if (done !== lastSustainSecond) {
            lastSustainSecond = done;
            progress.advance(done);
          }
        },
      });
    }
  } finally {
    try {
      if (!options.keep)
        cleanup = await removeCreated(
          engine,
          context,
          concurrency,
          options.token,
          progress,
          () => clientFor(options, options.token, scheduler, 'harness', onExchange),
          sustainMix?.created ?? [],
        );
      await log.close();
    } finally {
      await options.afterCleanup?.();
    }
  }
  // Aborted once every cycle had run: the replay is complete and its report is still worth writing, unless a
  // sustained load was asked for and did not run its whole duration.
  if (
    signal?.aborted &&
    (cycles.length < options.cycles ||
      (options.sustain !== undefined && (sustained === undefined || sustained.interrupted === true)))
  ) {
    // What happened so far, marked interrupted; no scenario verdict, which partial cycles cannot support (a scenario
    // that changed something outside the run writes its own record over this one: stopped-replay-record.ts).
    const partial: ReplayResult = {
      schemaVersion: REPLAY_SCHEMA_VERSION,
      runId: options.runId,
      mode: clientVariant,
      idp,
      clientVariant,
      seed: options.seed,
      cycles,
      quarantine: [...engine.quarantine.timeline],
      tokenOwner,
      ...(sustained === undefined ? {} : { sustain: sustained }),
      ...shardRecord(cycles, options.shard),
      interrupted: true,
    };
    // A report that cannot be written must not hide the interruption: the caller then says no report was written.
    const files =
      options.reportDir === undefined
        ? []
        : await writeReplayReports(options.reportDir, partial, secrets).catch(() => []);
    throw new ReplayInterruptedError(cycles.length, cleanup, files);
  }
  const result: ReplayResult = {
    schemaVersion: REPLAY_SCHEMA_VERSION,
    runId: options.runId,
    mode: clientVariant,
    idp,
    clientVariant,
    seed: options.seed,
    cycles,
    ...(options.scenario === undefined
      ? {}
      : { scenario: options.scenario(cycles, engine.quarantine.timeline) }),
    quarantine: [...engine.quarantine.timeline],
    tokenOwner,
    ...(sustained === undefined ? {} : { sustain: sustained }),
    ...shardRecord(cycles, options.shard),
  };
  const files =
    options.reportDir === undefined ? [] : await writeReplayReports(options.reportDir, result, secrets);
  return { result, timeline: engine.quarantine.timeline, files, cleanup };
}
