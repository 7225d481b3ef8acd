import type { QuirkEntries } from './entry.js';

/**
 * The query read with percent-decoding only, so a `+` stays a `+` (servers that decode the query as a URI component
 * rather than as form data do this).
 */
function paramsKeepingPlus(url: URL): URLSearchParams {
  const params = new URLSearchParams();
  for (const pair of url.search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const [name = '', ...value] = pair.split('=');
    try {
      params.append(decodeURIComponent(name), decodeURIComponent(value.join('=')));
    } catch {
      params.append(name, value.join('='));
    }
  }
  return params;
}

/** Filter faults (RFC 7644 §3.4.2.2). */
export const FILTER_QUIRKS = {
  'query-plus-not-decoded': {
    request: (incoming, { url }) => ({ ...incoming, params: paramsKeepingPlus(url) }),
  },
} satisfies QuirkEntries;
