import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { HarnessError } from '../errors/harness-error.js';
import {
  CHECK_STATUSES,
  CLIENT_VARIANTS,
  FAIL_ON_LEVELS,
  REQUIREMENT_LEVELS,
  VERDICTS,
} from './check-vocabulary.js';
import { CONFORMANCE_SCHEMA_VERSION, type ConformanceResult, EVIDENCE_PHASES } from './conformance-result.js';

const headerMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
const count = { type: 'integer', minimum: 0 } as const;
const nonEmpty = { type: 'string', minLength: 1 } as const;

/** Which shard of a run a report covers (`--shard i/n`), and which shards a merged report holds: in `conformance.json` and `replay.json`. */
export const SHARD_SCHEMA = {
  type: 'object',
  required: ['index', 'total'],
  properties: {
    index: { type: 'integer', minimum: 1 },
    total: { type: 'integer', minimum: 1 },
    merged: { type: 'array', items: { type: 'integer', minimum: 1 } },
  },
} as const;

/**
 * What a sweep found still carrying the run id (`Leftover` in conformance-result.ts): `leftovers` of `conformance.json`, and of
 * `replay.json` too.
 */
export const LEFTOVERS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'endpoint', 'name'],
    properties: {
      id: nonEmpty,
      endpoint: nonEmpty,
      name: { type: 'string' },
      deleted: { type: 'boolean' },
    },
  },
} as const;

/**
 * JSON Schema (draft-07) of `conformance.json` version 2, the one source of the contract outside the TS types.
 * Unknown properties are allowed on purpose: fields are added, optional, without a version bump, so a reader
 * of version 2 must ignore what it does not know. Version 2 added the status `unsupported`, `summary.unsupported`,
 * `neededBy` on a check, and `phase` / `decisive` on an exchange; then, optional, `interrupted` (a run stopped early).
 * @see https://json-schema.org/draft-07/json-schema-release-notes
 */
export const CONFORMANCE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://scim-harness.invalid/schemas/conformance-v2.json',
  title: 'scim-harness conformance result',
  type: 'object',
  required: [
    'schemaVersion',
    'runId',
    'tool',
    'target',
    'profiles',
    'startedAt',
    'finishedAt',
    'summary',
    'checks',
  ],
  properties: {
    schemaVersion: { const: CONFORMANCE_SCHEMA_VERSION },
    leftovers: LEFTOVERS_SCHEMA,
    sweepIncomplete: { type: 'array', items: { type: 'string' } },
    notes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['profile', 'text'],
        properties: { profile: nonEmpty, text: nonEmpty },
      },
    },
    runId: nonEmpty,
    seed: { type: 'integer', minimum: 0 },
    tool: {
      type: 'object',
      required: ['name', 'version'],
      properties: { name: nonEmpty, version: nonEmpty },
    },
    target: {
      type: 'object',
      required: ['url'],
      properties: { url: { type: 'string', format: 'uri' }, embedded: { type: 'boolean' } },
    },
    profiles: { type: 'array', items: nonEmpty, uniqueItems: true },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time' },
    failOn: { enum: [...FAIL_ON_LEVELS] },
    interrupted: { type: 'boolean' },
    shard: SHARD_SCHEMA,
    summary: {
      type: 'object',
      required: ['total', 'passed', 'failed', 'skipped', 'errored', 'unsupported', 'verdicts'],
      properties: {
        total: count,
        passed: count,
        failed: count,
        skipped: count,
        errored: count,
        unsupported: count,
        verdicts: { type: 'object', additionalProperties: { enum: [...VERDICTS] } },
      },
    },
    checks: { type: 'array', items: { $ref: '#/definitions/check' } },
  },
  definitions: {
    check: {
      type: 'object',
      required: ['id', 'title', 'category', 'level', 'rfc', 'profiles', 'status', 'message', 'evidence'],
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' },
        title: nonEmpty,
        category: nonEmpty,
        level: { enum: [...REQUIREMENT_LEVELS] },
        rfc: { type: 'string' },
        profiles: { type: 'array', items: nonEmpty },
        status: { enum: [...CHECK_STATUSES] },
        message: { type: 'string' },
        evidence: { type: 'array', items: { $ref: '#/definitions/exchange' } },
        requirement: { type: 'string' },
        fix: { type: 'string' },
        durationMs: { type: 'number', minimum: 0 },
        skipReason: { type: 'string' },
        neededBy: { type: 'array', items: nonEmpty, uniqueItems: true },
        clients: { type: 'array', items: { enum: [...CLIENT_VARIANTS] }, uniqueItems: true },
      },
    },
    exchange: {
      type: 'object',
      required: ['request'],
      properties: {
        request: {
          type: 'object',
          required: ['method', 'url', 'headers'],
          properties: { method: nonEmpty, url: { type: 'string' }, headers: headerMap, body: {} },
        },
        response: {
          type: 'object',
          required: ['status', 'headers'],
          properties: {
            status: { type: 'integer', minimum: 100, maximum: 599 },
            headers: headerMap,
            body: {},
          },
        },
        note: { type: 'string' },
        phase: { enum: [...EVIDENCE_PHASES] },
        decisive: { type: 'boolean' },
      },
    },
  },
} as const;

