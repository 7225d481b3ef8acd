/**
 * The requests of a replay's initial cycle against an empty target, planned up front from the same seeded
 * directory, mapping and request builder the cycle engine uses, so a load generator can send exactly them.
 * The engine's order is kept as four phases, each finished before the next starts (as the engine's pools are):
 * per user the matching query then the create; per created user with a created manager the manager PATCH;
 * per group the matching query then the create (without members); per group the membership PATCHes.
 * Target ids the server has not assigned yet are placeholders (reference-template.ts).
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#provisioning-cycles-initial-and-incremental
 */
import {
  AUTHORIZATION_PLACEHOLDER,
  buildRequestUrl,
  computeScope,
  createDirectory,
  createGroupRequest,
  createUserRequest,
  type EntraClientMode,
  MAPPING_PRESETS,
  type MappingPresetName,
  mapGroup,
  mapUser,
  matchGroupRequest,
  matchingRows,
  matchUserRequest,
  parseTenantUrl,
  type RequestDescriptor,
  resolvableAttributes,
  resolveClientProfile,
  sameAttributes,
  updateGroupRequests,
  updateUserRequest,
  withoutReferences,
} from '../mock-idp/index.js';
import { compileTemplate, placeholderFor, type ReferenceTemplate } from './reference-template.js';
import { addToMix, requestKind } from './request-mix.js';

/** One request of the plan. */
export interface PlannedRequest {
  /** As {@link requestKind} names it. */
  readonly kind: string;
  readonly method: RequestDescriptor['method'];
  /** Origin path and query (the tenant's base path included). */
  readonly path: ReferenceTemplate;
  /** The client's headers, Authorization left out (the sender adds the real token). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: ReferenceTemplate;
  /** The id in the answer is the target id of this objectId. */
  readonly creates?: string;
}

/** A job is what one connection sends back to back: one request, or a matching query and its create. */
export type PlannedJob = readonly PlannedRequest[];

export const PLAN_PHASES = ['users', 'managers', 'groups', 'memberships'] as const;
export type PlanPhaseName = (typeof PLAN_PHASES)[number];

/** A phase's jobs all have the same length, so each connection can be given whole jobs. */
export interface PlanPhase {
  readonly name: PlanPhaseName;
  readonly jobLength: 1 | 2;
  readonly jobs: readonly PlannedJob[];
}

/** Options of {@link planInitialCycle}: those of the replay it mirrors. */
export interface InitialCyclePlanOptions {
  /** The tenant base URL (its path prefix and mode flags count). */
  readonly baseUrl: string;
  readonly users: number;
  readonly groups: number;
  readonly seed: number;
  readonly runId: string;
  readonly mapping: MappingPresetName;
  readonly mode?: EntraClientMode;
}

export interface InitialCyclePlan {
  readonly phases: readonly PlanPhase[];
  /** Requests of every phase. */
  readonly requests: number;
  /** Requests by kind, in plan order. */
  readonly mix: ReadonlyMap<string, number>;
}

function planned(baseUrl: string, descriptor: RequestDescriptor, creates?: string): PlannedRequest {
  const url = new URL(buildRequestUrl(baseUrl, descriptor));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(descriptor.headers)) {
    if (value !== AUTHORIZATION_PLACEHOLDER && name.toLowerCase() !== 'authorization') headers[name] = value;
  }
  return {
    kind: requestKind(descriptor.method, url.href),
    method: descriptor.method,
    path: compileTemplate(`${url.pathname}${url.search}`),
    headers,
    ...(descriptor.body === undefined ? {} : { body: compileTemplate(JSON.stringify(descriptor.body)) }),
    ...(creates === undefined ? {} : { creates }),
  };
}

/**
 * Plans the initial cycle the cycle engine runs against an empty target: the same users and groups in the
 * same order, the same bodies, with placeholders where the target's ids go. Nested groups are linked when
 * they come earlier in the directory, as they do in the engine when it runs groups one at a time.
 */
export function planInitialCycle(options: InitialCyclePlanOptions): InitialCyclePlan {
  const tenant = parseTenantUrl(options.baseUrl, options.mode);
  const profile = resolveClientProfile({ mode: tenant.mode, baseUrl: tenant.baseUrl });
  const preset = MAPPING_PRESETS[options.mapping];
  const directory = createDirectory({
    seed: options.seed,
    users: options.users,
    groups: options.groups,
    runId: options.runId,
  });
  const scope = computeScope(directory);
  const [matching] = matchingRows(preset.user);
  const created = new Set<string>();
  const resolve = (objectId: string): string | undefined =>
    created.has(objectId) ? placeholderFor(objectId) : undefined;
  const at = (descriptor: RequestDescriptor, creates?: string): PlannedRequest =>
    planned(tenant.baseUrl, descriptor, creates);

  const userJobs: PlannedJob[] = [];
  const createdUsers: { objectId: string; applied: ReturnType<typeof withoutReferences> }[] = [];
  for (const user of directory.users.values()) {
    // As the engine: only in-scope, enabled, not soft-deleted users with a matching value are created.
    if (!scope.users.has(user.objectId) || user.isSoftDeleted || !user.accountEnabled) continue;
    const desired = mapUser(user, preset.user, { inScope: true });
    const value = matching === undefined ? undefined : desired[matching.target];
    if (matching === undefined || typeof value !== 'string') continue;
    const create = withoutReferences(desired);
    userJobs.push([
      at(matchUserRequest(profile, matching.target, value)),
      at(createUserRequest(profile, create, preset.user), user.objectId),
    ]);
    created.add(user.objectId);
    createdUsers.push({ objectId: user.objectId, applied: create });
  }

  const managerJobs: PlannedJob[] = [];
  for (const { objectId, applied } of createdUsers) {
    const user = directory.users.get(objectId);
    if (user === undefined) continue;
    const desired = resolvableAttributes(mapUser(user, preset.user, { inScope: true }), resolve);
    if (sameAttributes(applied, desired)) continue;
    const request = updateUserRequest(profile, placeholderFor(objectId), applied, desired, resolve);
    if (request !== undefined) managerJobs.push([at(request)]);
  }

  const groupJobs: PlannedJob[] = [];
  const membershipJobs: PlannedJob[] = [];
  if (preset.group !== undefined) {
    for (const group of directory.groups.values()) {
      if (!scope.groups.has(group.objectId)) continue;
      const desired = resolvableAttributes(mapGroup(group, preset.group), resolve);
      const create = withoutReferences(desired);
      groupJobs.push([
        at(matchGroupRequest(profile, 'displayName', group.displayName)),
        at(createGroupRequest(profile, create), group.objectId),
      ]);
      created.add(group.objectId);
      for (const request of updateGroupRequests(
        profile,
        placeholderFor(group.objectId),
        create,
        desired,
        resolve,
      )) {
        membershipJobs.push([at(request)]);
      }
    }
  }

  const phases: PlanPhase[] = [
    { name: 'users', jobLength: 2, jobs: userJobs },
    { name: 'managers', jobLength: 1, jobs: managerJobs },
    { name: 'groups', jobLength: 2, jobs: groupJobs },
    { name: 'memberships', jobLength: 1, jobs: membershipJobs },
  ];
  const mix = new Map<string, number>();
  let requests = 0;
  for (const phase of phases) {
    for (const job of phase.jobs) {
      for (const request of job) addToMix(mix, request.kind);
      requests += job.length;
    }
  }
  return { phases, requests, mix };
}
