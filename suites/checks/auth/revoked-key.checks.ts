import { HarnessError } from '../../../src/errors/harness-error.js';
import { userPath } from '../../../src/scim/resource-path.js';
import { mintUserKey } from '../../support/admin-keys.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';

check(
  {
    id: 'auth.revoked-key.returns-401',
    title: "A deprovisioned user's key is rejected with 401",
    level: 'SHOULD',
    rfc: 'RFC 6750 §3.1',
    category: 'auth',
    profiles: ['rfc7644', 'datadog'],
    requirement:
      'invalid_token The access token provided is expired, revoked, malformed, or invalid for other reasons. The resource SHOULD respond with the HTTP 401 (Unauthorized) status code.',
    fix: 'Revoke the keys a user owns when the user is deactivated or deleted, and answer them 401 from then on.',
    requires: ['adminApi'],
    quirks: ['revoked-key-accepted'],
  },
  async ({ scim, resources, target }) => {
    const user = await resources.createUser();
    const key = await mintUserKey(target, user.id);
    scim.addSecret(key);
    const before = await scim.get('/Users', { token: key, query: { count: '1' } });
    if (before.response?.status !== 200) {
      throw new HarnessError(
        'CHECK_PRECONDITION',
        `The freshly minted key did not work before deprovisioning: GET /Users answered ${before.response?.status ?? before.outcome}`,
      );
    }
    // Deprovisioning as Entra and Okta do it: the user is kept, set active=false with a full replace.
    const deactivate = await scim.put(userPath(user.id), {
      ...user.body,
      active: false,
    });
    if (deactivate.response?.status !== 200 && deactivate.response?.status !== 204) {
      throw new HarnessError(
        'CHECK_PRECONDITION',
        `Could not deactivate the user: PUT answered ${deactivate.response?.status ?? deactivate.outcome}`,
      );
    }
    await expect(await scim.get('/Users', { token: key, query: { count: '1' } })).toHaveStatus(401);
  },
);
