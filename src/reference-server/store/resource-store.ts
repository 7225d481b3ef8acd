/**
 * The storage contract of the reference server. The in-memory store is the only backend today; the
 * service layer talks to this interface alone, so another backend (SQLite, a remote KV) could be plugged in.
 * Methods are async for that reason, even though the in-memory store answers at once.
 */

/** The resource types the reference server serves. */
export const RESOURCE_TYPE_NAMES = ['User', 'Group'] as const;
export type ResourceTypeName = (typeof RESOURCE_TYPE_NAMES)[number];

/** A JSON object as SCIM bodies carry them. */
export type ScimObject = Record<string, unknown>;

/**
 * A resource as stored: the attributes the client wrote (after validation), plus the bookkeeping that
 * `meta` is rendered from. Derived attributes (`groups`, `meta`, member `display`/`$ref`) are not stored:
 * they are rendered on the way out, so they never go stale.
 */
export interface StoredResource {
  resourceType: ResourceTypeName;
  id: string;
  attributes: ScimObject;
  created: string;
  lastModified: string;
  /** Bumped on every change; rendered as the weak ETag `W/"<version>"`. */
  version: number;
}

/**
 * Exact-match indexes. `userName` and `displayName` are keyed case-insensitively (both are caseExact=false
 * in RFC 7643 §4.1.1 / §4.2), `id` and `externalId` exactly (caseExact=true).
 */
export const INDEX_NAMES = ['id', 'userName', 'externalId', 'displayName'] as const;
export type IndexName = (typeof INDEX_NAMES)[number];

export interface ResourceStore {
  get(type: ResourceTypeName, id: string): Promise<StoredResource | undefined>;
  /** Inserts or replaces (by type and id), keeping every index in step. */
  put(resource: StoredResource): Promise<void>;
  delete(type: ResourceTypeName, id: string): Promise<boolean>;
  /** Resources whose indexed attribute equals `value` (see {@link INDEX_NAMES} for the case rules). */
  findByIndex(type: ResourceTypeName, index: IndexName, value: string): Promise<StoredResource[]>;
  /** Every resource of a type, oldest first: a full scan. */
  scan(type: ResourceTypeName): Promise<StoredResource[]>;
  /**
   * The same scan without copying: the store's own objects, which the caller must treat as read-only. List requests
   * use it so that a page of 100 out of 100k users costs neither 100k deep copies nor their memory.
   */
  scanReadonly(type: ResourceTypeName): Promise<readonly Readonly<StoredResource>[]>;
  /** The groups that list `memberId` among their `members` (direct membership). */
  groupsWithMember(memberId: string): Promise<StoredResource[]>;
}
