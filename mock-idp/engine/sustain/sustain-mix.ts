/**
 * The requests of a sustained load, drawn one per arrival from a mix like an Entra provisioning job's steady state
 * over a directory it has already provisioned: mostly the matching query (`GET /Users?filter=userName eq "…"`),
 * then attribute updates, group membership changes, a few joiners and disables. Every body comes from the mock
 * IdP's request builders in the client's mode, over the seeded directory and the ids the initial cycle got back.
 *
 * The shares are the harness's choice, not a documented figure: Entra documents neither its request rate nor its
 * mix (azure-ad-client research, §3.10: "The exact concurrency or requests-per-second of the client is not
 * documented"). A lookup precedes every create and every adopt in a cycle, hence the majority.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works
 */
import type { Faker } from '@faker-js/faker';
import type { ScimExchange } from '../../../src/http/index.js';
import {
  createSeededFaker,
  DEPARTMENTS,
  type EntraDirectory,
  type EntraUser,
  generateUser,
  SEED_DOMAINS,
} from '../../directory/index.js';
import {
  type GroupMapping,
  mapUser,
  matchingRows,
  type ScimAttributeSet,
  type UserMapping,
} from '../../mappings/index.js';
import {
  createUserRequest,
  disableUserRequest,
  type EntraClientProfile,
  enableUserRequest,
  groupMembershipRequests,
  matchUserRequest,
  type RequestDescriptor,
  type ResolveTargetId,
  updateUserRequest,
} from '../../requests/index.js';
import { idOf } from '../cycle-operations.js';
import { type ObjectState, resolvableAttributes, withoutReferences } from '../object-state.js';

/** The kinds of request a sustained load sends, and the share of each (they sum to 1). */
export const SUSTAIN_MIX = {
  lookup: 0.6,
  update: 0.2,
  membership: 0.1,
  create: 0.05,
  disable: 0.05,
} as const;
export type SustainKind = keyof typeof SUSTAIN_MIX;

/** The most matching values the lookups draw from. */
const MAX_LOOKUP_VALUES = 100_000;

/** One request drawn from the mix, and what to remember once it is answered. */
export interface SustainRequest {
  /** The kind actually sent: a draw that found nothing free to change is sent as a lookup instead. */
  readonly kind: SustainKind;
  readonly descriptor: RequestDescriptor;
  /** Called once with the exchange; `success` when it was answered 2xx. */
  settle(exchange: ScimExchange, success: boolean): void;
}

/** What the mix reads of the provisioned directory: the engine's state after the initial cycle. */
export interface ProvisionedState {
  readonly users: ReadonlyMap<string, ObjectState>;
  readonly groups: ReadonlyMap<string, ObjectState>;
  readonly resolve: ResolveTargetId;
}

/** Options of {@link SustainMix}. */
export interface SustainMixOptions {
  profile: EntraClientProfile;
  userMapping: UserMapping;
  /** Absent: group provisioning is off, and the membership share goes to lookups. */
  groupMapping: GroupMapping | undefined;
  directory: EntraDirectory;
  provisioned: ProvisionedState;
  seed: number;
}

/** A provisioned user as the load last left it. */
interface LoadUser {
  readonly objectId: string;
  readonly targetId: string;
  user: EntraUser;
  applied: ScimAttributeSet;
}

/** A provisioned group and the members (user objectIds) it holds now. */
interface LoadGroup {
  readonly objectId: string;
  readonly targetId: string;
  readonly members: Set<string>;
}

/** Draws the load's requests; see the module comment. Not safe to share between loads. */
export class SustainMix {
  readonly #options: SustainMixOptions;
  readonly #faker: Faker;
  /** A faker for joiners only: `generateUser` reseeds it per serial, which must not disturb the draws. */
  readonly #joiners: Faker;
  readonly #users: LoadUser[] = [];
  readonly #groups: LoadGroup[] = [];
  /** Values of the matching attribute the lookups ask for. */
  readonly #lookups: string[] = [];
  readonly #matchAttribute: string | undefined;
  /** Objects with a change in flight: never two changes to one object at once. */
  readonly #busy = new Set<string>();
  readonly #created: string[] = [];
  readonly #counts: Record<string, number> = {};
  #nextSerial: number;
  #lookupProbe = 0;

