import type { QuirkEntries } from './entry.js';

/** Delete faults (RFC 7644 §3.6). */
export const DELETE_QUIRKS = {
  // 204, but the resource is still returned afterwards.
  'soft-delete-does-not-delete': {
    beforeWrite: (plan) => (plan.kind === 'delete' ? { ...plan, remove: false } : plan),
  },
  'delete-returns-200': {
    status: (result, outcome) => (outcome.event === 'deleted' ? { ...result, status: 200 } : result),
  },
} satisfies QuirkEntries;
