import { HarnessError } from '../../../src/errors/harness-error.js';
import { assessTokenOwner, createScimClient, type ScimClient } from '../../../src/http/index.js';
import {
  describeKeyOwnerRestore,
  REPLAY_OWNER_RESTORES,
  type ReplayCycle,
  type ReplayKeyOwnerRestore,
  type ReplayScenario,
  type ReplayTokenOwner,
} from '../../../src/run-contract/index.js';
import type { EntraDirectory } from '../../directory/index.js';
import { type EntraClientProfile, parseTenantUrl, resolveClientProfile } from '../../requests/index.js';
import type { QuarantineEvent } from '../quarantine.js';
import {
  type ReplayContext,
  ReplayInterruptedError,
  type ReplayOptions,
  type ReplayOutcome,
  runReplay,
} from '../replay.js';
import { findKeyOwner, type KeyOwnerAccount, setKeyOwnerActive } from './key-owner-account.js';
import { recordStoppedReplay } from './stopped-replay-record.js';

/** `key-revocation`: a key owned by a user the run deprovisions; `service-account-key`: the same run with a service account's key. */
export const KEY_REVOCATION_SCENARIOS = ['key-revocation', 'service-account-key'] as const;
export type KeyRevocationScenario = (typeof KEY_REVOCATION_SCENARIOS)[number];

/** The cycles of the scenario: provision, switch to the key, deprovision its owner, then one more. */
const CYCLES = 4;
const DEPROVISION_CYCLE = 3;

/**
 * Where the scenario's key comes from: the embedded server's admin API mints one (for a user the run provisions,
 * or for a new service account), or the operator hands one in for an external tenant. For `key-revocation` an
 * operator's key names its owner, a user that already exists on the tenant.
 */
export type ScenarioKeySource =
  | { kind: 'admin-api'; origin: string; adminToken: string }
  | { kind: 'owned-key'; key: string; owner?: string; label: string };

/** The owner's `active` after the scenario: put back, left as the scenario made it (`--keep`), or not put back. */
export const OWNER_RESTORES = REPLAY_OWNER_RESTORES;

/** What became of an external owner; replay.json carries it as `scenario.owner`. */
export type KeyOwnerRestore = ReplayKeyOwnerRestore;

export interface KeyRevocationOutcome extends ReplayOutcome {
  /** Present for an external owner (`--owner`): whether its `active` was put back (also `result.scenario.owner`). */
  owner?: KeyOwnerRestore;
}

/** Options of {@link runKeyRevocation}: a replay's, less what the scenario fixes itself. */
export type KeyRevocationOptions = Omit<
  ReplayOptions,
  'cycles' | 'churn' | 'beforeCycle' | 'scenario' | 'afterCleanup'
> & {
  /** Told on stderr before anything changes: whose key, who will be deactivated, what a vendor does then. */
  warn?: (text: string) => void;
};

