import type { ComposedSeams } from '../seams.js';

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

/** The version the server shows for a stored one, as the etag seam has it. */
function shown(version: number, seams: ComposedSeams) {
  return seams.etag({ version, form: 'entity-tag' }, { stored: version });
}

/** The `ETag` / `meta.version` the server shows for a stored version; `undefined` when it shows none. */
export function showEtag(version: number, seams: ComposedSeams): string | undefined {
  const tag = shown(version, seams);
  if (tag.form === 'none') return undefined;
  return tag.form === 'bare' ? String(tag.version) : formatEtag(tag.version);
}

/**
 * {@link etagMatches} against the version the server shows, whatever form it writes it in: a bare tag it hands out
 * never matches (the comparison expects entity-tags), as in servers whose two code paths disagree.
 */
export function shownEtagMatches(header: string, version: number, seams: ComposedSeams): boolean {
  return etagMatches(header, shown(version, seams).version);
}
