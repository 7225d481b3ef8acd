import type { QuirkEntries } from './entry.js';

/** Replace (PUT) faults (RFC 7644 §3.5.1). */
export const REPLACE_QUIRKS = {
  'put-returns-204': {
    status: (result, outcome) => (outcome.event === 'replaced' ? { status: 204 } : result),
  },
} satisfies QuirkEntries;
