import type { QuirkEntries } from './entry.js';

/** Sort faults (RFC 7644 §3.4.2.3). */
export const SORT_QUIRKS = {
  // Results stay in creation order.
  'sort-ignored': {
    query: ({ sortBy: _ignored, ...raw }) => raw,
  },
} satisfies QuirkEntries;
