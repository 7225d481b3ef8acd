/**
 * `replay --scenario leaver`: for each way an identity provider deactivates a user (Entra legacy, Entra
 * `aadOptscim062020`, Okta's path-less PATCH, a full PUT, DELETE), deprovision a user who owns a credential, probe
 * that credential until the target refuses it or the budget (IPSIE's 5 minutes by default) runs out, then reactivate
 * the user and probe once more: does the old credential come back?
 *
 * Against the embedded server each shape gets its own owner (a user named with the run id) and its own key, minted
 * through the admin API; the shapes run side by side. Against an external tenant the operator hands in one
 * disposable (owner, key) pair per shape, in the order of {@link LEAVER_SHAPES}; a shape without a pair is reported
 * untested, and DELETE never runs there (it would delete a user this run did not create). An external owner is
 * looked up before anything changes, deactivated once, and set back to its earlier `active` afterwards on every way
 * out, as the key-revocation scenario does; it is never deleted. Keys never reach a log, a report or an error.
 * @see https://openid.net/specs/ipsie-al-scim-profile-1_0.html
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError } from '../../../src/errors/harness-error.js';
import {
  assessTokenOwner,
  type Clock,
  createScimClient,
  parseRetryAfter,
  type ScimClient,
  type ScimExchange,
  systemClock,
} from '../../../src/http/index.js';
import { formatTable, writeReports } from '../../../src/report/index.js';
import {
  describeLeaverCells,
  formatSeconds,
  IPSIE_LEAVER_RULE,
  LEAVER_SHAPES,
  type LeaverShapeName,
  REPLAY_SCHEMA_VERSION,
  type ReplayKeyOwnerRestore,
  type ReplayLeaverShape,
  type ReplayResult,
  type ReplayScenario,
} from '../../../src/run-contract/index.js';
import { userPath } from '../../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { redact } from '../../../src/secrets/redaction.js';
import {
  type EntraClientMode,
  isParsedJsonObject,
  type JsonObject,
  type OktaAppType,
  parseTenantUrl,
  resolveClientProfile,
} from '../../requests/index.js';
import { ReplayInterruptedError, type ReplayOutcome } from '../replay.js';
import { REPLAY_JSON } from '../replay-reports.js';
import { isAcceptance, isRefusal, type ProbeAnswer, probeUntilRefused } from './credential-probe.js';
import { findKeyOwner, type KeyOwnerAccount, setKeyOwnerActive } from './key-owner-account.js';
import { describeRestore } from './key-revocation.js';
import {
  deactivationRequest,
  describeLeaverRequest,
  type LeaverRequest,
  needsCurrentUser,
  reactivationRequest,
} from './leaver-shapes.js';

/** The scenario's name on the command line and in replay.json. */
export const LEAVER_SCENARIO = 'leaver';

/** The scenario's outcomes; the CLI exits 0 on {@link LEAVER_EXPECTED_OUTCOME}. */
export const LEAVER_OUTCOMES = [
  'all-revoked-within-budget',
  'credential-outlived-owner',
  'nothing-tested',
] as const;
export type LeaverOutcomeName = (typeof LEAVER_OUTCOMES)[number];
export const LEAVER_EXPECTED_OUTCOME: LeaverOutcomeName = 'all-revoked-within-budget';

/** Why a shape without a pair did not run, as the matrix says it. */
export const UNTESTED_NO_PAIR = 'no owner/key given';
export const UNTESTED_DELETE =
  'DELETE would delete its owner, and only an owner this run created may be deleted';
/** Why `delete` does not run for Okta. */
export const UNTESTED_OKTA_DELETE =
  'Okta never sends DELETE /Users: it deactivates users and keeps them (REF20)';

/**
 * What the verdict adds for Okta: only the deactivation its app sends runs, and a target that revokes credentials on
 * DELETE alone never revokes them under Okta.
 */
export const OKTA_LEAVER_NOTE =
  'Okta deactivates and never deletes users, so only the deactivation its app type sends was tested (OIN: the path-less PATCH; AIW: the full PUT); a target that revokes credentials only on DELETE never revokes them under Okta.';

