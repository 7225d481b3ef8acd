import type { EntraUser } from '../directory/index.js';
import { mapUser, matchingRows, type ScimAttributeSet } from '../mappings/index.js';
import {
  createUserRequest,
  deleteUserRequest,
  getUserRequest,
  matchUserRequest,
  updateUserRequest,
} from '../requests/index.js';
import { idOf, type Operation } from './cycle-operations.js';
import { type CyclePass, entraProfileOf } from './cycle-pass.js';
import {
  type MappedSource,
  type ObjectState,
  resolvableAttributes,
  SourceMappedState,
  sameAttributes,
  withoutReferences,
} from './object-state.js';
import { deprovisionOktaUser, provisionOktaUser } from './okta-user-pass.js';
import type { ProvisioningAction } from './provisioning-log.js';

/**
 * One user in the user pass: match, then create or adopt an unknown in-scope user, or bring a known one in
 * line (GET, then PATCH what changed; disable when it left scope). The references pass
 * (`referencesPass`) only links references (manager) whose object exists now.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#provisioning-cycles-initial-and-incremental
 */
export async function provisionUser(
  pass: CyclePass,
  user: EntraUser,
  inScope: boolean,
  referencesPass: boolean,
): Promise<void> {
  // Okta links no references, so its user pass runs once.
  if (pass.okta !== undefined)
    return referencesPass ? undefined : provisionOktaUser(pass, pass.okta, user, inScope);
  const { userMapping, users, operations } = pass;
  const profile = entraProfileOf(pass);
  const state = users.get(user.objectId);
  if (state?.anchorLost) return;
  if (state === undefined && (referencesPass || !inScope || user.isSoftDeleted || !user.accountEnabled))
    return;
  const source: MappedSource = { user, inScope, mapping: userMapping };
  const full = mapUser(user, userMapping, { inScope });
  const desired = resolvableAttributes(full, pass.resolve);
  if (state === undefined) {
    const operation = operations.start('User', user.userPrincipalName, user.objectId);
    const [row] = matchingRows(userMapping);
    const value = row === undefined ? undefined : desired[row.target];
    if (row === undefined || typeof value !== 'string') {
      operations.finish(operation, 'Skip', undefined, undefined, 'ImportSkipped');
      return;
    }
    const match = await operations.match(operation, matchUserRequest(profile, row.target, value), row.target);
    if (match === 'failed') return;
    if (match === undefined) {
      const create = withoutReferences(desired);
      const sent = await operations.send(operation, createUserRequest(profile, create, userMapping));
      const id = sent.kind === 'success' ? idOf(sent.exchange) : undefined;
      if (id !== undefined) users.set(user.objectId, new SourceMappedState(id, source, full, create, false));
      operations.finish(
        operation,
        'Create',
        sent,
        id,
        sent.kind === 'success' && id === undefined
          ? 'SystemForCrossDomainIdentityManagementServiceIncompatible'
          : undefined,
      );
      return;
    }
    // Adopt the match: cache its id, then bring it in line like any update.
    users.set(user.objectId, { targetId: match, applied: {}, anchorLost: false });
    await updateUser(pass, operation, match, {}, { source, full, desired }, false);
    return;
  }
  if (state.targetId === undefined) return;
  // Mapped again on each read (see SourceMappedState): read once.
  const applied = state.applied;
  if (sameAttributes(applied, desired)) return;
  if (referencesPass && !sameAttributes(withoutReferences(applied), withoutReferences(desired))) return;
  const operation = operations.start('User', user.userPrincipalName, user.objectId);
  await updateUser(pass, operation, state.targetId, applied, { source, full, desired }, !referencesPass);
}

/** What an update writes: the mapped source, and of it what can be written now (references resolved). */
interface DesiredUser {
  readonly source: MappedSource;
  readonly full: ScimAttributeSet;
  readonly desired: ScimAttributeSet;
}

async function updateUser(
  pass: CyclePass,
  operation: Operation,
  id: string,
  applied: ScimAttributeSet,
  next: DesiredUser,
  readFirst: boolean,
): Promise<void> {
  const { users, operations } = pass;
  const profile = entraProfileOf(pass);
  const { source, full, desired } = next;
  const objectId = source.user.objectId;
  const written = (): ObjectState => new SourceMappedState(id, source, full, desired, false);
  const action: ProvisioningAction =
    desired.active === false && applied.active !== false ? 'Disable' : 'Update';
  if (readFirst) {
    const read = await operations.send(operation, getUserRequest(profile, id));
    if (read.kind !== 'success') {
      if (read.kind === 'anchorNotFound') users.set(objectId, { targetId: id, applied, anchorLost: true });
      operations.finish(operation, action, read, id);
      return;
    }
  }
  const request = updateUserRequest(profile, id, applied, desired, pass.resolve);
  if (request === undefined) {
    users.set(objectId, written());
    return;
  }
  const sent = await operations.send(operation, request);
  if (sent.kind === 'success') users.set(objectId, written());
  if (sent.kind === 'anchorNotFound') users.set(objectId, { targetId: id, applied, anchorLost: true });
  operations.finish(operation, action, sent, id);
}

/**
 * Deletes a user gone from the directory (its target id forgotten once the target no longer has it). Okta deactivates
 * it instead: it never deletes users.
 */
export async function deleteUser(pass: CyclePass, objectId: string): Promise<void> {
  if (pass.okta !== undefined) return deprovisionOktaUser(pass, pass.okta, objectId);
  const { users, operations } = pass;
  const state = users.get(objectId);
  if (state === undefined || state.targetId === undefined || state.anchorLost) {
    users.delete(objectId);
    return;
  }
  const operation = operations.start('User', objectId, objectId);
  const sent = await operations.send(operation, deleteUserRequest(entraProfileOf(pass), state.targetId));
  if (sent.kind === 'success' || sent.kind === 'anchorNotFound') users.delete(objectId);
  operations.finish(operation, 'Delete', sent, state.targetId);
}
