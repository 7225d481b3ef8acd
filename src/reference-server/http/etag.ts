import type { QuirkSet } from '../quirks.js';

/**
 * Weak entity tags for SCIM resources: `meta.version` and the `ETag` header carry `W/"<version>"`.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.14
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.8.3
 */
export function formatEtag(version: number): string {
  return `W/"${version}"`;
}

/**
 * True when an `If-Match` / `If-None-Match` header value names the current version: `*`, or a list
 * containing the tag. Tags are compared by their opaque part, ignoring the `W/` prefix, because SCIM
 * uses weak tags with `If-Match` (RFC 7644 §3.14 examples) where strict HTTP would never match them.
 */
export function etagMatches(header: string, version: number): boolean {
  const current = `"${version}"`;
  return header.split(',').some((part) => {
    const tag = part.trim();
    if (tag === '*') return true;
    return (tag.startsWith('W/') ? tag.slice(2) : tag) === current;
  });
}

/** The version a server with these quirks shows: under `etag-not-updated` it never moves past the first. */
function shownVersion(version: number, quirks: QuirkSet): number {
  return quirks.has('etag-not-updated') ? 1 : version;
}

/** The `ETag` / `meta.version` the server shows for a stored version, quirks applied (`etag-unquoted`: a bare number). */
export function showEtag(version: number, quirks: QuirkSet): string {
  const shown = shownVersion(version, quirks);
  return quirks.has('etag-unquoted') ? String(shown) : formatEtag(shown);
}

/**
 * {@link etagMatches} against the version the server shows. Under `etag-unquoted` the bare tags it hands out never
 * match (its comparison still expects entity-tags), as in servers whose two code paths disagree.
 */
export function shownEtagMatches(header: string, version: number, quirks: QuirkSet): boolean {
  return etagMatches(header, shownVersion(version, quirks));
}