/** The shape an Okta app deprovisions with: OIN apps PATCH, AIW apps PUT the whole user. */
export function oktaLeaverShape(app: OktaAppType): LeaverShapeName {
  return app === 'aiw' ? 'full-put' : 'okta-path-less';
}

/** One disposable (owner, key) pair of an external tenant (`--leaver OWNER=VAR`). */
export interface LeaverPair {
  /** The owner's userName. */
  owner: string;
  /** The owner's key, read from the environment; a secret. */
  key: string;
  /** How messages name the key: `the key in VAR`. */
  label: string;
}

/** Where the owners and keys come from: minted by the embedded server's admin API, or handed in per shape. */
export type LeaverSource =
  | { kind: 'admin-api'; origin: string; adminToken: string }
  | { kind: 'owned-keys'; pairs: readonly LeaverPair[] };

export interface LeaverOptions {
  tenantUrl: string;
  /** The run's own token: it deactivates, reactivates and restores the owners, and never is one of their keys. */
  token: string;
  runId: string;
  seed: number;
  /** The dialect of the external owner's restoring PATCH (as key-revocation sends it); default from the URL. */
  mode?: EntraClientMode;
  /** Whose deactivations to test; default `entra` (every shape). `okta`: the shape of `oktaApp`, and `delete` untested. */
  idp?: 'entra' | 'okta';
  /** Okta's app type; default `oin`. */
  oktaApp?: OktaAppType;
  /** Keep what the run created (the embedded server's owners and keys). An external owner is always set back. */
  keep?: boolean;
  reportDir?: string;
  /** Milliseconds from the deactivation until a still accepted credential is reported as such. */
  budgetMs: number;
  /** Milliseconds between probes. */
  intervalMs: number;
  /** Milliseconds between a reactivation and the probe after it. Default: the probe interval, at most 2 s. */
  settleMs?: number;
  /** The shapes to run, in any order; default all. The matrix lists them in {@link LEAVER_SHAPES} order. */
  shapes?: readonly LeaverShapeName[];
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  clock?: Clock;
  /** Said on stderr: who will be deactivated, each shape's deactivation, what became of each external owner. */
  warn?: (text: string) => void;
}

export interface LeaverOutcome extends ReplayOutcome {
  /** The matrix, also `result.scenario.shapes`. */
  shapes: ReplayLeaverShape[];
}

/** Who owns a shape's credential: a user this run creates, an external user, or nobody (untested). */
type Owner =
  | { kind: 'created'; userName: string; id?: string; keyId?: string; key?: string }
  | { kind: 'external'; pair: LeaverPair; account: KeyOwnerAccount }
  | { kind: 'none'; reason: string };

interface Plan {
  shape: LeaverShapeName;
  owner: Owner;
}

/** The userName of a shape's owner on the embedded server: it carries the run id as the mock IdP writes it. */
export function createdOwnerName(shape: LeaverShapeName, runId: string): string {
  return `leaver-${shape}.${runId.toLowerCase()}@example.com`;
}

function isOk(exchange: ScimExchange): boolean {
  const status = exchange.response?.status;
  return status !== undefined && status >= 200 && status < 300;
}

function statusOf(exchange: ScimExchange): string {
  return exchange.response === undefined ? exchange.outcome : String(exchange.response.status);
}

