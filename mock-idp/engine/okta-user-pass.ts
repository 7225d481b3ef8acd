import { type EntraUser, oktaUserId } from '../directory/index.js';
import { mapUser, type ScimAttributeSet } from '../mappings/index.js';
import {
  isParsedJsonObject,
  oktaCreateUserRequest,
  oktaGetUserRequest,
  oktaMatchUserRequest,
  oktaPasswordPatchRequest,
  oktaPutUserBody,
  oktaPutUserRequest,
  oktaSetActivePatchRequest,
  type RequestDescriptor,
} from '../requests/index.js';
import { idOf, type Operation, type SentOutcome } from './cycle-operations.js';
import type { CyclePass, OktaPassContext } from './cycle-pass.js';
import { type MappedSource, type ObjectState, SourceMappedState, sameAttributes } from './object-state.js';
import type { ProvisioningAction } from './provisioning-log.js';

function withoutActive(attributes: ScimAttributeSet): ScimAttributeSet {
  const { active: _active, ...rest } = attributes;
  return rest;
}

/**
 * One user in Okta's user pass. Unknown and assigned: the userName lookup, then a create (or a link, followed by the
 * profile push). Known: a profile change is a GET then a full PUT; (de)activation and a password push are PATCHes in
 * an OIN app and ride on the PUT in an AIW app. A user whose task failed gets nothing until an admin retries it.
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */
export async function provisionOktaUser(
  pass: CyclePass,
  okta: OktaPassContext,
  user: EntraUser,
  inScope: boolean,
): Promise<void> {
  const { userMapping, users, operations } = pass;
  if (okta.tasks.has(user.objectId)) return;
  const state = users.get(user.objectId);
  if (state?.anchorLost) return;
  const source: MappedSource = { user, inScope, mapping: userMapping };
  const desired = mapUser(user, userMapping, { inScope });
  if (state === undefined) {
    if (!inScope || user.isSoftDeleted || !user.accountEnabled) return;
    const operation = operations.start('User', user.userPrincipalName, user.objectId);
    const userName = desired.userName;
    if (typeof userName !== 'string') {
      operations.finish(operation, 'Skip', undefined, undefined, 'ImportSkipped');
      return;
    }
    const request = oktaMatchUserRequest(okta.profile, userName);
    const match = await operations.match(operation, request, 'userName');
    if (match === 'failed') return;
    if (match === undefined) {
      const create = oktaCreateUserRequest(okta.profile, desired, {
        oktaUserId: oktaUserId(user.objectId),
        password: okta.passwords.current(user.objectId),
      });
      const sent = await operations.send(operation, create);
      const id = sent.kind === 'success' ? idOf(sent.exchange) : undefined;
      if (id !== undefined)
        users.set(user.objectId, new SourceMappedState(id, source, desired, desired, false));
      // "Create new user returned empty user." (REF20): a 2xx without an id is a failed task.
      operations.finish(
        operation,
        'Create',
        sent,
        id,
        sent.kind === 'success' && id === undefined ? 'CreateReturnedEmptyUser' : undefined,
      );
      return;
    }
    // A match is linked, and Okta "sends the user's application profile" (REF20): GET, then PUT.
    users.set(user.objectId, { targetId: match, applied: {}, anchorLost: false });
    await updateOktaUser(pass, okta, operation, match, {}, { source, desired, password: false });
    return;
  }
  if (state.targetId === undefined) return;
  const applied = state.applied;
  const password = desired.active !== false && okta.passwords.changesIn(user.objectId, pass.cycle);
  if (sameAttributes(applied, desired) && !password) return;
  const operation = operations.start('User', user.userPrincipalName, user.objectId);
  await updateOktaUser(pass, okta, operation, state.targetId, applied, { source, desired, password });
}

interface OktaUpdate {
  readonly source: MappedSource;
  readonly desired: ScimAttributeSet;
  /** Push a new password this cycle (Sync Password). */
  readonly password: boolean;
}

/**
 * The requests of one update, in order. OIN: reactivation first (so the profile lands on an active user), the profile
 * GET+PUT ("`active` is never changed by profile push"), the password PATCH, deactivation last. AIW: one GET+PUT
 * carrying all of it.
 */
