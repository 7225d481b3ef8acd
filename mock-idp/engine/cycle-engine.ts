import type { ScimClient, ScimExchange } from '../../src/http/index.js';
import type { ReplayCycle, ReplayCycleKind } from '../../src/report/index.js';
import { computeScope, type EntraDirectory, type EntraGroup, type EntraUser } from '../directory/index.js';
import { type GroupMapping, mapGroup, mapUser, matchingRows, type UserMapping } from '../mappings/index.js';
import {
  createGroupRequest,
  createUserRequest,
  deleteGroupRequest,
  deleteUserRequest,
  diffMembers,
  type EntraClientProfile,
  getGroupRequest,
  getUserRequest,
  groupMembershipRequests,
  matchGroupRequest,
  matchUserRequest,
  type RequestDescriptor,
  updateGroupRequests,
  updateUserRequest,
} from '../requests/index.js';
import { CycleMetrics } from './cycle-metrics.js';
import {
  type ObjectState,
  replaceReferences,
  resolvableAttributes,
  sameAttributes,
  withoutReferences,
} from './object-state.js';
import type { LoggedExchange, ProvisioningAction, ProvisioningLogSink } from './provisioning-log.js';
import { QuarantineState } from './quarantine.js';
import { classifyExchange, ENTRA_REACTIONS, type ReactionKind, statusKey } from './reactions.js';
import { runPool } from './run-pool.js';

/** Options of {@link CycleEngine}. */
export interface CycleEngineOptions {
  client: ScimClient;
  profile: EntraClientProfile;
  userMapping: UserMapping;
  /** Absent: group provisioning is off (the Datadog preset). */
  groupMapping: GroupMapping | undefined;
  log: ProvisioningLogSink;
  /** Only objects whose matching value carries it are ever adopted. */
  runId: string;
  concurrency: number;
  /** Characters of a response body kept in the log. Default 2000. */
  logBodyChars?: number;
}

interface Sent {
  readonly exchange: ScimExchange;
  readonly kind: ReactionKind;
  readonly logged: LoggedExchange;
}

/** A group whose create or attribute update succeeded in the group pass; its membership follows. */
interface GroupStep {
  readonly operation: Operation;
  readonly action: ProvisioningAction;
  readonly targetId: string;
  /** The pass's last exchange: the log entry's status when no membership change follows. */
  readonly last: Sent | undefined;
}

interface Operation {
  readonly cycle: number;
  readonly object: string;
  readonly sourceId: string;
  readonly exchanges: LoggedExchange[];
}

type ObjectKind = 'User' | 'Group';

/**
 * Runs Entra provisioning cycles against a target: match → create or adopt, GET → PATCH what changed,
 * disable, delete, and Entra's reaction to every failure.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#provisioning-cycles-initial-and-incremental
 */
export class CycleEngine {
  readonly users = new Map<string, ObjectState>();
  readonly groups = new Map<string, ObjectState>();
  readonly quarantine = new QuarantineState();
  readonly #options: CycleEngineOptions;
  #metrics = new CycleMetrics();
  #cycle = 0;
  #halted = false;

  constructor(options: CycleEngineOptions) {
    this.#options = options;
  }

  /** The target id of a provisioned user or group (references resolve through it). */
  readonly resolve = (objectId: string): string | undefined => {
    const state = this.users.get(objectId) ?? this.groups.get(objectId);
    return state?.anchorLost ? undefined : state?.targetId;
  };

