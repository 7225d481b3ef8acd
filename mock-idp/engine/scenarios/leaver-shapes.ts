/**
 * The requests each identity provider sends to deactivate (and reactivate) a user, for the leaver scenario. The
 * Entra shapes come from the mock Entra client's own builders (legacy and `aadOptscim062020` profiles), so the
 * scenario sends byte for byte what a replay sends; Okta's path-less PATCH and the full PUT follow Okta's
 * documentation; DELETE has no reactivation.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */

import type { LeaverShapeName } from '../../../src/run-contract/index.js';
import { userPath } from '../../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import {
  deleteUserRequest,
  disableUserRequest,
  enableUserRequest,
  type JsonObject,
  type JsonValue,
  type RequestDescriptor,
  resolveClientProfile,
} from '../../requests/index.js';

/** One request of the scenario, relative to the tenant URL. PUT is not an Entra request, hence not a descriptor. */
export interface LeaverRequest {
  method: 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: JsonObject;
  /** Headers besides Authorization (which the client sets): Entra's Content-Type for its PATCHes. */
  headers: Readonly<Record<string, string>>;
}

const LEGACY = resolveClientProfile({ mode: 'legacy' });
const COMPLIANT = resolveClientProfile({ mode: 'compliant' });

function fromDescriptor(descriptor: RequestDescriptor): LeaverRequest {
  if (descriptor.method !== 'PATCH' && descriptor.method !== 'DELETE')
    throw new Error(`not a leaver request: ${descriptor.method}`);
  // The descriptor's Authorization is a placeholder; the client adds the real one.
  const { Authorization: _placeholder, ...headers } = descriptor.headers;
  return {
    method: descriptor.method,
    path: descriptor.path,
    ...(descriptor.body === undefined ? {} : { body: descriptor.body }),
    headers,
  };
}

/**
 * Okta's deactivation and reactivation: one path-less `replace` whose value holds `active` (REF20 "Update a
 * specific User (PATCH)"; reactivation is the same shape with `true`).
 */
function pathLessActive(id: string, active: boolean): LeaverRequest {
  return {
    method: 'PATCH',
    path: userPath(id),
    body: { schemas: [SCHEMA_URNS.PatchOp], Operations: [{ op: 'replace', value: { active } }] },
    headers: {},
  };
}

/**
 * The whole user as read, with `active` set: what an Okta AIW app PUTs ("PUT … always"), `id` and `meta` echoed
 * as Okta echoes them. An `active` spelt in another case is replaced, not doubled (attribute names are
 * case-insensitive, RFC 7643 §2.1).
 */
export function putWithActive(current: JsonObject, active: boolean): JsonObject {
  const body: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(current)) if (key.toLowerCase() !== 'active') body[key] = value;
  body.active = active;
  return body;
}

function putActive(id: string, current: JsonObject, active: boolean): LeaverRequest {
  return {
    method: 'PUT',
    path: userPath(id),
    body: putWithActive(current, active),
    headers: {},
  };
}

/** Whether the shape needs the user as it is now (a PUT replaces the whole resource). */
export function needsCurrentUser(shape: LeaverShapeName): boolean {
  return shape === 'full-put';
}

/** The request that deactivates user `id` in `shape`; `current` is the user as read (for `full-put`). */
export function deactivationRequest(shape: LeaverShapeName, id: string, current?: JsonObject): LeaverRequest {
  switch (shape) {
    case 'entra-legacy':
      return fromDescriptor(disableUserRequest(LEGACY, id));
    case 'entra-compliant':
      return fromDescriptor(disableUserRequest(COMPLIANT, id));
    case 'okta-path-less':
      return pathLessActive(id, false);
    case 'full-put':
      return putActive(id, current ?? {}, false);
    case 'delete':
      return fromDescriptor(deleteUserRequest(COMPLIANT, id));
    default: {
      const unknown: never = shape;
      throw new Error(`unknown shape ${String(unknown)}`);
    }
  }
}

/** The request that reactivates user `id` in the shape's family; none for DELETE (nothing is left to reactivate). */
export function reactivationRequest(
  shape: LeaverShapeName,
  id: string,
  current?: JsonObject,
): LeaverRequest | undefined {
  switch (shape) {
    case 'entra-legacy':
      return fromDescriptor(enableUserRequest(LEGACY, id));
    case 'entra-compliant':
      return fromDescriptor(enableUserRequest(COMPLIANT, id));
    case 'okta-path-less':
      return pathLessActive(id, true);
    case 'full-put':
      return putActive(id, current ?? {}, true);
    case 'delete':
      return undefined;
    default: {
      const unknown: never = shape;
      throw new Error(`unknown shape ${String(unknown)}`);
    }
  }
}

/**
 * A request as the matrix shows it: the method, the path with the user's id written `{id}`, and the PATCH
 * operations as sent (a PUT's body is the whole user, so only its `active` is shown).
 */
export function describeLeaverRequest(request: LeaverRequest, id: string): string {
  const path = request.path.replace(encodeURIComponent(id), '{id}');
  if (request.method === 'DELETE') return `DELETE ${path}`;
  if (request.method === 'PUT')
    return `PUT ${path} (the whole user as read, "active": ${JSON.stringify(request.body?.active)})`;
  return `PATCH ${path} ${JSON.stringify(request.body?.Operations)}`;
}
