import { ScimError } from '../../scim/errors/scim-error.js';
import { projectResource } from '../../scim/schemas/index.js';
import { showEtag, shownEtagMatches } from '../http/etag.js';
import type { ScimResult } from '../http/scim-result.js';
import { executeList } from '../protocol/list-execution.js';
import {
  type ListQuery,
  listQueryFromParams,
  listQueryFromSearchRequest,
  projectionFromParams,
} from '../protocol/list-query.js';
import type { ReferenceState } from '../reference-state.js';
import { withPassword } from '../resources/resource-quirks.js';
import { type RenderContext, renderResource } from '../resources/resource-renderer.js';
import type { ResourceTypeName, StoredResource } from '../store/resource-store.js';
import type { ScimOperation } from './scim-operation.js';

export function renderContext(state: ReferenceState, operation: ScimOperation): RenderContext {
  return { baseUrl: operation.baseUrl, quirks: state.quirks, store: state.store, etag: state.features.etag };
}

type Projection = Pick<ListQuery, 'attributes' | 'excludedAttributes'>;

function effectiveProjection(state: ReferenceState, projection: Projection): Projection {
  const result: Projection = {};
  if (projection.attributes && !state.quirks.has('attributes-ignored'))
    result.attributes = projection.attributes;
  if (projection.excludedAttributes && !state.quirks.has('excluded-attributes-ignored')) {
    result.excludedAttributes = projection.excludedAttributes;
  }
  return result;
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
  const projection = effectiveProjection(state, projectionFromParams(operation.params));
  const projected = projectResource(rendered, stored.resourceType, projection, state.registry);
  if (projection.excludedAttributes && state.quirks.has('excluded-attributes-drop-always-returned')) {
    for (const name of projection.excludedAttributes) delete projected[name];
  }
  const body = state.quirks.has('password-returned') ? withPassword(projected, rendered) : projected;
  const etag: Record<string, string> =
    state.quirks.has('no-etag') || !state.features.etag
      ? {}
      : { ETag: showEtag(stored.version, state.quirks) };
  return { status, body, headers: { ...etag, ...headers } };
}

export function listLimits(state: ReferenceState) {
  return { defaultCount: state.options.defaultCount, maxResults: state.options.maxResults };
}

/** What a list or search needs besides its query; cursors are bound to the request's credential (RFC 9865 §5.2). */
function listDeps(state: ReferenceState, operation: ScimOperation) {
  return {
    render: renderContext(state, operation),
    quirks: state.quirks,
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
  const query = listQueryFromSearchRequest(operation.body, listLimits(state), state.quirks);
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
  const { service, quirks } = state;
  if (rest.length === 0) {
    if (method === 'GET') {
      const query = listQueryFromParams(operation.params, listLimits(state), quirks);
      const body = await executeList([type], query, listDeps(state, operation));
      return { status: 200, body };
    }
    if (method === 'POST') {
      const created = await service.create(type, operation.body);
      const result = await resourceResult(
        state,
        operation,
        created,
        quirks.has('create-returns-200') ? 200 : 201,
      );
      const location = `${operation.baseUrl}/${type === 'User' ? 'Users' : 'Groups'}/${encodeURIComponent(created.id)}`;
      if (!quirks.has('no-location-header')) result.headers = { ...result.headers, Location: location };
      return result;
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
      if (
        ifNoneMatch &&
        !quirks.has('if-match-ignored') &&
        !quirks.has('no-etag') &&
        state.features.etag &&
        shownEtagMatches(ifNoneMatch, found.version, quirks)
      ) {
        return { status: 304, headers: { ETag: showEtag(found.version, quirks) } };
      }
      return resourceResult(state, operation, found, 200);
    }
    case 'PUT': {
      const replaced = await service.replace(type, id, operation.body, preconditions);
      if (quirks.has('put-returns-204')) return { status: 204 };
      return resourceResult(state, operation, replaced, 200);
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
      return { status: quirks.has('delete-returns-200') ? 200 : 204 };
    default:
      return 'method-not-allowed';
  }
}
