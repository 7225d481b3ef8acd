import type { Faker } from '@faker-js/faker';
import type { EntraDirectory, EntraGroup, EntraUser } from '../directory/index.js';

/**
 * Mutable working copy of one cycle. The input directory is never touched: maps are copied once and
 * every changed user or group is a new object, so the old state stays valid (immutable update).
 */
export class CycleState {
  readonly users: Map<string, EntraUser>;
  readonly groups: Map<string, EntraGroup>;
  readonly touched = new Set<string>();
  nextUserSerial: number;
  #reports: Map<string, string[]> | undefined;

  constructor(readonly directory: EntraDirectory) {
    this.users = new Map(directory.users);
    this.groups = new Map(directory.groups);
    this.nextUserSerial = directory.nextUserSerial;
  }

  updateUser(user: EntraUser, patch: Partial<EntraUser>): EntraUser {
    const next = { ...user, ...patch };
    this.users.set(user.objectId, next);
    return next;
  }

  updateGroup(group: EntraGroup, patch: Partial<EntraGroup>): EntraGroup {
    const next = { ...group, ...patch };
    this.groups.set(group.objectId, next);
    return next;
  }

  /** Direct reports by manager, built once on first need (only purges need it). */
  reportsOf(managerId: string): string[] {
    if (this.#reports === undefined) {
      this.#reports = new Map();
      for (const user of this.users.values()) {
        if (user.manager === undefined) continue;
        const list = this.#reports.get(user.manager) ?? [];
        list.push(user.objectId);
        this.#reports.set(user.manager, list);
      }
    }
    return this.#reports.get(managerId) ?? [];
  }

  /** Removes `memberId` from every group that lists it; returns those groups. */
  removeFromGroups(memberId: string): string[] {
    const left: string[] = [];
    for (const group of [...this.groups.values()]) {
      if (!group.members.includes(memberId)) continue;
      this.updateGroup(group, { members: group.members.filter((id) => id !== memberId) });
      left.push(group.objectId);
    }
    return left;
  }
}

/**
 * Picks an untouched element of `pool` that passes `accept`, in its current state (`live`): the pool is
 * a snapshot from the start of the cycle, and earlier changes of this cycle may have updated or
 * deleted the object since.
 */
export function pickUntouched<T extends { objectId: string }>(
  faker: Faker,
  pool: readonly T[],
  state: CycleState,
  live: ReadonlyMap<string, T>,
  accept: (item: T) => boolean = () => true,
): T | undefined {
  if (pool.length === 0) return undefined;
  const usable = (item: T): T | undefined => {
    if (state.touched.has(item.objectId)) return undefined;
    const current = live.get(item.objectId);
    return current !== undefined && accept(current) ? current : undefined;
  };
  for (let attempt = 0; attempt < 32; attempt++) {
    const hit = usable(pool[faker.number.int({ min: 0, max: pool.length - 1 })]!);
    if (hit !== undefined) return hit;
  }
  // Few candidates left: scan from a random start so the choice stays seed-driven.
  const start = faker.number.int({ min: 0, max: pool.length - 1 });
  for (let i = 0; i < pool.length; i++) {
    const hit = usable(pool[(start + i) % pool.length]!);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
