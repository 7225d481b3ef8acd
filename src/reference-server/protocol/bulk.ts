import { ScimError } from '../../scim/errors/scim-error.js';
import { isJsonObject } from '../../scim/filter/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import { errorResult, type ScimResult } from '../http/scim-result.js';
import type { ComposedSeams } from '../seams.js';

export const BULK_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type BulkMethod = (typeof BULK_METHODS)[number];

/** One operation of a BulkRequest, checked. */
export interface BulkOperation {
  index: number;
  method: BulkMethod;
  bulkId?: string;
  version?: string;
  path: string;
  data?: unknown;
}

/** One operation as it is run. */
export interface BulkCall {
  method: BulkMethod;
  path: string;
  data: unknown;
  version?: string;
}

/** Runs one operation with every `bulkId:` reference already replaced by a real id. */
export type BulkDispatch = (operation: BulkCall) => Promise<ScimResult>;

export interface BulkLimits {
  maxOperations: number;
}

const BULK_REF = /^bulkId:(.+)$/;

export function findMember(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

/** Every bulkId a value refers to (`"bulkId:qwerty"` anywhere in the data, or as a path segment). */
function referencesIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') {
    const match = BULK_REF.exec(value);
    if (match) into.add(match[1]!);
  } else if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, into);
  } else if (isJsonObject(value)) {
    for (const item of Object.values(value)) referencesIn(item, into);
  }
  return into;
}

function substitute(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    const match = BULK_REF.exec(value);
    return match ? (ids.get(match[1]!) ?? value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, ids));
  if (isJsonObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, ids)]));
  return value;
}

function readOperation(raw: unknown, index: number): BulkOperation {
  if (!isJsonObject(raw)) throw ScimError.invalidSyntax(`Operations[${index}] must be an object.`);
  const method = findMember(raw, 'method');
  const upper = typeof method === 'string' ? method.toUpperCase() : undefined;
  if (!(BULK_METHODS as readonly (string | undefined)[]).includes(upper)) {
    throw ScimError.invalidValue(`Operations[${index}].method must be POST, PUT, PATCH or DELETE.`);
  }
  const path = findMember(raw, 'path');
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw ScimError.invalidValue(`Operations[${index}].path must be a path such as /Users or /Users/{id}.`);
  }
  const bulkId = findMember(raw, 'bulkId');
  if (bulkId !== undefined && (typeof bulkId !== 'string' || bulkId === '')) {
    throw ScimError.invalidValue(`Operations[${index}].bulkId must be a non-empty string.`);
  }
  if (upper === 'POST' && bulkId === undefined) {
    throw ScimError.invalidValue(`Operations[${index}] is a POST and needs a bulkId (RFC 7644 §3.7).`);
  }
  const version = findMember(raw, 'version');
  const data = findMember(raw, 'data');
  if (upper !== 'DELETE' && data === undefined)
    throw ScimError.invalidValue(`Operations[${index}] needs data.`);
  const operation: BulkOperation = { index, method: upper as BulkMethod, path };
  if (typeof bulkId === 'string') operation.bulkId = bulkId;
  if (typeof version === 'string') operation.version = version;
  if (data !== undefined) operation.data = data;
  return operation;
}

function readRequest(
  body: unknown,
  limits: BulkLimits,
  seams: ComposedSeams,
): { operations: BulkOperation[]; failOnErrors: number } {
  if (!isJsonObject(body)) throw ScimError.invalidSyntax('A BulkRequest must be a JSON object.');
  const schemas = body.schemas;
  if (
    !Array.isArray(schemas) ||
    !schemas.some((urn) => typeof urn === 'string' && urn === SCHEMA_URNS.BulkRequest)
  ) {
    throw ScimError.invalidValue(`"schemas" must be ["${SCHEMA_URNS.BulkRequest}"].`);
  }
  const raw = findMember(body, 'Operations');
  if (!Array.isArray(raw)) throw ScimError.invalidSyntax('A BulkRequest needs an "Operations" array.');
  if (raw.length > limits.maxOperations) {
    const refusal = new ScimError(
      413,
      undefined,
      `The BulkRequest has ${raw.length} operations; maxOperations is ${limits.maxOperations}.`,
    );
    const error = seams.refuse(refusal, { rule: 'bulk-size' });
    if (error !== undefined) throw error;
  }
  const failOnErrors = findMember(body, 'failOnErrors');
  if (
    failOnErrors !== undefined &&
    (typeof failOnErrors !== 'number' || !Number.isInteger(failOnErrors) || failOnErrors < 1)
  ) {
    throw ScimError.invalidValue('failOnErrors must be an integer of at least 1.');
  }
  const operations = raw.map(readOperation);
  const seen = new Set<string>();
  for (const operation of operations) {
    if (operation.bulkId === undefined) continue;
    if (seen.has(operation.bulkId))
      throw ScimError.invalidValue(`bulkId ${JSON.stringify(operation.bulkId)} is used twice.`);
    seen.add(operation.bulkId);
  }
  return {
    operations,
    failOnErrors: typeof failOnErrors === 'number' ? failOnErrors : Number.POSITIVE_INFINITY,
  };
}

