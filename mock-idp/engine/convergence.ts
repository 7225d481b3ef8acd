import type { ScimClient } from '../../src/http/index.js';
import { isJsonObject } from '../../src/json/json-guards.js';
import type { ReplayDivergence } from '../../src/run-contract/index.js';
import { groupPath, userPath } from '../../src/scim/resource-path.js';
import { computeScope, type EntraDirectory, type EntraGroup, type EntraUser } from '../directory/index.js';
import {
  type GroupMapping,
  mapGroup,
  mapUser,
  type ScimAttributeSet,
  type ScimAttributeValue,
  type UserMapping,
} from '../mappings/index.js';
import { type EntraClientProfile, type ResolveTargetId, resolveClientProfile } from '../requests/index.js';
import { parseTargetPath } from '../requests/scim-body.js';
import { type ObjectState, resolvableAttributes } from './object-state.js';
import { runPool } from './run-pool.js';
import { targetErrorOfExchange } from './target-error.js';

/** How a client clears a manager removed at the source (see `EntraClientOptions.managerRemoval`). */
export type ManagerRemoval = EntraClientProfile['managerRemoval'];

/** What {@link checkConvergence} reads from. */
export interface ConvergenceInput {
  client: ScimClient;
  directory: EntraDirectory;
  userMapping: UserMapping;
  groupMapping: GroupMapping | undefined;
  users: ReadonlyMap<string, ObjectState>;
  groups: ReadonlyMap<string, ObjectState>;
  resolve: ResolveTargetId;
  concurrency: number;
  /** Stop listing after this many (the count still says how many). Default 200. */
  maxDivergences?: number;
  /**
   * The client profile's `managerRemoval`: whether the client clears a manager removed at the source.
   * Default: the profile's default (`replaceEmpty`); pass the profile's value when it may differ.
   */
  managerRemoval?: ManagerRemoval;
  /**
   * What the target should hold of a user gone from the directory: `deleted` (404: Entra's DELETE) or `deactivated`
   * (present with `active` false: Okta never deletes users). Default `deleted`.
   */
  goneUsers?: 'deleted' | 'deactivated';
}

/** What a deactivated user holds: Okta's answer to a deleted Okta user. */
const DEACTIVATED: ScimAttributeSet = Object.freeze({ active: false });

/** Options of {@link expectedUser}. */
export interface ExpectedUserOptions {
  /** Assigned and inside the scoping filter (feeds `IsSoftDeleted`). */
  inScope: boolean;
  resolve: ResolveTargetId;
  managerRemoval: ManagerRemoval;
}

/** What a user's target resource should hold once its cycle ran. */
export interface ExpectedUser {
  /** The mapped attributes the target should hold (references not resolvable yet left out). */
  readonly attributes: ScimAttributeSet;
  /** Paths the target should no longer hold: reference rows (manager) the source emptied. */
  readonly absent: readonly string[];
}

const NOTHING_ABSENT: readonly string[] = Object.freeze([]);

/** The profile's own default, read from it so that the two cannot drift (the mode plays no part in it). */
const DEFAULT_MANAGER_REMOVAL: ManagerRemoval = resolveClientProfile({ mode: 'legacy' }).managerRemoval;

/** Reads a mapping target path (`name.givenName`, `emails[type eq "work"].value`, URN paths) from a resource. */
export function readTargetPath(resource: Record<string, unknown>, path: string): unknown {
  const target = parseTargetPath(path);
  const container = target.urn === undefined ? resource : resource[target.urn];
  if (!isJsonObject(container)) return undefined;
  const value = container[target.attr];
  if (target.type !== undefined) {
    if (!Array.isArray(value)) return undefined;
    const item = value.find((entry) => isJsonObject(entry) && entry.type === target.type);
    return isJsonObject(item) && target.sub !== undefined ? item[target.sub] : undefined;
  }
  if (target.sub !== undefined) return isJsonObject(value) ? value[target.sub] : undefined;
  return value;
}

/**
 * The reference a target holds at `found`: the `value` of `{value}` (the enterprise manager), else the value
 * itself; `undefined` when it holds none (absent, null, `""`, `{value: ""}`, `[]`), the forms a cleared
 * manager may take ("empty, null or absent", as Microsoft's SCIM_Update_Manager_Test accepts).
 */
