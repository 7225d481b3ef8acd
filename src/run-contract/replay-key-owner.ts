/**
 * What became of an external key owner: the one user outside the run that the key-revocation scenario deactivates
 * on someone else's tenant, and whose `active` it must give back. Recorded in replay.json (`scenario.owner`), shown
 * under the scenario in report.html, and said on stderr with the same words.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4.1.1
 */

/**
 * The owner's `active` after the scenario: put back (`restored`), left as the scenario made it on request
 * (`kept`, `--keep`), not put back because the target refused or did not answer (`failed`), or never changed
 * (`untouched`, the deactivation itself did not happen).
 */
export const REPLAY_OWNER_RESTORES = ['restored', 'kept', 'failed', 'untouched'] as const;
export type ReplayOwnerRestoreKind = (typeof REPLAY_OWNER_RESTORES)[number];

/** What became of an external key owner. Never holds a token. */
export interface ReplayKeyOwnerRestore {
  userName: string;
  /** `active` before the scenario: the value the owner must get back. */
  priorActive: boolean;
  restore: ReplayOwnerRestoreKind;
  /** The status of the restoring PATCH (`200`, `403`), or the network outcome (`timeout`), when one was sent. */
  status?: string;
}

/** JSON Schema (draft-07) of {@link ReplayKeyOwnerRestore}, as it appears in replay.json. */
export const KEY_OWNER_RESTORE_SCHEMA = {
  type: 'object',
  required: ['userName', 'priorActive', 'restore'],
  properties: {
    userName: { type: 'string', minLength: 1 },
    priorActive: { type: 'boolean' },
    restore: { enum: [...REPLAY_OWNER_RESTORES] },
    status: { type: 'string' },
  },
} as const;

/**
 * One sentence on what became of the owner and, when it is left changed, what to do by hand. The same words on
 * stderr and in report.html, so the operator reads one instruction wherever they look.
 */
export function describeKeyOwnerRestore(owner: ReplayKeyOwnerRestore): string {
  const { userName, priorActive, status } = owner;
  switch (owner.restore) {
    case 'restored':
      return `Key owner ${userName}: set back to active=${priorActive}${status === undefined ? '' : ` (${status})`}. Its key stays revoked wherever the vendor revokes keys.`;
    case 'kept':
      return `Key owner ${userName}: left inactive (--keep); set active back to ${priorActive} by hand when done.`;
    case 'failed':
      return `WARNING: user ${userName} is left INACTIVE on the tenant (the PATCH setting active back to ${priorActive} got ${status ?? 'no answer'}): set active back to ${priorActive} on that user by hand.`;
    case 'untouched':
      return `Key owner ${userName}: never deactivated, nothing to put back.`;
    default: {
      const unknown: never = owner.restore;
      return String(unknown);
    }
  }
}
