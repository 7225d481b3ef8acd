/**
 * The one object outside the run that the key-revocation scenario may touch on an external tenant: the user who
 * owns the key, named explicitly by the operator. It is looked up before anything changes, deactivated once, put
 * back as it was afterwards, and never deleted.
 * @see https://docs.datadoghq.com/account_management/scim/
 */

import { HarnessError } from '../../../src/errors/harness-error.js';
import type { ScimClient, ScimExchange } from '../../../src/http/index.js';
import { isJsonObject } from '../../../src/json/json-guards.js';
import {
  disableUserRequest,
  type EntraClientProfile,
  enableUserRequest,
  matchUserRequest,
  type RequestDescriptor,
} from '../../requests/index.js';

/** The key's owner as found before the scenario, with the `active` it must get back. */
export interface KeyOwnerAccount {
  id: string;
  userName: string;
  /** `active` before the scenario; a user that does not say is taken as active (RFC 7643 §4.1.1 default use). */
  priorActive: boolean;
}

/** Attribute names are case-insensitive (RFC 7643 §2.1). */
function member(body: Record<string, unknown>, name: string): unknown {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(body)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function send(client: ScimClient, descriptor: RequestDescriptor): Promise<ScimExchange> {
  // The client adds the real Authorization header; the descriptor's is a placeholder.
  const { Authorization: _placeholder, ...headers } = descriptor.headers;
  const query =
    descriptor.query === undefined
      ? undefined
      : new URLSearchParams(descriptor.query.map(([k, v]) => [k, v])).toString();
  return client.request({
    method: descriptor.method,
    path: descriptor.path,
    ...(query === undefined ? {} : { query }),
    ...(descriptor.body === undefined ? {} : { body: descriptor.body }),
    headers,
  });
}

function unusable(exchange: ScimExchange, client: ScimClient, what: string): HarnessError {
  if (exchange.response === undefined) {
    const detail = exchange.error === undefined ? '' : `: ${client.redact(exchange.error)}`;
    return new HarnessError('TARGET_UNREACHABLE', `${what}: ${exchange.outcome}${detail}`);
  }
  const status = exchange.response.status;
  return status === 401 || status === 403
    ? new HarnessError('CREDENTIALS_REJECTED', `${what}: the target refused the run's token (${status})`)
    : new HarnessError('TARGET_RESPONSE_UNUSABLE', `${what}: the target answered ${status}`);
}

/**
 * Finds the key's owner by `filter=userName eq "…"` with the run's own token. Exactly one user whose userName
 * matches (case-insensitively, as userName is caseExact=false) must answer; none or several is a usage error
 * (exit 2) naming the userName, since the scenario would otherwise deactivate the wrong person or no one.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
export async function findKeyOwner(
  client: ScimClient,
  profile: EntraClientProfile,
  userName: string,
): Promise<KeyOwnerAccount> {
  const what = `Looking up the key's owner ${userName}`;
  const exchange = await send(client, matchUserRequest(profile, 'userName', userName));
  const json = exchange.response?.json;
  if (exchange.response?.status !== 200 || !isJsonObject(json)) throw unusable(exchange, client, what);
  const resources = member(json, 'Resources');
  const matches = (Array.isArray(resources) ? resources : []).filter(
    (resource): resource is Record<string, unknown> =>
      isJsonObject(resource) &&
      typeof member(resource, 'userName') === 'string' &&
      String(member(resource, 'userName')).toLowerCase() === userName.toLowerCase(),
  );
  const hint = 'give --owner the exact userName of the user who owns the key in --owned-token-env';
  if (matches.length === 0)
    throw new HarnessError('CONFIG_INVALID', `--owner ${userName}: no user has this userName on the target`, {
      hint,
    });
  if (matches.length > 1)
    throw new HarnessError(
      'CONFIG_INVALID',
      `--owner ${userName}: ${matches.length} users have this userName on the target; refusing to guess which to deactivate`,
      { hint },
    );
  const [owner] = matches;
  const id = owner === undefined ? undefined : member(owner, 'id');
  if (owner === undefined || typeof id !== 'string' || id === '')
    throw new HarnessError('TARGET_RESPONSE_UNUSABLE', `${what}: the user found has no id`);
  const active = member(owner, 'active');
  return { id, userName: String(member(owner, 'userName')), priorActive: active !== false };
}

/**
 * Sets the owner's `active` with the PATCH the Entra client sends in the run's mode (legacy `"False"` string or
 * compliant boolean). Returns the status, or the network outcome; never throws for the target's answer.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups#update-user-disable-user
 */
export async function setKeyOwnerActive(
  client: ScimClient,
  profile: EntraClientProfile,
  owner: KeyOwnerAccount,
  active: boolean,
): Promise<{ ok: boolean; status: string }> {
  const request = active ? enableUserRequest(profile, owner.id) : disableUserRequest(profile, owner.id);
  const exchange = await send(client, request);
  const status = exchange.response?.status;
  return {
    ok: status !== undefined && status >= 200 && status < 300,
    status: status === undefined ? exchange.outcome : String(status),
  };
}