  constructor(options: SustainMixOptions) {
    this.#options = options;
    this.#faker = createSeededFaker([options.seed, SEED_DOMAINS.sustain]);
    this.#joiners = createSeededFaker(options.seed);
    this.#nextSerial = options.directory.nextUserSerial;
    const [row] = matchingRows(options.userMapping);
    this.#matchAttribute = row?.target;
    const { users, groups, resolve } = options.provisioned;
    for (const user of options.directory.users.values()) {
      const state = users.get(user.objectId);
      const match = this.#matchValue(mapUser(user, options.userMapping));
      if (match !== undefined) this.#lookups.push(match);
      if (state === undefined || state.targetId === undefined || state.anchorLost) continue;
      this.#users.push({ objectId: user.objectId, targetId: state.targetId, user, applied: state.applied });
    }
    if (options.groupMapping !== undefined) {
      const isUser = (objectId: string) => users.get(objectId)?.targetId !== undefined;
      for (const group of options.directory.groups.values()) {
        const state = groups.get(group.objectId);
        if (state === undefined || state.targetId === undefined || state.anchorLost) continue;
        const applied = state.applied.members;
        const held = typeof applied === 'object' && applied.kind === 'references' ? applied.objectIds : [];
        const members = new Set(held.filter((id) => isUser(id) && resolve(id) !== undefined));
        this.#groups.push({ objectId: group.objectId, targetId: state.targetId, members });
      }
    }
  }

  /** Target ids of the users the load created: deleted with the rest at the end. */
  get created(): readonly string[] {
    return this.#created;
  }

  /** Requests drawn so far, by the kind actually sent. */
  get counts(): Readonly<Record<string, number>> {
    return this.#counts;
  }

  /** The next request. */
  next(): SustainRequest {
    const request = this.#draw(this.#pick());
    this.#counts[request.kind] = (this.#counts[request.kind] ?? 0) + 1;
    return request;
  }

