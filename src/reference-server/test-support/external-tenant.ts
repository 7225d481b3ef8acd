import { SCHEMA_URNS } from '../../scim/urns.js';
import type { RunningReferenceServer } from '../reference-server.js';
import { scimClient } from './scim-call.js';

/** What {@link prepareExternalTenant} set up before the run. */
export interface ExternalTenant {
  ownerId: string;
  /** An application key owned by the user `userName`. */
  userKey: string;
  /** An application key owned by a service account. */
  accountKey: string;
  /** The owner's `active` as the server holds it now. */
  ownerActive: () => Promise<unknown>;
}

/**
 * The embedded server as if it were someone else's tenant: a user `userName`, a key it owns, and a service
 * account's key all exist before the run, made through the SCIM and admin APIs. Throws when the server refuses one.
 */
export async function prepareExternalTenant(
  server: RunningReferenceServer,
  userName: string,
): Promise<ExternalTenant> {
  const scim = scimClient(server.baseUrl, server.adminToken);
  const admin = scimClient(server.origin, server.adminToken);
  const created = await scim('POST', '/Users', {
    body: { schemas: [SCHEMA_URNS.User], userName, active: true },
  });
  const ownerId = created.json.id;
  if (created.status !== 201 || typeof ownerId !== 'string')
    throw new Error(`creating ${userName} answered ${created.status}`);
  const mintKey = async (owner: { kind: 'user' | 'serviceAccount'; id: string }): Promise<string> => {
    const answer = await admin('POST', '/admin/keys', { body: { owner } });
    const key = answer.json.key;
    if (answer.status !== 201 || typeof key !== 'string')
      throw new Error(`minting a key answered ${answer.status}`);
    return key;
  };
  const account = await admin('POST', '/admin/service-accounts', { body: { name: 'SCIM provisioning' } });
  const accountId = account.json.id;
  if (account.status !== 201 || typeof accountId !== 'string')
    throw new Error(`creating a service account answered ${account.status}`);
  return {
    ownerId,
    userKey: await mintKey({ kind: 'user', id: ownerId }),
    accountKey: await mintKey({ kind: 'serviceAccount', id: accountId }),
    ownerActive: async () => (await server.state.store.get('User', ownerId))?.attributes.active,
  };
}