/**
 * Version 1 of the contract, kept so that a `conformance.json` written before version 2 (a `--baseline`, a shard
 * from an older run) still reads: no `unsupported` status, no `summary.unsupported`. Fields version 2 added are
 * optional, so they need no removal here.
 */
export const CONFORMANCE_SCHEMA_V1 = {
  ...CONFORMANCE_SCHEMA,
  $id: 'https://scim-harness.invalid/schemas/conformance-v1.json',
  properties: {
    ...CONFORMANCE_SCHEMA.properties,
    schemaVersion: { const: 1 },
    summary: {
      ...CONFORMANCE_SCHEMA.properties.summary,
      required: CONFORMANCE_SCHEMA.properties.summary.required.filter((name) => name !== 'unsupported'),
    },
  },
  definitions: {
    ...CONFORMANCE_SCHEMA.definitions,
    check: {
      ...CONFORMANCE_SCHEMA.definitions.check,
      properties: {
        ...CONFORMANCE_SCHEMA.definitions.check.properties,
        status: { enum: CHECK_STATUSES.filter((status) => status !== 'unsupported') },
      },
    },
  },
} as const;

/** The schema as pretty JSON, for `scim-harness report schema` and for publishing beside the reports. */
export function conformanceSchemaJson(): string {
  return `${JSON.stringify(CONFORMANCE_SCHEMA, null, 2)}\n`;
}

let compiled: { current: ValidateFunction; v1: ValidateFunction } | undefined;

/** Compiled once, on first use, so importing the module costs nothing. */
function validators(): { current: ValidateFunction; v1: ValidateFunction } {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    // ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
    formatsPlugin.default(ajv, ['date-time', 'uri']);
    compiled = { current: ajv.compile(CONFORMANCE_SCHEMA), v1: ajv.compile(CONFORMANCE_SCHEMA_V1) };
  }
  return compiled;
}

function validator(): ValidateFunction {
  return validators().current;
}

function isVersion1(value: unknown): value is { schemaVersion: 1; summary: object } {
  return typeof value === 'object' && value !== null && 'schemaVersion' in value && value.schemaVersion === 1;
}

/**
 * A valid version-1 result as version 2, without touching the input: `schemaVersion` 2 and `summary.unsupported` 0
 * (version 1 had no such status, so nothing else changes: no check is `unsupported`, none has `neededBy`).
 */
function upgradeVersion1(value: { summary: object }): ConformanceResult {
  return {
    ...value,
    schemaVersion: CONFORMANCE_SCHEMA_VERSION,
    summary: { ...value.summary, unsupported: 0 },
  } as ConformanceResult;
}

/** Human-readable lines for ajv errors: `/checks/3/status must be equal to one of the allowed values`. */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}

/** Whether `value` is a valid conformance result of the current version (a version-1 file is not; parse it). */
export function isConformanceResult(value: unknown): value is ConformanceResult {
  return validator()(value);
}

/**
 * Returns `value` typed as a conformance result of the current version, or throws a `CONFIG_INVALID`
 * {@link HarnessError} naming every schema violation (e.g. a `conformance.json` given to `scim-harness report merge`).
 * A valid version-1 result (`schemaVersion: 1`) is accepted and upgraded in memory to version 2 (a new object;
 * `summary.unsupported` 0), so `--baseline` and `report merge` read files written before version 2.
 * @param source where the value came from, for the message (a file path).
 */
export function parseConformanceResult(value: unknown, source = 'conformance result'): ConformanceResult {
  const { current, v1 } = validators();
  const validate = isVersion1(value) ? v1 : current;
  if (validate(value)) return isVersion1(value) ? upgradeVersion1(value) : (value as ConformanceResult);
  const problems = describeSchemaErrors(validate.errors);
  throw new HarnessError(
    'CONFIG_INVALID',
    `${source} is not a valid conformance result: ${problems.join('; ')}`,
    {
      hint: `It must follow schemaVersion ${CONFORMANCE_SCHEMA_VERSION} (or 1) of the conformance.json contract.`,
    },
  );
}
