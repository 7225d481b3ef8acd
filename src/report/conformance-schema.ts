import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { HarnessError } from '../errors/harness-error.js';
import {
  CHECK_STATUSES,
  CONFORMANCE_SCHEMA_VERSION,
  type ConformanceResult,
  FAIL_ON_LEVELS,
  REQUIREMENT_LEVELS,
  VERDICTS,
} from './conformance-result.js';

const headerMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
const count = { type: 'integer', minimum: 0 } as const;
const nonEmpty = { type: 'string', minLength: 1 } as const;

/**
 * JSON Schema (draft-07) of `conformance.json`, the one source of the contract outside the TS types.
 * Unknown properties are allowed on purpose: fields are added, optional, without a version bump, so a reader
 * of version 1 must ignore what it does not know.
 * @see https://json-schema.org/draft-07/json-schema-release-notes
 */
export const CONFORMANCE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://scim-harness.invalid/schemas/conformance-v1.json',
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
    runId: nonEmpty,
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
    shard: {
      type: 'object',
      required: ['index', 'total'],
      properties: {
        index: { type: 'integer', minimum: 1 },
        total: { type: 'integer', minimum: 1 },
        merged: { type: 'array', items: { type: 'integer', minimum: 1 } },
      },
    },
    summary: {
      type: 'object',
      required: ['total', 'passed', 'failed', 'skipped', 'errored', 'verdicts'],
      properties: {
        total: count,
        passed: count,
        failed: count,
        skipped: count,
        errored: count,
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
      },
    },
  },
} as const;

/** The schema as pretty JSON, for `scim-harness report schema` and for publishing beside the reports. */
export function conformanceSchemaJson(): string {
  return `${JSON.stringify(CONFORMANCE_SCHEMA, null, 2)}\n`;
}

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use, so importing the module costs nothing. */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    // ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
    formatsPlugin.default(ajv, ['date-time', 'uri']);
    compiled = ajv.compile(CONFORMANCE_SCHEMA);
  }
  return compiled;
}

/** Human-readable lines for ajv errors: `/checks/3/status must be equal to one of the allowed values`. */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}

/** Whether `value` is a valid conformance result. */
export function isConformanceResult(value: unknown): value is ConformanceResult {
  return validator()(value);
}

/**
 * Returns `value` typed as a conformance result, or throws a `CONFIG_INVALID` {@link HarnessError} naming every
 * schema violation (e.g. a `conformance.json` given to `scim-harness report merge`).
 * @param source where the value came from, for the message (a file path).
 */
export function parseConformanceResult(value: unknown, source = 'conformance result'): ConformanceResult {
  const validate = validator();
  if (validate(value)) return value as ConformanceResult;
  const problems = describeSchemaErrors(validate.errors);
  throw new HarnessError(
    'CONFIG_INVALID',
    `${source} is not a valid conformance result: ${problems.join('; ')}`,
    {
      hint: `It must follow schemaVersion ${CONFORMANCE_SCHEMA_VERSION} of the conformance.json contract.`,
    },
  );
}