  /** Runs one cycle over the directory; returns its replay.json entry without convergence. */
  async runCycle(n: number, kind: ReplayCycleKind, directory: EntraDirectory): Promise<ReplayCycle> {
    this.#cycle = n;
    this.#metrics = new CycleMetrics();
    this.#halted = false;
    const wasQuarantined = this.quarantine.quarantined;
    const scope = computeScope(directory);
    const { concurrency } = this.#options;
    const users = [...directory.users.values()];
    await runPool(
      users,
      concurrency,
      (user) => this.#user(user, scope.users.has(user.objectId), false),
      () => this.#halted,
    );
    // References (manager) link in a second pass once the users they point at exist.
    await runPool(
      users,
      concurrency,
      (user) => this.#user(user, scope.users.has(user.objectId), true),
      () => this.#halted,
    );
    const gone = [...this.users.keys()].filter((id) => !directory.users.has(id));
    await runPool(
      gone,
      concurrency,
      (id) => this.#deleteUser(id),
      () => this.#halted,
    );
    if (this.#options.groupMapping !== undefined) {
      const groups = [...directory.groups.values()];
      const inScope = (group: EntraGroup): boolean => scope.groups.has(group.objectId);
      const steps = new Map<string, GroupStep>();
      await runPool(
        groups,
        concurrency,
        (group) => this.#group(group, inScope(group), steps),
        () => this.#halted,
      );
      // Entra provisions users, then groups, then memberships: a member reference resolves only to an
      // object whose create has answered, so memberships wait until every create of the cycle has.
      await runPool(
        groups,
        concurrency,
        (group) => this.#memberships(group, inScope(group), steps),
        () => this.#halted,
      );
      // A halted cycle never reached these groups' memberships; their creates and updates still get logged.
      for (const step of steps.values()) this.#finish(step.operation, step.action, step.last, step.targetId);
      const goneGroups = [...this.groups.keys()].filter(
        (id) => !directory.groups.has(id) || !scope.groups.has(id),
      );
      await runPool(
        goneGroups,
        concurrency,
        (id) => this.#deleteGroup(id),
        () => this.#halted,
      );
    }
    const metrics = this.#metrics;
    this.quarantine.checkEscrow(n, metrics.failures, metrics.events);
    if (wasQuarantined && !this.#halted && metrics.failures === 0) this.quarantine.leave(n);
    return metrics.toCycle(n, kind, this.quarantine.quarantined);
  }

  /** Failed operations of the last cycle, to be retried in the next one (Entra's escrow). */
  get escrowed(): number {
    return this.#metrics.failures;
  }

  async #send(operation: Operation, descriptor: RequestDescriptor): Promise<Sent> {
    const { Authorization: _placeholder, ...headers } = descriptor.headers;
    const query =
      descriptor.query === undefined
        ? undefined
        : new URLSearchParams(descriptor.query.map(([k, v]) => [k, v])).toString();
    const exchange = await this.#options.client.request({
      method: descriptor.method,
      path: descriptor.path,
      ...(query === undefined ? {} : { query }),
      ...(descriptor.body === undefined ? {} : { body: descriptor.body }),
      headers,
    });
    const kind = classifyExchange(descriptor.operation, exchange);
    this.#metrics.request(exchange.durationMs);
    const limit = this.#options.logBodyChars ?? 2000;
    const text = exchange.response?.bodyText ?? exchange.error ?? '';
    const logged: LoggedExchange = {
      operation: descriptor.operation,
      method: descriptor.method,
      url: exchange.request.url,
      ...(descriptor.body === undefined ? {} : { requestBody: descriptor.body }),
      status: statusKey(exchange),
      durationMs: Math.round(exchange.durationMs),
      ...(text === '' ? {} : { responseBody: this.#options.client.redact(text.slice(0, limit)) }),
    };
    operation.exchanges.push(logged);
    const reaction = ENTRA_REACTIONS[kind];
    if (reaction.effect === 'quarantine' && reaction.quarantineReason !== undefined) {
      this.quarantine.enter(
        this.#cycle,
        reaction.quarantineReason,
        `${descriptor.operation} ${logged.status}`,
      );
      this.#halted = true;
    }
    return { exchange, kind, logged };
  }

  #finish(
    operation: Operation,
    action: ProvisioningAction,
    last: Sent | undefined,
    targetId: string | undefined,
    errorCode?: string,
  ): void {
    const failed = last !== undefined && last.kind !== 'success';
    const code = errorCode ?? (failed ? ENTRA_REACTIONS[last.kind].errorCode : undefined);
    const status = code === undefined ? 'Success' : action === 'Skip' ? 'Skipped' : 'Failure';
    this.#metrics.operation(
      action,
      last === undefined ? 'none' : String(last.logged.status),
      status === 'Failure',
    );
    this.#options.log.write({
      cycle: operation.cycle,
      object: operation.object,
      sourceId: operation.sourceId,
      ...(targetId === undefined ? {} : { targetId }),
      action,
      status,
      ...(code === undefined ? {} : { errorCode: code }),
      exchanges: operation.exchanges,
    });
  }

  #operation(kind: ObjectKind, name: string, sourceId: string): Operation {
    return { cycle: this.#cycle, object: `${kind} ${name}`, sourceId, exchanges: [] };
  }

  async #user(user: EntraUser, inScope: boolean, referencesPass: boolean): Promise<void> {
    const { profile, userMapping } = this.#options;
    const state = this.users.get(user.objectId);
    if (state?.anchorLost) return;
    const desired = resolvableAttributes(mapUser(user, userMapping, { inScope }), this.resolve);
    if (state === undefined) {
      if (referencesPass || !inScope || user.isSoftDeleted || !user.accountEnabled) return;
      const operation = this.#operation('User', user.userPrincipalName, user.objectId);
      const [row] = matchingRows(userMapping);
      const value = row === undefined ? undefined : desired[row.target];
      if (row === undefined || typeof value !== 'string') {
        this.#finish(operation, 'Skip', undefined, undefined, 'ImportSkipped');
        return;
      }
      const match = await this.#match(operation, matchUserRequest(profile, row.target, value), row.target);
      if (match === 'failed') return;
      if (match === undefined) {
        const create = withoutReferences(desired);
        const sent = await this.#send(operation, createUserRequest(profile, create, userMapping));
        const id = sent.kind === 'success' ? idOf(sent.exchange) : undefined;
        if (id !== undefined)
          this.users.set(user.objectId, { targetId: id, applied: create, anchorLost: false });
        this.#finish(
          operation,
          'Create',
          sent,
          id,
          sent.kind === 'success' && id === undefined
            ? 'SystemForCrossDomainIdentityManagementServiceIncompatible'
            : undefined,
        );
        return;
      }
      // Adopt the match: cache its id, then bring it in line like any update.
      this.users.set(user.objectId, { targetId: match, applied: {}, anchorLost: false });
      await this.#updateUser(operation, match, {}, desired, user.objectId, false);
      return;
    }
    if (state.targetId === undefined || sameAttributes(state.applied, desired)) return;
    if (referencesPass && !sameAttributes(withoutReferences(state.applied), withoutReferences(desired)))
      return;
    const operation = this.#operation('User', user.userPrincipalName, user.objectId);
    await this.#updateUser(operation, state.targetId, state.applied, desired, user.objectId, !referencesPass);
  }

  async #updateUser(
    operation: Operation,
    id: string,
    applied: ObjectState['applied'],
    desired: ObjectState['applied'],
    objectId: string,
    readFirst: boolean,
  ): Promise<void> {
    const { profile } = this.#options;
    const action: ProvisioningAction =
      desired.active === false && applied.active !== false ? 'Disable' : 'Update';
    if (readFirst) {
      const read = await this.#send(operation, getUserRequest(profile, id));
      if (read.kind !== 'success') {
        if (read.kind === 'anchorNotFound')
          this.users.set(objectId, { targetId: id, applied, anchorLost: true });
        this.#finish(operation, action, read, id);
        return;
      }
    }
    const request = updateUserRequest(profile, id, applied, desired, this.resolve);
    if (request === undefined) {
      this.users.set(objectId, { targetId: id, applied: desired, anchorLost: false });
      return;
    }
    const sent = await this.#send(operation, request);
    if (sent.kind === 'success')
      this.users.set(objectId, { targetId: id, applied: desired, anchorLost: false });
    if (sent.kind === 'anchorNotFound') this.users.set(objectId, { targetId: id, applied, anchorLost: true });
    this.#finish(operation, action, sent, id);
  }

  async #deleteUser(objectId: string): Promise<void> {
    const state = this.users.get(objectId);
    if (state === undefined || state.targetId === undefined || state.anchorLost) {
      this.users.delete(objectId);
      return;
    }
    const operation = this.#operation('User', objectId, objectId);
    const sent = await this.#send(operation, deleteUserRequest(this.#options.profile, state.targetId));
    if (sent.kind === 'success' || sent.kind === 'anchorNotFound') this.users.delete(objectId);
    this.#finish(operation, 'Delete', sent, state.targetId);
  }

  /**
   * The group pass: match, create or adopt the group, or bring its own attributes in line (GET, then
   * PATCH). Members are left to {@link CycleEngine.#memberships}; a group that got this far is handed over
   * in `steps` so that its log entry covers both passes.
   */
  async #group(group: EntraGroup, inScope: boolean, steps: Map<string, GroupStep>): Promise<void> {
    const mapping = this.#options.groupMapping;
    if (mapping === undefined || !inScope) return;
    const { profile } = this.#options;
    const state = this.groups.get(group.objectId);
    if (state?.anchorLost) return;
    const attributes = withoutReferences(mapGroup(group, mapping));
    const operation = this.#operation('Group', group.displayName, group.objectId);
    let targetId = state?.targetId;
    let applied = state?.applied ?? {};
    let last: Sent | undefined;
    if (targetId === undefined) {
      const match = await this.#match(
        operation,
        matchGroupRequest(profile, 'displayName', group.displayName),
        'displayName',
      );
      if (match === 'failed') return;
      if (match === undefined) {
        const sent = await this.#send(operation, createGroupRequest(profile, attributes));
        targetId = sent.kind === 'success' ? idOf(sent.exchange) : undefined;
        if (targetId === undefined) {
          this.#finish(
            operation,
            'Create',
            sent,
            undefined,
            sent.kind === 'success' ? 'SystemForCrossDomainIdentityManagementServiceIncompatible' : undefined,
          );
          return;
        }
        this.groups.set(group.objectId, { targetId, applied: attributes, anchorLost: false });
        steps.set(group.objectId, { operation, action: 'Create', targetId, last: sent });
        return;
      }
      // Adopt the match: cache its id, then bring it in line like any update.
      targetId = match;
      applied = {};
      this.groups.set(group.objectId, { targetId, applied, anchorLost: false });
    } else {
      if (sameAttributes(withoutReferences(applied), attributes)) return;
      last = await this.#send(operation, getGroupRequest(profile, targetId));
      if (last.kind !== 'success') {
        if (last.kind === 'anchorNotFound')
          this.groups.set(group.objectId, { targetId, applied, anchorLost: true });
        this.#finish(operation, 'Update', last, targetId);
        return;
      }
    }
    // Members stay as applied: the attribute PATCH is all this pass sends.
    const next = replaceReferences(attributes, applied);
    for (const request of updateGroupRequests(profile, targetId, applied, next, this.resolve)) {
      last = await this.#send(operation, request);
      if (last.kind !== 'success') {
        this.#finish(operation, 'Update', last, targetId);
        return;
      }
    }
    this.groups.set(group.objectId, { targetId, applied: next, anchorLost: false });
    steps.set(group.objectId, { operation, action: 'Update', targetId, last });
  }

  /**
   * The memberships pass: adds and removes the members that changed, resolved now that every create of
   * the cycle has answered. A member the target does not know yet (not provisioned, its create failed, out
   * of scope, another shard) is left out and added in the cycle that provisions it, as Entra does.
   * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#provisioning-cycles-initial-and-incremental
   */
  async #memberships(group: EntraGroup, inScope: boolean, steps: Map<string, GroupStep>): Promise<void> {
    const mapping = this.#options.groupMapping;
    const step = steps.get(group.objectId);
    steps.delete(group.objectId);
    const state = this.groups.get(group.objectId);
    const targetId = state?.targetId;
    if (
      mapping === undefined ||
      !inScope ||
      state === undefined ||
      targetId === undefined ||
      state.anchorLost
    ) {
      if (step !== undefined) this.#finish(step.operation, step.action, step.last, step.targetId);
      return;
    }
    const { profile } = this.#options;
    const desired = resolvableAttributes(mapGroup(group, mapping), this.resolve);
    const applied = replaceReferences(state.applied, desired);
    const change = diffMembers(state.applied, desired, this.resolve);
    if (change.added.length === 0 && change.removed.length === 0) {
      // Nothing to send (a removed member the target no longer knows): remember the members as they are.
      if (!sameAttributes(state.applied, applied)) this.groups.set(group.objectId, { ...state, applied });
      if (step !== undefined) this.#finish(step.operation, step.action, step.last, targetId);
      return;
    }
    const operation = step?.operation ?? this.#operation('Group', group.displayName, group.objectId);
    const action = step?.action ?? 'Update';
    let last = step?.last;
    if (step === undefined) {
      // Not created or read earlier this cycle: read it first, as for any update.
      last = await this.#send(operation, getGroupRequest(profile, targetId));
      if (last.kind !== 'success') {
        if (last.kind === 'anchorNotFound') this.groups.set(group.objectId, { ...state, anchorLost: true });
        this.#finish(operation, action, last, targetId);
        return;
      }
    }
    for (const request of groupMembershipRequests(profile, targetId, change)) {
      last = await this.#send(operation, request);
      if (last.kind !== 'success') break;
    }
    if (last?.kind === 'success') this.groups.set(group.objectId, { ...state, applied });
    this.#finish(operation, action, last, targetId);
  }

  async #deleteGroup(objectId: string): Promise<void> {
    const state = this.groups.get(objectId);
    if (state === undefined || state.targetId === undefined || state.anchorLost) {
      this.groups.delete(objectId);
      return;
    }
    const operation = this.#operation('Group', objectId, objectId);
    const sent = await this.#send(operation, deleteGroupRequest(this.#options.profile, state.targetId));
    if (sent.kind === 'success' || sent.kind === 'anchorNotFound') this.groups.delete(objectId);
    this.#finish(operation, 'Delete', sent, state.targetId);
  }

  /**
   * The matching query: the target id of the one match, `undefined` for none, `failed` after logging
   * the failure. Only objects whose matching value carries the run id are ever adopted.
   */
  async #match(
    operation: Operation,
    request: RequestDescriptor,
    attribute: string,
  ): Promise<string | undefined | 'failed'> {
    const sent = await this.#send(operation, request);
    if (sent.kind !== 'success') {
      this.#finish(operation, 'Create', sent, undefined);
      return 'failed';
    }
    const resources = resourcesOf(sent.exchange);
    if (resources.length > 1) {
      this.#finish(operation, 'Create', sent, undefined, 'DuplicateTargetEntries');
      return 'failed';
    }
    const [found] = resources;
    if (found === undefined) return undefined;
    const name = found[attribute];
    const id = found.id;
    if (typeof id !== 'string' || typeof name !== 'string' || !name.includes(this.#options.runId)) {
      this.#finish(operation, 'Skip', sent, undefined, 'NotOwnedByRun');
      return 'failed';
    }
    return id;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(exchange: ScimExchange): string | undefined {
  const json = exchange.response?.json;
  return isRecord(json) && typeof json.id === 'string' && json.id !== '' ? json.id : undefined;
}

function resourcesOf(exchange: ScimExchange): Record<string, unknown>[] {
  const json = exchange.response?.json;
  if (!isRecord(json) || !Array.isArray(json.Resources)) return [];
  return json.Resources.filter(isRecord);
}
