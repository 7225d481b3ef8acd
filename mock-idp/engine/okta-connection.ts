import { HarnessError } from '../../src/errors/harness-error.js';
import type { ScimClient, ScimExchange } from '../../src/http/index.js';
import { isJsonObject } from '../../src/json/json-guards.js';
import {
  encodeQuery,
  OKTA_PAGE_SIZE,
  type OktaClientProfile,
  oktaImportPageRequest,
  oktaTestConnectionRequests,
  type RequestDescriptor,
} from '../requests/index.js';
import { classifyExchange } from './reactions.js';

/** Sends one of Okta's own requests with its headers (the client's Authorization replaces the placeholder). */
async function sendOkta(client: ScimClient, request: RequestDescriptor): Promise<ScimExchange> {
  const { Authorization: _placeholder, ...headers } = request.headers;
  return client.request({ method: request.method, path: request.path, query: encodeQuery(request), headers });
}

/** The harness error for an answer Okta's Test API Credentials (or import) would fail on. */
function refusal(
  step: string,
  request: RequestDescriptor,
  exchange: ScimExchange,
  client: ScimClient,
): HarnessError {
  const kind = classifyExchange(request.operation, exchange);
  if (kind === 'unauthorized') {
    return new HarnessError(
      'CREDENTIALS_REJECTED',
      `${step}: the target rejected the token (${exchange.response?.status})`,
    );
  }
  if (kind === 'timeout' || kind === 'networkError') {
    return new HarnessError(
      'TARGET_UNREACHABLE',
      `${step}: ${exchange.outcome}${exchange.error ? `: ${client.redact(exchange.error)}` : ''}`,
    );
  }
  return new HarnessError(
    'TARGET_RESPONSE_UNUSABLE',
    `${step}: ${request.path}?${encodeQuery(request)} answered ${exchange.response?.status}, expected 200 with a ListResponse`,
  );
}

/**
 * Test API Credentials as Okta sends it: `GET /Users?startIndex=1&count=2`, then `GET /Groups?startIndex=1&count=100`
 * with Group Push. Any answer but 200 fails the test, as it does in Okta's admin console.
 * @see https://developer.okta.com/docs/reference/scim/scim-11/
 */
export async function oktaTestConnection(
  client: ScimClient,
  profile: OktaClientProfile,
  groups: boolean,
): Promise<void> {
  for (const request of oktaTestConnectionRequests(profile, groups)) {
    const exchange = await sendOkta(client, request);
    if (classifyExchange(request.operation, exchange) !== 'success')
      throw refusal('Test API Credentials', request, exchange, client);
  }
}

/** What an import read. */
export interface OktaImportResult {
  readonly users: number;
  readonly groups: number;
  readonly requests: number;
}

/**
 * An import as Okta pages it: `startIndex=1&count=100`, then `startIndex` plus 100 until `totalResults` is read (REF20:
 * paging fields "must be integers"). Okta pages through everything; the harness stops after `maxPages` per endpoint,
 * since a shared target may hold far more than the run's own objects.
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */
export async function oktaImport(
  client: ScimClient,
  profile: OktaClientProfile,
  options: { groups: boolean; maxPages: number },
): Promise<OktaImportResult> {
  let requests = 0;
  const read = async (endpoint: '/Users' | '/Groups'): Promise<number> => {
    let seen = 0;
    for (let startIndex = 1, pages = 0; pages < options.maxPages; startIndex += OKTA_PAGE_SIZE, pages++) {
      const request = oktaImportPageRequest(profile, endpoint, startIndex);
      const exchange = await sendOkta(client, request);
      requests++;
      const json = exchange.response?.json;
      if (classifyExchange(request.operation, exchange) !== 'success' || !isJsonObject(json))
        throw refusal('Import', request, exchange, client);
      const { totalResults, Resources } = json;
      if (!Number.isInteger(totalResults)) {
        throw new HarnessError(
          'TARGET_RESPONSE_UNUSABLE',
          `Import: ${endpoint} answered totalResults ${JSON.stringify(totalResults)}; Okta pages only on integer paging fields`,
        );
      }
      const page = Array.isArray(Resources) ? Resources.length : 0;
      seen += page;
      if (page === 0 || startIndex + OKTA_PAGE_SIZE > (totalResults as number)) break;
    }
    return seen;
  };
  const users = await read('/Users');
  const groups = options.groups ? await read('/Groups') : 0;
  return { users, groups, requests };
}
