import { Ajv, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { HarnessError } from '../errors/harness-error.js';
import type { Leftover } from './conformance-result.js';
import { describeSchemaErrors, LEFTOVERS_SCHEMA, SHARD_SCHEMA } from './conformance-schema.js';
import { LATENCY_HISTOGRAM_SCHEMA, type ReplayLatencyHistogram } from './latency-histogram.js';
import { KEY_OWNER_RESTORE_SCHEMA, type ReplayKeyOwnerRestore } from './replay-key-owner.js';
import { LEAVER_SHAPE_SCHEMA, type ReplayLeaverShape } from './replay-leaver.js';

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
  /** In a merged replay (`report merge`), the shard whose read-back found it. Additive, optional: no version bump. */
  shard?: number;
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
  /**
   * The cycle's request latencies as a mergeable histogram, from which `report merge` computes the percentiles of
   * the shards of one replay together (`latencyMs` of one run stays exact). Additive, optional: no version bump.
   */
  latencyHistogram?: ReplayLatencyHistogram;
  /**
   * When the cycle's requests started and ended (ISO 8601, wall clock): `report merge` takes a merged cycle's
   * throughput over the earliest start to the latest end of its shards. Additive, optional: no version bump.
   */
  startedAt?: string;
  finishedAt?: string;
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
  /** In a merged replay (`report merge`), the shard whose job it happened to. Additive, optional: no version bump. */
  shard?: number;
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
  /**
   * The leaver matrix (`--scenario leaver`): one row per deactivation shape, untested ones included. Additive,
   * optional: no version bump.
   */
  shapes?: ReplayLeaverShape[];
  /** The leaver scenario's revocation budget (`--revoke-budget`), in milliseconds. */
  revokeBudgetMs?: number;
  /** The leaver scenario's probe interval (`--probe-interval`), in milliseconds. */
  probeIntervalMs?: number;
}

/**
 * One window of a sustained load (`replay --sustain`). Every count is of the arrivals the schedule placed in the
 * window, whenever their answer came: a window's achieved count is what the target served of what was offered in it,
 * so a window boundary never moves a request from one window to the next.
 */
export interface ReplaySustainWindow {
  /** Seconds from the start of the load to the start of the window. */
  startS: number;
  /** The window's length in seconds; the last is shorter when the duration is not a whole number of windows. */
  durationS: number;
  /** Arrivals the schedule placed in the window (the target rate times its length). */
  offered: number;
  /** Of those, the ones answered 2xx (after any Retry-After wait). */
  achieved: number;
  /** Of those, the ones not sent because the cap on requests in flight was reached. */
  missed: number;
  /** Of those, the ones answered 5xx or an unexpected 4xx, or not answered at all (timeout, reset, refused). */
  errors: number;
  /** 429 answers to the window's requests, each attempt counted (a request retried twice can add two). */
  throttled: number;
  /** Of those 429 answers, the ones without a readable Retry-After. */
  throttledWithoutRetryAfter: number;
  /** The longest any of its arrivals started after its scheduled time: the harness's own lag, not the target's. */
  maxLagMs: number;
  /** Response time of the window's answered requests, Retry-After waits left out. */
  latencyMs: ReplayLatency;
}

/** The sums over a sustained load's windows. */
export interface ReplaySustainTotals {
  offered: number;
  /** Arrivals sent (offered less missed). */
  sent: number;
  achieved: number;
  missed: number;
  errors: number;
  throttled: number;
  throttledWithoutRetryAfter: number;
  /** errors ÷ sent; 0 when nothing was sent. */
  errorRate: number;
  /** achieved ÷ the seconds the load ran. */
  achievedRps: number;
  latencyMs: ReplayLatency;
  /** Errors by HTTP status or network outcome: `{"500": 2, "timeout": 1}`. */
  errorsByStatus: Record<string, number>;
  /** Requests sent by kind of the mix: `{"lookup": 900, "update": 300, …}`. */
  operations: Record<string, number>;
}

/** The rules a sustained load is judged by; see {@link ReplaySustainVerdict}. */
export const REPLAY_SUSTAIN_CHECKS = ['rate', 'errors', 'retry-after', 'complete'] as const;
export type ReplaySustainCheckName = (typeof REPLAY_SUSTAIN_CHECKS)[number];

