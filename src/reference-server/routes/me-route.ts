import { ScimError } from '../../scim/errors/scim-error.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import type { ScimResult } from '../http/scim-result.js';
import type { ReferenceState } from '../reference-state.js';
import { resourceLocation } from '../resources/resource-renderer.js';
import { resourceResult } from './resource-routes.js';
import type { ScimOperation } from './scim-operation.js';

/** The `userType` that marks a `/Me` answer as a service account rather than a User resource. */
export const SERVICE_ACCOUNT_USER_TYPE = 'ServiceAccount';

/**
 * `GET /Me`: the principal that owns the request's key (RFC 7644 §3.11).
 * - a user's key: that User resource, exactly as `GET /Users/{id}` returns it, with `Location` (RFC 7644
 *   §3.11: "the HTTP "Location" header MUST be the permanent location of the aliased resource") and
 *   `Content-Location`;
 * - a service account's key: a User-shaped representation (`userType: "ServiceAccount"`, `id` = the service
 *   account id, `meta.location` under /admin). RFC 7644 §3.11 would allow 501 here, but the harness needs
 *   /Me to tell which principal a key belongs to, so the server answers with a resource for both kinds.
 * Other methods on /Me answer 501: provisioning goes through /Users.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.11
 */
export async function meRoute(state: ReferenceState, operation: ScimOperation): Promise<ScimResult> {
  // RFC 7644 §3.11: "A service provider that does NOT support this feature SHOULD respond with HTTP status 501".
  if (!state.features.me) throw new ScimError(501, undefined, '/Me is not supported.');
  if (operation.method !== 'GET') throw new ScimError(501, undefined, '/Me supports GET only.');
  const { principal } = operation;
  if (principal === undefined)
    throw new ScimError(501, undefined, 'No authenticated principal maps to a resource.');
  if (principal.kind === 'user') {
    const user = await state.service.get('User', principal.id);
    const result = await resourceResult(state, operation, user, 200);
    const location = resourceLocation(operation.baseUrl, 'User', user.id);
    result.headers = { ...result.headers, Location: location, 'Content-Location': location };
    return state.seams.status(result, { event: 'me' });
  }
  const account = state.credentials.serviceAccount(principal.id);
  if (!account) throw ScimError.notFound('The service account that owns this key no longer exists.');
  const origin = new URL(operation.baseUrl).origin;
  const location = `${origin}/admin/service-accounts/${account.id}`;
  const body = state.seams.render(
    {
      schemas: [SCHEMA_URNS.User],
      id: account.id,
      userName: account.email,
      displayName: account.name,
      userType: SERVICE_ACCOUNT_USER_TYPE,
      active: true,
      emails: [{ value: account.email, type: 'work', primary: true }],
      meta: { resourceType: 'User', created: account.created, lastModified: account.created, location },
    },
    { stage: 'me' },
  );
  return state.seams.status({ status: 200, headers: { Location: location }, body }, { event: 'me' });
}
