import type { QuirkEntries } from './entry.js';

/** Replace (PUT) faults (RFC 7644 §3.5.1). */
export const REPLACE_QUIRKS = {
  'created-reset-on-update': {
    beforeWrite: (plan) =>
      plan.kind === 'update'
        ? { ...plan, updated: { ...plan.updated, created: plan.updated.lastModified } }
        : plan,
  },
  'last-modified-not-updated': {
    beforeWrite: (plan) =>
      plan.kind === 'update'
        ? { ...plan, updated: { ...plan.updated, lastModified: plan.existing.lastModified } }
        : plan,
  },
  // An upsert instead of 404.
  'put-creates-missing': {
    beforeWrite: (plan) => (plan.kind === 'replace' ? { ...plan, createIfMissing: true } : plan),
  },
  // PUT merges like PATCH.
  'put-keeps-omitted': {
    beforeWrite: (plan) =>
      plan.kind === 'input' && plan.mode === 'replace'
        ? { ...plan, attributes: { ...plan.existing, ...plan.attributes } }
        : plan,
  },
  'put-returns-204': {
    status: (result, outcome) => (outcome.event === 'replaced' ? { status: 204 } : result),
  },
} satisfies QuirkEntries;