/** One rule of the verdict, and what the load came to against it, in words. */
export interface ReplaySustainCheck {
  name: ReplaySustainCheckName;
  held: boolean;
  detail: string;
}

/**
 * Whether the target held the rate: achieved at least `achievedRatio` of the offered rate in every window, errors
 * under `errorRate` of the requests sent, every 429 with a readable Retry-After, and the load ran its whole duration.
 * `reasons` are the details of the rules that did not hold (empty when `held`).
 */
export interface ReplaySustainVerdict {
  held: boolean;
  reasons: string[];
  checks: ReplaySustainCheck[];
}

/**
 * A sustained load at a fixed request rate (`replay --sustain RPS --for DURATION`) over the directory the initial
 * cycle provisioned: open-model arrivals with a realistic Entra mix, judged window by window. IPSIE asks "The
 * Application MUST support at least 25 SCIM requests per second." and Entra's gallery checklist "Support at least 25
 * requests per second per tenant". Additive, optional: no version bump.
 */
export interface ReplaySustain {
  /** Requests per second offered. */
  targetRps: number;
  /** The duration asked for, in seconds. */
  durationS: number;
  /** The seconds the load actually ran (shorter when interrupted). */
  ranS: number;
  /** The length of a window, in seconds. */
  windowS: number;
  /** The cap on requests in flight; an arrival that found it reached was missed. */
  maxInFlight: number;
  /** The thresholds the verdict applied. */
  thresholds: { achievedRatio: number; errorRate: number };
  /** The share of each kind of request in the mix the arrivals were drawn from. */
  mix: Record<string, number>;
  series: ReplaySustainWindow[];
  totals: ReplaySustainTotals;
  verdict: ReplaySustainVerdict;
  /** `true` when Ctrl-C stopped the load before its duration ran out. */
  interrupted?: boolean;
}

/**
 * What the mock Microsoft Entra provisioning replay produced; rendered by the HTML report beside (or instead of)
 * the conformance checks.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works
 */
export interface ReplayResult {
  schemaVersion: typeof REPLAY_SCHEMA_VERSION;
  runId: string;
  /** The client's variant: Entra's `legacy`/`compliant`, or Okta's app type (`oin`/`aiw`). */
  mode: string;
  /** Which IdP's client the replay emulated (`entra`, `okta`). Absent in replays written before it: Entra. Additive. */
  idp?: string;
  /** The client variant within the IdP: `legacy`/`compliant` (Entra), `oin`/`aiw` (Okta). Additive. */
  clientVariant?: string;
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
  /**
   * The sustained load (`replay --sustain`), run after the initial cycle; absent for a replay of cycles. Additive,
   * optional: no version bump.
   */
  sustain?: ReplaySustain;
  /**
   * The part of the directory this replay ran (`--shard i/n`); a merged replay (`report merge`) lists in `merged`
   * the shards it holds. Absent for a replay of the whole directory. Additive, optional: no version bump.
   */
  shard?: { index: number; total: number; merged?: number[] };
  /** Requests and operations (by action, then status) over all cycles. Additive, optional: no version bump. */
  totals?: ReplayTotals;
}

/** The sums over a replay's cycles: see {@link ReplayResult.totals}. */
export interface ReplayTotals {
  requests: number;
  operations: Record<string, Record<string, number>>;
}

