import type { ScimAttributeSet, ScimAttributeValue, ScimReferences } from '../mappings/index.js';
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
