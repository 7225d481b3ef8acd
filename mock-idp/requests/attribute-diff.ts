import { resourcePath } from '../../src/scim/resource-path.js';
import type { ScimAttributeSet, ScimAttributeValue } from '../mappings/index.js';
import { type EntraClientProfile, opName } from './client-profile.js';
import type { JsonValue, PatchOperation, RequestDescriptor } from './request-descriptor.js';
import { patchBody, requestFor } from './request-parts.js';
import { managerOperation, patchValue } from './user-requests.js';

/** Maps a source objectId to the id the target assigned it; `undefined` when not (yet) provisioned. */
export type ResolveTargetId = (objectId: string) => string | undefined;

/** Options of {@link diffAttributes}. */
export interface DiffOptions {
  /** Overrides the profile's format (groups always use `verbose`). */
  format?: 'verbose' | 'merged';
  /** Target ids of referenced users (the manager). */
  resolveId?: ResolveTargetId;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Whether two expected values are the same (references compare by source objectId). */
export function sameValue(a: ScimAttributeValue | undefined, b: ScimAttributeValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  switch (a.kind) {
    case 'reference':
      return b.kind === 'reference' && a.objectId === b.objectId;
    case 'references':
      return b.kind === 'references' && sameList(a.objectIds, b.objectIds);
    case 'roles':
      return b.kind === 'roles' && sameList(a.values, b.values);
    default: {
      const unknown: never = a;
      return unknown;
    }
  }
}

/**
 * The minimal PATCH operations from one expected attribute set to the next, as Entra builds them.
 *
 * - An attribute the target lacked is an `Add` with its path; a changed one a `Replace` (COMPAT names
 *   "add a single-value string attribute" as its own case; that `Add` means "previously absent" is
 *   inferred).
 * - `verbose` (legacy): one operation per attribute, each with a path, in mapping-row order.
 * - `merged` (compliant): value-filtered paths (`emails[type eq "work"].value`) and `active` stay
 *   separate operations with a path, as in Microsoft's examples; every other replaced attribute joins
 *   one path-less `replace` whose value has dotted and URN keys. Separate operations come first, as
 *   in the documented body.
 * - An attribute that became empty sends nothing by default (Entra never provisions nulls); the
 *   manager is cleared per `managerRemoval`. The manager is written as the target id of the manager;
 *   an unresolved manager (not provisioned) is skipped, as Entra provisions without it.
 * - Group `members` are left out: membership has its own batched requests.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 */
export function diffAttributes(
  profile: EntraClientProfile,
  previous: ScimAttributeSet,
  next: ScimAttributeSet,
  options: DiffOptions = {},
): PatchOperation[] {
  const format = options.format ?? profile.patchBodyFormat;
  const resolve = options.resolveId ?? (() => undefined);
  const separate: PatchOperation[] = [];
  const references: PatchOperation[] = [];
  const merged: Record<string, JsonValue> = {};
  // Verbose bodies keep mapping-row order throughout; merged bodies put references last.
  const referenceOps = format === 'verbose' ? separate : references;
  const keys = [...Object.keys(next), ...Object.keys(previous).filter((key) => !(key in next))];

  for (const path of keys) {
    const before = previous[path];
    const after = next[path];
    if (sameValue(before, after)) continue;

    if (
      (before !== undefined && typeof before === 'object') ||
      (after !== undefined && typeof after === 'object')
    ) {
      const kind =
        typeof after === 'object' ? after.kind : typeof before === 'object' ? before.kind : undefined;
      if (kind !== 'reference') continue; // members and roles are not diffed here
      const target =
        typeof after === 'object' && after.kind === 'reference' ? resolve(after.objectId) : undefined;
      const old =
        typeof before === 'object' && before.kind === 'reference' ? resolve(before.objectId) : undefined;
      if (after !== undefined) {
        if (target === undefined || target === old) continue;
        const operation = managerOperation(profile, before === undefined ? 'add' : 'replace', target);
        referenceOps.push(operation);
      } else if (profile.managerRemoval === 'replaceEmpty') {
        referenceOps.push({ op: opName(profile, 'replace'), path, value: '' });
      } else if (profile.managerRemoval === 'remove') {
        referenceOps.push({ op: opName(profile, 'remove'), path });
      }
      continue;
    }

    if (after === undefined) {
      if (profile.clearedAttributes === 'remove') separate.push({ op: opName(profile, 'remove'), path });
      else if (profile.clearedAttributes === 'replaceEmpty') {
        separate.push({ op: opName(profile, 'replace'), path, value: '' });
      }
      continue;
    }
    const value = patchValue(profile, after);
    if (before === undefined) {
      separate.push({ op: opName(profile, 'add'), path, value });
    } else if (format === 'verbose' || path.includes('[') || path === 'active') {
      separate.push({ op: opName(profile, 'replace'), path, value });
    } else {
      merged[path] = value;
    }
  }
  const operations = [...separate];
  if (Object.keys(merged).length > 0) operations.push({ op: opName(profile, 'replace'), value: merged });
  return [...operations, ...references];
}

/**
 * The update PATCH for a user whose expected attributes changed, or `undefined` when nothing the
 * client sends has changed. The caller reads the user first (`getUserRequest`), as Entra does.
 */
export function updateUserRequest(
  profile: EntraClientProfile,
  id: string,
  previous: ScimAttributeSet,
  next: ScimAttributeSet,
  resolveId?: ResolveTargetId,
): RequestDescriptor | undefined {
  const operations = diffAttributes(profile, previous, next, resolveId === undefined ? {} : { resolveId });
  if (operations.length === 0) return undefined;
  return requestFor(profile, 'updateUser', 'PATCH', resourcePath('/Users', id), {
    body: patchBody(operations),
  });
}
