import type { QuirkEntries } from './entry.js';

/** Group membership faults. */
export const GROUPS_QUIRKS = {
  // A dangling member id is stored (as a User member).
  'unknown-member-accepted': {
    refuse: (error, refusal) => (refusal.rule === 'member' ? undefined : error),
  },
  'deleted-user-stays-member': {
    beforeWrite: (plan) => (plan.kind === 'delete' ? { ...plan, dropMemberships: false } : plan),
  },
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
