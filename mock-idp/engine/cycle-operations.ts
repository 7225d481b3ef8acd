import type { RetryRecord, ScimClient, ScimExchange } from '../../src/http/index.js';
import { isJsonObject } from '../../src/json/json-guards.js';
import { REDACTED } from '../../src/secrets/redaction.js';
import { encodeQuery, type RequestDescriptor } from '../requests/index.js';
import { CycleMetrics } from './cycle-metrics.js';
import type { FailedTasks } from './failed-tasks.js';
import type {
  LoggedExchange,
  LoggedRetry,
  ProvisioningAction,
  ProvisioningLogSink,
} from './provisioning-log.js';
import type { QuarantineState } from './quarantine.js';
import {
  classifyExchange,
  ENTRA_REACTIONS,
  type ReactionKind,
  type ReactionTable,
  statusKey,
} from './reactions.js';
import { type TargetRefusals, targetErrorOf } from './target-error.js';

/** One request of an operation as the passes see it: the exchange, its reaction kind and its log record. */
export interface Sent {
  readonly exchange: ScimExchange;
  readonly kind: ReactionKind;
  readonly logged: LoggedExchange;
}

/** What an operation's log entry needs of its last request; a step kept across passes holds only this. */
export type SentOutcome = Pick<Sent, 'kind' | 'logged'>;

/** One provisioning-log entry in the making: the requests made for one object in one cycle. */
export interface Operation {
  readonly cycle: number;
  readonly object: string;
  readonly sourceId: string;
  readonly exchanges: LoggedExchange[];
}

export type ObjectKind = 'User' | 'Group';

/** Options of {@link CycleOperations}. */
export interface CycleOperationsOptions {
  client: ScimClient;
  log: ProvisioningLogSink;
  quarantine: QuarantineState;
  cycle: number;
  /** Only objects whose matching value carries it are ever adopted. */
  runId: string;
  /** Characters of a response body kept in the log. Default 2000. */
  logBodyChars?: number;
  /** Where each object's refusal by the target is kept for the divergences of the read-back; absent: nowhere. */
  refusals?: TargetRefusals;
  /** The client's reactions; default Entra's. */
  reactions?: ReactionTable;
  /** Where objects whose operation ended as a failed task (Okta's `taskFailed`) are kept; absent: nowhere. */
  failedTasks?: FailedTasks;
}

/**
 * The request-and-log side of one cycle: sends each request of an operation, applies Entra's reaction
 * (quarantine halts the cycle), counts it, and writes the operation's log entry when it ends. An exchange is
 * reduced to its log record at once, so nothing of a response outlives the operation that made it.
 * @see https://learn.microsoft.com/en-us/entra/identity/monitoring-health/concept-provisioning-logs
 */
export class CycleOperations {
  readonly metrics = new CycleMetrics();
  readonly #options: CycleOperationsOptions;
  #halted = false;

  constructor(options: CycleOperationsOptions) {
    this.#options = options;
  }

