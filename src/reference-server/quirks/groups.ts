import type { QuirkEntries } from './entry.js';

/** Group membership faults. */
export const GROUPS_QUIRKS = {
  'members-not-returned': {
    render: (rendered, context) => {
      if (context.stage !== 'resource' || context.stored.resourceType !== 'Group') return rendered;
      const { members: _dropped, ...rest } = rendered;
      return rest;
    },
  },
  'user-groups-not-returned': {
    render: (rendered, context) => {
      if (context.stage !== 'resource' || context.stored.resourceType !== 'User') return rendered;
      const { groups: _dropped, ...rest } = rendered;
      return rest;
    },
  },
} satisfies QuirkEntries;
