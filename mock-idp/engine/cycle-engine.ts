import type { ScimClient } from '../../src/http/index.js';
import type { ReplayCycle, ReplayCycleKind } from '../../src/run-contract/index.js';
import { computeScope, type EntraDirectory, type EntraGroup } from '../directory/index.js';
import type { GroupMapping, UserMapping } from '../mappings/index.js';
import type { ClientProfile } from '../requests/index.js';
import { CycleOperations } from './cycle-operations.js';
import type { CyclePass, OktaPassContext } from './cycle-pass.js';
import { FailedTasks } from './failed-tasks.js';
import { deleteGroup, type GroupStep, provisionGroup } from './group-pass.js';
import { provisionMemberships } from './membership-pass.js';
import type { ObjectState } from './object-state.js';
import { OktaPasswords } from './okta-passwords.js';
import type { ProvisioningLogSink } from './provisioning-log.js';
import { QuarantineState } from './quarantine.js';
import { ENTRA_REACTIONS, OKTA_REACTIONS } from './reactions.js';
import { runPool } from './run-pool.js';
import { TargetRefusals } from './target-error.js';
import { deleteUser, provisionUser } from './user-pass.js';

/** Options of {@link CycleEngine}. */
export interface CycleEngineOptions {
  client: ScimClient;
  /** Entra's or Okta's: the passes choose their requests, and the operations their reactions, by it. */
  profile: ClientProfile;
  userMapping: UserMapping;
  /** Absent: group provisioning is off (the Datadog preset). */
  groupMapping: GroupMapping | undefined;
  log: ProvisioningLogSink;
  /** Only objects whose matching value carries it are ever adopted. */
  runId: string;
  concurrency: number;
  /** Characters of a response body kept in the log. Default 2000. */
  logBodyChars?: number;
  /** Seeds Okta's password changes; default 0. */
  seed?: number;
  /**
   * Okta with Sync Password on: the share of active users whose Okta password changes between two cycles, each
   * pushed to the target. Okta publishes no rate (it is the directory's churn); default 0.02.
   */
  oktaPasswordChangeRate?: number;
}

/** The keys of `states` that `keep` refuses, without copying every key first. */
function keysNotKept(states: ReadonlyMap<string, ObjectState>, keep: (id: string) => boolean): string[] {
  const result: string[] = [];
  for (const id of states.keys()) if (!keep(id)) result.push(id);
  return result;
}

/**
 * Runs Entra provisioning cycles against a target: match → create or adopt, GET → PATCH what changed,
 * disable, delete, and Entra's reaction to every failure. Each pass lives in its own module
 * (`user-pass.ts`, `group-pass.ts`, `membership-pass.ts`); this class orders them and keeps the state
 * between cycles.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#provisioning-cycles-initial-and-incremental
 */
export class CycleEngine {
  readonly users = new Map<string, ObjectState>();
  readonly groups = new Map<string, ObjectState>();
  readonly quarantine = new QuarantineState();
  /** What the target last said refusing each object it refuses, across cycles; the read-back's divergences cite it. */
  readonly refusals = new TargetRefusals();
  /** Okta's failed tasks: objects it sends nothing more for until an admin retries them (always empty for Entra). */
  readonly failedTasks = new FailedTasks();
  readonly #passwords: OktaPasswords;
  readonly #options: CycleEngineOptions;
  #operations: CycleOperations;

