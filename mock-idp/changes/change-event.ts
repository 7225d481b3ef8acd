/**
 * What happens in the source directory between two provisioning cycles, as typed events. The cycle
 * engine turns them into Entra's requests; the convergence check compares the target with the new state.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#incremental-cycles
 */
import type { EntraUser } from '../directory/index.js';

export const CHANGE_KINDS = [
  'userJoined',
  'userAttributesChanged',
  'managerChanged',
  'userDisabled',
  'userUnassigned',
  'userSoftDeleted',
  'userHardDeleted',
  'userRestored',
  'groupMembersAdded',
  'groupMembersRemoved',
  'groupRenamed',
  'groupDeleted',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The user attributes an HR-style change touches. */
export const CHANGEABLE_USER_ATTRIBUTES = [
  'jobTitle',
  'department',
  'mobile',
  'telephoneNumber',
  'surname',
  'displayName',
  'streetAddress',
  'city',
] as const;
export type ChangeableUserAttribute = (typeof CHANGEABLE_USER_ATTRIBUTES)[number];

export interface AttributeChange {
  readonly attribute: ChangeableUserAttribute;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

export type DirectoryChange =
  /** A new hire, assigned to the app. */
  | { readonly kind: 'userJoined'; readonly objectId: string; readonly user: EntraUser }
  /** Title, department, phones, address; a surname change (marriage) also changes displayName. */
  | {
      readonly kind: 'userAttributesChanged';
      readonly objectId: string;
      readonly changes: readonly AttributeChange[];
    }
  | {
      readonly kind: 'managerChanged';
      readonly objectId: string;
      readonly from: string | undefined;
      readonly to: string | undefined;
    }
  /** accountEnabled set to false: Entra disables the target user. */
  | { readonly kind: 'userDisabled'; readonly objectId: string }
  /** Direct assignment removed, no assigned group left: out of scope, Entra disables. */
  | { readonly kind: 'userUnassigned'; readonly objectId: string }
  /** Moved to the recycle bin: `isSoftDeleted`, Entra disables. */
  | { readonly kind: 'userSoftDeleted'; readonly objectId: string }
  /**
   * Purged from the recycle bin (30 days in Entra; here a later cycle): Entra sends DELETE. The user
   * also leaves its groups and stops being anyone's manager.
   */
  | {
      readonly kind: 'userHardDeleted';
      readonly objectId: string;
      readonly removedFromGroups: readonly string[];
      readonly reportsCleared: readonly string[];
    }
  /** Restored from the recycle bin: Entra re-enables the target user. */
  | { readonly kind: 'userRestored'; readonly objectId: string }
  | { readonly kind: 'groupMembersAdded'; readonly groupId: string; readonly members: readonly string[] }
  | { readonly kind: 'groupMembersRemoved'; readonly groupId: string; readonly members: readonly string[] }
  | { readonly kind: 'groupRenamed'; readonly groupId: string; readonly from: string; readonly to: string }
  /** The group is deleted (and leaves the groups that nested it). */
  | {
      readonly kind: 'groupDeleted';
      readonly groupId: string;
      readonly removedFromGroups: readonly string[];
    };

/** The object an event is about: churn counts distinct subjects. */
export function changeSubject(change: DirectoryChange): string {
  switch (change.kind) {
    case 'userJoined':
    case 'userAttributesChanged':
    case 'managerChanged':
    case 'userDisabled':
    case 'userUnassigned':
    case 'userSoftDeleted':
    case 'userHardDeleted':
    case 'userRestored':
      return change.objectId;
    case 'groupMembersAdded':
    case 'groupMembersRemoved':
    case 'groupRenamed':
    case 'groupDeleted':
      return change.groupId;
    default: {
      const unknown: never = change;
      return unknown;
    }
  }
}
