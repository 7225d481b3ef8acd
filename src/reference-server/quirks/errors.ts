import { ScimError } from '../../scim/errors/scim-error.js';
import { isJsonObject } from '../../scim/filter/index.js';
import type { QuirkEntries } from './entry.js';

/** Error-shape and error-status faults. */
export const ERRORS_QUIRKS = {
  'numeric-error-status': {
    status: (result, outcome) =>
      outcome.event === 'error' && isJsonObject(result.body)
        ? { ...result, body: { ...result.body, status: outcome.error.status } }
        : result,
  },
  // A vendor error body, as Datadog answers.
  'error-body-not-scim': {
    status: (result, outcome) =>
      outcome.event === 'error' ? { ...result, body: { errors: [outcome.error.detail || 'Error'] } } : result,
  },
  // A JSON parse failure escapes as an unhandled server error, as in frameworks without a body handler.
  'malformed-json-500': {
    refuse: (error, refusal) =>
      refusal.rule === 'body-syntax' ? new ScimError(500, undefined, 'Internal server error.') : error,
  },
  // No type check: the value is stored as sent.
  'wrong-type-accepted': {
    refuse: (error, refusal) => (refusal.rule === 'attribute-type' ? undefined : error),
  },
  'unsupported-method-404': {
    refuse: (error, refusal) => (refusal.rule === 'method' ? ScimError.notFound('No such endpoint.') : error),
  },
} satisfies QuirkEntries;
