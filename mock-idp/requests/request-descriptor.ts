/**
 * A request a mock IdP client (Entra or Okta) would send, described as data: no HTTP happens here. The cycle
 * engine sends descriptors through the harness's HTTP client, substituting the real token for
 * {@link AUTHORIZATION_PLACEHOLDER} at the last moment, so no descriptor ever holds a secret.
 */
import { isJsonObject } from '../../src/json/json-guards.js';

/** JSON as it goes on the wire. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/** A JSON object of a parsed body: its members are JSON values, since it came from `JSON.parse`. */
export function isParsedJsonObject(value: unknown): value is JsonObject {
  return isJsonObject(value);
}

/** PUT is Okta's: its profile updates, and every write of an AIW app, replace the whole resource. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** What the client does with a request: labels for logs, reports and the cycle engine. */
export const ENTRA_OPERATIONS = [
  'testConnectionUser',
  'testConnectionGroup',
  'matchUser',
  'createUser',
  'getUser',
  'updateUser',
  'setManager',
  'disableUser',
  'enableUser',
  'deleteUser',
  'checkManagerReference',
  'matchGroup',
  'createGroup',
  'getGroup',
  'updateGroup',
  'updateGroupMembers',
  'deleteGroup',
] as const;
export type EntraOperation = (typeof ENTRA_OPERATIONS)[number];

/** What the Okta client does with a request (research okta-scim.md §2–§7). */
export const OKTA_OPERATIONS = [
  'testConnectionUsers',
  'testConnectionGroups',
  'importUsers',
  'importGroups',
  'matchUser',
  'createUser',
  'getUser',
  'updateUser',
  'deactivateUser',
  'reactivateUser',
  'pushPassword',
  'matchGroup',
  'createGroup',
  'getGroup',
  'renameGroup',
  'updateGroupMembers',
  'replaceGroup',
  'deleteGroup',
] as const;
export type OktaOperation = (typeof OKTA_OPERATIONS)[number];

/** Any client's operation label. */
export type ClientOperation = EntraOperation | OktaOperation;

/**
 * The `Authorization` value every descriptor carries. The sender replaces it with
 * `Bearer <token>`; a descriptor that reaches a log or a snapshot therefore shows only this marker.
 */
export const AUTHORIZATION_PLACEHOLDER = 'Bearer <redacted:scim-token>';

/** One request, relative to the tenant base URL. */
export interface RequestDescriptor {
  readonly operation: ClientOperation;
  readonly method: HttpMethod;
  /** Relative to the tenant base, ids percent-encoded: `/Users`, `/Users/5171a35d82074e068ce2`. */
  readonly path: string;
  /** Decoded key/value pairs in the order Entra sends them; encoded by {@link buildRequestUrl}. */
  readonly query?: readonly (readonly [key: string, value: string])[];
  /**
   * How the query is encoded: `form` (`+` for a space, Entra's wire captures; the default) or `percent` (`%20`,
   * as Okta's reference writes its lookups).
   */
  readonly queryEncoding?: 'form' | 'percent';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: JsonObject;
}

/** A PATCH operation as Entra writes it: `op` casing depends on the client mode. */
export interface PatchOperation {
  readonly op: 'Add' | 'Replace' | 'Remove' | 'add' | 'replace' | 'remove';
  readonly path?: string;
  readonly value?: JsonValue;
}

/**
 * The absolute URL of a descriptor. Query values are form-encoded (`+` for spaces, `%22` for quotes),
 * which is the form observed on the wire: `GET /scim/Users?filter=userName+eq+%227d420df3-…%22`.
 * @see https://github.com/MicrosoftDocs/azure-docs/issues/94189
 */
export function buildRequestUrl(
  baseUrl: string,
  descriptor: Pick<RequestDescriptor, 'path' | 'query' | 'queryEncoding'>,
): string {
  const base = baseUrl.replace(/\/+$/, '');
  const query = encodeQuery(descriptor);
  return query === '' ? `${base}${descriptor.path}` : `${base}${descriptor.path}?${query}`;
}

/**
 * A descriptor's query string without the `?`, in its {@link RequestDescriptor.queryEncoding}: both forms encode
 * `"` as `%22` and `@` as `%40`; they differ only in the space.
 * @see https://url.spec.whatwg.org/#application/x-www-form-urlencoded
 */
export function encodeQuery(descriptor: Pick<RequestDescriptor, 'query' | 'queryEncoding'>): string {
  if (descriptor.query === undefined) return '';
  const form = new URLSearchParams(descriptor.query.map(([k, v]) => [k, v])).toString();
  return descriptor.queryEncoding === 'percent' ? form.replaceAll('+', '%20') : form;
}