async function admin(
  api: { origin: string; adminToken: string },
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${api.origin}/admin${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${api.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json().catch(() => undefined);
  if (response.status !== 201 || typeof json !== 'object' || json === null) {
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `the admin API answered ${response.status} to POST /admin${path}`,
    );
  }
  return json as Record<string, unknown>;
}

/**
 * Every user's title changes, so the cycle sends an update per user with the current key. Okta's default mappings
 * carry no title: for Okta the display name changes too.
 */
function retitle(directory: EntraDirectory, cycle: number, okta: boolean): EntraDirectory {
  const users = new Map(
    [...directory.users].map(([id, user]) => [
      id,
      {
        ...user,
        jobTitle: `Title of cycle ${cycle}`,
        ...(okta ? { displayName: `${user.givenName} ${user.surname} (cycle ${cycle})` } : {}),
      },
    ]),
  );
  return { ...directory, users };
}

/** Whether the target refused the key (401/403) in a cycle from `from` on: Okta's only sign, as it never quarantines. */
function refusedFrom(cycles: readonly ReplayCycle[], from: number): boolean {
  return cycles.some(
    (cycle) =>
      cycle.n >= from &&
      Object.values(cycle.operations).some((byStatus) => (byStatus['401'] ?? 0) + (byStatus['403'] ?? 0) > 0),
  );
}

function warningOf(keyOwner: ReplayTokenOwner | undefined): string {
  return keyOwner === undefined || keyOwner.severity === 'none'
    ? ''
    : ` Warning given before the key was used (${keyOwner.severity}): ${keyOwner.message}`;
}

function explain(
  name: KeyRevocationScenario,
  owner: string,
  cycles: readonly ReplayCycle[],
  timeline: readonly QuarantineEvent[],
  keyOwner: ReplayTokenOwner | undefined,
  ownerFailure: string | undefined,
  okta = false,
): ReplayScenario {
  const warning = warningOf(keyOwner);
  const withOwner = (scenario: ReplayScenario): ReplayScenario =>
    keyOwner === undefined ? scenario : { ...scenario, keyOwner };
  if (ownerFailure !== undefined) {
    return withOwner({
      name,
      outcome: 'owner-not-deprovisioned',
      explanation: `The scenario could not deprovision user ${owner} in cycle ${DEPROVISION_CYCLE}: ${ownerFailure}. Nothing can be said about the key.${warning}`,
    });
  }
  const after = cycles.find((cycle) => cycle.n === DEPROVISION_CYCLE + 1);
  const rejected = okta
    ? refusedFrom(cycles, DEPROVISION_CYCLE)
    : timeline.some(
        (event) =>
          event.event === 'entered' &&
          event.reason === 'EncounteredQuarantineException' &&
          event.cycle >= DEPROVISION_CYCLE,
      );
  if (name === 'service-account-key') {
    const kept =
      after !== undefined &&
      !after.quarantined &&
      after.converged &&
      !(okta && refusedFrom(cycles, DEPROVISION_CYCLE));
    return withOwner({
      name,
      outcome: kept ? 'kept-provisioning' : 'stopped',
      explanation: kept
        ? `The provisioning token belonged to a service account; deprovisioning user ${owner} in cycle ${DEPROVISION_CYCLE} did not affect it, and cycle ${DEPROVISION_CYCLE + 1} provisioned normally.${warning}`
        : `Provisioning with a service-account key stopped after user ${owner} was deprovisioned in cycle ${DEPROVISION_CYCLE}: the target tied the key to something else.${warning}`,
    });
  }
  return withOwner(
    rejected
      ? {
          name,
          outcome: 'key-rejected',
          explanation: okta
            ? `The provisioning token belonged to user ${owner}, deactivated in cycle ${DEPROVISION_CYCLE} (Okta deactivates and never deletes users, so no DELETE was sent). The target then rejected the key (401). Okta has no quarantine: each operation since became a failed task ("Errors reported by remote server: Unauthorized") waiting for an admin's retry, and every new change meets the same dead key until the app's credentials are replaced. Use a service-account key for provisioning so that deprovisioning a person never stops it.${warning}`
            : `The provisioning token belonged to user ${owner}, deprovisioned in cycle ${DEPROVISION_CYCLE}. The target then rejected the key (401) and the mock IdP quarantined the job (invalid credentials). Use a service-account key for provisioning so that deprovisioning a person never stops it.${warning}`,
        }
      : {
          name,
          outcome: 'key-still-accepted',
          explanation: `SECURITY PROBLEM: user ${owner} was deprovisioned in cycle ${DEPROVISION_CYCLE}${okta ? ' (deactivated: Okta never deletes users, so a target that revokes keys only on DELETE never revokes them under Okta)' : ''}, yet the target kept accepting the key that user owned.${warning}`,
        },
  );
}

/** The outcome each scenario expects: the CLI exits 0 when it occurred. */
export const EXPECTED_OUTCOMES: Readonly<Record<KeyRevocationScenario, string>> = {
  'key-revocation': 'key-rejected',
  'service-account-key': 'kept-provisioning',
};

/** A provisioned user of the run to deprovision in the deprovision cycle. */
function provisionedUser(context: ReplayContext): { objectId: string; targetId: string; upn: string } {
  for (const [objectId, state] of context.engine.users) {
    if (state.targetId === undefined || state.anchorLost) continue;
    const upn = context.directory.users.get(objectId)?.userPrincipalName ?? objectId;
    return { objectId, targetId: state.targetId, upn };
  }
  throw new HarnessError('CHECK_PRECONDITION', 'no user was provisioned to own a key');
}

function clientFor(options: KeyRevocationOptions, token: string, secrets: readonly string[]): ScimClient {
  const client = createScimClient({
    tenantUrl: options.tenantUrl,
    token,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  for (const secret of secrets) client.addSecret(secret);
  return client;
}

/** Before anything changes on an external tenant: the owner exists once, is active, and /Me does not contradict. */
async function prepareExternalOwner(
  options: KeyRevocationOptions,
  profile: EntraClientProfile,
  source: Extract<ScenarioKeySource, { kind: 'owned-key' }>,
  ownerName: string,
): Promise<{ account: KeyOwnerAccount; keyOwner: ReplayTokenOwner }> {
  const secrets = [options.token, source.key];
  const account = await findKeyOwner(clientFor(options, options.token, secrets), profile, ownerName);
  if (!account.priorActive) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `--owner ${account.userName} is already inactive: its key cannot show what deprovisioning does`,
      { hint: "give the key of an active user, or run service-account-key with a service account's key" },
    );
  }
  const keyOwner = await assessTokenOwner(clientFor(options, source.key, secrets), [account.userName]);
  if (keyOwner.kind === 'user' && keyOwner.userName?.toLowerCase() !== account.userName.toLowerCase()) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `/Me says ${source.label} belongs to ${keyOwner.userName ?? 'another user'}, not to --owner ${account.userName}; refusing to deactivate the wrong user`,
    );
  }
  if (keyOwner.kind === 'service-account') {
    throw new HarnessError(
      'CONFIG_INVALID',
      `/Me says ${source.label} belongs to a service account, not to --owner ${account.userName}: deactivating that user would show nothing`,
      { hint: 'for a service-account key, run --scenario service-account-key without --owner' },
    );
  }
  options.warn?.(
    `WARNING: scenario key-revocation will DEACTIVATE user ${account.userName} (id ${account.id}) on ${options.tenantUrl} in cycle ${DEPROVISION_CYCLE}, ` +
      `then set it back to active=${account.priorActive}${options.keep ? ' — not with --keep: it stays inactive' : ''}. ` +
      `Vendors such as Datadog revoke a user's application keys for good when the user is deactivated: ${source.label} will stop working permanently, even after the user is reactivated. It is never deleted.\n`,
  );
  return { account, keyOwner };
}