  #pick(): SustainKind {
    let roll = this.#faker.number.float({ min: 0, max: 1 });
    for (const [kind, share] of Object.entries(SUSTAIN_MIX) as [SustainKind, number][]) {
      if (roll < share) return kind;
      roll -= share;
    }
    return 'lookup';
  }

  #draw(kind: SustainKind): SustainRequest {
    switch (kind) {
      case 'update':
        return this.#update() ?? this.#lookup();
      case 'membership':
        return this.#membership() ?? this.#lookup();
      case 'create':
        return this.#create() ?? this.#lookup();
      case 'disable':
        return this.#disable() ?? this.#lookup();
      case 'lookup':
        return this.#lookup();
    }
  }

  #matchValue(attributes: ScimAttributeSet): string | undefined {
    const value = this.#matchAttribute === undefined ? undefined : attributes[this.#matchAttribute];
    return typeof value === 'string' ? value : undefined;
  }

  /** The matching query for a user of the directory (or a joiner); a value nobody has when there is none. */
  #lookup(): SustainRequest {
    const { profile } = this.#options;
    const value =
      this.#lookups.length === 0
        ? `sustain-probe-${this.#lookupProbe++}`
        : this.#faker.helpers.arrayElement(this.#lookups);
    return {
      kind: 'lookup',
      descriptor: matchUserRequest(profile, this.#matchAttribute ?? 'userName', value),
      settle: () => {},
    };
  }

  /** A provisioned user no change is in flight for, taken for one change; `undefined` when none is free. */
  #takeUser(): LoadUser | undefined {
    if (this.#users.length === 0) return undefined;
    const user = this.#faker.helpers.arrayElement(this.#users);
    if (this.#busy.has(user.objectId)) return undefined;
    this.#busy.add(user.objectId);
    return user;
  }

  /** A mover: a new department or job title, sent as the client's update PATCH for that change. */
  #update(): SustainRequest | undefined {
    const { profile, userMapping, provisioned } = this.#options;
    const target = this.#takeUser();
    if (target === undefined) return undefined;
    const changed: EntraUser = this.#faker.datatype.boolean()
      ? {
          ...target.user,
          department: this.#faker.helpers.arrayElement(
            DEPARTMENTS.filter((d) => d !== target.user.department),
          ),
        }
      : { ...target.user, jobTitle: `${this.#faker.person.jobDescriptor()} ${this.#faker.person.jobArea()}` };
    const mapped = resolvableAttributes(mapUser(changed, userMapping), provisioned.resolve);
    // A disable sent earlier stays: the mover's update changes only what moved.
    const desired =
      target.applied.active === undefined ? mapped : { ...mapped, active: target.applied.active };
    const descriptor = updateUserRequest(
      profile,
      target.targetId,
      target.applied,
      desired,
      provisioned.resolve,
    );
    if (descriptor === undefined) {
      this.#busy.delete(target.objectId);
      return undefined;
    }
    return {
      kind: 'update',
      descriptor,
      settle: (_exchange, success) => {
        this.#busy.delete(target.objectId);
        if (!success) return;
        target.user = changed;
        target.applied = desired;
      },
    };
  }

  /** A disable (`active` false), or the re-enable of a user the load disabled earlier. */
  #disable(): SustainRequest | undefined {
    const { profile } = this.#options;
    const target = this.#takeUser();
    if (target === undefined) return undefined;
    const enable = target.applied.active === false;
    return {
      kind: 'disable',
      descriptor: enable
        ? enableUserRequest(profile, target.targetId)
        : disableUserRequest(profile, target.targetId),
      settle: (_exchange, success) => {
        this.#busy.delete(target.objectId);
        if (success) target.applied = { ...target.applied, active: enable };
      },
    };
  }

  /** A member added to a provisioned group, or removed from it when it is one already. */
  #membership(): SustainRequest | undefined {
    const { profile } = this.#options;
    if (this.#groups.length === 0 || this.#users.length === 0) return undefined;
    const group = this.#faker.helpers.arrayElement(this.#groups);
    if (this.#busy.has(group.objectId)) return undefined;
    const user = this.#takeUser();
    if (user === undefined) return undefined;
    this.#busy.add(group.objectId);
    const remove = group.members.has(user.objectId);
    const [descriptor] = groupMembershipRequests(profile, group.targetId, {
      added: remove ? [] : [user.targetId],
      removed: remove ? [user.targetId] : [],
    });
    const release = () => {
      this.#busy.delete(group.objectId);
      this.#busy.delete(user.objectId);
    };
    if (descriptor === undefined) {
      release();
      return undefined;
    }
    return {
      kind: 'membership',
      descriptor,
      settle: (_exchange, success) => {
        release();
        if (!success) return;
        if (remove) group.members.delete(user.objectId);
        else group.members.add(user.objectId);
      },
    };
  }

  /** A joiner: a new user from the directory's seed space (carrying the run id), created as the client creates. */
  #create(): SustainRequest | undefined {
    const { profile, userMapping, directory } = this.#options;
    const spec = directory.spec;
    const user = generateUser(
      { faker: this.#joiners, seed: spec.seed, runId: spec.runId, domain: spec.domain },
      { serial: this.#nextSerial++, assignedRatio: 1, pickManager: () => undefined },
    );
    const joiner: EntraUser = { ...user, accountEnabled: true };
    const attributes = withoutReferences(mapUser(joiner, userMapping));
    return {
      kind: 'create',
      descriptor: createUserRequest(profile, attributes, userMapping),
      settle: (exchange, success) => {
        const id = success ? idOf(exchange) : undefined;
        if (id === undefined) return;
        this.#created.push(id);
        const match = this.#matchValue(attributes);
        // Bounded: an hour at 500 req/s creates 90 000 joiners; the lookups need only a sample of them.
        if (match !== undefined && this.#lookups.length < MAX_LOOKUP_VALUES) this.#lookups.push(match);
      },
    };
  }
}
