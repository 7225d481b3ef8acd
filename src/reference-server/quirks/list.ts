import { ScimError } from '../../scim/errors/scim-error.js';
import type { QuirkEntries } from './entry.js';

/** List faults (RFC 7644 §3.4.2). */
export const LIST_QUIRKS = {
  'empty-list-404': {
    render: (body, context) => {
      if (context.stage === 'list' && context.matched === 0) throw ScimError.notFound('No resources found.');
      return body;
    },
  },
  'list-schemas-missing': {
    render: (body, context) => {
      if (context.stage !== 'list') return body;
      const { schemas: _dropped, ...rest } = body;
      return rest;
    },
  },
} satisfies QuirkEntries;
