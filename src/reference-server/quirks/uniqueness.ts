import type { QuirkEntries } from './entry.js';

/** Uniqueness faults (RFC 7644 §3.3). */
export const UNIQUENESS_QUIRKS = {
  // A duplicate userName or group displayName is accepted instead of 409.
  'uniqueness-not-enforced': {
    refuse: (error, refusal) => (refusal.rule === 'uniqueness' ? undefined : error),
  },
} satisfies QuirkEntries;