/**
 * The revoked key: provision users; switch to a key owned by one of them (or by a service account); deprovision the
 * owner; provision once more. Against the embedded server the admin API mints the key; against an external tenant
 * the operator hands it in (`source.kind === 'owned-key'`) and, for `key-revocation`, names its owner: the one
 * object outside the run the harness touches, looked up first, deactivated in the deprovision cycle with the run's
 * own token, and given back its prior `active` after the replay's cleanup unless `keep`. What became of it is said
 * through `warn` and recorded in replay.json as `scenario.owner` on every way out: when the replay stops early
 * (Ctrl-C, a fault) after the owner was deactivated, a replay.json of the completed cycles is still written.
 * Before a key is used, `/Me` says who owns it.
 * @see https://docs.datadoghq.com/account_management/scim/
 */
export async function runKeyRevocation(
  name: KeyRevocationScenario,
  options: KeyRevocationOptions,
  source: ScenarioKeySource,
): Promise<KeyRevocationOutcome> {
  const tenant = parseTenantUrl(options.tenantUrl, options.mode);
  const profile = resolveClientProfile({ mode: tenant.mode, baseUrl: tenant.baseUrl });
  const external = source.kind === 'owned-key' && name === 'key-revocation' ? source.owner : undefined;
  if (source.kind === 'owned-key' && name === 'key-revocation' && external === undefined) {
    throw new HarnessError('CONFIG_INVALID', 'scenario key-revocation with an owned key needs the owner', {
      hint: 'name the user who owns the key with --owner USERNAME',
    });
  }
  if (source.kind === 'owned-key' && name === 'service-account-key' && source.owner !== undefined) {
    throw new HarnessError('CONFIG_INVALID', 'scenario service-account-key takes no --owner', {
      hint: 'its key belongs to a service account; the run deprovisions one of its own users',
    });
  }
  const prepared =
    source.kind === 'owned-key' && external !== undefined
      ? await prepareExternalOwner(options, profile, source, external)
      : undefined;
  let keyOwner = prepared?.keyOwner;
  if (source.kind === 'owned-key' && prepared === undefined) {
    keyOwner = await assessTokenOwner(clientFor(options, source.key, [options.token, source.key]));
    if (keyOwner.severity !== 'none') options.warn?.(`${source.label}: ${keyOwner.message}\n`);
  }

  let owner = prepared?.account.userName ?? '(none)';
  let ownerObjectId: string | undefined;
  let ownerFailure: string | undefined;
  let deactivated = false;
  const beforeCycle = async (n: number, context: ReplayContext): Promise<void> => {
    if (n === 2) {
      let key: string;
      if (source.kind === 'admin-api') {
        const user = provisionedUser(context);
        const principal =
          name === 'key-revocation'
            ? { kind: 'user', id: user.targetId }
            : {
                kind: 'serviceAccount',
                id: (await admin(source, '/service-accounts', { name: `provisioning ${options.runId}` })).id,
              };
        const minted = await admin(source, '/keys', { owner: principal, name: `replay ${options.runId}` });
        if (typeof minted.key !== 'string')
          throw new HarnessError('CHECK_PRECONDITION', 'the admin API minted no key');
        key = minted.key;
        ownerObjectId = user.objectId;
        owner = user.upn;
        const names = [...context.directory.users.values()].map((u) => u.userPrincipalName);
        keyOwner = await assessTokenOwner(clientFor(options, key, [options.token, key]), names);
      } else {
        key = source.key;
        if (prepared === undefined) {
          const user = provisionedUser(context);
          ownerObjectId = user.objectId;
          owner = user.upn;
        }
      }
      context.setToken(key);
    }
    if (n === DEPROVISION_CYCLE && prepared !== undefined) {
      // The owner is not in the replay's directory: the harness deactivates it itself, in the run's mode.
      const patched = await setKeyOwnerActive(
        clientFor(options, options.token, [options.token]),
        profile,
        prepared.account,
        false,
      );
      deactivated = patched.ok;
      if (!patched.ok) ownerFailure = `PATCH active=false answered ${patched.status}`;
      options.warn?.(
        `cycle ${n}: deactivated user ${prepared.account.userName} (PATCH active=false, ${patched.status})\n`,
      );
    }
    if (n === DEPROVISION_CYCLE && ownerObjectId !== undefined) {
      const users = new Map(context.directory.users);
      const user = users.get(ownerObjectId);
      if (user !== undefined) users.set(ownerObjectId, { ...user, accountEnabled: false });
      context.setDirectory({ ...context.directory, users });
    }
    if (n > DEPROVISION_CYCLE) context.setDirectory(retitle(context.directory, n, options.idp === 'okta'));
  };

  // What the replay saw, kept for the record a stopped replay still leaves.
  const seen: {
    context?: ReplayContext;
    cycles: ReplayCycle[];
    tokenOwner?: ReplayTokenOwner;
    restore?: KeyOwnerRestore;
  } = { cycles: [] };
  // Once, on every way out: after the replay's cleanup (so before replay.json is written), or when it failed early.
  const settleOwner = async (): Promise<void> => {
    if (prepared === undefined || seen.restore !== undefined) return;
    seen.restore = await restoreOwner(options, profile, prepared.account, deactivated);
    options.warn?.(describeRestore(seen.restore));
  };
  try {
    const outcome = await runReplay({
      ...options,
      cycles: CYCLES,
      churn: 0,
      beforeCycle: (n, context) => {
        seen.context = context;
        return beforeCycle(n, context);
      },
      onCycle: (cycle) => {
        seen.cycles.push(cycle);
        options.onCycle?.(cycle);
      },
      onTokenOwner: (finding) => {
        seen.tokenOwner = finding;
        options.onTokenOwner?.(finding);
      },
      afterCleanup: settleOwner,
      scenario: (cycles, timeline) =>
        withRestore(
          explain(name, owner, cycles, timeline, keyOwner, ownerFailure, options.idp === 'okta'),
          seen.restore,
        ),
    });
    return seen.restore === undefined ? outcome : { ...outcome, owner: seen.restore };
  } catch (error) {
    await settleOwner();
    const restore = seen.restore;
    // Only a change outside the run needs a record once the replay stopped; otherwise the error says it all.
    if (restore === undefined || restore.restore === 'untouched' || options.reportDir === undefined)
      throw error;
    const secrets = [options.token, ...(source.kind === 'owned-key' ? [source.key] : [])];
    const files = await recordStoppedReplay({
      reportDir: options.reportDir,
      runId: options.runId,
      mode: tenant.mode,
      seed: options.seed,
      cycles: seen.cycles,
      timeline: seen.context?.engine.quarantine.timeline ?? [],
      ...(seen.tokenOwner === undefined ? {} : { tokenOwner: seen.tokenOwner }),
      scenario: { name, ...(keyOwner === undefined ? {} : { keyOwner }), owner: restore },
      error,
      secrets,
    }).catch((writeError: unknown) => {
      const why = writeError instanceof Error ? writeError.message : String(writeError);
      options.warn?.(`Could not record key owner ${restore.userName} in replay.json: ${why}\n`);
      return [];
    });
    throw error instanceof ReplayInterruptedError
      ? new ReplayInterruptedError(error.cyclesRun, error.cleanup, files)
      : error;
  }
}

function withRestore(scenario: ReplayScenario, restore: KeyOwnerRestore | undefined): ReplayScenario {
  return restore === undefined ? scenario : { ...scenario, owner: restore };
}

/** One line for stderr on what became of the owner, said on every way out (Ctrl-C included). */
export function describeRestore(restore: KeyOwnerRestore): string {
  return `${describeKeyOwnerRestore(restore)}\n`;
}

async function restoreOwner(
  options: KeyRevocationOptions,
  profile: EntraClientProfile,
  account: KeyOwnerAccount,
  deactivated: boolean,
): Promise<KeyOwnerRestore> {
  const base = { userName: account.userName, priorActive: account.priorActive };
  if (!deactivated) return { ...base, restore: 'untouched' };
  if (options.keep) return { ...base, restore: 'kept' };
  const client = clientFor(options, options.token, [options.token]);
  try {
    const patched = await setKeyOwnerActive(client, profile, account, account.priorActive);
    return { ...base, restore: patched.ok ? 'restored' : 'failed', status: patched.status };
  } catch {
    // Runs while the replay unwinds: a throw here would hide the replay's own error and the owner's fate.
    return { ...base, restore: 'failed' };
  }
}
