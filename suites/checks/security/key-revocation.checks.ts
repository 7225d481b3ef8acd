/**
 * The key lifecycle Datadog documents: a key tied to a user stops working when that user is deprovisioned, whichever
 * way the IdP deprovisions (PATCH active=false as Entra does, PUT active=false, DELETE), and a service account's key
 * keeps working through every user change. These are Datadog's documented behaviour, not RFC requirements, so they
 * belong to the `datadog` profile only.
 *
 * A rejected key is asserted as 401 with a WWW-Authenticate challenge (RFC 6750 §3.1 invalid_token; RFC 7235 §3.1
 * "A server generating a 401 (Unauthorized) response MUST send a WWW-Authenticate header field"). The body is not
 * asserted: Datadog answers errors as {"errors": […]}, not RFC 7644 §3.12 bodies, and the 401 body shape is the auth
 * checks' subject. Reactivating a user is not checked: Datadog does not document whether a revoked key comes back.
 * @see https://docs.datadoghq.com/account_management/scim/
 */
import type { ScimExchange } from '../../../src/http/index.js';
import { userPath } from '../../../src/scim/resource-path.js';
import { mintUserKey } from '../../support/admin-keys.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { patchOp } from '../../support/patch-helpers.js';
import {
  DATADOG_KEY_REVOCATION,
  INVALID_TOKEN,
  mintServiceAccountKey,
  REVOCATION_SOURCE,
  requireSuccess,
  requireWorkingKey,
} from './key-lifecycle.js';

const REVOCATION_REQUIREMENT = `${DATADOG_KEY_REVOCATION} (RFC 6750 §3.1: "${INVALID_TOKEN}")`;
const REVOCATION_BASIS =
  'Datadog documents that deprovisioning the owner revokes the key ("That user-specific application key gets revoked"), without RFC 2119 keywords; the datadog profile holds a target to what Datadog documents, so a key still accepted after its owner is deprovisioned is graded MUST. The 401 itself is RFC 6750 §3.1\'s SHOULD.';

/** The revoked key's answer: 401 and a challenge (its content beyond being present is the auth checks' subject). */
async function expectRejected(exchange: ScimExchange): Promise<void> {
  await expect(exchange).toHaveStatus(401);
  const challenge = exchange.response?.headers['www-authenticate'] ?? '';
  expect(challenge.trim(), 'WWW-Authenticate on the 401').not.toBe('');
}

check(
  {
    id: 'security.user-key.revoked-on-patch-deactivate',
    title: "A user's key is rejected with 401 after PATCH sets the user active=false",
    level: 'MUST',
    rfc: REVOCATION_SOURCE,
    category: 'security',
    profiles: ['datadog'],
    requirement: REVOCATION_REQUIREMENT,
    levelBasis: REVOCATION_BASIS,
    fix: 'When a user is set active=false by PATCH, revoke every key that user owns and answer them 401.',
    requires: ['adminApi', 'patch'],
    quirks: ['revoked-key-accepted', 'deactivate-does-not-revoke'],
  },
  async ({ scim, resources, target }) => {
    const user = await resources.createUser();
    const key = await mintUserKey(target, user.id);
    scim.addSecret(key);
    await requireWorkingKey(scim, key, "The user's key");
    // Entra ID's deprovisioning: PATCH replace active=false.
    const deactivated = await scim.patch(
      userPath(user.id),
      patchOp({ op: 'replace', path: 'active', value: false }),
    );
    requireSuccess(deactivated, 'PATCH active=false');
    await expectRejected(await scim.get('/Users', { token: key, query: { count: '1' } }));
  },
);

check(
  {
    id: 'security.user-key.revoked-on-put-deactivate',
    title: "A user's key is rejected with 401 after PUT replaces the user with active=false",
    level: 'MUST',
    rfc: REVOCATION_SOURCE,
    category: 'security',
    profiles: ['datadog'],
    requirement: REVOCATION_REQUIREMENT,
    levelBasis: REVOCATION_BASIS,
    fix: 'When a PUT sets a user active=false, revoke every key that user owns and answer them 401.',
    requires: ['adminApi'],
    quirks: ['revoked-key-accepted', 'deactivate-does-not-revoke', 'keys-survive-put-deactivate'],
  },
  async ({ scim, resources, target }) => {
    const user = await resources.createUser();
    const key = await mintUserKey(target, user.id);
    scim.addSecret(key);
    await requireWorkingKey(scim, key, "The user's key");
    requireSuccess(await scim.put(userPath(user.id), { ...user.body, active: false }), 'PUT active=false');
    await expectRejected(await scim.get('/Users', { token: key, query: { count: '1' } }));
  },
);

check(
  {
    id: 'security.user-key.revoked-on-delete',
    title: "A user's key is rejected with 401 after the user is deleted",
    level: 'MUST',
    rfc: REVOCATION_SOURCE,
    category: 'security',
    profiles: ['datadog'],
    requirement: REVOCATION_REQUIREMENT,
    levelBasis: REVOCATION_BASIS,
    fix: 'When a user is deleted, revoke every key that user owns and answer them 401.',
    requires: ['adminApi'],
    quirks: ['revoked-key-accepted', 'delete-does-not-revoke'],
  },
  async ({ scim, resources, target }) => {
    const user = await resources.createUser();
    const key = await mintUserKey(target, user.id);
    scim.addSecret(key);
    await requireWorkingKey(scim, key, "The user's key");
    const deleted = await scim.delete(userPath(user.id));
    requireSuccess(deleted, 'DELETE of the user');
    resources.forget('/Users', user.id);
    await expectRejected(await scim.get('/Users', { token: key, query: { count: '1' } }));
  },
);

check(
  {
    id: 'security.service-account-key.survives-user-deprovisioning',
    title: "A service account's key keeps working after users are deactivated and deleted",
    level: 'MUST',
    rfc: 'Datadog: SCIM (account management), application key',
    category: 'security',
    profiles: ['datadog'],
    requirement:
      'Datadog strongly recommends that you create a service account dedicated to SCIM. Within that service account, create an application key to use in the SCIM integration. (Entra setup: "To maintain continuous access to your data, use a service account application key.")',
    levelBasis:
      'Datadog documents a service account\'s application key as the remedy for the revoked user key ("To maintain continuous access to your data, use a service account application key"), without RFC 2119 keywords; a target that revokes it with a deprovisioned user breaks the integration Datadog\'s own setup builds, so the datadog profile grades it MUST.',
    fix: "Revoke only the keys the deprovisioned user owns; never a service account's keys, whoever created them.",
    requires: ['adminApi'],
    quirks: ['service-account-key-revoked-with-user'],
  },
  async ({ scim, resources, target, faker }) => {
    const account = await mintServiceAccountKey(target, `scim-harness ${faker.string.alphanumeric(8)}`);
    scim.addSecret(account.key);
    try {
      await requireWorkingKey(scim, account.key, "The service account's key");
      const user = await resources.createUser();
      requireSuccess(await scim.put(userPath(user.id), { ...user.body, active: false }), 'PUT active=false');
      requireSuccess(await scim.delete(userPath(user.id)), 'DELETE of the user');
      resources.forget('/Users', user.id);
      await expect(await scim.get('/Users', { token: account.key, query: { count: '1' } })).toHaveStatus(200);
    } finally {
      await account.revoke();
    }
  },
);
