import { ScimError } from '../../scim/errors/scim-error.js';
import { ASYNC_RESULTS_ENDPOINT } from '../protocol/async-requests.js';
import type { QuirkEntries } from './entry.js';

/** RFC 9967 asynchronous-request faults. */
export const ASYNC_QUIRKS = {
  'async-response-has-body': {
    status: (result, outcome) =>
      outcome.event === 'async-accepted' && outcome.completed.body !== undefined
        ? { ...result, body: outcome.completed.body }
        : result,
  },
  'async-headers-missing': {
    status: (result, outcome) => {
      if (outcome.event !== 'async-accepted') return result;
      const { 'Set-Txn': _txn, 'Preference-Applied': _applied, ...headers } = result.headers ?? {};
      return { ...result, headers };
    },
  },
  // The Accept header is honoured for the 202, which has no body to negotiate: an Accept that admits no JSON gets 406.
  'async-accept-honoured': {
    status: (result, outcome) =>
      outcome.event === 'async-accepted' &&
      outcome.accept !== null &&
      !/json|\*\/\*|application\/\*/i.test(outcome.accept)
        ? {
            status: 406,
            body: { ...new ScimError(406, undefined, 'The requested media type is not available.').toBody() },
          }
        : result,
  },
  // The completion event is served to anyone: the request acts for no one, so no owner is checked.
  'async-location-unauthenticated': {
    access: (outcome, context) =>
      context.endpoint.toLowerCase() === ASYNC_RESULTS_ENDPOINT.toLowerCase() ? { ok: true } : outcome,
  },
} satisfies QuirkEntries;
