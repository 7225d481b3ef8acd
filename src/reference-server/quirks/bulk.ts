import { ScimError } from '../../scim/errors/scim-error.js';
import { isJsonObject } from '../../scim/filter/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import { type BulkCall, type BulkOperation, findMember } from '../protocol/bulk.js';
import { SCIM_BASE_PATH } from '../routes/scim-router.js';
import type { QuirkEntries } from './entry.js';

/** The /Bulk endpoint (RFC 7644 §3.7), in lower case. */
const BULK_PATH = `${SCIM_BASE_PATH}/bulk`.toLowerCase();

/**
 * One more group, named after the first group the request creates (so it carries that name's tag), created behind
 * the client's back and left out of the response. Only a sweep of the target finds it.
 */
function extraGroup(operations: readonly BulkOperation[]): BulkCall[] {
  for (const operation of operations) {
    if (operation.method !== 'POST' || operation.path.replace(/\/+$/, '') !== '/Groups') continue;
    const displayName = isJsonObject(operation.data) ? findMember(operation.data, 'displayName') : undefined;
    if (typeof displayName !== 'string') continue;
    return [
      {
        method: 'POST',
        path: '/Groups',
        data: { schemas: [SCHEMA_URNS.Group], displayName: `${displayName} (copy)` },
      },
    ];
  }
  return [];
}

/** Bulk faults (RFC 7644 §3.7). */
export const BULK_QUIRKS = {
  'bulk-not-supported-but-advertised': {
    request: (incoming, { url }) => {
      if (incoming.method === 'POST' && url.pathname.replace(/\/+$/, '').toLowerCase() === BULK_PATH) {
        throw new ScimError(501, undefined, 'Bulk is not supported.');
      }
      return incoming;
    },
  },
  'bulk-status-numeric': {
    render: (entry, context) =>
      context.stage === 'bulk-entry' ? { ...entry, status: context.status } : entry,
  },
  'bulk-location-missing': {
    render: (entry, context) => {
      if (context.stage !== 'bulk-entry') return entry;
      const { location: _dropped, ...rest } = entry;
      return rest;
    },
  },
  'bulk-id-not-resolved': {
    bulk: (plan) => ({ ...plan, resolveBulkIds: false }),
  },
  'bulk-stops-at-first-error': {
    bulk: (plan) => ({ ...plan, failOnErrors: Math.min(plan.failOnErrors, 1) }),
  },
  'fail-on-errors-ignored': {
    bulk: (plan) => ({ ...plan, failOnErrors: Number.POSITIVE_INFINITY }),
  },
  'bulk-max-operations-ignored': {
    refuse: (error, refusal) => (refusal.rule === 'bulk-size' ? undefined : error),
  },
  'bulk-creates-extra-group': {
    bulk: (plan, { operations }) => ({
      ...plan,
      unreported: [...plan.unreported, ...extraGroup(operations)],
    }),
  },
} satisfies QuirkEntries;
