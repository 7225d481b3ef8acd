import type { GroupMapping, UserMapping } from '../mappings/index.js';
import type { EntraClientProfile, ResolveTargetId } from '../requests/index.js';
import type { CycleOperations } from './cycle-operations.js';
import type { ObjectState } from './object-state.js';

/**
 * What every pass of a cycle works with: the engine's state between cycles (target ids and applied
 * attributes), the client profile and mappings, and the cycle's request-and-log helper.
 */
export interface CyclePass {
  readonly profile: EntraClientProfile;
  readonly userMapping: UserMapping;
  /** Absent: group provisioning is off (the Datadog preset). */
  readonly groupMapping: GroupMapping | undefined;
  readonly users: Map<string, ObjectState>;
  readonly groups: Map<string, ObjectState>;
  readonly resolve: ResolveTargetId;
  readonly operations: CycleOperations;
}
