/**
 * Okta's SCIM 2.0 client requests for the `okta` checks, built by the mock Okta client's own builders, so that a check
 * sends byte for byte what `replay --idp okta` sends: Okta's headers, its key order, its query encoding.
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */
import {
  encodeQuery,
  type OktaClientProfile,
  type RequestDescriptor,
  resolveOktaClientProfile,
} from '../../../mock-idp/requests/index.js';
import type { ScimClient, ScimExchange } from '../../../src/http/index.js';

/** Where the `okta` requirements are written, for the `rfc` field. */
export const OKTA_DOCS = {
  /** Okta's SCIM 2.0 reference ("SCIM 2.0 protocol reference"). */
  ref: 'Okta SCIM 2.0 reference',
  /** Okta's SCIM concepts page (Okta never deletes users; 429 handling). */
  concept: 'Okta SCIM concepts',
  /** The Okta SCIM 2.0 SPEC test (Runscope/BlazeMeter), which OIN submissions run. */
  spec: 'Okta SCIM 2.0 SPEC test',
  /** The Okta SCIM 2.0 CRUD test. */
  crud: 'Okta SCIM 2.0 CRUD test',
} as const;

/** The OIN catalog app's client: PATCH for (de)activation and groups. */
export const OKTA_OIN: OktaClientProfile = resolveOktaClientProfile({ app: 'oin' });

/** Sends a descriptor as the mock Okta client does (the client sets Authorization). */
export function sendOkta(scim: ScimClient, request: RequestDescriptor): Promise<ScimExchange> {
  const { Authorization: _placeholder, ...headers } = request.headers;
  const query = encodeQuery(request);
  return scim.request({
    method: request.method,
    path: request.path,
    ...(query === '' ? {} : { query }),
    ...(request.body === undefined ? {} : { body: request.body }),
    headers,
  });
}

/** A placeholder password as Okta generates them: 8 alphanumeric characters. */
export function oktaPassword(faker: { string: { alphanumeric: (length: number) => string } }): string {
  return faker.string.alphanumeric(8);
}

/** An Okta user id (`00u` and 17 alphanumerics), as Okta sends it in `externalId`. */
export function oktaUserIdOf(faker: { string: { alphanumeric: (length: number) => string } }): string {
  return `00u${faker.string.alphanumeric(17)}`;
}