function responseEntry(
  operation: BulkOperation,
  result: ScimResult,
  seams: ComposedSeams,
): Record<string, unknown> {
  const entry: Record<string, unknown> = { method: operation.method };
  if (operation.bulkId !== undefined) entry.bulkId = operation.bulkId;
  const headers = result.headers ?? {};
  const body = isJsonObject(result.body) ? result.body : undefined;
  const meta = body && isJsonObject(body.meta) ? body.meta : undefined;
  const location = headers.Location ?? (typeof meta?.location === 'string' ? meta.location : undefined);
  if (location !== undefined && result.status < 400) entry.location = location;
  if (headers.ETag !== undefined) entry.version = headers.ETag;
  entry.status = String(result.status);
  if (result.status >= 400) entry.response = result.body;
  return seams.render(entry, { stage: 'bulk-entry', status: result.status });
}

/**
 * Runs a BulkRequest (RFC 7644 §3.7). Operations run one by one, in request order except that an operation
 * referring to `bulkId:x` waits until the operation with bulkId x has run, so forward references resolve.
 * A reference to a bulkId whose operation failed, or that no operation declares, fails that operation with
 * 409; operations left waiting on each other (a circular reference) fail with 409 too (§3.7.1 lets the
 * server stop after a failed attempt). `failOnErrors` stops processing after that many errors; the response
 * lists the operations that ran, in request order, each `status` a string.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.7
 */
export async function runBulk(
  body: unknown,
  limits: BulkLimits,
  seams: ComposedSeams,
  dispatch: BulkDispatch,
): Promise<ScimResult> {
  const request = readRequest(body, limits, seams);
  const { operations } = request;
  const plan = seams.bulk(
    { failOnErrors: request.failOnErrors, resolveBulkIds: true, unreported: [] },
    { operations },
  );
  const { failOnErrors } = plan;
  // Without resolution, "bulkId:…" values reach the operations verbatim.
  const verbatim = !plan.resolveBulkIds;
  const declared = new Set(
    operations.flatMap((operation) => (operation.bulkId === undefined ? [] : [operation.bulkId])),
  );
  const ids = new Map<string, string>();
  const failed = new Set<string>();
  const results = new Map<number, Record<string, unknown>>();
  let pending = [...operations];
  let errors = 0;
  const fail = (operation: BulkOperation, error: ScimError) => {
    results.set(operation.index, responseEntry(operation, errorResult(error, seams), seams));
    if (operation.bulkId !== undefined) failed.add(operation.bulkId);
    errors += 1;
  };
  while (pending.length > 0 && errors < failOnErrors) {
    const refs = (operation: BulkOperation) =>
      referencesIn(operation.path, referencesIn(operation.data, new Set()));
    const next = pending.find(
      (operation) =>
        verbatim ||
        [...refs(operation)].every((ref) => ids.has(ref) || failed.has(ref) || !declared.has(ref)),
    );
    if (next === undefined) {
      for (const operation of pending) {
        if (errors >= failOnErrors) break;
        fail(
          operation,
          new ScimError(409, undefined, `Circular bulkId reference: ${[...refs(operation)].join(', ')}.`),
        );
      }
      pending = [];
      break;
    }
    pending = pending.filter((operation) => operation !== next);
    const unresolved = [...refs(next)].filter((ref) => !ids.has(ref));
    if (unresolved.length > 0 && !verbatim) {
      fail(next, new ScimError(409, undefined, `bulkId ${unresolved.join(', ')} could not be resolved.`));
      continue;
    }
    const known = verbatim ? new Map<string, string>() : ids;
    const path = substitute(next.path, known) as string;
    const dispatched: { method: BulkMethod; path: string; data: unknown; version?: string } = {
      method: next.method,
      path: path
        .split('/')
        .map((segment) => substitute(segment, known))
        .join('/'),
      data: substitute(next.data, known),
    };
    if (next.version !== undefined) dispatched.version = next.version;
    const result = await dispatch(dispatched);
    results.set(next.index, responseEntry(next, result, seams));
    if (result.status >= 400) {
      errors += 1;
      if (next.bulkId !== undefined) failed.add(next.bulkId);
    } else if (next.bulkId !== undefined && isJsonObject(result.body) && typeof result.body.id === 'string') {
      ids.set(next.bulkId, result.body.id);
    }
  }
  for (const call of plan.unreported) await dispatch(call);
  return {
    status: 200,
    body: {
      schemas: [SCHEMA_URNS.BulkResponse],
      Operations: [...results.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry),
    },
  };
}
