import { ScimError } from '../../scim/errors/scim-error.js';
import { projectResource } from '../../scim/schemas/index.js';
import { showEtag, shownEtagMatches } from '../http/etag.js';
import type { ScimResult } from '../http/scim-result.js';
import { executeList } from '../protocol/list-execution.js';
import {
  listQueryFromParams,
  listQueryFromSearchRequest,
  projectionFromParams,
} from '../protocol/list-query.js';
import type { ReferenceState } from '../reference-state.js';
import { type RenderContext, renderResource, resourceLocation } from '../resources/resource-renderer.js';
import type { ResourceTypeName, StoredResource } from '../store/resource-store.js';
import type { ScimOperation } from './scim-operation.js';

export function renderContext(state: ReferenceState, operation: ScimOperation): RenderContext {
  return { baseUrl: operation.baseUrl, seams: state.seams, store: state.store, etag: state.features.etag };
}

/**
 * A single-resource answer: the rendered, projected resource (RFC 7644 §3.9 applies to create, get, PUT and
 * PATCH responses alike) with its `ETag` (§3.14).
 */
export async function resourceResult(
  state: ReferenceState,
  operation: ScimOperation,
  stored: StoredResource,
  status: number,
  headers: Record<string, string> = {},
): Promise<ScimResult> {
  const rendered = await renderResource(stored, renderContext(state, operation));
  const projection = state.seams.projection(projectionFromParams(operation.params), {});
  const body = state.seams.render(
    projectResource(rendered, stored.resourceType, projection, state.registry),
    { stage: 'projected', rendered, projection, listed: false },
  );
  const shown = state.features.etag ? showEtag(stored.version, state.seams) : undefined;
  const etag: Record<string, string> = shown === undefined ? {} : { ETag: shown };
  return { status, body, headers: { ...etag, ...headers } };
}

export function listLimits(state: ReferenceState) {
  return { defaultCount: state.options.defaultCount, maxResults: state.options.maxResults };
}

/** What a list or search needs besides its query; cursors are bound to the request's credential (RFC 9865 §5.2). */
function listDeps(state: ReferenceState, operation: ScimOperation) {
  return {
    render: renderContext(state, operation),
    seams: state.seams,
    features: state.features,
    registry: state.registry,
    cursors: { codec: state.cursors, actor: operation.actor },
  };
}

/** `POST /.search`, `POST /Users/.search`, `POST /Groups/.search` (RFC 7644 §3.4.3). */
export async function searchResult(
  state: ReferenceState,
  operation: ScimOperation,
  types: readonly ResourceTypeName[],
): Promise<ScimResult> {
  const query = listQueryFromSearchRequest(operation.body, listLimits(state), state.seams);
  const body = await executeList(types, query, listDeps(state, operation));
  return { status: 200, body };
}

/**
 * `/Users` and `/Groups`, their `/.search`, and `/{id}`. A PATCH answers 200 with the resource (RFC 7644
 * §3.5.2 allows 200 or 204; Datadog documents 200, and a body lets the client see what it got).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3
 */
export async function resourceRoute(
  state: ReferenceState,
  operation: ScimOperation,
  type: ResourceTypeName,
  rest: string[],
): Promise<ScimResult | 'method-not-allowed'> {
  const { method } = operation;
  const { service } = state;
  if (rest.length === 0) {
    if (method === 'GET') {
      const query = listQueryFromParams(operation.params, listLimits(state), state.seams);
      const body = await executeList([type], query, listDeps(state, operation));
      return { status: 200, body };
    }
    if (method === 'POST') {
      const created = await service.create(type, operation.body);
      const location = resourceLocation(operation.baseUrl, type, created.id);
      const result = await resourceResult(state, operation, created, 201, { Location: location });
      return state.seams.status(result, { event: 'created' });
    }
    return 'method-not-allowed';
  }
  const [id] = rest;
  if (rest.length !== 1 || id === undefined || id === '') throw ScimError.notFound('No such endpoint.');
  if (id === '.search')
    return method === 'POST' ? searchResult(state, operation, [type]) : 'method-not-allowed';
  const preconditions = { ifMatch: operation.ifMatch };
  switch (method) {
    case 'GET': {
      const found = await service.get(type, id);
      const { ifNoneMatch } = operation;
      const shown = state.features.etag ? showEtag(found.version, state.seams) : undefined;
      if (ifNoneMatch && shown !== undefined && shownEtagMatches(ifNoneMatch, found.version, state.seams)) {
        return { status: 304, headers: { ETag: shown } };
      }
      return resourceResult(state, operation, found, 200);
    }
    case 'PUT': {
      const replaced = await service.replace(type, id, operation.body, preconditions);
      return state.seams.status(await resourceResult(state, operation, replaced, 200), { event: 'replaced' });
    }
    case 'PATCH':
      return resourceResult(
        state,
        operation,
        await service.patch(type, id, operation.body, preconditions),
        200,
      );
    case 'DELETE':
      await service.delete(type, id, preconditions);
      return state.seams.status({ status: 204 }, { event: 'deleted' });
    default:
      return 'method-not-allowed';
  }
}
