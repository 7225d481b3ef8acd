import type { QuirkEntries } from './entry.js';

/** Projection faults (RFC 7644 §3.9). */
export const PROJECTION_QUIRKS = {
  'excluded-attributes-ignored': {
    projection: ({ excludedAttributes: _ignored, ...rest }) => rest,
  },
  'attributes-ignored': {
    projection: ({ attributes: _ignored, ...rest }) => rest,
  },
  // returned:always attributes such as id go too, in single-resource answers.
  'excluded-attributes-drop-always-returned': {
    render: (projected, context) => {
      if (context.stage !== 'projected' || context.listed) return projected;
      const result = { ...projected };
      for (const name of context.projection.excludedAttributes ?? []) delete result[name];
      return result;
    },
  },
} satisfies QuirkEntries;