  get #reactions(): ReactionTable {
    return this.#options.reactions ?? ENTRA_REACTIONS;
  }

  /** True once a reaction quarantined the job: the cycle starts no new object. */
  readonly isHalted = (): boolean => this.#halted;

  start(kind: ObjectKind, name: string, sourceId: string): Operation {
    return { cycle: this.#options.cycle, object: `${kind} ${name}`, sourceId, exchanges: [] };
  }

  async send(operation: Operation, descriptor: RequestDescriptor): Promise<Sent> {
    const { client } = this.#options;
    const { Authorization: _placeholder, ...headers } = descriptor.headers;
    const query = descriptor.query === undefined ? undefined : encodeQuery(descriptor);
    const exchange = await client.request({
      method: descriptor.method,
      path: descriptor.path,
      ...(query === undefined ? {} : { query }),
      ...(descriptor.body === undefined ? {} : { body: descriptor.body }),
      headers,
    });
    const kind = classifyExchange(descriptor.operation, exchange);
    this.metrics.request(exchange.durationMs);
    const limit = this.#options.logBodyChars ?? 2000;
    // The client hands out bodies already redacted; only an error message is redacted here.
    const text =
      exchange.response?.bodyText ?? (exchange.error === undefined ? '' : client.redact(exchange.error));
    const logged: LoggedExchange = {
      operation: descriptor.operation,
      method: descriptor.method,
      url: exchange.request.url,
      ...(descriptor.body === undefined ? {} : { requestBody: withoutPasswords(descriptor.body) }),
      status: statusKey(exchange),
      durationMs: Math.round(exchange.durationMs),
      ...(text === '' ? {} : { responseBody: text.length > limit ? text.slice(0, limit) : text }),
      ...(exchange.retries.length === 0 ? {} : { retries: exchange.retries.map(loggedRetry) }),
    };
    operation.exchanges.push(logged);
    const reaction = this.#reactions[kind];
    if (reaction.effect === 'quarantine' && reaction.quarantineReason !== undefined) {
      this.#options.quarantine.enter(
        this.#options.cycle,
        reaction.quarantineReason,
        `${descriptor.operation} ${logged.status}`,
      );
      this.#halted = true;
    }
    return { exchange, kind, logged };
  }

  /**
   * Ends an operation: counts it and writes its log entry, the status taken from its last exchange. A refused last
   * exchange is kept as the object's refusal (see {@link CycleOperationsOptions.refusals}); a success clears it.
   */
  finish(
    operation: Operation,
    action: ProvisioningAction,
    last: SentOutcome | undefined,
    targetId: string | undefined,
    errorCode?: string,
  ): void {
    const failed = last !== undefined && last.kind !== 'success';
    const code = errorCode ?? (failed ? this.#reactions[last.kind].errorCode : undefined);
    const status = code === undefined ? 'Success' : action === 'Skip' ? 'Skipped' : 'Failure';
    this.metrics.operation(
      action,
      last === undefined ? 'none' : String(last.logged.status),
      status === 'Failure',
    );
    // The target's own words on a refusal, for the divergence the read-back will find: only the log had them.
    const { refusals } = this.#options;
    if (failed) refusals?.refused(operation.object, targetErrorOf(last.logged, code));
    else if (status === 'Success') refusals?.accepted(operation.object);
    if (status === 'Failure' && (last === undefined || this.#reactions[last.kind].effect === 'taskFailed'))
      this.#options.failedTasks?.fail(operation.sourceId, operation.cycle, code ?? 'Failure');
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

  /**
   * The matching query: the target id of the one match, `undefined` for none, `failed` after logging
   * the failure. Only objects whose matching value carries the run id are ever adopted.
   * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/customize-application-attributes#matching-users-in-the-source-and-target--systems
   */
  async match(
    operation: Operation,
    request: RequestDescriptor,
    attribute: string,
  ): Promise<string | undefined | 'failed'> {
    const sent = await this.send(operation, request);
    // Okta reads a lookup's 404 as "no such user" and creates it (REF20 allows either answer).
    if (this.#reactions[sent.kind].effect === 'notFound') return undefined;
    if (sent.kind !== 'success') {
      this.finish(operation, 'Create', sent, undefined);
      return 'failed';
    }
    const resources = resourcesOf(sent.exchange);
    if (resources.length > 1) {
      this.finish(operation, 'Create', sent, undefined, 'DuplicateTargetEntries');
      return 'failed';
    }
    const [found] = resources;
    if (found === undefined) return undefined;
    const name = found[attribute];
    const id = found.id;
    if (typeof id !== 'string' || typeof name !== 'string' || !name.includes(this.#options.runId)) {
      this.finish(operation, 'Skip', sent, undefined, 'NotOwnedByRun');
      return 'failed';
    }
    return id;
  }
}

/** A retry as the log keeps it: a copy, so that the log holds nothing of the exchange. */
function loggedRetry(retry: RetryRecord): LoggedRetry {
  return {
    status: retry.status,
    ...(retry.retryAfter === undefined ? {} : { retryAfter: retry.retryAfter }),
    ...(retry.requestedMs === undefined ? {} : { requestedMs: retry.requestedMs }),
    waitedMs: retry.waitedMs,
  };
}

/** The `id` a create answered with, if any. */
export function idOf(exchange: ScimExchange): string | undefined {
  const json = exchange.response?.json;
  return isJsonObject(json) && typeof json.id === 'string' && json.id !== '' ? json.id : undefined;
}

function resourcesOf(exchange: ScimExchange): Record<string, unknown>[] {
  const json = exchange.response?.json;
  if (!isJsonObject(json) || !Array.isArray(json.Resources)) return [];
  return json.Resources.filter(isJsonObject);
}

/**
 * A request body for the log with every `password` member's value replaced: Okta's client sends one on create and on
 * password push, and the log must not hold working passwords of the target's accounts.
 */
export function withoutPasswords(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withoutPasswords);
  if (!isJsonObject(body)) return body;
  return Object.fromEntries(
    Object.entries(body).map(([name, value]) => [
      name,
      name.toLowerCase() === 'password' && value !== undefined && value !== null
        ? REDACTED
        : withoutPasswords(value),
    ]),
  );
}
