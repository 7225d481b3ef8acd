import { ScimError } from '../../scim/errors/scim-error.js';
import type { QuirkEntries } from './entry.js';

/** Enterprise User extension faults (RFC 7643 §4.3). */
export const ENTERPRISE_QUIRKS = {
  // A manager given as a bare id string, as Entra sends it, is refused.
  'manager-string-rejected': {
    beforeWrite: (plan) => {
      if (
        (plan.kind === 'input' || plan.kind === 'patched') &&
        plan.notes.some((note) => note.kind === 'manager-string')
      ) {
        throw ScimError.invalidValue('manager must be an object with a "value".');
      }
      return plan;
    },
  },
} satisfies QuirkEntries;
