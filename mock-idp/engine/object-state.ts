import type { EntraUser } from '../directory/index.js';
import {
  mapUser,
  type ScimAttributeSet,
  type ScimAttributeValue,
  type ScimReferences,
  type UserMapping,
} from '../mappings/index.js';
import { type ResolveTargetId, sameValue } from '../requests/index.js';

/**
 * What the engine remembers of one source object between cycles: Entra's cached target id and the
 * attributes it last applied. Kept compact: 100k of them must fit a few hundred MB.
 */
export interface ObjectState {
  targetId: string | undefined;
  /** The attributes the target holds after the last successful write (unresolved references left out). */
  applied: ScimAttributeSet;
  /** A GET by id answered 404 (`InvalidAnchor`): Entra neither re-creates nor touches the object again. */
  anchorLost: boolean;
}

/**
 * The attributes a write can actually put on the target now: references whose object the target does not
 * (yet) know are left out, as Entra provisions without them and links them in a later pass or cycle.
 */
export function resolvableAttributes(desired: ScimAttributeSet, resolve: ResolveTargetId): ScimAttributeSet {
  let result: Record<string, ScimAttributeValue> | undefined;
  for (const [path, value] of Object.entries(desired)) {
    if (typeof value !== 'object' || value.kind === 'roles') continue;
    const kept =
      value.kind === 'reference'
        ? resolve(value.objectId) === undefined
          ? undefined
          : value
        : narrowReferences(value, resolve);
    if (kept === value) continue;
    result ??= { ...desired };
    if (kept === undefined) delete result[path];
    else result[path] = kept;
  }
  return result ?? desired;
}

function narrowReferences(value: ScimReferences, resolve: ResolveTargetId): ScimAttributeValue | undefined {
  const known = value.objectIds.filter((id) => resolve(id) !== undefined);
  if (known.length === value.objectIds.length) return value;
  return known.length === 0 ? undefined : { kind: 'references', objectIds: known };
}

/** The attribute set without reference-valued rows: what a create body carries. */
export function withoutReferences(attributes: ScimAttributeSet): ScimAttributeSet {
  const result: Record<string, ScimAttributeValue> = {};
  for (const [path, value] of Object.entries(attributes)) {
    if (typeof value === 'object' && value.kind !== 'roles') continue;
    result[path] = value;
  }
  return result;
}

/** Whether two attribute sets hold the same values on every path of either. */
export function sameAttributes(a: ScimAttributeSet, b: ScimAttributeSet): boolean {
  for (const path of Object.keys(a)) if (!sameValue(a[path], b[path])) return false;
  for (const path of Object.keys(b)) if (!(path in a)) return false;
  return true;
}

/**
 * `attributes` with its reference-valued rows (manager, members) taken from `references` instead: what a
 * target holds after a write that changed only one of the two kinds.
 */
export function replaceReferences(
  attributes: ScimAttributeSet,
  references: ScimAttributeSet,
): ScimAttributeSet {
  const result: Record<string, ScimAttributeValue> = { ...withoutReferences(attributes) };
  for (const [path, value] of Object.entries(references)) {
    if (typeof value === 'object' && value.kind !== 'roles') result[path] = value;
  }
  return result;
}

const NOTHING_DROPPED: readonly string[] = Object.freeze([]);

/** The source version a user's write was mapped from: the directory's own object, shared, never copied. */
export interface MappedSource {
  readonly user: EntraUser;
  readonly inScope: boolean;
  readonly mapping: UserMapping;
}

/**
 * A user's {@link ObjectState} that keeps, instead of the attributes it applied, the source version they were
 * mapped from and the paths left out of that write (references not resolvable then); the attributes are
 * mapped again when asked for. At 100k users this saves a mapped attribute set per user, the largest item of
 * the engine's own state. A write whose values are not a plain subset of the mapping keeps them as they are.
 */
export class SourceMappedState implements ObjectState {
  targetId: string | undefined;
  anchorLost: boolean;
  readonly #user: EntraUser;
  readonly #mapping: UserMapping;
  readonly #inScope: boolean;
  readonly #dropped: readonly string[];
  readonly #kept: ScimAttributeSet | undefined;

  /**
   * @param full what mapping `source` gives (`mapUser` is pure: mapping it again gives the same values).
   * @param applied what the write put on the target.
   */
  constructor(
    targetId: string | undefined,
    source: MappedSource,
    full: ScimAttributeSet,
    applied: ScimAttributeSet,
    anchorLost: boolean,
  ) {
    this.targetId = targetId;
    this.anchorLost = anchorLost;
    this.#user = source.user;
    this.#mapping = source.mapping;
    this.#inScope = source.inScope;
    const dropped = Object.keys(full).filter((path) => !(path in applied));
    let subset = true;
    for (const path of Object.keys(applied))
      if (!(path in full) || !sameValue(applied[path], full[path])) subset = false;
    this.#dropped = dropped.length === 0 ? NOTHING_DROPPED : dropped;
    this.#kept = subset ? undefined : applied;
  }

  get applied(): ScimAttributeSet {
    if (this.#kept !== undefined) return this.#kept;
    const full = mapUser(this.#user, this.#mapping, { inScope: this.#inScope });
    if (this.#dropped.length === 0) return full;
    const result: Record<string, ScimAttributeValue> = { ...full };
    for (const path of this.#dropped) delete result[path];
    return result;
  }
}