/** A probe's answer; a 429's Retry-After read as RFC 9110 §10.2.3 allows (seconds, or a date from now). */
function answerOf(exchange: ScimExchange): ProbeAnswer {
  const status = exchange.response?.status;
  const header = exchange.response?.headers['retry-after'];
  const retryAfterMs = status === 429 ? parseRetryAfter(header, Date.now()) : undefined;
  return {
    ...(status === undefined ? {} : { status }),
    outcome: exchange.outcome,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

function describeAnswer(answer: ProbeAnswer): string {
  return answer.status === undefined ? answer.outcome : String(answer.status);
}

/** Hands the pairs to the shapes in order; DELETE never gets one (its owner would be deleted). */
export function planShapes(
  shapes: readonly LeaverShapeName[],
  source: LeaverSource,
  runId: string,
  idp: 'entra' | 'okta' = 'entra',
): { shape: LeaverShapeName; pair?: LeaverPair; created?: string; untested?: string }[] {
  const okta = idp === 'okta';
  if (source.kind === 'admin-api')
    return shapes.map((shape) =>
      okta && shape === 'delete'
        ? { shape, untested: UNTESTED_OKTA_DELETE }
        : { shape, created: createdOwnerName(shape, runId) },
    );
  const pairs = [...source.pairs];
  const testable = shapes.filter((shape) => shape !== 'delete');
  if (pairs.length > testable.length) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `${pairs.length} --leaver pairs for ${testable.length} shape(s) that can run against a tenant (${testable.join(', ') || 'none'})`,
      {
        hint: 'give one --leaver OWNER=VAR per shape, in the order entra-legacy, entra-compliant, okta-path-less, full-put',
      },
    );
  }
  return shapes.map((shape) => {
    if (shape === 'delete') return { shape, untested: okta ? UNTESTED_OKTA_DELETE : UNTESTED_DELETE };
    const pair = pairs.shift();
    return pair === undefined ? { shape, untested: UNTESTED_NO_PAIR } : { shape, pair };
  });
}

/** The shapes asked for, each once, in the matrix's order. */
function orderedShapes(asked: readonly LeaverShapeName[] | undefined): LeaverShapeName[] {
  const wanted = new Set(asked ?? LEAVER_SHAPES);
  return LEAVER_SHAPES.filter((shape) => wanted.has(shape));
}

/** The matrix as a plain table for the terminal. */
export function formatLeaverMatrix(shapes: readonly ReplayLeaverShape[], budgetMs: number): string {
  const rows = shapes.map((row) => {
    const cells = describeLeaverCells(row, budgetMs);
    return [cells.shape, cells.request, cells.revokedAfter, cells.withinBudget, cells.restored];
  });
  return formatTable(
    ['Shape', 'Request', 'Revoked after', 'Within budget', 'Restored on reactivation'],
    rows,
  );
}

/** The scenario's outcome and its explanation from the matrix. */
export function leaverVerdict(
  shapes: readonly ReplayLeaverShape[],
  budgetMs: number,
): Pick<ReplayScenario, 'outcome' | 'explanation'> {
  const tested = shapes.filter((row) => row.outcome !== 'untested');
  const untested = shapes.filter((row) => row.outcome === 'untested');
  const failed = tested.filter((row) => row.withinBudget !== true);
  const restored = tested.filter((row) => row.restoredOnReactivation === true);
  const budget = formatSeconds(budgetMs);
  const untestedText =
    untested.length === 0
      ? ''
      : ` Untested: ${untested.map((row) => `${row.shape} (${row.note ?? 'not run'})`).join(', ')}.`;
  const restoredText =
    restored.length === 0
      ? tested.some((row) => row.restoredOnReactivation === false)
        ? ' After reactivation the old credential stayed revoked wherever that could be probed.'
        : ''
      : ` Reactivation brought the old credential back after: ${restored.map((row) => row.shape).join(', ')} (it was never truly revoked; IPSIE expects it to stay revoked).`;
  if (tested.length === 0)
    return {
      outcome: 'nothing-tested',
      explanation: `No shape ran, so nothing can be said about revocation.${untestedText}`,
    };
  if (failed.length === 0)
    return {
      outcome: 'all-revoked-within-budget',
      explanation: `Every tested shape's credential was refused within the budget (${budget}) after its owner was deprovisioned.${restoredText}${untestedText} ${IPSIE_LEAVER_RULE}`,
    };
  const what = failed.map((row) => `${row.shape} (${describeLeaverCells(row, budgetMs).revokedAfter})`);
  return {
    outcome: 'credential-outlived-owner',
    explanation: `SECURITY PROBLEM: the deprovisioned user's own credential was not refused within the budget (${budget}) after: ${what.join(', ')}.${restoredText}${untestedText} ${IPSIE_LEAVER_RULE}`,
  };
}

