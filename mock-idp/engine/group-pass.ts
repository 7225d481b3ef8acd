import type { EntraGroup } from '../directory/index.js';
import { mapGroup, type ScimAttributeSet } from '../mappings/index.js';
import {
  createGroupRequest,
  deleteGroupRequest,
  getGroupRequest,
  matchGroupRequest,
  type RequestDescriptor,
  updateGroupRequests,
} from '../requests/index.js';
import { idOf, type Operation, type SentOutcome } from './cycle-operations.js';
import { type CyclePass, entraProfileOf } from './cycle-pass.js';
import { replaceReferences, sameAttributes, withoutReferences } from './object-state.js';
import { provisionOktaGroup, unlinkOktaGroup } from './okta-group-pass.js';
import type { ProvisioningAction } from './provisioning-log.js';

/** A group whose create or attribute update succeeded in the group pass; its membership follows. */
export interface GroupStep {
  readonly operation: Operation;
  readonly action: ProvisioningAction;
  readonly targetId: string;
  /** The pass's last request: the log entry's status when no membership change follows. */
  readonly last: SentOutcome | undefined;
}

/**
 * One group in the group pass: match, create or adopt it, or bring its own attributes in line (GET, then
 * PATCH). Members are left to the memberships pass; a group that got this far is handed over in `steps`
 * so that its log entry covers both passes.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#provisioning-cycles-initial-and-incremental
 */
export async function provisionGroup(
  pass: CyclePass,
  group: EntraGroup,
  inScope: boolean,
  steps: Map<string, GroupStep>,
): Promise<void> {
  if (pass.okta !== undefined) return provisionOktaGroup(pass, pass.okta, group, inScope, steps);
  const { groupMapping: mapping, groups, operations } = pass;
  const profile = entraProfileOf(pass);
  if (mapping === undefined || !inScope) return;
  const state = groups.get(group.objectId);
  if (state?.anchorLost) return;
  const attributes = withoutReferences(mapGroup(group, mapping));
  const operation = operations.start('Group', group.displayName, group.objectId);
  let targetId = state?.targetId;
  let applied = state?.applied ?? {};
  let last: SentOutcome | undefined;
  if (targetId === undefined) {
    const match = await operations.match(
      operation,
      matchGroupRequest(profile, 'displayName', group.displayName),
      'displayName',
    );
    if (match === 'failed') return;
    if (match === undefined) {
      const request = createGroupRequest(profile, attributes);
      return createUnmatchedGroup(pass, operation, group, attributes, request, INCOMPATIBLE, steps);
    }
    // Adopt the match: cache its id, then bring it in line like any update.
    targetId = match;
    applied = {};
    groups.set(group.objectId, { targetId, applied, anchorLost: false });
  } else {
    if (sameAttributes(withoutReferences(applied), attributes)) return;
    last = outcomeOf(await operations.send(operation, getGroupRequest(profile, targetId)));
    if (last.kind !== 'success') {
      if (last.kind === 'anchorNotFound') groups.set(group.objectId, { targetId, applied, anchorLost: true });
      operations.finish(operation, 'Update', last, targetId);
      return;
    }
  }
  // Members stay as applied: the attribute PATCH is all this pass sends.
  const next = replaceReferences(attributes, applied);
  for (const request of updateGroupRequests(profile, targetId, applied, next, pass.resolve)) {
    last = outcomeOf(await operations.send(operation, request));
    if (last.kind !== 'success') {
      operations.finish(operation, 'Update', last, targetId);
      return;
    }
  }
  groups.set(group.objectId, { targetId, applied: next, anchorLost: false });
  steps.set(group.objectId, { operation, action: 'Update', targetId, last });
}

/** Deletes a group gone from the directory or out of scope. */
export async function deleteGroup(pass: CyclePass, objectId: string): Promise<void> {
  if (pass.okta !== undefined) return unlinkOktaGroup(pass, pass.okta, objectId);
  const { groups, operations } = pass;
  const state = groups.get(objectId);
  if (state === undefined || state.targetId === undefined || state.anchorLost) {
    groups.delete(objectId);
    return;
  }
  const operation = operations.start('Group', objectId, objectId);
  const sent = await operations.send(operation, deleteGroupRequest(entraProfileOf(pass), state.targetId));
  if (sent.kind === 'success' || sent.kind === 'anchorNotFound') groups.delete(objectId);
  operations.finish(operation, 'Delete', sent, state.targetId);
}

/** Drops the exchange (its parsed body) from a step kept until the memberships pass. */
export function outcomeOf(sent: SentOutcome): SentOutcome {
  return { kind: sent.kind, logged: sent.logged };
}

/** Entra's error code for a create answered 2xx without an id. */
const INCOMPATIBLE = 'SystemForCrossDomainIdentityManagementServiceIncompatible';

/**
 * Creates a group no lookup matched, as both clients do: on an id, records the group and hands its step to the
 * memberships pass; otherwise finishes the operation as failed, with `emptyCode` when a 2xx came back without an id.
 */
export async function createUnmatchedGroup(
  pass: CyclePass,
  operation: Operation,
  group: EntraGroup,
  attributes: ScimAttributeSet,
  request: RequestDescriptor,
  emptyCode: string,
  steps: Map<string, GroupStep>,
): Promise<void> {
  const { groups, operations } = pass;
  const sent = await operations.send(operation, request);
  const targetId = sent.kind === 'success' ? idOf(sent.exchange) : undefined;
  if (targetId === undefined) {
    operations.finish(operation, 'Create', sent, undefined, sent.kind === 'success' ? emptyCode : undefined);
    return;
  }
  groups.set(group.objectId, { targetId, applied: attributes, anchorLost: false });
  steps.set(group.objectId, { operation, action: 'Create', targetId, last: outcomeOf(sent) });
}
