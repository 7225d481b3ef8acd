import { resourceUrl, type TenantUrl } from '../config/tenant-url.js';

/**
 * Request URLs for the client, on top of the config's {@link resourceUrl} (which puts resource paths before the
 * tenant's query flags and keeps those flags exactly as written, `?aadOptscim062020` included). Adds what a
 * transport needs: numeric and boolean parameters, a raw query string (for replaying a captured request byte
 * for byte), and absolute URLs such as a `meta.location` the target returned.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2
 */

/** A query parameter value; `undefined` leaves the name out. */
export type QueryValue = string | number | boolean | undefined;

/** Request query parameters, encoded in insertion order. */
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** True for an absolute http(s) URL, which is used as given instead of being put under the tenant. */
export function isAbsoluteHttpUrl(path: string): boolean {
  return /^https?:\/\//i.test(path);
}

/** The origin of a tenant's base URL, the only origin that receives credentials. */
export function tenantOrigin(tenant: TenantUrl): string {
  return new URL(tenant.base).origin;
}

/**
 * The URL of one request. `query` as an object is encoded (spaces as `%20`) after the tenant's flags; as a
 * string it is appended as written. An absolute `path` gets no tenant flags.
 */
export function requestUrl(tenant: TenantUrl, path: string, query?: QueryParams | string): string {
  const raw = typeof query === 'string' ? query.replace(/^\?/, '') : '';
  const params: Record<string, string> = {};
  if (typeof query === 'object') {
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params[name] = String(value);
  }
  if (isAbsoluteHttpUrl(path)) {
    const href = new URL(path).href;
    const encoded = Object.entries(params).map(
      ([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`,
    );
    return appendQuery(href, [...encoded, raw].filter((part) => part !== '').join('&'));
  }
  return appendQuery(resourceUrl(tenant, path, params).href, raw);
}

/** RFC 3986 unreserved characters stay; everything else, `!'()*` and spaces included, is percent-encoded. */
function encodeComponent(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function appendQuery(href: string, query: string): string {
  if (query === '') return href;
  return `${href}${href.includes('?') ? '&' : '?'}${query}`;
}
