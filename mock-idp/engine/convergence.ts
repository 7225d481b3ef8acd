import type { ScimClient } from '../../src/http/index.js';
import type { ReplayDivergence } from '../../src/report/index.js';
import { computeScope, type EntraDirectory, type EntraGroup } from '../directory/index.js';
import {
  type GroupMapping,
  mapGroup,
  mapUser,
  type ScimAttributeSet,
  type ScimAttributeValue,
  type UserMapping,
} from '../mappings/index.js';
import type { ResolveTargetId } from '../requests/index.js';
import { parseTargetPath } from '../requests/scim-body.js';
import { type ObjectState, resolvableAttributes } from './object-state.js';
import { runPool } from './run-pool.js';

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
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a mapping target path (`name.givenName`, `emails[type eq "work"].value`, URN paths) from a resource. */
export function readTargetPath(resource: Record<string, unknown>, path: string): unknown {
  const target = parseTargetPath(path);
  const container = target.urn === undefined ? resource : resource[target.urn];
  if (!isRecord(container)) return undefined;
  const value = container[target.attr];
  if (target.type !== undefined) {
    if (!Array.isArray(value)) return undefined;
    const item = value.find((entry) => isRecord(entry) && entry.type === target.type);
    return isRecord(item) && target.sub !== undefined ? item[target.sub] : undefined;
  }
  if (target.sub !== undefined) return isRecord(value) ? value[target.sub] : undefined;
  return value;
}

function sameFound(expected: string | boolean, found: unknown): boolean {
  if (typeof expected === 'boolean') {
    return found === expected || (typeof found === 'string' && found.toLowerCase() === String(expected));
  }
  return found === expected;
}

/** Compares one target resource with its expected attributes. */
export function compareResource(
  object: string,
  expected: ScimAttributeSet,
  resource: Record<string, unknown>,
  resolve: ResolveTargetId,
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
      const got = isRecord(found) ? found.value : found;
      if (got !== want) divergences.push({ object, attribute: path, expected: want, found: got ?? null });
    } else if (value.kind === 'references') {
      const want = value.objectIds
        .map(resolve)
        .filter((id): id is string => id !== undefined)
        .sort();
      const got = (Array.isArray(found) ? found : [])
        .map((member) => (isRecord(member) ? member.value : undefined))
        .filter((id): id is string => typeof id === 'string')
        .sort();
      if (want.join('\n') !== got.join('\n'))
        divergences.push({ object, attribute: path, expected: want, found: got });
    }
  }
  return divergences;
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
  ): Promise<void> => {
    const exchange = await client.get(path);
    const status = exchange.response?.status;
    const json = exchange.response?.json;
    if (expected === undefined) {
      if (status !== 404)
        report([
          { object, attribute: '(resource)', expected: 'deleted (404)', found: status ?? exchange.outcome },
        ]);
      return;
    }
    if (status !== 200 || !isRecord(json)) {
      report([
        { object, attribute: '(resource)', expected: 'present (200)', found: status ?? exchange.outcome },
      ]);
      return;
    }
    report(compareResource(object, expected, json, resolve));
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
    userChecks.push(() =>
      read(
        `/Users/${encodeURIComponent(state.targetId ?? '')}`,
        `User ${user.userPrincipalName}`,
        resolvableAttributes(mapUser(user, input.userMapping, { inScope }), resolve),
      ),
    );
  }
  for (const [objectId, state] of users) {
    if (directory.users.has(objectId) || state.targetId === undefined) continue;
    userChecks.push(() =>
      read(`/Users/${encodeURIComponent(state.targetId ?? '')}`, `User ${objectId}`, undefined),
    );
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
      userChecks.push(() => read(`/Groups/${encodeURIComponent(state.targetId ?? '')}`, object, expected));
    }
  }
  await runPool(userChecks, input.concurrency, (check) => check());
  return { divergences, count };
}
