import type { Faker } from '@faker-js/faker';
import { HarnessError } from '../../src/errors/harness-error.js';
import {
  computeScope,
  createSeededFaker,
  DEFAULT_SCOPE,
  DEPARTMENTS,
  type EntraDirectory,
  type EntraGroup,
  type EntraUser,
  type GenerationContext,
  generateUser,
  isInShard,
  type ProvisioningScope,
  SEED_DOMAINS,
  userObjectIdFor,
  usersAssignedViaGroups,
} from '../directory/index.js';
import {
  type AttributeChange,
  CHANGE_KINDS,
  type ChangeKind,
  changeSubject,
  type DirectoryChange,
} from './change-event.js';
import { CycleState, pickUntouched } from './cycle-state.js';

/** Options of {@link generateChanges}. */
export interface ChangeOptions {
  /** The cycle to generate; must be after `directory.cycle`. With the seed, it fixes the outcome. */
  cycle: number;
  /** Share of the in-scope directory (users and groups) touched this cycle, 0 to 1. */
  churnRate: number;
  /** Relative weights of change kinds; missing kinds use {@link DEFAULT_CHANGE_MIX}. */
  mix?: Partial<Record<ChangeKind, number>>;
  scope?: ProvisioningScope;
  /** Cycles a user stays soft-deleted before it may be purged (Entra: 30 days). Default 1. */
  purgeAfterCycles?: number;
  /** Most members one membership change adds or removes. Default 3. */
  maxMembersPerChange?: number;
}

export const DEFAULT_CHANGE_MIX: Readonly<Record<ChangeKind, number>> = {
  userJoined: 10,
  userAttributesChanged: 30,
  managerChanged: 10,
  userDisabled: 5,
  userUnassigned: 5,
  userSoftDeleted: 5,
  userHardDeleted: 5,
  userRestored: 5,
  groupMembersAdded: 10,
  groupMembersRemoved: 8,
  groupRenamed: 4,
  groupDeleted: 3,
};

/** The events of one cycle and the directory after them. */
export interface ChangeSet {
  readonly changes: readonly DirectoryChange[];
  readonly directory: EntraDirectory;
}

function weightedKind(
  faker: Faker,
  weights: readonly (readonly [ChangeKind, number])[],
  total: number,
): ChangeKind {
  let roll = faker.number.float({ min: 0, max: total });
  for (const [kind, weight] of weights) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return weights[weights.length - 1]![0];
}

function validate(directory: EntraDirectory, options: ChangeOptions): Record<ChangeKind, number> {
  if (!Number.isInteger(options.cycle) || options.cycle <= directory.cycle) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `cycle must be an integer after the directory's cycle ${directory.cycle}, got ${String(options.cycle)}`,
    );
  }
  if (!(Number.isFinite(options.churnRate) && options.churnRate >= 0 && options.churnRate <= 1)) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `churnRate must be from 0 to 1, got ${String(options.churnRate)}`,
    );
  }
  const mix = { ...DEFAULT_CHANGE_MIX, ...options.mix };
  for (const kind of CHANGE_KINDS) {
    const weight = mix[kind];
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new HarnessError(
        'CONFIG_INVALID',
        `mix weight of ${kind} must be a number ≥ 0, got ${String(weight)}`,
      );
    }
  }
  if (CHANGE_KINDS.every((kind) => mix[kind] === 0)) {
    throw new HarnessError('CONFIG_INVALID', 'mix must give at least one change kind a positive weight');
  }
  return mix;
}

/** Everything one cycle's draws need. */
interface Cycle {
  /** The cycle's own stream: which objects change and how. */
  readonly faker: Faker;
  /** Generates joiners from their own `[seed, user, serial]` streams. */
  readonly objects: GenerationContext;
  readonly state: CycleState;
  readonly options: ChangeOptions;
  readonly unassignable: boolean;
  /** In scope, not soft-deleted, enabled: users a change can reasonably touch. */
  readonly activeUsers: readonly EntraUser[];
  readonly softDeleted: readonly EntraUser[];
  readonly groups: readonly EntraGroup[];
  readonly viaGroup: ReadonlySet<string>;
}