function heldReference(found: unknown): unknown {
  const held = isJsonObject(found) ? found.value : found;
  if (held === undefined || held === null || held === '') return undefined;
  if (Array.isArray(held) && held.length === 0) return undefined;
  return held;
}

function sameFound(expected: string | boolean, found: unknown): boolean {
  if (typeof expected === 'boolean') {
    return found === expected || (typeof found === 'string' && found.toLowerCase() === String(expected));
  }
  return found === expected;
}

/**
 * Compares one target resource with its expected attributes. Paths in `absent` must hold nothing; one that
 * still does is reported with `expected: null` and the reference it kept as `found`.
 */
export function compareResource(
  object: string,
  expected: ScimAttributeSet,
  resource: Record<string, unknown>,
  resolve: ResolveTargetId,
  absent: readonly string[] = NOTHING_ABSENT,
): ReplayDivergence[] {
  const divergences: ReplayDivergence[] = [];
  for (const [path, value] of Object.entries(expected)) {
    const found = readTargetPath(resource, path);
    if (typeof value !== 'object') {
      if (!sameFound(value, found))
        divergences.push({ object, attribute: path, expected: value, found: found ?? null });
      continue;
    }
    if (value.kind === 'reference') {
      const want = resolve(value.objectId);
      const got = isJsonObject(found) ? found.value : found;
      if (got !== want) divergences.push({ object, attribute: path, expected: want, found: got ?? null });
    } else if (value.kind === 'references') {
      const want = value.objectIds
        .map(resolve)
        .filter((id): id is string => id !== undefined)
        .sort();
      const got = (Array.isArray(found) ? found : [])
        .map((member) => (isJsonObject(member) ? member.value : undefined))
        .filter((id): id is string => typeof id === 'string')
        .sort();
      if (want.join('\n') !== got.join('\n'))
        divergences.push({ object, attribute: path, expected: want, found: got });
    }
  }
  for (const path of absent) {
    const kept = heldReference(readTargetPath(resource, path));
    if (kept !== undefined) divergences.push({ object, attribute: path, expected: null, found: kept });
  }
  return divergences;
}

/**
 * The reference rows (manager) a user's mapping maps but whose source is now empty: Entra clears those,
 * unlike any other attribute that became empty, which it leaves as it was ("doesn't support provisioning
 * null values"). None with `managerRemoval: 'none'`, where the client sends nothing. Rows applied "Only
 * during object creation" are never updated, so their removal is never sent either.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/customize-application-attributes
 */
export function clearedReferences(
  mapping: UserMapping,
  mapped: ScimAttributeSet,
  managerRemoval: ManagerRemoval,
): readonly string[] {
  if (managerRemoval === 'none') return NOTHING_ABSENT;
  let absent: string[] | undefined;
  for (const row of mapping.rows) {
    if (row.type !== 'reference' || row.apply !== 'always' || row.target in mapped) continue;
    absent ??= [];
    absent.push(row.target);
  }
  return absent ?? NOTHING_ABSENT;
}

/**
 * What a user should hold once its cycle ran: the mapped attributes whose references resolve now, and no
 * manager when the source has none (see {@link clearedReferences}). A manager the source still names but
 * the target does not know is neither expected nor expected absent, as Entra provisions without it.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#provisioning-cycles-initial-and-incremental
 */
export function expectedUser(
  user: EntraUser,
  mapping: UserMapping,
  options: ExpectedUserOptions,
): ExpectedUser {
  const mapped = mapUser(user, mapping, { inScope: options.inScope });
  return {
    attributes: resolvableAttributes(mapped, options.resolve),
    absent: clearedReferences(mapping, mapped, options.managerRemoval),
  };
}

/**
 * What a group should hold once its cycle ran: the mapped attributes with the members the target knows.
 * A members row with no known member (all removed, or none provisioned yet) expects an empty list rather
 * than nothing, so that members the target kept by mistake still show; members not yet provisioned are
 * not expected, since Entra sends them only in the cycle that provisions them.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#provisioning-cycles-initial-and-incremental
 */