/** The sums over `cycles`, for {@link ReplayResult.totals}. */
export function replayTotals(cycles: readonly ReplayCycle[]): ReplayTotals {
  const operations: Record<string, Record<string, number>> = {};
  let requests = 0;
  for (const cycle of cycles) {
    requests += cycle.requests;
    for (const [action, byStatus] of Object.entries(cycle.operations)) {
      operations[action] ??= {};
      const into = operations[action];
      for (const [status, n] of Object.entries(byStatus)) into[status] = (into[status] ?? 0) + n;
    }
  }
  return { requests, operations };
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

const LATENCY_SCHEMA = {
  type: 'object',
  required: ['p50', 'p95', 'p99'],
  properties: { p50: number, p95: number, p99: number },
} as const;

const count = { type: 'integer', minimum: 0 } as const;
const counts = { type: 'object', additionalProperties: count } as const;

/** `sustain`: see {@link ReplaySustain}. */
const SUSTAIN_SCHEMA = {
  type: 'object',
  required: [
    'targetRps',
    'durationS',
    'ranS',
    'windowS',
    'maxInFlight',
    'thresholds',
    'mix',
    'series',
    'totals',
    'verdict',
  ],
  properties: {
    targetRps: number,
    durationS: number,
    ranS: number,
    windowS: number,
    maxInFlight: count,
    thresholds: {
      type: 'object',
      required: ['achievedRatio', 'errorRate'],
      properties: { achievedRatio: number, errorRate: number },
    },
    mix: { type: 'object', additionalProperties: number },
    series: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'startS',
          'durationS',
          'offered',
          'achieved',
          'missed',
          'errors',
          'throttled',
          'throttledWithoutRetryAfter',
          'maxLagMs',
          'latencyMs',
        ],
        properties: {
          startS: number,
          durationS: number,
          offered: count,
          achieved: count,
          missed: count,
          errors: count,
          throttled: count,
          throttledWithoutRetryAfter: count,
          maxLagMs: number,
          latencyMs: LATENCY_SCHEMA,
        },
      },
    },
    totals: {
      type: 'object',
      required: [
        'offered',
        'sent',
        'achieved',
        'missed',
        'errors',
        'throttled',
        'throttledWithoutRetryAfter',
        'errorRate',
        'achievedRps',
        'latencyMs',
        'errorsByStatus',
        'operations',
      ],
      properties: {
        offered: count,
        sent: count,
        achieved: count,
        missed: count,
        errors: count,
        throttled: count,
        throttledWithoutRetryAfter: count,
        errorRate: number,
        achievedRps: number,
        latencyMs: LATENCY_SCHEMA,
        errorsByStatus: counts,
        operations: counts,
      },
    },
    verdict: {
      type: 'object',
      required: ['held', 'reasons', 'checks'],
      properties: {
        held: { type: 'boolean' },
        reasons: { type: 'array', items: { type: 'string' } },
        checks: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'held', 'detail'],
            properties: {
              name: { enum: [...REPLAY_SUSTAIN_CHECKS] },
              held: { type: 'boolean' },
              detail: { type: 'string' },
            },
          },
        },
      },
    },
    interrupted: { type: 'boolean' },
  },
} as const;

/** The emulated client, named as its vendor does: a replay written before `idp` existed was Entra's. */
export function replayIdpName(replay: Pick<ReplayResult, 'idp' | 'clientVariant' | 'mode'>): string {
  if (replay.idp === 'okta') {
    const app = replay.clientVariant ?? replay.mode;
    return `Okta (${app === 'aiw' ? 'AIW custom app' : app === 'oin' ? 'OIN catalog app' : app})`;
  }
  return `Microsoft Entra ID (${replay.clientVariant ?? replay.mode})`;
}

/** JSON Schema (draft-07) of the replay contract; unknown properties are allowed, as in the conformance schema. */
export const REPLAY_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['schemaVersion', 'runId', 'mode', 'seed', 'cycles'],
  properties: {
    schemaVersion: { const: REPLAY_SCHEMA_VERSION },
    runId: { type: 'string', minLength: 1 },
    mode: { type: 'string' },
    idp: { type: 'string' },
    clientVariant: { type: 'string' },
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
                shard: { type: 'integer', minimum: 1 },
              },
            },
          },
          quarantined: { type: 'boolean' },
          latencyHistogram: LATENCY_HISTOGRAM_SCHEMA,
          startedAt: { type: 'string', format: 'date-time' },
          finishedAt: { type: 'string', format: 'date-time' },
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
        shapes: { type: 'array', items: LEAVER_SHAPE_SCHEMA },
        revokeBudgetMs: number,
        probeIntervalMs: number,
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
          shard: { type: 'integer', minimum: 1 },
        },
      },
    },
    tokenOwner: TOKEN_OWNER_SCHEMA,
    interrupted: { type: 'boolean' },
    leftovers: LEFTOVERS_SCHEMA,
    sweepIncomplete: { type: 'array', items: { type: 'string' } },
    sustain: SUSTAIN_SCHEMA,
    shard: SHARD_SCHEMA,
    totals: {
      type: 'object',
      required: ['requests', 'operations'],
      properties: {
        requests: count,
        operations: { type: 'object', additionalProperties: counts },
      },
    },
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
