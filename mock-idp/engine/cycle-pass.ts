import { HarnessError } from '../../src/errors/harness-error.js';
import type { GroupMapping, UserMapping } from '../mappings/index.js';
import type {
  ClientProfile,
  EntraClientProfile,
  OktaClientProfile,
  ResolveTargetId,
} from '../requests/index.js';
import type { CycleOperations } from './cycle-operations.js';
import type { FailedTasks } from './failed-tasks.js';
import type { ObjectState } from './object-state.js';
import type { OktaPasswords } from './okta-passwords.js';

/**
 * What the Okta passes need beyond the shared state: the profile, the failed-task list that stops Okta sending
 * anything more for an object, the passwords it sends, and each member's `display` (its userName).
 */
export interface OktaPassContext {
  readonly profile: OktaClientProfile;
  readonly tasks: FailedTasks;
  readonly passwords: OktaPasswords;
  readonly displayOf: (objectId: string) => string | undefined;
}

/**
 * What every pass of a cycle works with: the engine's state between cycles (target ids and applied
 * attributes), the client profile and mappings, and the cycle's request-and-log helper.
 */
export interface CyclePass {
  readonly profile: ClientProfile;
  readonly userMapping: UserMapping;
  /** Absent: group provisioning is off (the Datadog preset). */
  readonly groupMapping: GroupMapping | undefined;
  readonly users: Map<string, ObjectState>;
  readonly groups: Map<string, ObjectState>;
  readonly resolve: ResolveTargetId;
  readonly operations: CycleOperations;
  /** The cycle's number (1 = initial). */
  readonly cycle: number;
  /** Present when the profile is Okta's. */
  readonly okta: OktaPassContext | undefined;
}

/** The Entra profile of a pass the Entra passes run; an Okta pass reaching them is a harness bug. */
export function entraProfileOf(pass: CyclePass): EntraClientProfile {
  if (pass.profile.idp !== 'entra')
    throw new HarnessError('INTERNAL', 'an Entra pass ran with an Okta profile');
  return pass.profile;
}
