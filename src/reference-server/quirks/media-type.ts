import { ScimError } from '../../scim/errors/scim-error.js';
import type { ScimResult } from '../http/scim-result.js';
import type { QuirkEntries } from './entry.js';

function labelled(result: ScimResult, mediaType: string): ScimResult {
  return { ...result, headers: { ...result.headers, 'Content-Type': `${mediaType}; charset=utf-8` } };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Media-type faults (RFC 7644 §3.1, §8.1). */
export const MEDIA_TYPE_QUIRKS = {
  'content-type-json': {
    status: (result, outcome) => (outcome.event === 'send' ? labelled(result, 'application/json') : result),
  },
  // As some web frameworks label error pages.
  'error-content-type-text-plain': {
    status: (result, outcome) =>
      outcome.event === 'send' && result.status >= 400 ? labelled(result, 'text/plain') : result,
  },
  'media-type-parameters-rejected': {
    request: (incoming) => {
      const { contentType } = incoming;
      if (BODY_METHODS.has(incoming.method) && contentType?.includes(';')) {
        throw new ScimError(415, undefined, `Unsupported Content-Type "${contentType.slice(0, 100)}".`);
      }
      return incoming;
    },
  },
} satisfies QuirkEntries;
