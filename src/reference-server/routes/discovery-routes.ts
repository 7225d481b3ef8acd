import { ScimError } from '../../scim/errors/scim-error.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import type { ScimResult } from '../http/scim-result.js';
import { ASYNC_RESPONSE_EVENT_URI } from '../protocol/async-requests.js';
import type { ReferenceState } from '../reference-state.js';
import type { ScimObject } from '../store/resource-store.js';
import type { ScimOperation } from './scim-operation.js';

export const DISCOVERY_ENDPOINTS = ['ServiceProviderConfig', 'ResourceTypes', 'Schemas'] as const;
export type DiscoveryEndpoint = (typeof DISCOVERY_ENDPOINTS)[number];

/**
 * What this server supports, as RFC 7643 §5 describes it. Bulk and filter limits are the ones the server
 * enforces (413 above maxOperations/maxPayloadSize; pages capped at maxResults).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-5
 */
export function serviceProviderConfig(state: ReferenceState, baseUrl: string): Record<string, unknown> {
  const { options, features } = state;
  return {
    schemas: [SCHEMA_URNS.ServiceProviderConfig],
    documentationUri: 'https://docs.datadoghq.com/account_management/scim/',
    patch: { supported: true },
    bulk: features.bulk
      ? { supported: true, maxOperations: options.maxOperations, maxPayloadSize: options.maxPayloadSize }
      : { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: options.maxResults },
    changePassword: { supported: features.changePassword },
    sort: { supported: features.sort },
    etag: { supported: features.etag },
    // RFC 9865 §4: advertised by a provider implementing cursor pagination. Index stays the default, so clients that
    // predate cursors get what they always got (§2.4).
    ...(features.cursor
      ? {
          pagination: {
            cursor: true,
            index: true,
            defaultPaginationMethod: 'index',
            defaultPageSize: options.defaultCount,
            maxPageSize: options.maxResults,
            cursorTimeout: options.cursorTimeout,
          },
        }
      : {}),
    // draft-zollner-scim-interop-profile-01 §4: "Service Providers claiming conformance with this profile MUST include
    // an interopProfileConformant attribute with a value of true".
    ...(features.interopProfile ? { interopProfileConformant: true } : {}),
    // RFC 9967 §4: the client may ask for asynchronous processing ("request"); the one event this server produces is
    // the asynchronous completion (§2.5.1.2), readable at the Location of a 202.
    ...(features.asyncRequest
      ? { securityEvents: { asyncRequest: 'request', eventUris: [ASYNC_RESPONSE_EVENT_URI] } }
      : {}),
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Application key',
        description: 'A Datadog-style application key sent as an OAuth 2.0 Bearer token.',
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        documentationUri: 'https://docs.datadoghq.com/account_management/api-app-keys/',
        primary: true,
      },
    ],
    meta: {
      resourceType: 'ServiceProviderConfig',
      location: `${baseUrl}/ServiceProviderConfig`,
      created: state.startedAt,
      lastModified: state.startedAt,
    },
  };
}

function listResponse(resources: unknown[], state: ReferenceState): ScimObject {
  return state.seams.render(
    {
      schemas: [SCHEMA_URNS.ListResponse],
      totalResults: resources.length,
      itemsPerPage: resources.length,
      startIndex: 1,
      Resources: resources,
    },
    { stage: 'list' },
  );
}

/** The documents an endpoint serves, as rendered for this request. */
function documentsOf(state: ReferenceState, endpoint: DiscoveryEndpoint, baseUrl: string): ScimObject[] {
  switch (endpoint) {
    case 'ServiceProviderConfig':
      return [serviceProviderConfig(state, baseUrl)];
    case 'Schemas':
      return state.registry.renderSchemas(baseUrl) as unknown as ScimObject[];
    case 'ResourceTypes':
      return state.registry.renderResourceTypes(baseUrl) as unknown as ScimObject[];
    default: {
      const unreachable: never = endpoint;
      return unreachable;
    }
  }
}

/**
 * `/ServiceProviderConfig`, `/ResourceTypes[/{id}]`, `/Schemas[/{id}]`: read-only (other methods 405).
 * A `filter` is answered 403, as RFC 7644 §4 recommends, so no client believes it was applied.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-4
 */
export function discoveryRoute(
  state: ReferenceState,
  operation: ScimOperation,
  endpoint: DiscoveryEndpoint,
  rest: string[],
): ScimResult | 'method-not-allowed' {
  const { seams } = state;
  const { baseUrl } = operation;
  const [id] = rest;
  const answer = seams.discovery({ documents: documentsOf(state, endpoint, baseUrl), id }, { endpoint });
  // RFC 7644 §4: the discovery endpoints are read-only, and answer a filter with 403.
  if (
    operation.method !== 'GET' &&
    seams.refuse(new ScimError(405, undefined, 'Discovery endpoints are read-only.'), {
      rule: 'discovery-write',
    }) !== undefined
  ) {
    return 'method-not-allowed';
  }
  if (operation.params.has('filter')) {
    const refusal = new ScimError(403, undefined, `Filtering is not supported on /${endpoint}.`);
    const error = seams.refuse(refusal, { rule: 'discovery-filter' });
    if (error !== undefined) throw error;
  }
  if (endpoint === 'ServiceProviderConfig') {
    if (rest.length > 0) throw ScimError.notFound('No such endpoint.');
    return { status: 200, body: answer.documents[0] };
  }
  if (answer.id === undefined) return { status: 200, body: listResponse(answer.documents, state) };
  const found =
    rest.length === 1
      ? answer.documents.find((item) => String(item.id).toLowerCase() === answer.id?.toLowerCase())
      : undefined;
  if (!found)
    throw ScimError.notFound(
      `No ${endpoint === 'Schemas' ? 'schema' : 'resource type'} ${JSON.stringify(id?.slice(0, 200))}.`,
    );
  return { status: 200, body: found };
}
