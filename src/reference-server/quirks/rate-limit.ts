import type { QuirkEntries } from './entry.js';

/** Rate-limit faults (IPSIE AL SCIM profile draft 00 §4.3). */
export const RATE_LIMIT_QUIRKS = {
  'rate-limit-without-retry-after': {
    status: (result, outcome) => {
      if (outcome.event !== 'rate-limited') return result;
      const { 'Retry-After': _dropped, ...headers } = result.headers ?? {};
      return { ...result, headers };
    },
  },
} satisfies QuirkEntries;
