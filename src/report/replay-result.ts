import { Ajv, type ValidateFunction } from 'ajv';
import { HarnessError } from '../errors/harness-error.js';
import { describeSchemaErrors } from './conformance-schema.js';

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

/** An attribute the target holds differently from what the mock IdP provisioned. */
export interface ReplayDivergence {
  /** The object, e.g. `User alice@example.com`. */
  object: string;
  attribute: string;
  expected: unknown;
  found: unknown;
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

/** A named fault scenario the replay ran, and what came of it. */
export interface ReplayScenario {
  name: string;
  outcome: string;
  explanation: string;
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
}

const number = { type: 'number', minimum: 0 } as const;

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
      },
    },
  },
} as const;

let compiled: ValidateFunction | undefined;

/** Returns `value` typed as a replay result, or throws a `CONFIG_INVALID` {@link HarnessError} naming the problems. */
export function parseReplayResult(value: unknown, source = 'replay result'): ReplayResult {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(REPLAY_SCHEMA);
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
