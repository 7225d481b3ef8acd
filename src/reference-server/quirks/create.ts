import type { QuirkEntries } from './entry.js';

/** Create faults (RFC 7644 §3.3). */
export const CREATE_QUIRKS = {
  'create-returns-200': {
    status: (result, outcome) => (outcome.event === 'created' ? { ...result, status: 200 } : result),
  },
  'no-location-header': {
    status: (result, outcome) => {
      if (outcome.event !== 'created') return result;
      const { Location: _dropped, ...headers } = result.headers ?? {};
      return { ...result, headers };
    },
  },
} satisfies QuirkEntries;
