import { HarnessError } from '../../../src/errors/harness-error.js';
import { createScimClient } from '../../../src/http/index.js';
import type { ReplayCycle, ReplayScenario } from '../../../src/report/index.js';
import type { EntraDirectory } from '../../directory/index.js';
import type { QuarantineEvent } from '../quarantine.js';
import { type ReplayContext, type ReplayOptions, type ReplayOutcome, runReplay } from '../replay.js';

/** `key-revocation`: a key owned by a provisioned user; `service-account-key`: the same run with a service account's key. */
export const KEY_REVOCATION_SCENARIOS = ['key-revocation', 'service-account-key'] as const;
export type KeyRevocationScenario = (typeof KEY_REVOCATION_SCENARIOS)[number];

/** The cycles of the scenario: provision, switch to the key, deprovision its owner, then one more. */
const CYCLES = 4;
const DEPROVISION_CYCLE = 3;

interface AdminApi {
  origin: string;
  adminToken: string;
}

async function admin(api: AdminApi, path: string, body: unknown): Promise<Record<string, unknown>> {
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

function retitle(directory: EntraDirectory, cycle: number): EntraDirectory {
  const users = new Map(
    [...directory.users].map(([id, user]) => [id, { ...user, jobTitle: `Title of cycle ${cycle}` }]),
  );
  return { ...directory, users };
}

function explain(
  name: KeyRevocationScenario,
  owner: string,
  cycles: readonly ReplayCycle[],
  timeline: readonly QuarantineEvent[],
  warning: string,
): ReplayScenario {
  const after = cycles.find((cycle) => cycle.n === DEPROVISION_CYCLE + 1);
  const rejected = timeline.some(
    (event) =>
      event.event === 'entered' &&
      event.reason === 'EncounteredQuarantineException' &&
      event.cycle > DEPROVISION_CYCLE - 1,
  );
  if (name === 'service-account-key') {
    const kept = after !== undefined && !after.quarantined && after.converged;
    return {
      name,
      outcome: kept ? 'kept-provisioning' : 'stopped',
      explanation: kept
        ? `The provisioning token belonged to a service account; deprovisioning user ${owner} in cycle ${DEPROVISION_CYCLE} did not affect it, and cycle ${DEPROVISION_CYCLE + 1} provisioned normally.`
        : `Provisioning with a service-account key stopped after user ${owner} was deprovisioned in cycle ${DEPROVISION_CYCLE}: the target tied the key to something else.${warning}`,
    };
  }
  return rejected
    ? {
        name,
        outcome: 'key-rejected',
        explanation: `The provisioning token belonged to user ${owner}, deprovisioned in cycle ${DEPROVISION_CYCLE}. The target then rejected the key (401) and the mock IdP quarantined the job (invalid credentials). Use a service-account key for provisioning so that deprovisioning a person never stops it.${warning}`,
      }
    : {
        name,
        outcome: 'key-still-accepted',
        explanation: `SECURITY PROBLEM: user ${owner} was deprovisioned in cycle ${DEPROVISION_CYCLE}, yet the target kept accepting the key that user owned.${warning}`,
      };
}

/** The outcome each scenario expects: the CLI exits 0 when it occurred. */
export const EXPECTED_OUTCOMES: Readonly<Record<KeyRevocationScenario, string>> = {
  'key-revocation': 'key-rejected',
  'service-account-key': 'kept-provisioning',
};

/**
 * The revoked key: provision users; take a key owned by one of them (or by a service account); provision
 * with it; deprovision the owner; provision once more. Before the key is used, `/Me` says who owns it.
 * @see https://docs.datadoghq.com/account_management/scim/
 */
export async function runKeyRevocation(
  name: KeyRevocationScenario,
  options: Omit<ReplayOptions, 'cycles' | 'churn' | 'beforeCycle' | 'scenario'>,
  api: AdminApi,
): Promise<ReplayOutcome> {
  let owner = '(none)';
  let ownerObjectId: string | undefined;
  let warning = '';
  const beforeCycle = async (n: number, context: ReplayContext): Promise<void> => {
    if (n === 2) {
      const candidate = [...context.engine.users].find(
        ([, state]) => state.targetId !== undefined && !state.anchorLost,
      );
      if (candidate === undefined)
        throw new HarnessError('CHECK_PRECONDITION', 'no user was provisioned to own a key');
      const [objectId, state] = candidate;
      ownerObjectId = objectId;
      owner = context.directory.users.get(objectId)?.userPrincipalName ?? objectId;
      const principal =
        name === 'key-revocation'
          ? { kind: 'user', id: state.targetId }
          : {
              kind: 'serviceAccount',
              id: (await admin(api, '/service-accounts', { name: `provisioning ${options.runId}` })).id,
            };
      const minted = await admin(api, '/keys', { owner: principal, name: `replay ${options.runId}` });
      if (typeof minted.key !== 'string')
        throw new HarnessError('CHECK_PRECONDITION', 'the admin API minted no key');
      warning = await whoIs(options.tenantUrl, minted.key, context);
      context.setToken(minted.key);
    }
    if (n === DEPROVISION_CYCLE && ownerObjectId !== undefined) {
      const users = new Map(context.directory.users);
      const user = users.get(ownerObjectId);
      if (user !== undefined) users.set(ownerObjectId, { ...user, accountEnabled: false });
      context.setDirectory({ ...context.directory, users });
    }
    if (n > DEPROVISION_CYCLE) context.setDirectory(retitle(context.directory, n));
  };
  return runReplay({
    ...options,
    cycles: CYCLES,
    churn: 0,
    beforeCycle,
    scenario: (cycles, timeline) => explain(name, owner, cycles, timeline, warning),
  });
}

/** Asks `/Me` who a token belongs to; a warning when it is a user the replay provisions. */
async function whoIs(tenantUrl: string, token: string, context: ReplayContext): Promise<string> {
  const client = createScimClient({ tenantUrl, token });
  const exchange = await client.get('/Me');
  const json = exchange.response?.json;
  const userName =
    typeof json === 'object' && json !== null && 'userName' in json && typeof json.userName === 'string'
      ? json.userName
      : undefined;
  if (userName === undefined) return ' /Me did not say who owns the token.';
  const inScope = [...context.directory.users.values()].some(
    (user) => user.userPrincipalName.toLowerCase() === userName.toLowerCase(),
  );
  return inScope
    ? ` Warning given before the run: /Me said the token belongs to ${userName}, a user in provisioning scope.`
    : '';
}