async function updateOktaUser(
  pass: CyclePass,
  okta: OktaPassContext,
  operation: Operation,
  id: string,
  applied: ScimAttributeSet,
  update: OktaUpdate,
): Promise<void> {
  const { users, operations, cycle } = pass;
  const { profile, passwords } = okta;
  const { source, desired } = update;
  const objectId = source.user.objectId;
  const wantActive = desired.active !== false;
  const wasActive = applied.active !== false;
  const activeChanged = wantActive !== wasActive;
  const profileChanged = !sameAttributes(withoutActive(applied), withoutActive(desired));
  const newPassword = update.password ? passwords.next(objectId, cycle) : undefined;
  const password = newPassword ?? passwords.current(objectId);
  const action: ProvisioningAction = activeChanged && !wantActive ? 'Disable' : 'Update';
  let last: SentOutcome | undefined;
  const send = async (request: RequestDescriptor): Promise<boolean> => {
    const sent = await operations.send(operation, request);
    last = sent;
    if (sent.kind === 'success') return true;
    if (sent.kind === 'anchorNotFound') users.set(objectId, { targetId: id, applied, anchorLost: true });
    operations.finish(operation, action, sent, id);
    return false;
  };
  /** GET, then PUT the resource read with `changes`. */
  const readAndPut = async (
    label: Parameters<typeof oktaPutUserRequest>[1],
    changes: Parameters<typeof oktaPutUserBody>[2],
  ): Promise<boolean> => {
    const read = await operations.send(operation, oktaGetUserRequest(profile, id));
    last = read;
    const current = read.exchange.response?.json;
    if (read.kind !== 'success' || !isParsedJsonObject(current)) {
      if (read.kind === 'anchorNotFound') users.set(objectId, { targetId: id, applied, anchorLost: true });
      operations.finish(
        operation,
        action,
        read,
        id,
        read.kind === 'success' ? 'GetReturnedNoResource' : undefined,
      );
      return false;
    }
    return send(oktaPutUserRequest(profile, label, id, oktaPutUserBody(current, desired, changes)));
  };
  if (profile.app === 'aiw') {
    const label = activeChanged
      ? wantActive
        ? 'reactivateUser'
        : 'deactivateUser'
      : profileChanged
        ? 'updateUser'
        : 'pushPassword';
    const ok = await readAndPut(label, {
      ...(activeChanged ? { active: wantActive } : {}),
      ...(profile.putPassword || newPassword !== undefined ? { password } : {}),
    });
    if (!ok) return;
  } else {
    if (activeChanged && wantActive && !(await send(oktaSetActivePatchRequest(profile, id, true)))) return;
    if (profileChanged) {
      const ok = await readAndPut('updateUser', profile.putPassword ? { password } : {});
      if (!ok) return;
    }
    if (newPassword !== undefined && !(await send(oktaPasswordPatchRequest(profile, id, newPassword))))
      return;
    if (activeChanged && !wantActive && !(await send(oktaSetActivePatchRequest(profile, id, false)))) return;
  }
  if (newPassword !== undefined) passwords.pushed(objectId, cycle);
  users.set(objectId, new SourceMappedState(id, source, desired, desired, false));
  operations.finish(operation, action, last, id);
}

/**
 * A user gone from the directory (deleted in Okta). Okta never deletes users in the app: "Okta doesn't perform DELETE
 * operations on User objects" (REF20), and "deleting an already-deactivated Okta user sends nothing" (CONCEPT). So a
 * still active user is deactivated, and the target keeps it; the engine keeps its id so the read-back can check that.
 */
export async function deprovisionOktaUser(
  pass: CyclePass,
  okta: OktaPassContext,
  objectId: string,
): Promise<void> {
  const { users, operations } = pass;
  const state = users.get(objectId);
  if (okta.tasks.has(objectId)) return;
  if (state === undefined || state.targetId === undefined || state.anchorLost) {
    users.delete(objectId);
    return;
  }
  const applied = state.applied;
  if (applied.active === false) return;
  const id = state.targetId;
  const operation = operations.start('User', objectId, objectId);
  const deactivated: ObjectState = {
    targetId: id,
    applied: { ...applied, active: false },
    anchorLost: false,
  };
  let request: RequestDescriptor;
  if (okta.profile.app === 'oin') {
    request = oktaSetActivePatchRequest(okta.profile, id, false);
  } else {
    const read = await operations.send(operation, oktaGetUserRequest(okta.profile, id));
    const current = read.exchange.response?.json;
    if (read.kind !== 'success' || !isParsedJsonObject(current)) {
      if (read.kind === 'anchorNotFound') users.set(objectId, { ...state, anchorLost: true });
      operations.finish(operation, 'Disable', read, id);
      return;
    }
    const body = oktaPutUserBody(
      current,
      {},
      {
        active: false,
        ...(okta.profile.putPassword ? { password: okta.passwords.current(objectId) } : {}),
      },
    );
    request = oktaPutUserRequest(okta.profile, 'deactivateUser', id, body);
  }
  const sent = await operations.send(operation, request);
  if (sent.kind === 'success') users.set(objectId, deactivated);
  if (sent.kind === 'anchorNotFound') users.set(objectId, { ...state, anchorLost: true });
  operations.finish(operation, 'Disable', sent, id);
}
