/**
 * Group helpers for the group, filter and search checks: run-tagged groups that share a displayName prefix (so a
 * query can be constrained to them), and reading a Group's `members` without assuming key case.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4.2
 */

import type { ScimClient, ScimExchange } from '../../src/http/index.js';
import { isJsonObject } from '../../src/json/json-guards.js';
import { groupPath } from '../../src/scim/resource-path.js';
import { member } from './case-insensitive-json.js';
import { expect } from './fixtures.js';
import { answered } from './matchers.js';
import type { CreatedResource, ResourceFactory } from './resource-factory.js';

/** The `members` values of a Group body (sub-attribute `value`), in the order returned. */
export function memberValues(group: unknown): string[] {
  const members = member(group, 'members');
  if (!Array.isArray(members)) return [];
  return members.filter(isJsonObject).map((entry) => String(member(entry, 'value')));
}

/** The member objects of a Group body. */
export function membersOf(group: unknown): Record<string, unknown>[] {
  const members = member(group, 'members');
  return Array.isArray(members) ? members.filter(isJsonObject) : [];
}

export interface GroupPair {
  /** The displayName prefix both groups share; constrain queries with `displayName sw "<base> "`. */
  base: string;
  one: CreatedResource & { displayName: string };
  two: CreatedResource & { displayName: string };
  labels: Map<string, string>;
}

/** Two run-tagged groups, `<base> one` (with `oneMembers`) and `<base> two` (empty). */
export async function createGroupPair(
  resources: ResourceFactory,
  oneMembers: readonly string[] = [],
): Promise<GroupPair> {
  const base = resources.groupName();
  const oneName = `${base} one`;
  const twoName = `${base} two`;
  const one = await resources.createGroup({
    displayName: oneName,
    ...(oneMembers.length > 0 ? { members: oneMembers.map((value) => ({ value })) } : {}),
  });
  const two = await resources.createGroup({ displayName: twoName });
  return {
    base,
    one: { ...one, displayName: oneName },
    two: { ...two, displayName: twoName },
    labels: new Map([
      [one.id, 'group one'],
      [two.id, 'group two'],
    ]),
  };
}

/**
 * Asserts a write answered 200 or 204 (RFC 7644 §3.5.2 allows both for PATCH) and reads the group back with GET, so
 * the verdict rests on what the target stored, not on what it echoed.
 */
export async function readBackGroup(
  scim: ScimClient,
  write: ScimExchange,
  id: string,
): Promise<Record<string, unknown>> {
  await expect(write).toHaveStatus(200, 204);
  const read = await scim.get(groupPath(id));
  await expect(read).toHaveStatus(200);
  const body = answered(read).json;
  return isJsonObject(body) ? body : {};
}
