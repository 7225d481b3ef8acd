/**
 * How a redirect is followed: which statuses, where to, with which method and body, and whether credentials
 * may travel along. Follows the fetch standard's rules (303, and 301/302 after POST, become GET without a body)
 * and its rule that a cross-origin hop drops the Authorization header.
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4
 */

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** A request as it goes on the wire (unredacted). */
export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Same scheme, host and port; an unparseable URL is never the same origin. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** The absolute http(s) URL a Location header points to, or why it cannot be followed. */
export function resolveLocation(location: string | null, base: string): URL | { unusable: string } {
  if (location === null) return { unusable: 'no Location header' };
  let target: URL;
  try {
    target = new URL(location, base);
  } catch {
    return { unusable: 'Location is not a valid URL' };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return { unusable: `Location is a ${target.protocol} URL` };
  }
  return target;
}

/** The request for the next hop; headers are copied so stripping them never touches the previous hop. */
export function nextHop(current: WireRequest, status: number, location: URL): WireRequest {
  const toGet =
    (status === 303 && current.method !== 'HEAD') ||
    ((status === 301 || status === 302) && current.method === 'POST');
  const headers = { ...current.headers };
  if (toGet) delete headers['content-type'];
  return {
    url: location.href,
    method: toGet ? 'GET' : current.method,
    headers,
    body: toGet ? undefined : current.body,
  };
}