  constructor(options: CycleEngineOptions) {
    this.#options = options;
    this.#passwords = new OktaPasswords({
      runId: options.runId,
      seed: options.seed ?? 0,
      pushRate: options.oktaPasswordChangeRate ?? 0.02,
    });
    this.#operations = this.#newOperations(0);
  }

  /** The client profile the cycles send with; convergence needs its `managerRemoval`. */
  get profile(): ClientProfile {
    return this.#options.profile;
  }

  /** The target id of a provisioned user or group (references resolve through it). */
  readonly resolve = (objectId: string): string | undefined => {
    const state = this.users.get(objectId) ?? this.groups.get(objectId);
    return state?.anchorLost ? undefined : state?.targetId;
  };

  /**
   * Directory objects the next {@link CycleEngine.runCycle} over `directory` works through, pass by pass:
   * every user twice (the second pass links references), users gone from the directory, and with groups on,
   * every group twice (attributes, then memberships) and the groups gone or out of scope. Known up front so
   * that a progress bar's total does not grow as each pass starts.
   */
  plannedObjects(directory: EntraDirectory): number {
    let total = directory.users.size * 2 + keysNotKept(this.users, (id) => directory.users.has(id)).length;
    if (this.#options.groupMapping !== undefined) {
      const scope = computeScope(directory);
      total += directory.groups.size * 2;
      total += keysNotKept(this.groups, (id) => directory.groups.has(id) && scope.groups.has(id)).length;
    }
    return total;
  }

  /** Runs one cycle over the directory; returns its replay.json entry without convergence. */
  async runCycle(n: number, kind: ReplayCycleKind, directory: EntraDirectory): Promise<ReplayCycle> {
    const operations = this.#newOperations(n);
    this.#operations = operations;
    const halted = operations.isHalted;
    const wasQuarantined = this.quarantine.quarantined;
    const scope = computeScope(directory);
    const { concurrency, profile } = this.#options;
    const okta: OktaPassContext | undefined =
      profile.idp === 'okta'
        ? {
            profile,
            tasks: this.failedTasks,
            passwords: this.#passwords,
            displayOf: (objectId) => directory.users.get(objectId)?.userPrincipalName,
          }
        : undefined;
    const pass: CyclePass = {
      profile,
      cycle: n,
      okta,
      userMapping: this.#options.userMapping,
      groupMapping: this.#options.groupMapping,
      users: this.users,
      groups: this.groups,
      resolve: this.resolve,
      operations,
    };
    const users = [...directory.users.values()];
    await runPool(
      users,
      concurrency,
      (user) => provisionUser(pass, user, scope.users.has(user.objectId), false),
      halted,
    );
    // References (manager) link in a second pass once the users they point at exist.
    await runPool(
      users,
      concurrency,
      (user) => provisionUser(pass, user, scope.users.has(user.objectId), true),
      halted,
    );
    const gone = keysNotKept(this.users, (id) => directory.users.has(id));
    await runPool(gone, concurrency, (id) => deleteUser(pass, id), halted);
    if (this.#options.groupMapping !== undefined) {
      const groups = [...directory.groups.values()];
      const inScope = (group: EntraGroup): boolean => scope.groups.has(group.objectId);
      const steps = new Map<string, GroupStep>();
      await runPool(
        groups,
        concurrency,
        (group) => provisionGroup(pass, group, inScope(group), steps),
        halted,
      );
      // Entra provisions users, then groups, then memberships: a member reference resolves only to an
      // object whose create has answered, so memberships wait until every create of the cycle has.
      await runPool(
        groups,
        concurrency,
        (group) => provisionMemberships(pass, group, inScope(group), steps),
        halted,
      );
      // A halted cycle never reached these groups' memberships; their creates and updates still get logged.
      for (const step of steps.values())
        operations.finish(step.operation, step.action, step.last, step.targetId);
      const goneGroups = keysNotKept(this.groups, (id) => directory.groups.has(id) && scope.groups.has(id));
      await runPool(goneGroups, concurrency, (id) => deleteGroup(pass, id), halted);
    }
    const { metrics } = operations;
    // Okta has no escrow and no quarantine: its failures wait as tasks.
    if (profile.idp === 'entra') {
      this.quarantine.checkEscrow(n, metrics.failures, metrics.events);
      if (wasQuarantined && !halted() && metrics.failures === 0) this.quarantine.leave(n);
    }
    return metrics.toCycle(n, kind, this.quarantine.quarantined);
  }

  /** Failed operations of the last cycle, to be retried in the next one (Entra's escrow). */
  get escrowed(): number {
    return this.#operations.metrics.failures;
  }

  #newOperations(cycle: number): CycleOperations {
    const { client, log, runId, logBodyChars } = this.#options;
    return new CycleOperations({
      client,
      log,
      quarantine: this.quarantine,
      cycle,
      runId,
      refusals: this.refusals,
      reactions: this.#options.profile.idp === 'okta' ? OKTA_REACTIONS : ENTRA_REACTIONS,
      ...(this.#options.profile.idp === 'okta' ? { failedTasks: this.failedTasks } : {}),
      ...(logBodyChars === undefined ? {} : { logBodyChars }),
    });
  }
}
