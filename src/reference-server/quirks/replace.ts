import { ScimError } from '../../scim/errors/scim-error.js';
import { sentAttributes } from './client-values.js';
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
  // RFC 7644 §3.5.1 says readOnly values sent on PUT SHALL be ignored; this refuses them.
  'put-readonly-echo-rejected': {
    beforeWrite: (plan) => {
      if (plan.kind !== 'replace') return plan;
      const [readOnly] = sentAttributes(plan.body, ['id', 'meta', 'groups']);
      if (readOnly !== undefined) throw ScimError.mutability(`${readOnly} is readOnly and cannot be sent.`);
      return plan;
    },
  },
  'put-returns-204': {
    status: (result, outcome) => (outcome.event === 'replaced' ? { status: 204 } : result),
  },
} satisfies QuirkEntries;
