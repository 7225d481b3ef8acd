import type { QuirkEntries } from './entry.js';

/** ETag faults (RFC 7644 §3.14). */
export const ETAG_QUIRKS = {
  'no-etag': {
    etag: (shown) => ({ ...shown, form: 'none' }),
  },
  // If-Match and If-None-Match are ignored.
  'if-match-ignored': {
    request: (incoming) => ({ ...incoming, ifNoneMatch: null }),
    refuse: (error, refusal) => (refusal.rule === 'precondition' ? undefined : error),
  },
  'etag-unquoted': {
    etag: (shown) => (shown.form === 'entity-tag' ? { ...shown, form: 'bare' } : shown),
  },
  'etag-not-updated': {
    etag: (shown) => ({ ...shown, version: 1 }),
  },
  'etag-served-though-unclaimed': {
    discovery: (answer, { endpoint }) =>
      endpoint === 'ServiceProviderConfig'
        ? {
            ...answer,
            documents: answer.documents.map((config) => ({ ...config, etag: { supported: false } })),
          }
        : answer,
  },
} satisfies QuirkEntries;
