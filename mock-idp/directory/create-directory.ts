import { HarnessError } from '../../src/errors/harness-error.js';
import type { EntraDirectory, EntraGroup, EntraUser, Shard } from './entra-objects.js';
import {
  type GenerationContext,
  generateGroup,
  generateUser,
  groupObjectIdFor,
  userObjectIdFor,
} from './generate-objects.js';
import { createSeededFaker } from './seeded-randomizer.js';
import { isInShard, validateShard } from './shard.js';

/** Options of {@link createDirectory}. */
export interface CreateDirectoryOptions {
  /** Integer seed: the same options always give the same directory. */
  seed: number;
  /** Users in the whole (unsharded) directory. */
  users: number;
  /** Groups in the whole (unsharded) directory. */
  groups: number;
  /** Carried in every UPN, mailNickname and group displayName, so a run only touches what it created. */
  runId: string;
  /** UPN and mail domain. Default `scim-harness.example` (a reserved TLD, RFC 2606). */
  domain?: string;
  /** Keep only this part of the directory (objectId hash); shards are disjoint and cover the whole. */
  shard?: Shard;
  /** Share of users directly assigned to the app. Default 0.9. */
  assignedUserRatio?: number;
  /** Share of groups assigned to the app. Default 0.8. */
  assignedGroupRatio?: number;
  /** Upper bound of direct user members per group. Default 25. */
  maxGroupMembers?: number;
  /** Share of groups that also contain an earlier group. Default 0.1. */
  nestedGroupRatio?: number;
}

export const DEFAULT_DOMAIN = 'scim-harness.example';
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
const DOMAIN = /^(?=.{1,200}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
/** Hard cap, far above the 100k the harness is sized for, so a typo cannot exhaust memory. */
const MAX_USERS = 1_000_000;

function requireCount(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `${name} must be an integer from 0 to ${max}, got ${String(value)}`,
    );
  }
}

function requireRatio(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) {
    throw new HarnessError('CONFIG_INVALID', `${name} must be a number from 0 to 1, got ${String(value)}`);
  }
}

/** Checks a runId: letters, digits and `-`, at most 32, so it is safe inside a UPN and a filter. */
export function validateRunId(runId: string): string {
  if (!RUN_ID.test(runId)) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `runId must be 1-32 letters, digits or "-" and start with a letter or digit, got "${runId}"`,
    );
  }
  return runId;
}

/**
 * Generates a deterministic Entra source directory: users (with a manager tree), groups (with members
 * and nested groups) and app assignments. Each object is generated from its own `[seed, kind, serial]`
 * stream, so a shard generates only its own objects and still agrees with every other shard.
 *
 * Group member lists keep their full membership even when sharded: members in other shards are
 * provisioned by those shards, and the cycle engine resolves them like out-of-scope members.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works
 */
export function createDirectory(options: CreateDirectoryOptions): EntraDirectory {
  if (!Number.isSafeInteger(options.seed)) {
    throw new HarnessError('CONFIG_INVALID', `seed must be a safe integer, got ${String(options.seed)}`);
  }
  requireCount('users', options.users, MAX_USERS);
  requireCount('groups', options.groups, MAX_USERS);
  const runId = validateRunId(options.runId);
  const domain = options.domain ?? DEFAULT_DOMAIN;
  if (!DOMAIN.test(domain)) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `domain must be a DNS name such as contoso.example, got "${domain}"`,
    );
  }
  const shard = options.shard === undefined ? undefined : validateShard(options.shard);
  const assignedUserRatio = options.assignedUserRatio ?? 0.9;
  const assignedGroupRatio = options.assignedGroupRatio ?? 0.8;
  const nestedRatio = options.nestedGroupRatio ?? 0.1;
  const maxMembers = options.maxGroupMembers ?? 25;
  requireRatio('assignedUserRatio', assignedUserRatio);
  requireRatio('assignedGroupRatio', assignedGroupRatio);
  requireRatio('nestedGroupRatio', nestedRatio);
  requireCount('maxGroupMembers', maxMembers, MAX_USERS);

  const context: GenerationContext = {
    faker: createSeededFaker(options.seed),
    seed: options.seed,
    runId,
    domain,
  };
  // objectIds of the whole directory: managers and members may live in other shards.
  const userObjectIds = Array.from({ length: options.users }, (_, serial) =>
    userObjectIdFor(context, serial),
  );
  const users = new Map<string, EntraUser>();
  for (let serial = 0; serial < options.users; serial++) {
    if (!isInShard(userObjectIds[serial]!, shard)) continue;
    const user = generateUser(context, {
      serial,
      objectId: userObjectIds[serial],
      assignedRatio: assignedUserRatio,
      pickManager: (faker) => {
        if (serial === 0 || !faker.datatype.boolean({ probability: 0.9 })) return undefined;
        // Squaring skews managers toward low serials: a few deep trees rather than a flat list.
        return userObjectIds[Math.floor(serial * faker.number.float() ** 2)];
      },
    });
    users.set(user.objectId, user);
  }

  const groupObjectIds = Array.from({ length: options.groups }, (_, serial) =>
    groupObjectIdFor(context, serial),
  );
  const groups = new Map<string, EntraGroup>();
  for (let serial = 0; serial < options.groups; serial++) {
    if (!isInShard(groupObjectIds[serial]!, shard)) continue;
    const group = generateGroup(context, {
      serial,
      assignedRatio: assignedGroupRatio,
      maxMembers,
      nestedRatio,
      userObjectIds,
      groupObjectIds,
    });
    groups.set(group.objectId, group);
  }

  return {
    spec: { seed: options.seed, runId, domain, shard },
    users,
    groups,
    nextUserSerial: options.users,
    cycle: 0,
  };
}
