/**
 * The path of one resource below the SCIM base URL: `{endpoint}/{id}` with the id percent-encoded, since an id is
 * the server's opaque string (RFC 7643 §3.1) and may hold characters a path segment cannot.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.1
 */
import { HarnessError } from '../errors/harness-error.js';

/** `/Users/<id>`, `/Groups/<id>`, or any other endpoint's; an empty id would address the endpoint itself. */
export function resourcePath(endpoint: string, id: string): string {
  if (id === '') throw new HarnessError('INTERNAL', `cannot address ${endpoint} with an empty id`);
  return `${endpoint}/${encodeURIComponent(id)}`;
}

/** `/Users/<id>`. */
export function userPath(id: string): string {
  return resourcePath('/Users', id);
}

/** `/Groups/<id>`. */
export function groupPath(id: string): string {
  return resourcePath('/Groups', id);
}
