import { ScimError } from '../../scim/errors/scim-error.js';
import { errorResult, type ScimResult } from '../http/scim-result.js';
import { runBulk } from '../protocol/bulk.js';
import type { ReferenceState } from '../reference-state.js';
import type { ResourceTypeName } from '../store/resource-store.js';
import { DISCOVERY_ENDPOINTS, type DiscoveryEndpoint, discoveryRoute } from './discovery-routes.js';
import { meRoute } from './me-route.js';
import { resourceRoute, searchResult } from './resource-routes.js';
import type { ScimOperation } from './scim-operation.js';

/** The SCIM base path, as Datadog serves it. */
export const SCIM_BASE_PATH = '/api/v2/scim';

const RESOURCE_ENDPOINTS: Record<string, ResourceTypeName> = { users: 'User', groups: 'Group' };

/** The methods each endpoint answers, for the `Allow` header of a 405. */
function allowedMethods(segments: string[]): string {
  const [first, second] = segments;
  if (first === '.search' || second === '.search' || first === 'Bulk') return 'POST';
  if (first !== undefined && first.toLowerCase() in RESOURCE_ENDPOINTS)
    return second === undefined ? 'GET, POST' : 'GET, PUT, PATCH, DELETE';
  return 'GET';
}

/** Splits a path below the base into decoded segments; malformed percent-encoding is 404 (no such resource). */
export function pathSegments(path: string): string[] {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '') return [];
  return trimmed.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw ScimError.notFound('No such resource: the path is not validly encoded.');
    }
  });
}

async function route(
  state: ReferenceState,
  operation: ScimOperation,
): Promise<ScimResult | 'method-not-allowed'> {
  const [first, ...rest] = operation.segments;
  if (first === undefined) throw ScimError.notFound('No such endpoint: name a resource type, e.g. /Users.');
  const resourceType = RESOURCE_ENDPOINTS[first.toLowerCase()];
  if (resourceType !== undefined) return resourceRoute(state, operation, resourceType, rest);
  const discovery = DISCOVERY_ENDPOINTS.find((endpoint) => endpoint.toLowerCase() === first.toLowerCase());
  if (discovery !== undefined) return discoveryRoute(state, operation, discovery as DiscoveryEndpoint, rest);
  if (rest.length === 0 && first === '.search') {
    return operation.method === 'POST'
      ? searchResult(state, operation, ['User', 'Group'])
      : 'method-not-allowed';
  }
  if (rest.length === 0 && first.toLowerCase() === 'me') return meRoute(state, operation);
  if (rest.length === 0 && first.toLowerCase() === 'bulk') {
    if (operation.method !== 'POST') return 'method-not-allowed';
    if (operation.inBulk) throw ScimError.invalidValue('A bulk operation cannot call /Bulk.');
    // A mode without bulk says so in its ServiceProviderConfig; 501 is RFC 7644 §3.12's "not implemented".
    if (!state.features.bulk) throw new ScimError(501, undefined, 'Bulk is not supported.');
    return runBulk(
      operation.body,
      { maxOperations: state.options.maxOperations },
      state.seams,
      (bulkOperation) => {
        const url = new URL(bulkOperation.path, 'http://bulk.invalid');
        return dispatchScim(state, {
          ...operation,
          method: bulkOperation.method,
          segments: pathSegments(url.pathname),
          params: new URLSearchParams(),
          body: bulkOperation.data,
          ifMatch: bulkOperation.version ?? null,
          ifNoneMatch: null,
          inBulk: true,
        });
      },
    );
  }
  throw ScimError.notFound(`No such endpoint: /${first.slice(0, 100)}.`);
}

/**
 * Runs one SCIM operation and answers it; protocol errors become SCIM error results here, so a bulk
 * operation's failure is that operation's result, not the whole request's. Anything else propagates: it is
 * a bug, and the handler turns it into a logged 500.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 */
export async function dispatchScim(state: ReferenceState, operation: ScimOperation): Promise<ScimResult> {
  try {
    const result = await route(state, operation);
    if (result === 'method-not-allowed') {
      const refusal = new ScimError(405, undefined, `${operation.method} is not supported on this endpoint.`);
      const error = state.seams.refuse(refusal, { rule: 'method' }) ?? refusal;
      const answer = errorResult(error, state.seams);
      if (error.status !== 405) return answer;
      return { ...answer, headers: { ...answer.headers, Allow: allowedMethods(operation.segments) } };
    }
    return result;
  } catch (error) {
    if (error instanceof ScimError) return errorResult(error, state.seams);
    throw error;
  }
}
