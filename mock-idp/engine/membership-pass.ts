import type { EntraGroup } from '../directory/index.js';
import { mapGroup } from '../mappings/index.js';
import { diffMembers, getGroupRequest, groupMembershipRequests } from '../requests/index.js';
import type { SentOutcome } from './cycle-operations.js';
import { type CyclePass, entraProfileOf } from './cycle-pass.js';
import type { GroupStep } from './group-pass.js';
import { replaceReferences, resolvableAttributes, sameAttributes } from './object-state.js';
import { provisionOktaMemberships } from './okta-group-pass.js';

/**
 * One group in the memberships pass: adds and removes the members that changed, resolved now that every
 * create of the cycle has answered. A member the target does not know yet (not provisioned, its create
 * failed, out of scope, another shard) is left out and added in the cycle that provisions it, as Entra does.
 * The group's step from the group pass, if any, ends here with its log entry.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#provisioning-cycles-initial-and-incremental
 */
export async function provisionMemberships(
  pass: CyclePass,
  group: EntraGroup,
  inScope: boolean,
  steps: Map<string, GroupStep>,
): Promise<void> {
  if (pass.okta !== undefined) return provisionOktaMemberships(pass, pass.okta, group, inScope, steps);
  const { groupMapping: mapping, groups, operations } = pass;
  const profile = entraProfileOf(pass);
  const step = steps.get(group.objectId);
  steps.delete(group.objectId);
  const state = groups.get(group.objectId);
  const targetId = state?.targetId;
  if (
    mapping === undefined ||
    !inScope ||
    state === undefined ||
    targetId === undefined ||
    state.anchorLost
  ) {
    if (step !== undefined) operations.finish(step.operation, step.action, step.last, step.targetId);
    return;
  }
  const desired = resolvableAttributes(mapGroup(group, mapping), pass.resolve);
  const applied = replaceReferences(state.applied, desired);
  const change = diffMembers(state.applied, desired, pass.resolve);
  if (change.added.length === 0 && change.removed.length === 0) {
    // Nothing to send (a removed member the target no longer knows): remember the members as they are.
    if (!sameAttributes(state.applied, applied)) groups.set(group.objectId, { ...state, applied });
    if (step !== undefined) operations.finish(step.operation, step.action, step.last, targetId);
    return;
  }
  const operation = step?.operation ?? operations.start('Group', group.displayName, group.objectId);
  const action = step?.action ?? 'Update';
  let last: SentOutcome | undefined = step?.last;
  if (step === undefined) {
    // Not created or read earlier this cycle: read it first, as for any update.
    last = await operations.send(operation, getGroupRequest(profile, targetId));
    if (last.kind !== 'success') {
      if (last.kind === 'anchorNotFound') groups.set(group.objectId, { ...state, anchorLost: true });
      operations.finish(operation, action, last, targetId);
      return;
    }
  }
  for (const request of groupMembershipRequests(profile, targetId, change)) {
    last = await operations.send(operation, request);
    if (last.kind !== 'success') break;
  }
  if (last?.kind === 'success') groups.set(group.objectId, { ...state, applied });
  operations.finish(operation, action, last, targetId);
}
