import { SCIM_MEDIA_TYPE } from '../../scim/urns.js';

/** What a test reads back from the reference server. */
export interface CallResult {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  /** The body as an object, for property access in assertions (empty when it is not one). */
  json: Record<string, unknown>;
}

export interface CallOptions {
  body?: unknown;
  /** A raw body, sent as is (for malformed-input tests). */
  rawBody?: string | Uint8Array;
  /** Bearer token; `null` sends no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
}

/** A small client bound to a base URL and a default token; `fetchImpl` lets msw tests use the global fetch. */
export function scimClient(baseUrl: string, defaultToken: string) {
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? defaultToken : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let body: string | Uint8Array | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= SCIM_MEDIA_TYPE;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body as BodyInit | undefined,
    });
    const text = await response.text();
    let parsed: unknown;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    const json =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    return { status: response.status, headers: response.headers, body: parsed, json };
  };
}

export type ScimCall = ReturnType<typeof scimClient>;

export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export function userBody(userName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemas: [USER_URN],
    userName,
    name: { givenName: 'Barbara', familyName: 'Jensen' },
    active: true,
    ...extra,
  };
}

export function groupBody(displayName: string, memberIds: string[] = []): Record<string, unknown> {
  return { schemas: [GROUP_URN], displayName, members: memberIds.map((value) => ({ value })) };
}

export function patchBody(...operations: Record<string, unknown>[]): Record<string, unknown> {
  return { schemas: [PATCH_URN], Operations: operations };
}