function changeAttributes(cycle: Cycle, user: EntraUser): DirectoryChange {
  const { faker, state } = cycle;
  const changes: AttributeChange[] = [];
  const patch: { -readonly [K in keyof EntraUser]?: EntraUser[K] } = {};
  const set = (attribute: AttributeChange['attribute'], to: string | undefined) => {
    if (user[attribute] === to) return;
    changes.push({ attribute, from: user[attribute], to });
    patch[attribute] = to as never;
  };
  const picks = faker.helpers.arrayElements(
    ['jobTitle', 'department', 'phone', 'surname', 'address'] as const,
    faker.number.int({ min: 1, max: 2 }),
  );
  for (const pick of picks) {
    switch (pick) {
      case 'jobTitle':
        set(
          'jobTitle',
          `${faker.person.jobDescriptor()} ${faker.person.jobArea()} ${faker.person.jobType()}`,
        );
        break;
      case 'department':
        set('department', faker.helpers.arrayElement(DEPARTMENTS.filter((d) => d !== user.department)));
        break;
      case 'phone':
        if (faker.datatype.boolean()) set('mobile', faker.phone.number({ style: 'international' }));
        else set('telephoneNumber', faker.phone.number({ style: 'international' }));
        break;
      case 'surname': {
        // Marriage: a new surname, and the displayName that carries it.
        const surname = faker.person.lastName();
        set('surname', surname);
        set('displayName', `${user.givenName} ${surname}`);
        break;
      }
      case 'address':
        set('streetAddress', faker.location.streetAddress());
        set('city', faker.location.city());
        break;
      default: {
        const unknown: never = pick;
        throw new HarnessError('INTERNAL', `unknown attribute change ${String(unknown)}`);
      }
    }
  }
  if (changes.length === 0) set('jobTitle', `${user.jobTitle ?? 'Staff'} II`);
  state.updateUser(user, patch);
  return { kind: 'userAttributesChanged', objectId: user.objectId, changes };
}

/** A manager of lower serial keeps every chain finite; none found means "no manager". */
function pickManager(
  faker: Faker,
  pool: readonly EntraUser[],
  serial: number,
  current?: string,
): string | undefined {
  for (let attempt = 0; attempt < 16; attempt++) {
    const candidate = pool[faker.number.int({ min: 0, max: Math.max(0, pool.length - 1) })];
    if (candidate !== undefined && candidate.serial < serial && candidate.objectId !== current) {
      return candidate.objectId;
    }
  }
  return undefined;
}

function joinUser(cycle: Cycle): DirectoryChange {
  const { state, objects } = cycle;
  const { spec } = state.directory;
  // Joiners take the next serials of the whole seed space that hash into this shard, so shards
  // never hire the same serial.
  let serial = state.nextUserSerial;
  while (!isInShard(userObjectIdFor(objects, serial), spec.shard)) serial++;
  const user = generateUser(objects, {
    serial,
    assignedRatio: 1,
    pickManager: (faker) => pickManager(faker, cycle.activeUsers, serial),
  });
  state.nextUserSerial = serial + 1;
  const joined = { ...user, accountEnabled: true };
  state.users.set(joined.objectId, joined);
  return { kind: 'userJoined', objectId: joined.objectId, user: joined };
}

function hardDelete(cycle: Cycle, user: EntraUser): DirectoryChange {
  const { state } = cycle;
  state.users.delete(user.objectId);
  const removedFromGroups = state.removeFromGroups(user.objectId);
  const reportsCleared: string[] = [];
  for (const reportId of state.reportsOf(user.objectId)) {
    const report = state.users.get(reportId);
    if (report?.manager !== user.objectId) continue;
    state.updateUser(report, { manager: undefined });
    reportsCleared.push(reportId);
  }
  return { kind: 'userHardDeleted', objectId: user.objectId, removedFromGroups, reportsCleared };
}

