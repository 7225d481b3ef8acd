import type { EntraGroup } from '../directory/index.js';
import { mapGroup, type ScimAttributeSet, type ScimAttributeValue } from '../mappings/index.js';
import {
  type OktaMember,
  oktaCreateGroupRequest,
  oktaDeleteGroupRequest,
  oktaMatchGroupRequest,
  oktaMembershipRequests,
  oktaRenameGroupRequest,
  oktaReplaceGroupRequest,
} from '../requests/index.js';
import type { SentOutcome } from './cycle-operations.js';
import type { CyclePass, OktaPassContext } from './cycle-pass.js';
import { createUnmatchedGroup, type GroupStep, outcomeOf } from './group-pass.js';
import {
  replaceReferences,
  resolvableAttributes,
  sameAttributes,
  withoutReferences,
} from './object-state.js';

function memberIds(value: ScimAttributeValue | undefined): readonly string[] {
  return typeof value === 'object' && value.kind === 'references' ? value.objectIds : [];
}

/**
 * Group Push, group pass: an unknown pushed group is looked up by displayName ("Lookup and link") and created with
 * `members: []`; a known OIN group whose name changed gets the path-less `{id, displayName}` PATCH. An AIW group's
 * rename waits for the memberships pass, whose PUT carries name and members together.
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */
export async function provisionOktaGroup(
  pass: CyclePass,
  okta: OktaPassContext,
  group: EntraGroup,
  inScope: boolean,
  steps: Map<string, GroupStep>,
): Promise<void> {
  const { groupMapping: mapping, groups, operations } = pass;
  const { profile } = okta;
  if (mapping === undefined || !inScope || okta.tasks.has(group.objectId)) return;
  const state = groups.get(group.objectId);
  if (state?.anchorLost) return;
  const attributes = withoutReferences(mapGroup(group, mapping));
  let targetId = state?.targetId;
  let applied = state?.applied ?? {};
  if (targetId !== undefined && sameAttributes(withoutReferences(applied), attributes)) return;
  const operation = operations.start('Group', group.displayName, group.objectId);
  if (targetId === undefined) {
    const match = await operations.match(
      operation,
      oktaMatchGroupRequest(profile, group.displayName),
      'displayName',
    );
    if (match === 'failed') return;
    if (match === undefined) {
      const request = oktaCreateGroupRequest(profile, group.displayName);
      return createUnmatchedGroup(
        pass,
        operation,
        group,
        attributes,
        request,
        'CreateReturnedEmptyGroup',
        steps,
      );
    }
    // Linked: the name is pushed as for a rename.
    targetId = match;
    applied = {};
    groups.set(group.objectId, { targetId, applied, anchorLost: false });
  }
  let last: SentOutcome | undefined;
  if (profile.app === 'oin') {
    last = outcomeOf(
      await operations.send(operation, oktaRenameGroupRequest(profile, targetId, group.displayName)),
    );
    if (last.kind !== 'success') {
      if (last.kind === 'anchorNotFound') groups.set(group.objectId, { targetId, applied, anchorLost: true });
      operations.finish(operation, 'Update', last, targetId);
      return;
    }
    groups.set(group.objectId, {
      targetId,
      applied: replaceReferences(attributes, applied),
      anchorLost: false,
    });
  }
  steps.set(group.objectId, { operation, action: 'Update', targetId, last });
}

/**
 * Group Push, memberships pass. OIN: the member PATCHes (one `remove` per member, one `add` of all), then the
 * `{id, displayName}` PATCH Okta re-sends after every membership change. AIW: one PUT of the whole group. Members
 * the target does not know yet are left for the cycle that provisions them.
 */
export async function provisionOktaMemberships(
  pass: CyclePass,
  okta: OktaPassContext,
  group: EntraGroup,
  inScope: boolean,
  steps: Map<string, GroupStep>,
): Promise<void> {
  const { groupMapping: mapping, groups, operations, resolve } = pass;
  const { profile } = okta;
  const step = steps.get(group.objectId);
  steps.delete(group.objectId);
  const state = groups.get(group.objectId);
  const targetId = state?.targetId;
  const finishStep = (): void => {
    if (step !== undefined) operations.finish(step.operation, step.action, step.last, step.targetId);
  };
  if (
    mapping === undefined ||
    !inScope ||
    state === undefined ||
    targetId === undefined ||
    state.anchorLost
  ) {
    finishStep();
    return;
  }
  const desired = resolvableAttributes(mapGroup(group, mapping), resolve);
  const before = new Set(memberIds(state.applied.members));
  const after = memberIds(desired.members);
  const member = (objectId: string): OktaMember[] => {
    const value = resolve(objectId);
    return value === undefined ? [] : [{ value, display: okta.displayOf(objectId) ?? value }];
  };
  const added = after.filter((id) => !before.has(id)).flatMap(member);
  const afterSet = new Set(after);
  const removed = [...before]
    .filter((id) => !afterSet.has(id))
    .map(resolve)
    .filter((id): id is string => id !== undefined);
  const renamed = state.applied.displayName !== group.displayName;
  const next: ScimAttributeSet = profile.app === 'aiw' ? desired : replaceReferences(state.applied, desired);
  if (added.length === 0 && removed.length === 0 && !(profile.app === 'aiw' && renamed)) {
    if (!sameAttributes(state.applied, next)) groups.set(group.objectId, { ...state, applied: next });
    finishStep();
    return;
  }
  const operation = step?.operation ?? operations.start('Group', group.displayName, group.objectId);
  const action = step?.action ?? 'Update';
  let last: SentOutcome | undefined = step?.last;
  const requests =
    profile.app === 'aiw'
      ? [oktaReplaceGroupRequest(profile, targetId, group.displayName, after.flatMap(member))]
      : [
          ...oktaMembershipRequests(profile, targetId, { added, removed }),
          ...(profile.renameAfterMembership
            ? [oktaRenameGroupRequest(profile, targetId, group.displayName)]
            : []),
        ];
  for (const request of requests) {
    last = outcomeOf(await operations.send(operation, request));
    if (last.kind !== 'success') break;
  }
  if (last?.kind === 'success') groups.set(group.objectId, { ...state, applied: next });
  if (last?.kind === 'anchorNotFound') groups.set(group.objectId, { ...state, anchorLost: true });
  operations.finish(operation, action, last, targetId);
}

/**
 * A pushed group gone from Okta or no longer pushed: "Unlink pushed group" with "Delete the group in the target app"
 * sends `DELETE /Groups/{id}` (REF20; PLAN C9318). The other choice, "Leave the group", sends nothing and would leave
 * the run's group behind, so the mock always deletes.
 */
export async function unlinkOktaGroup(
  pass: CyclePass,
  okta: OktaPassContext,
  objectId: string,
): Promise<void> {
  const { groups, operations } = pass;
  const state = groups.get(objectId);
  if (okta.tasks.has(objectId)) return;
  if (state === undefined || state.targetId === undefined || state.anchorLost) {
    groups.delete(objectId);
    return;
  }
  const operation = operations.start('Group', objectId, objectId);
  const sent = await operations.send(operation, oktaDeleteGroupRequest(okta.profile, state.targetId));
  if (sent.kind === 'success' || sent.kind === 'anchorNotFound') groups.delete(objectId);
  operations.finish(operation, 'Delete', sent, state.targetId);
}
