import { SCHEMA_URNS } from '../../src/scim/urns.js';
import { type EntraClientProfile, entraHeaders } from './client-profile.js';
import type {
  ClientOperation,
  HttpMethod,
  JsonObject,
  PatchOperation,
  RequestDescriptor,
} from './request-descriptor.js';

/** The SCIM endpoints the client calls. */
export type ScimEndpoint = '/Users' | '/Groups';

/**
 * An `eq` filter as Entra writes it: `userName eq "value"`. Quoted values are JSON strings, so a quote
 * or backslash inside is escaped; the unquoted form reproduces TUTORIAL Example 1 (`externalId eq jyoung`).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
export function eqFilter(attribute: string, value: string, quote: boolean): string {
  return `${attribute} eq ${quote ? JSON.stringify(value) : value}`;
}

/** Assembles a descriptor with the profile's headers. */
export function requestFor(
  profile: EntraClientProfile,
  operation: ClientOperation,
  method: HttpMethod,
  path: string,
  extra: { query?: readonly (readonly [string, string])[]; body?: JsonObject } = {},
): RequestDescriptor {
  return {
    operation,
    method,
    path,
    ...(extra.query === undefined ? {} : { query: extra.query }),
    headers: entraHeaders(profile, method),
    ...(extra.body === undefined ? {} : { body: extra.body }),
  };
}

/**
 * A PatchOp message body.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export function patchBody(operations: readonly PatchOperation[]): JsonObject {
  return { schemas: [SCHEMA_URNS.PatchOp], Operations: operations.map((op) => ({ ...op })) };
}
