import type { QuirkEntries } from './entry.js';

/** List faults (RFC 7644 §3.4.2). */
export const LIST_QUIRKS = {
  'list-schemas-missing': {
    render: (body, context) => {
      if (context.stage !== 'list') return body;
      const { schemas: _dropped, ...rest } = body;
      return rest;
    },
  },
} satisfies QuirkEntries;
