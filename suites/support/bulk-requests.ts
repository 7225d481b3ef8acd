/**
 * Building BulkRequests and reading BulkResponses (RFC 7644 §3.7) inside the bulk checks, and tracking what a bulk
 * created so the check cleans it up like anything else it made: by the operation's `location`, or, when the target
 * gives none, by filtering on the run-tagged name the check chose.
 */
import type { ScimClient, ScimExchange } from '../../src/http/index.js';
import { isJsonObject } from '../../src/json/json-guards.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import { idFromLocation, member, resourcesOf, stringMember } from './case-insensitive-json.js';
import type { ResourceFactory } from './resource-factory.js';

export type BulkMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface BulkOperation {
  method: BulkMethod;
  path: string;
  bulkId?: string;
  version?: string;
  data?: unknown;
}

/** A BulkRequest body; `extra` adds e.g. `failOnErrors`. */
export function bulkRequest(operations: readonly BulkOperation[], extra: Record<string, unknown> = {}) {
  return { schemas: [SCHEMA_URNS.BulkRequest], ...extra, Operations: operations };
}

/** The `Operations` of a BulkResponse, each an object (anything else is dropped). */
export function bulkResults(exchange: ScimExchange): Record<string, unknown>[] {
  const operations = member(exchange.response?.json, 'Operations');
  return Array.isArray(operations) ? operations.filter(isJsonObject) : [];
}

/**
 * An operation's status code as text. RFC 7644 §3.7 shows it both as `"status": "201"` and as
 * `"status": {"code": "201"}`; both are read. A number is read too, so the harness can tell success from failure;
 * whether it is a string is a check of its own.
 */
export function statusCodeOf(result: unknown): string | undefined {
  const status = member(result, 'status');
  const code = isJsonObject(status) ? member(status, 'code') : status;
  if (typeof code === 'string') return code.trim();
  return typeof code === 'number' ? String(code) : undefined;
}

export function isSuccess(result: unknown): boolean {
  const code = Number(statusCodeOf(result));
  return code >= 200 && code < 300;
}

export function resultFor(
  results: readonly Record<string, unknown>[],
  bulkId: string,
): Record<string, unknown> | undefined {
  return results.find((result) => member(result, 'bulkId') === bulkId);
}

/** What a bulk POST was meant to create: its bulkId, endpoint and run-tagged name (userName or displayName). */
export interface BulkCreation {
  bulkId: string;
  endpoint: '/Users' | '/Groups';
  name: string;
}

/**
 * Tracks every resource the bulk created, so it is deleted when the check ends. Uses the operation's location;
 * without one, looks the name up with a filter. Returns the ids by bulkId.
 */
export async function trackBulkCreations(
  scim: ScimClient,
  resources: ResourceFactory,
  exchange: ScimExchange,
  creations: readonly BulkCreation[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const results = bulkResults(exchange);
  for (const creation of creations) {
    const result = resultFor(results, creation.bulkId);
    let id = idFromLocation(member(result, 'location')) ?? stringMember(member(result, 'response'), 'id');
    if (id === undefined && (result === undefined || isSuccess(result)))
      id = await findByName(scim, creation);
    if (id !== undefined) {
      resources.track(creation.endpoint, id, creation.name);
      ids.set(creation.bulkId, id);
    }
  }
  return ids;
}

async function findByName(scim: ScimClient, creation: BulkCreation): Promise<string | undefined> {
  const attribute = creation.endpoint === '/Users' ? 'userName' : 'displayName';
  const found = await scim.get(creation.endpoint, {
    query: { filter: `${attribute} eq "${creation.name.replace(/["\\]/g, '\\$&')}"` },
  });
  if (found.response?.status !== 200) return undefined;
  const match = resourcesOf(found.response.json).find((item) => member(item, attribute) === creation.name);
  return stringMember(match, 'id');
}