export function expectedGroup(
  group: EntraGroup,
  mapping: GroupMapping,
  resolve: ResolveTargetId,
): ScimAttributeSet {
  const expected: Record<string, ScimAttributeValue> = {
    ...resolvableAttributes(mapGroup(group, mapping), resolve),
  };
  for (const row of mapping.rows) {
    if (row.type === 'references' && !(row.target in expected))
      expected[row.target] = { kind: 'references', objectIds: [] };
  }
  return expected;
}

/**
 * Reads every in-scope object back from the target and compares it with what the mappings say it should
 * hold. A cycle passes only when this finds nothing.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works
 */
export async function checkConvergence(
  input: ConvergenceInput,
): Promise<{ divergences: ReplayDivergence[]; count: number }> {
  const { client, directory, users, groups, resolve } = input;
  const max = input.maxDivergences ?? 200;
  const managerRemoval = input.managerRemoval ?? DEFAULT_MANAGER_REMOVAL;
  const divergences: ReplayDivergence[] = [];
  let count = 0;
  const report = (found: ReplayDivergence[]): void => {
    count += found.length;
    for (const divergence of found) if (divergences.length < max) divergences.push(divergence);
  };
  const scope = computeScope(directory);
  const read = async (
    path: string,
    object: string,
    expected: ScimAttributeSet | undefined,
    absent: readonly string[] = NOTHING_ABSENT,
  ): Promise<void> => {
    const exchange = await client.get(path);
    const status = exchange.response?.status;
    const json = exchange.response?.json;
    // A read the target refused (or never answered) carries the target's own words.
    const refused = (divergence: ReplayDivergence): ReplayDivergence => {
      const targetError = targetErrorOfExchange(exchange);
      return targetError === undefined ? divergence : { ...divergence, targetError };
    };
    if (expected === undefined) {
      if (status !== 404)
        report([
          refused({
            object,
            attribute: '(resource)',
            expected: 'deleted (404)',
            found: status ?? exchange.outcome,
          }),
        ]);
      return;
    }
    if (status !== 200 || !isJsonObject(json)) {
      report([
        refused({
          object,
          attribute: '(resource)',
          expected: 'present (200)',
          found: status ?? exchange.outcome,
        }),
      ]);
      return;
    }
    report(compareResource(object, expected, json, resolve, absent));
  };
  const userChecks: (() => Promise<void>)[] = [];
  for (const user of directory.users.values()) {
    const inScope = scope.users.has(user.objectId);
    const state = users.get(user.objectId);
    const object = `User ${user.userPrincipalName}`;
    if (state === undefined || state.targetId === undefined) {
      if (inScope && !user.isSoftDeleted && user.accountEnabled) {
        report([{ object, attribute: '(resource)', expected: 'provisioned', found: 'absent' }]);
      }
      continue;
    }
    if (state.anchorLost) {
      report([{ object, attribute: '(resource)', expected: 'present', found: 'InvalidAnchor (404)' }]);
      continue;
    }
    // Mapped when read, not up front: a read-back of 100k users must not hold 100k attribute sets at once.
    userChecks.push(() => {
      const expected = expectedUser(user, input.userMapping, { inScope, resolve, managerRemoval });
      return read(
        userPath(state.targetId ?? ''),
        `User ${user.userPrincipalName}`,
        expected.attributes,
        expected.absent,
      );
    });
  }
  const gone = input.goneUsers === 'deactivated' ? DEACTIVATED : undefined;
  for (const [objectId, state] of users) {
    if (directory.users.has(objectId) || state.targetId === undefined) continue;
    userChecks.push(() => read(userPath(state.targetId ?? ''), `User ${objectId}`, gone));
  }
  if (input.groupMapping !== undefined) {
    for (const group of directory.groups.values()) {
      const state = groups.get(group.objectId);
      const object = `Group ${group.displayName}`;
      if (!scope.groups.has(group.objectId)) continue;
      if (state?.targetId === undefined || state.anchorLost) {
        report([{ object, attribute: '(resource)', expected: 'provisioned', found: 'absent' }]);
        continue;
      }
      const expected = expectedGroup(group, input.groupMapping, resolve);
      userChecks.push(() => read(groupPath(state.targetId ?? ''), object, expected));
    }
  }
  await runPool(userChecks, input.concurrency, (check) => check());
  return { divergences, count };
}
