import { Ajv, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { HarnessError } from '../errors/harness-error.js';
import type { Leftover } from './conformance-result.js';
import { describeSchemaErrors, LEFTOVERS_SCHEMA } from './conformance-schema.js';
import { KEY_OWNER_RESTORE_SCHEMA, type ReplayKeyOwnerRestore } from './replay-key-owner.js';

/** The version of the replay contract the report renders. */
export const REPLAY_SCHEMA_VERSION = 1;

/** Entra runs one initial cycle over all assigned objects, then incremental cycles over changes. */
export const REPLAY_CYCLE_KINDS = ['initial', 'incremental'] as const;
export type ReplayCycleKind = (typeof REPLAY_CYCLE_KINDS)[number];

export interface ReplayLatency {
  p50: number;
  p95: number;
  p99: number;
}

/** The longest {@link ReplayTargetError.text} replay.json carries; a longer answer is cut and ends in `…`. */
export const REPLAY_TARGET_ERROR_CHARS = 300;

/**
 * What the target itself answered when it refused an object: the request, its status, and its own words (the SCIM
 * error's `detail`, else the start of the body). It is the reason a divergence has, which otherwise only
 * provisioning-log.jsonl holds. Redacted before it is recorded, like every text of the target.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 */
export interface ReplayTargetError {
  /** The request the target refused, e.g. `PATCH /scim/v2/Users/42`. */
  request: string;
  /** Its HTTP status (`400`), or the network outcome when there was no answer (`timeout`). */
  status: string;
  /** The provisioning log's error code for it, e.g. `SystemForCrossDomainIdentityManagementBadRequest`. */
  code?: string;
  /** The target's words, at most {@link REPLAY_TARGET_ERROR_CHARS} characters; empty when the answer had no body. */
  text: string;
}

/** An attribute the target holds differently from what the mock IdP provisioned. */
export interface ReplayDivergence {
  /** The object, e.g. `User alice@example.com`. */
  object: string;
  attribute: string;
  expected: unknown;
  found: unknown;
  /**
   * The target's last refusal of this object (the write it refused, or the read-back itself when that failed).
   * Absent when the target refused nothing, and in a replay.json written before it existed. Additive, optional: no
   * version bump.
   */
  targetError?: ReplayTargetError;
}

/** One provisioning cycle of the mock IdP replay. */
export interface ReplayCycle {
  n: number;
  kind: ReplayCycleKind;
  /** Counts by action (`create`, `update`, `delete`, …) then by HTTP status (`201`, `409`, …). */
  operations: Record<string, Record<string, number>>;
  requests: number;
  durationMs: number;
  latencyMs: ReplayLatency;
  throughputRps: number;
  /** Whether the target matched the source after the cycle. */
  converged: boolean;
  divergences: ReplayDivergence[];
  /** Whether the provisioning job was in quarantine after the cycle. */
  quarantined: boolean;
}

/**
 * What happened to the provisioning job's quarantine state: it `entered` quarantine, `left` it after a clean
 * cycle, or a cycle `escrow`ed failed operations for the next one.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-quarantine-status
 */
export const REPLAY_QUARANTINE_EVENTS = ['entered', 'left', 'escrow'] as const;
export type ReplayQuarantineEventKind = (typeof REPLAY_QUARANTINE_EVENTS)[number];

/** One entry of the quarantine timeline. */
export interface ReplayQuarantineEvent {
  cycle: number;
  /** When it happened (ISO 8601). */
  at: string;
  event: ReplayQuarantineEventKind;
  /** Entra's quarantine reason, e.g. `EncounteredQuarantineException`; absent when the job left quarantine. */
  reason?: string;
  /** The error code the provisioning log shows for the cause, e.g. `Unauthorized`. */
  code?: string;
  /** The operation and status behind it (`getUser 401`), or the counts behind an escrow. */
  cause?: string;
}

/** Who the provisioning token belongs to, as `GET /Me` told it before the replay changed anything. */
export const REPLAY_TOKEN_OWNER_KINDS = ['user', 'service-account', 'unknown'] as const;
/** `none`: a non-user principal; `unverified`: /Me did not say; `caution`: a person; `danger`: a person the run deprovisions. */
export const REPLAY_TOKEN_SEVERITIES = ['none', 'unverified', 'caution', 'danger'] as const;

/** The token-ownership finding. Never holds the token. */
export interface ReplayTokenOwner {
  kind: (typeof REPLAY_TOKEN_OWNER_KINDS)[number];
  userName?: string;
  severity: (typeof REPLAY_TOKEN_SEVERITIES)[number];
  message: string;
}

/** A named fault scenario the replay ran, and what came of it. */
export interface ReplayScenario {
  name: string;
  outcome: string;
  explanation: string;
  /** Who owns the key the scenario switched to, as `GET /Me` told it before the key was used. */
  keyOwner?: ReplayTokenOwner;
  /**
   * What became of a user outside the run that the scenario deactivated (`--owner` on an external tenant), recorded
   * after its restore on every way out. Additive: absent for the embedded server and for a service-account key.
   */
  owner?: ReplayKeyOwnerRestore;
}

/**
 * What the mock Microsoft Entra provisioning replay produced; rendered by the HTML report beside (or instead of)
 * the conformance checks.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works
 */
export interface ReplayResult {
  schemaVersion: typeof REPLAY_SCHEMA_VERSION;
  runId: string;
  mode: string;
  seed: number | string;
  cycles: ReplayCycle[];
  scenario?: ReplayScenario;
  /** The quarantine timeline in order; written by every replay (empty when the job was never quarantined). */
  quarantine?: ReplayQuarantineEvent[];
  /** Who owns the run's token, asked before the replay changed anything. */
  tokenOwner?: ReplayTokenOwner;
  /**
   * `true` when the replay was stopped (Ctrl-C, SIGINT, SIGTERM) before all its cycles ran: `cycles` holds only those
   * that completed. Absent for a replay that ran every cycle. Additive, optional: no version bump.
   */
  interrupted?: boolean;
  /**
   * What the sweep after the replay found on the target still carrying the run id, although the replay's own cleanup
   * had run (e.g. a group the target created itself as a side effect), each deleted by the sweep or not. Any entry is
   * a safety failure (exit 1). Absent when the sweep found nothing or did not run (`--keep`, `--shard`). Additive,
   * optional: no version bump.
   */
  leftovers?: Leftover[];
  /**
   * The sweep's searches that could not be completed, one line each (`/Users: GET /Users answered 500`): the sweep
   * cannot say that nothing is left, a safety failure too (exit 1). Absent when every search was complete.
   * Additive, optional: no version bump.
   */
  sweepIncomplete?: string[];
}

const number = { type: 'number', minimum: 0 } as const;

const TOKEN_OWNER_SCHEMA = {
  type: 'object',
  required: ['kind', 'severity', 'message'],
  properties: {
    kind: { enum: [...REPLAY_TOKEN_OWNER_KINDS] },
    userName: { type: 'string' },
    severity: { enum: [...REPLAY_TOKEN_SEVERITIES] },
    message: { type: 'string' },
  },
} as const;

/** JSON Schema (draft-07) of the replay contract; unknown properties are allowed, as in the conformance schema. */
export const REPLAY_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['schemaVersion', 'runId', 'mode', 'seed', 'cycles'],
  properties: {
    schemaVersion: { const: REPLAY_SCHEMA_VERSION },
    runId: { type: 'string', minLength: 1 },
    mode: { type: 'string' },
    seed: { type: ['number', 'string'] },
    cycles: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'n',
          'kind',
          'operations',
          'requests',
          'durationMs',
          'latencyMs',
          'throughputRps',
          'converged',
          'divergences',
          'quarantined',
        ],
        properties: {
          n: { type: 'integer', minimum: 0 },
          kind: { enum: [...REPLAY_CYCLE_KINDS] },
          operations: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              additionalProperties: { type: 'integer', minimum: 0 },
            },
          },
          requests: { type: 'integer', minimum: 0 },
          durationMs: number,
          latencyMs: {
            type: 'object',
            required: ['p50', 'p95', 'p99'],
            properties: { p50: number, p95: number, p99: number },
          },
          throughputRps: number,
          converged: { type: 'boolean' },
          divergences: {
            type: 'array',
            items: {
              type: 'object',
              required: ['object', 'attribute'],
              properties: {
                object: { type: 'string' },
                attribute: { type: 'string' },
                expected: {},
                found: {},
                targetError: {
                  type: 'object',
                  required: ['request', 'status', 'text'],
                  properties: {
                    request: { type: 'string' },
                    status: { type: 'string' },
                    code: { type: 'string' },
                    text: { type: 'string' },
                  },
                },
              },
            },
          },
          quarantined: { type: 'boolean' },
        },
      },
    },
    scenario: {
      type: 'object',
      required: ['name', 'outcome', 'explanation'],
      properties: {
        name: { type: 'string' },
        outcome: { type: 'string' },
        explanation: { type: 'string' },
        keyOwner: TOKEN_OWNER_SCHEMA,
        owner: KEY_OWNER_RESTORE_SCHEMA,
      },
    },
    quarantine: {
      type: 'array',
      items: {
        type: 'object',
        required: ['cycle', 'at', 'event'],
        properties: {
          cycle: { type: 'integer', minimum: 0 },
          at: { type: 'string', format: 'date-time' },
          event: { enum: [...REPLAY_QUARANTINE_EVENTS] },
          reason: { type: 'string' },
          code: { type: 'string' },
          cause: { type: 'string' },
        },
      },
    },
    tokenOwner: TOKEN_OWNER_SCHEMA,
    interrupted: { type: 'boolean' },
    leftovers: LEFTOVERS_SCHEMA,
    sweepIncomplete: { type: 'array', items: { type: 'string' } },
  },
} as const;

let compiled: ValidateFunction | undefined;

/** Returns `value` typed as a replay result, or throws a `CONFIG_INVALID` {@link HarnessError} naming the problems. */
export function parseReplayResult(value: unknown, source = 'replay result'): ReplayResult {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    // ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
    formatsPlugin.default(ajv, ['date-time']);
    compiled = ajv.compile(REPLAY_SCHEMA);
  }
  if (compiled(value)) return value as ReplayResult;
  throw new HarnessError(
    'CONFIG_INVALID',
    `${source} is not a valid replay result: ${describeSchemaErrors(compiled.errors).join('; ')}`,
  );
}

/**
 * Responses that were not a success, by HTTP status, over all actions of a cycle (`{"409": 2, "429": 5}`).
 * A status key that is not a number (`timeout`) is an error too.
 */
export function replayErrorsByCode(cycle: ReplayCycle): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const byStatus of Object.values(cycle.operations)) {
    for (const [status, n] of Object.entries(byStatus)) {
      const code = Number(status);
      if (Number.isInteger(code) && code < 400) continue;
      errors[status] = (errors[status] ?? 0) + n;
    }
  }
  return errors;
}