function send(client: ScimClient, request: LeaverRequest): Promise<ScimExchange> {
  return client.request({
    method: request.method,
    path: request.path,
    ...(request.body === undefined ? {} : { body: request.body }),
    headers: request.headers,
  });
}

/** Runs the scenario; writes replay.json and report.html when `reportDir` is set. */
export async function runLeaver(options: LeaverOptions, source: LeaverSource): Promise<LeaverOutcome> {
  const clock = options.clock ?? systemClock;
  const keys = source.kind === 'owned-keys' ? source.pairs.map((pair) => pair.key) : [];
  const secrets = [options.token, ...keys];
  const clientFor = (token: string, probe = false): ScimClient => {
    const client = createScimClient({
      tenantUrl: options.tenantUrl,
      token,
      // The probe loop waits out a 429 itself, against the budget.
      ...(probe ? { retry429: false } : {}),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      clock,
    });
    for (const secret of secrets) client.addSecret(secret);
    return client;
  };
  const run = clientFor(options.token);
  const tenant = parseTenantUrl(options.tenantUrl, options.mode);
  const profile = resolveClientProfile({ mode: tenant.mode, baseUrl: tenant.baseUrl });
  const idp = options.idp ?? 'entra';
  const oktaApp = options.oktaApp ?? 'oin';
  // Okta: the shape its app sends, and DELETE listed as what Okta never sends.
  const asked =
    options.shapes ?? (idp === 'okta' ? [oktaLeaverShape(oktaApp), 'delete' as const] : undefined);
  const planned = planShapes(orderedShapes(asked), source, options.runId, idp);

  // Before anything changes: every external owner exists once, is active, owns its key, and is not the run's token.
  const plans: Plan[] = [];
  for (const entry of planned) {
    if (entry.untested !== undefined)
      plans.push({ shape: entry.shape, owner: { kind: 'none', reason: entry.untested } });
    else if (entry.created !== undefined)
      plans.push({ shape: entry.shape, owner: { kind: 'created', userName: entry.created } });
    else if (entry.pair !== undefined)
      plans.push({
        shape: entry.shape,
        owner: { kind: 'external', pair: entry.pair, account: await checkExternalOwner(entry.pair) },
      });
  }
  const external = plans.flatMap((plan) => (plan.owner.kind === 'external' ? [plan.owner] : []));
  const names = external.map((owner) => owner.account.userName.toLowerCase());
  if (new Set(names).size !== names.length)
    throw new HarnessError(
      'CONFIG_INVALID',
      'two --leaver pairs name the same owner: each shape needs its own',
      {
        hint: 'give each shape a disposable user of its own, with a key that user owns',
      },
    );
  if (external.length > 0) {
    const runOwner = await assessTokenOwner(run, names);
    if (runOwner.severity === 'danger')
      throw new HarnessError(
        'CONFIG_INVALID',
        `the run's own token belongs to ${runOwner.userName ?? 'one of the owners'}, whom the scenario would deactivate`,
        { hint: "run with a service account's token, and give the owners' keys with --leaver OWNER=VAR" },
      );
    for (const plan of plans) {
      if (plan.owner.kind !== 'external') continue;
      options.warn?.(
        `WARNING: scenario leaver will DEACTIVATE user ${plan.owner.account.userName} (id ${plan.owner.account.id}) on ${options.tenantUrl} with the ${plan.shape} shape, reactivate it, then set it back to active=${plan.owner.account.priorActive}. ` +
          `Vendors such as Datadog revoke a user's keys for good when the user is deactivated: ${plan.owner.pair.label} may stop working permanently. The user is never deleted.\n`,
      );
    }
  }

  async function checkExternalOwner(pair: LeaverPair): Promise<KeyOwnerAccount> {
    const account = await findKeyOwner(run, profile, pair.owner).catch((error: unknown) => {
      // The lookup is the key-revocation scenario's, which names its option --owner.
      if (error instanceof HarnessError)
        throw new HarnessError(error.code, error.message.replace(/^--owner /, '--leaver '), {
          hint: 'give --leaver the exact userName of the user who owns the key in its variable',
        });
      throw error;
    });
    if (!account.priorActive)
      throw new HarnessError(
        'CONFIG_INVALID',
        `--leaver ${account.userName} is already inactive: its key cannot show what deactivating does`,
      );
    const keyOwner = await assessTokenOwner(clientFor(pair.key), [account.userName]);
    if (keyOwner.kind === 'user' && keyOwner.userName?.toLowerCase() !== account.userName.toLowerCase())
      throw new HarnessError(
        'CONFIG_INVALID',
        `/Me says ${pair.label} belongs to ${keyOwner.userName ?? 'another user'}, not to --leaver ${account.userName}; refusing to deactivate the wrong user`,
      );
    if (keyOwner.kind === 'service-account')
      throw new HarnessError(
        'CONFIG_INVALID',
        `/Me says ${pair.label} belongs to a service account, not to --leaver ${account.userName}: deactivating that user would show nothing`,
      );
    return account;
  }

  const admin = async (
    method: 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<Record<string, unknown>> => {
    if (source.kind !== 'admin-api') throw new HarnessError('INTERNAL', 'no admin API');
    const response = await (options.fetch ?? fetch)(`${source.origin}/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${source.adminToken}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await response.json().catch(() => ({}));
    if (response.status >= 300 || !isParsedJsonObject(json))
      throw new HarnessError(
        'CHECK_PRECONDITION',
        `the admin API answered ${response.status} to ${method} /admin${path}`,
      );
    return json as Record<string, unknown>;
  };

  /** Creates a shape's owner and mints its key (embedded server). */
  async function createOwner(owner: Extract<Owner, { kind: 'created' }>): Promise<void> {
    const created = await run.post('/Users', {
      schemas: [SCHEMA_URNS.User],
      userName: owner.userName,
      displayName: `Leaver ${options.runId}`,
      active: true,
    });
    const id = isParsedJsonObject(created.response?.json) ? created.response.json.id : undefined;
    if (created.response?.status !== 201 || typeof id !== 'string')
      throw new HarnessError(
        'CHECK_PRECONDITION',
        `creating the owner ${owner.userName} answered ${statusOf(created)}`,
      );
    owner.id = id;
    const minted = await admin('POST', '/keys', {
      owner: { kind: 'user', id },
      name: `leaver ${options.runId}`,
    });
    if (typeof minted.key !== 'string' || typeof minted.id !== 'string')
      throw new HarnessError('CHECK_PRECONDITION', 'the admin API minted no key');
    owner.key = minted.key;
    owner.keyId = minted.id;
    secrets.push(minted.key);
    run.addSecret(minted.key);
  }

  const deleted = new Set<string>();
  const restores = new Map<LeaverShapeName, ReplayKeyOwnerRestore>();
  const settleMs = options.settleMs ?? Math.min(options.intervalMs, 2000);

  async function runShape(plan: Plan): Promise<ReplayLeaverShape> {
    const { shape, owner } = plan;
    const untested = (note: string, request = '—'): ReplayLeaverShape => ({
      shape,
      request,
      revokedAfterMs: null,
      withinBudget: null,
      restoredOnReactivation: null,
      outcome: 'untested',
      note,
    });
    if (owner.kind === 'none') {
      const example = deactivationRequest(shape, '{id}', {});
      return untested(owner.reason, describeLeaverRequest(example, '{id}'));
    }
    if (owner.kind === 'created') await createOwner(owner);
    const id = owner.kind === 'created' ? (owner.id ?? '') : owner.account.id;
    const key = owner.kind === 'created' ? (owner.key ?? '') : owner.pair.key;
    const userName = owner.kind === 'created' ? owner.userName : owner.account.userName;
    const keyClient = clientFor(key, true);
    const probe = async (): Promise<ProbeAnswer> =>
      answerOf(await keyClient.get('/Users', { query: { count: '1' } }));

    const before = await probe();
    if (!isAcceptance(before)) {
      if (owner.kind === 'created')
        throw new HarnessError(
          'CHECK_PRECONDITION',
          `the key of ${userName} answered ${describeAnswer(before)} before anything changed`,
        );
      return untested(
        `the key was not accepted before its owner was deactivated (${describeAnswer(before)})`,
      );
    }
    let current: JsonObject | undefined;
    if (needsCurrentUser(shape)) {
      const read = await run.get(userPath(id));
      const json = read.response?.json;
      if (!isOk(read) || !isParsedJsonObject(json))
        return {
          ...untested(`GET /Users/{id} answered ${statusOf(read)}`),
          outcome: 'not-deprovisioned',
          withinBudget: false,
        };
      current = json;
    }
    const deactivation = deactivationRequest(shape, id, current);
    const request = describeLeaverRequest(deactivation, id);
    // Registered before the request: a deactivation that landed but whose answer was lost (a timeout, a reset, a 5xx
    // after the write) must still be set back. Setting `active` to its prior value is harmless if it never landed.
    if (owner.kind === 'external' && shape !== 'delete')
      restores.set(shape, { userName, priorActive: owner.account.priorActive, restore: 'failed' });
    const startedAt = clock.now();
    const sent = await send(run, deactivation);
    if (!isOk(sent))
      return {
        shape,
        request,
        revokedAfterMs: null,
        withinBudget: false,
        restoredOnReactivation: null,
        outcome: 'not-deprovisioned',
        note: `${deactivation.method} answered ${statusOf(sent)}`,
      };
    if (shape === 'delete') deleted.add(id);
    options.warn?.(
      `leaver ${shape}: deactivated user ${userName} (${deactivation.method} ${statusOf(sent)}); probing its key every ${formatSeconds(options.intervalMs)} for up to ${formatSeconds(options.budgetMs)}\n`,
    );
    const probed = await probeUntilRefused({
      probe,
      startedAt,
      budgetMs: options.budgetMs,
      intervalMs: options.intervalMs,
      clock,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const outcome =
      probed.revokedAfterMs === null
        ? 'not-revoked'
        : probed.revokedAfterMs <= options.budgetMs
          ? 'revoked'
          : 'late';
    const row: ReplayLeaverShape = {
      shape,
      request,
      revokedAfterMs: probed.revokedAfterMs,
      withinBudget: outcome === 'revoked',
      restoredOnReactivation: null,
      outcome,
      probes: probed.probes,
      ...(Object.keys(probed.notRefusals).length === 0 ? {} : { notRefusals: probed.notRefusals }),
      ...(probed.stoppedBy === 'retry-after'
        ? { note: "the target's Retry-After reached past the budget" }
        : {}),
    };
    if (shape === 'delete') return row;

    // Reactivate in the same family; a PUT sends the user as it reads now (or as it read before, if hidden).
    let again = current;
    if (needsCurrentUser(shape)) {
      const read = await run.get(userPath(id));
      if (isOk(read) && isParsedJsonObject(read.response?.json)) again = read.response.json;
    }
    const reactivation = reactivationRequest(shape, id, again);
    if (reactivation === undefined) return row;
    const reactivated = await send(run, reactivation);
    const withReactivation = { ...row, reactivation: describeLeaverRequest(reactivation, id) };
    if (!isOk(reactivated))
      return { ...withReactivation, note: `the reactivation answered ${statusOf(reactivated)}` };
    if (probed.revokedAfterMs === null)
      return { ...withReactivation, note: row.note ?? 'the credential was never refused' };
    await clock.sleep(settleMs, options.signal);
    const after = await probe();
    if (isAcceptance(after)) {
      options.warn?.(`leaver ${shape}: the key of ${userName} works again after reactivation\n`);
      return { ...withReactivation, restoredOnReactivation: true };
    }
    if (isRefusal(after)) return { ...withReactivation, restoredOnReactivation: false };
    return { ...withReactivation, note: `the probe after reactivation answered ${describeAnswer(after)}` };
  }

  /** Sets an external owner back to its earlier `active`, on every way out; never throws. */
  async function settle(plan: Plan): Promise<void> {
    if (plan.owner.kind !== 'external' || !restores.has(plan.shape)) return;
    const { account } = plan.owner;
    const base = { userName: account.userName, priorActive: account.priorActive };
    let restore: ReplayKeyOwnerRestore;
    try {
      const patched = await setKeyOwnerActive(run, profile, account, account.priorActive);
      restore = { ...base, restore: patched.ok ? 'restored' : 'failed', status: patched.status };
    } catch {
      restore = { ...base, restore: 'failed' };
    }
    restores.set(plan.shape, restore);
    options.warn?.(describeRestore(restore));
  }

  const settled = await Promise.allSettled(
    plans.map(async (plan) => {
      try {
        return await runShape(plan);
      } finally {
        await settle(plan);
      }
    }),
  );
  const cleanup = await cleanUp(plans);
  const shapes = settled.flatMap((result, i) => {
    if (result.status !== 'fulfilled') return [];
    const restore = restores.get(plans[i]?.shape ?? 'delete');
    return [restore === undefined ? result.value : { ...result.value, owner: restore }];
  });
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  const interrupted = options.signal?.aborted === true;
  if (failure !== undefined && !interrupted) {
    // The owners were set back (or said not to be) on stderr; the error says why the scenario stopped.
    const reason: unknown = failure.reason;
    if (reason instanceof Error) reason.message = redact(reason.message, { secrets });
    throw reason;
  }
  const verdict = interrupted
    ? {
        outcome: 'interrupted',
        explanation: `The scenario was interrupted; ${shapes.length} shape(s) finished before it stopped.`,
      }
    : leaverVerdict(shapes, options.budgetMs);
  if (idp === 'okta' && !interrupted) verdict.explanation = `${verdict.explanation} ${OKTA_LEAVER_NOTE}`;
  const clientVariant = idp === 'okta' ? oktaApp : tenant.mode;
  const result: ReplayResult = {
    schemaVersion: REPLAY_SCHEMA_VERSION,
    runId: options.runId,
    mode: clientVariant,
    idp,
    clientVariant,
    seed: options.seed,
    cycles: [],
    scenario: {
      name: LEAVER_SCENARIO,
      ...verdict,
      shapes,
      revokeBudgetMs: options.budgetMs,
      probeIntervalMs: options.intervalMs,
    },
    quarantine: [],
    ...(interrupted ? { interrupted: true } : {}),
  };
  const files =
    options.reportDir === undefined ? [] : await writeLeaverReports(options.reportDir, result, secrets);
  if (interrupted) throw new ReplayInterruptedError(0, cleanup, files);
  return { result, timeline: [], files, cleanup, shapes };

  /** Deletes the owners this run created (those DELETE did not) and revokes their keys, unless `keep`. */
  async function cleanUp(all: readonly Plan[]): Promise<{ deleted: number; failed: number }> {
    const counts = { deleted: 0, failed: 0 };
    if (options.keep) return counts;
    for (const plan of all) {
      if (plan.owner.kind !== 'created') continue;
      const { id, keyId } = plan.owner;
      if (keyId !== undefined)
        await admin('DELETE', `/keys/${encodeURIComponent(keyId)}`).catch(() => undefined);
      if (id === undefined || deleted.has(id)) continue;
      const gone = await run.delete(userPath(id));
      const status = gone.response?.status;
      if (status !== undefined && ((status >= 200 && status < 300) || status === 404)) counts.deleted += 1;
      else counts.failed += 1;
    }
    return counts;
  }
}

/** Writes replay.json and report.html, secrets scrubbed; returns the paths. */
async function writeLeaverReports(
  reportDir: string,
  result: ReplayResult,
  secrets: readonly string[],
): Promise<string[]> {
  await mkdir(reportDir, { recursive: true });
  const path = join(reportDir, REPLAY_JSON);
  await writeFile(path, `${JSON.stringify(redact(result, { secrets }), null, 2)}\n`);
  return [path, ...(await writeReports(reportDir, null, { replay: result, secrets }))];
}