/** Applies one change of `kind`, or returns undefined when nothing is eligible for it. */
function applyKind(cycle: Cycle, kind: ChangeKind): DirectoryChange | undefined {
  const { faker, state, activeUsers, softDeleted, groups, options } = cycle;
  const maxMembers = options.maxMembersPerChange ?? 3;
  const purgeAfter = options.purgeAfterCycles ?? 1;
  switch (kind) {
    case 'userJoined':
      return joinUser(cycle);
    case 'userAttributesChanged': {
      const user = pickUntouched(faker, activeUsers, state, state.users);
      return user && changeAttributes(cycle, user);
    }
    case 'managerChanged': {
      const user = pickUntouched(faker, activeUsers, state, state.users, (u) => u.serial > 0);
      if (user === undefined) return undefined;
      const to = pickManager(faker, activeUsers, user.serial, user.manager);
      if (to === user.manager) return undefined;
      state.updateUser(user, { manager: to });
      return { kind, objectId: user.objectId, from: user.manager, to };
    }
    case 'userDisabled': {
      const user = pickUntouched(faker, activeUsers, state, state.users);
      if (user === undefined) return undefined;
      state.updateUser(user, { accountEnabled: false });
      return { kind, objectId: user.objectId };
    }
    case 'userUnassigned': {
      if (!cycle.unassignable) return undefined;
      const user = pickUntouched(
        faker,
        activeUsers,
        state,
        state.users,
        (u) => !cycle.viaGroup.has(u.objectId),
      );
      if (user === undefined) return undefined;
      state.updateUser(user, { assigned: false });
      return { kind, objectId: user.objectId };
    }
    case 'userSoftDeleted': {
      const user = pickUntouched(faker, activeUsers, state, state.users);
      if (user === undefined) return undefined;
      state.updateUser(user, { isSoftDeleted: true, softDeletedInCycle: options.cycle });
      return { kind, objectId: user.objectId };
    }
    case 'userHardDeleted': {
      const user = pickUntouched(
        faker,
        softDeleted,
        state,
        state.users,
        (u) => options.cycle - (u.softDeletedInCycle ?? options.cycle) >= purgeAfter,
      );
      return user && hardDelete(cycle, user);
    }
    case 'userRestored': {
      const user = pickUntouched(faker, softDeleted, state, state.users);
      if (user === undefined) return undefined;
      state.updateUser(user, { isSoftDeleted: false, softDeletedInCycle: undefined });
      return { kind, objectId: user.objectId };
    }
    case 'groupMembersAdded': {
      const group = pickUntouched(faker, groups, state, state.groups);
      if (group === undefined || activeUsers.length === 0) return undefined;
      const current = new Set(group.members);
      const added = [
        ...new Set(
          faker.helpers
            .multiple(() => faker.helpers.arrayElement(activeUsers).objectId, {
              count: { min: 1, max: maxMembers },
            })
            .filter((id) => !current.has(id)),
        ),
      ];
      if (added.length === 0) return undefined;
      state.updateGroup(group, { members: [...group.members, ...added] });
      return { kind, groupId: group.objectId, members: added };
    }
    case 'groupMembersRemoved': {
      const group = pickUntouched(faker, groups, state, state.groups, (g) =>
        g.members.some((id) => state.users.has(id)),
      );
      if (group === undefined) return undefined;
      const userMembers = group.members.filter((id) => state.users.has(id));
      const removed = faker.helpers.arrayElements(userMembers, {
        min: 1,
        max: Math.min(maxMembers, userMembers.length),
      });
      const gone = new Set(removed);
      state.updateGroup(group, { members: group.members.filter((id) => !gone.has(id)) });
      return { kind, groupId: group.objectId, members: removed };
    }
    case 'groupRenamed': {
      const group = pickUntouched(faker, groups, state, state.groups);
      if (group === undefined) return undefined;
      const { runId } = state.directory.spec;
      const to = `${faker.commerce.department()} ${faker.word.noun()} ${group.serial} ${runId}`;
      if (to === group.displayName) return undefined;
      state.updateGroup(group, { displayName: to });
      return { kind, groupId: group.objectId, from: group.displayName, to };
    }
    case 'groupDeleted': {
      const group = pickUntouched(faker, groups, state, state.groups);
      if (group === undefined) return undefined;
      state.groups.delete(group.objectId);
      return { kind, groupId: group.objectId, removedFromGroups: state.removeFromGroups(group.objectId) };
    }
    default: {
      const unknown: never = kind;
      throw new HarnessError('INTERNAL', `unknown change kind ${String(unknown)}`);
    }
  }
}

/**
 * One incremental cycle of source-directory churn: `round(churnRate × in-scope users and groups)`
 * events, each on a distinct object, kinds drawn by `mix`. A kind with nothing eligible (no
 * soft-deleted user to purge yet) falls back to an attribute change. Reproducible: the same directory,
 * seed and cycle give the same events and state. The input directory is not modified.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#incremental-cycles
 */
export function generateChanges(directory: EntraDirectory, options: ChangeOptions): ChangeSet {
  const mix = validate(directory, options);
  const scope = options.scope ?? DEFAULT_SCOPE;
  const inScope = computeScope(directory, scope);
  const { spec } = directory;
  const state = new CycleState(directory);
  const users = [...directory.users.values()];
  const cycle: Cycle = {
    faker: createSeededFaker([spec.seed, SEED_DOMAINS.changes, options.cycle, spec.shard?.index ?? 0]),
    objects: { faker: createSeededFaker(spec.seed), seed: spec.seed, runId: spec.runId, domain: spec.domain },
    state,
    options,
    unassignable: scope.mode === 'assignedOnly',
    activeUsers: users.filter((u) => inScope.users.has(u.objectId) && !u.isSoftDeleted && u.accountEnabled),
    softDeleted: users.filter((u) => u.isSoftDeleted),
    groups: [...directory.groups.values()].filter((g) => inScope.groups.has(g.objectId)),
    viaGroup: usersAssignedViaGroups(directory),
  };
  const weights = CHANGE_KINDS.filter((kind) => mix[kind] > 0).map((kind) => [kind, mix[kind]] as const);
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  const budget = Math.round(options.churnRate * (inScope.users.size + inScope.groups.size));
  const changes: DirectoryChange[] = [];
  while (changes.length < budget) {
    const kind = weightedKind(cycle.faker, weights, total);
    const change = applyKind(cycle, kind) ?? applyKind(cycle, 'userAttributesChanged');
    if (change === undefined) break; // nothing left to touch
    state.touched.add(changeSubject(change));
    changes.push(change);
  }
  return {
    changes,
    directory: {
      spec,
      users: state.users,
      groups: state.groups,
      nextUserSerial: state.nextUserSerial,
      cycle: options.cycle,
    },
  };
}
