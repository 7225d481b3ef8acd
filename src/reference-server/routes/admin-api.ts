import { ScimError } from '../../scim/errors/scim-error.js';
import { isJsonObject } from '../../scim/filter/index.js';
import { authenticate, unauthorizedResult } from '../credentials/authenticate.js';
import type { ApplicationKeyInfo, PrincipalRef } from '../credentials/credential-store.js';
import type { ScimResult } from '../http/scim-result.js';
import type { ReferenceState } from '../reference-state.js';
import { NO_SEAMS } from '../seams.js';
import { pathSegments } from './scim-router.js';

/** The admin API lives outside the SCIM base path. */
export const ADMIN_BASE_PATH = '/admin';

function readPrincipal(value: unknown): PrincipalRef {
  if (
    !isJsonObject(value) ||
    typeof value.id !== 'string' ||
    (value.kind !== 'user' && value.kind !== 'serviceAccount')
  ) {
    throw ScimError.invalidValue('owner must be {"kind": "user" | "serviceAccount", "id": "<id>"}.');
  }
  return { kind: value.kind, id: value.id };
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    throw ScimError.invalidValue(`${name} must be a non-empty string of at most 200 characters.`);
  }
  return value;
}

async function mintKey(state: ReferenceState, body: unknown): Promise<ScimResult> {
  if (!isJsonObject(body)) throw ScimError.invalidSyntax('Send {"owner": {"kind": …, "id": …}, "name"?: …}.');
  const owner = readPrincipal(body.owner);
  if (owner.kind === 'user') {
    const user = await state.store.get('User', owner.id);
    if (!user) throw ScimError.notFound(`User ${owner.id.slice(0, 100)} not found.`);
    if (user.attributes.active === false)
      throw ScimError.invalidValue('The user is deactivated: its keys would not work.');
  } else if (!state.credentials.serviceAccount(owner.id)) {
    throw ScimError.notFound(`Service account ${owner.id.slice(0, 100)} not found.`);
  }
  const minted = state.credentials.mintKey(owner, optionalString(body, 'name'));
  return { status: 201, body: { ...minted.info, key: minted.secret } };
}

function keyView(key: ApplicationKeyInfo): Record<string, unknown> {
  return {
    id: key.id,
    name: key.name,
    owner: key.owner,
    created: key.created,
    revokedAt: key.revokedAt,
    // A scheduled revocation has not happened yet.
    revoked: key.revokedAt !== null && Date.parse(key.revokedAt) <= Date.now(),
  };
}

/**
 * The admin API (local and test use only), authenticated with a key of the built-in admin service account:
 * - `GET|POST /admin/service-accounts`: list, create (`{"name", "email"?}`);
 * - `GET /admin/keys`: every key's id, name, owner and revoked state, never a secret;
 * - `POST /admin/keys`: mint a key for a user or service account (`{"owner": {"kind", "id"}, "name"?}`); the
 *   answer is the only place the secret ever appears;
 * - `DELETE /admin/keys/{id}`: revoke;
 * - `POST /admin/keys/lookup` with `{"key": "<secret>"}`: which principal owns a key (the secret travels in the
 *   body, never in a URL that could be logged).
 */
export async function adminRoute(
  state: ReferenceState,
  request: Request,
  path: string,
  body: unknown,
): Promise<ScimResult> {
  // No seam applies to the admin API: it is the harness's control channel, not the behaviour under test.
  const auth = authenticate(request.headers.get('authorization'), state.credentials);
  if (!auth.ok) return unauthorizedResult(auth.failure, NO_SEAMS);
  const owner = auth.key?.owner;
  if (owner?.kind !== 'serviceAccount' || owner.id !== state.admin.id) {
    throw new ScimError(403, undefined, 'The admin API needs the admin service account key.');
  }
  const segments = pathSegments(path);
  const method = request.method;
  const [first, second, ...rest] = segments;
  if (first === 'service-accounts' && second === undefined) {
    if (method === 'GET') return { status: 200, body: state.credentials.serviceAccounts() };
    if (method === 'POST') {
      if (!isJsonObject(body)) throw ScimError.invalidSyntax('Send {"name": …, "email"?: …}.');
      const name = optionalString(body, 'name');
      if (name === undefined) throw ScimError.invalidValue('name is required.');
      return {
        status: 201,
        body: state.credentials.createServiceAccount(name, optionalString(body, 'email')),
      };
    }
  }
  if (first === 'service-accounts' && second !== undefined && rest.length === 0 && method === 'GET') {
    const account = state.credentials.serviceAccount(second);
    if (!account) throw ScimError.notFound('No such service account.');
    return { status: 200, body: account };
  }
  if (first === 'keys' && second === undefined) {
    if (method === 'GET') return { status: 200, body: state.credentials.keys().map(keyView) };
    if (method === 'POST') return mintKey(state, body);
  }
  if (first === 'keys' && second === 'lookup' && rest.length === 0 && method === 'POST') {
    if (!isJsonObject(body) || typeof body.key !== 'string')
      throw ScimError.invalidValue('Send {"key": "<application key>"}.');
    const key = state.credentials.identify(body.key);
    if (!key) throw ScimError.notFound('No such key.');
    return { status: 200, body: keyView(key) };
  }
  if (first === 'keys' && second !== undefined && rest.length === 0 && method === 'DELETE') {
    if (!state.credentials.revokeKey(second)) throw ScimError.notFound('No such key.');
    return { status: 204 };
  }
  throw ScimError.notFound('No such admin endpoint.');
}
