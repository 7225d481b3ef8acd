import type { QuirkEntries } from './entry.js';

/** Delete faults (RFC 7644 §3.6). */
export const DELETE_QUIRKS = {
  'delete-returns-200': {
    status: (result, outcome) => (outcome.event === 'deleted' ? { ...result, status: 200 } : result),
  },
} satisfies QuirkEntries;
