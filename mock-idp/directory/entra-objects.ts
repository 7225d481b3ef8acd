/**
 * The source side of provisioning: Microsoft Entra users and groups as the provisioning service reads
 * them (Graph attribute names), plus the app-assignment state that decides what is in scope.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works
 */

/**
 * An Entra user. Every property is always present (absent values are `undefined`, never missing) so that
 * all users share one object shape: 100k of them must fit a few hundred MB.
 */
export interface EntraUser {
  /** Immutable GUID: the anchor Entra keeps for the user. */
  readonly objectId: string;
  /** Position in the seed space (`[seed, user, serial]` regenerates this user's initial state). */
  readonly serial: number;
  /** `first.last.<serial>.<runId>@<domain>`: unique, and names the run that created it. */
  readonly userPrincipalName: string;
  readonly mail: string | undefined;
  readonly mailNickname: string;
  readonly givenName: string;
  readonly surname: string;
  readonly displayName: string;
  readonly jobTitle: string | undefined;
  readonly department: string | undefined;
  readonly employeeId: string | undefined;
  /** objectId of another user; managers always have a lower serial, so chains never loop. */
  readonly manager: string | undefined;
  readonly mobile: string | undefined;
  readonly telephoneNumber: string | undefined;
  readonly streetAddress: string | undefined;
  readonly city: string | undefined;
  readonly state: string | undefined;
  readonly postalCode: string | undefined;
  readonly country: string | undefined;
  readonly accountEnabled: boolean;
  /** In the Entra recycle bin (soft-deleted); purged (hard-deleted) after 30 days. */
  readonly isSoftDeleted: boolean;
  /** The change cycle that soft-deleted the user (0 = present at creation); purge needs a later one. */
  readonly softDeletedInCycle: number | undefined;
  /** Directly assigned to the provisioning app. */
  readonly assigned: boolean;
}

/** An Entra security group. */
export interface EntraGroup {
  readonly objectId: string;
  readonly serial: number;
  /** `<name> <serial> <runId>`: groups match on displayName, which must be unique. */
  readonly displayName: string;
  readonly mailNickname: string;
  readonly description: string | undefined;
  /**
   * objectIds of direct members: users, and nested groups (always of a lower serial, so no cycles).
   * Entra provisions a nested group as one member reference and never expands it.
   */
  readonly members: readonly string[];
  /** Assigned to the app: the group is provisioned, and its direct user members are in scope. */
  readonly assigned: boolean;
}

/** The user attributes the provisioning service reads (mapping sources). */
export const ENTRA_USER_ATTRIBUTES = [
  'objectId',
  'userPrincipalName',
  'mail',
  'mailNickname',
  'givenName',
  'surname',
  'displayName',
  'jobTitle',
  'department',
  'employeeId',
  'manager',
  'mobile',
  'telephoneNumber',
  'streetAddress',
  'city',
  'state',
  'postalCode',
  'country',
  'accountEnabled',
] as const satisfies readonly (keyof EntraUser)[];
export type EntraUserAttribute = (typeof ENTRA_USER_ATTRIBUTES)[number];

/** The group attributes the provisioning service reads. */
export const ENTRA_GROUP_ATTRIBUTES = [
  'objectId',
  'displayName',
  'mailNickname',
  'description',
  'members',
] as const satisfies readonly (keyof EntraGroup)[];
export type EntraGroupAttribute = (typeof ENTRA_GROUP_ATTRIBUTES)[number];

/** A 1-based shard of a partition into `total` disjoint parts, as `--shard index/total` writes it. */
export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** What `createDirectory` was asked for; kept so later cycles (joiners) draw from the same seed space. */
export interface DirectorySpec {
  readonly seed: number;
  readonly runId: string;
  readonly domain: string;
  readonly shard: Shard | undefined;
}

/**
 * A directory state. Immutable: the change generator returns a new state and shares unchanged users
 * and groups with the old one.
 */
export interface EntraDirectory {
  readonly spec: DirectorySpec;
  /** Keyed by objectId, in serial order (joiners appended). */
  readonly users: ReadonlyMap<string, EntraUser>;
  readonly groups: ReadonlyMap<string, EntraGroup>;
  /** The next unused user serial in the whole (unsharded) seed space. */
  readonly nextUserSerial: number;
  /** The last change cycle applied (0 = as created). */
  readonly cycle: number;
}
