/**
 * `/Me` tells who owns a key: the harness's token-ownership preflight (src/http/token-owner.ts) reads it to warn
 * before a run deprovisions the user whose key it is using. A user's key must be answered as that user (id and
 * userName); a service account's key must be answered as that principal, never as some User resource.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.11
 */
import { HarnessError } from '../../../src/errors/harness-error.js';
import type { ScimExchange } from '../../../src/http/index.js';
import { userPath } from '../../../src/scim/resource-path.js';
import { mintUserKey } from '../../support/admin-keys.js';
import { stringMember } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { mintServiceAccountKey } from './key-lifecycle.js';

const ME_ALIAS =
  'A client MAY use a URL of the form "<base-URI>/Me" as a URI alias for the User or other resource associated with the currently authenticated subject for any SCIM operation. (RFC 7644 §2: "the unique client MUST be mapped to a security subject (e.g., User)")';

/** 501 to a /Me with a minted key means the target does not alias it for that key: nothing to judge. */
function requireMeAnswer(exchange: ScimExchange, whose: string): void {
  if (exchange.response?.status === 501) {
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `/Me answers 501 for ${whose}, so there is no alias to compare`,
    );
  }
}

check(
  {
    id: 'security.key-owner.me-names-user',
    title: "GET /Me with a user's key answers that user's id and userName",
    level: 'MUST',
    rfc: 'RFC 7644 §3.11; RFC 7644 §2',
    category: 'security',
    profiles: ['rfc7644'],
    requirement: ME_ALIAS,
    fix: 'Resolve /Me from the key of the request and answer the owning User resource, with its id and userName.',
    requires: ['me', 'adminApi'],
    quirks: ['me-ignores-subject'],
  },
  async ({ scim, resources, target }) => {
    const user = await resources.createUser();
    const key = await mintUserKey(target, user.id);
    scim.addSecret(key);
    const exchange = await scim.get('/Me', { token: key });
    requireMeAnswer(exchange, 'user keys');
    await expect(exchange).toHaveStatus(200);
    const body = exchange.response?.json;
    expect(stringMember(body, 'id'), "the /Me id is the key owner's").toBe(user.id);
    // userName is caseExact=false (RFC 7643 §4.1.1): a server may answer it in another case.
    expect(stringMember(body, 'userName')?.toLowerCase(), "the /Me userName is the key owner's").toBe(
      stringMember(user.body, 'userName')?.toLowerCase(),
    );
  },
);

check(
  {
    id: 'security.key-owner.me-names-service-account',
    title: "GET /Me with a service account's key answers that principal, not a User resource",
    level: 'MUST',
    rfc: 'RFC 7644 §3.11; RFC 7644 §2',
    category: 'security',
    profiles: ['rfc7644'],
    requirement: ME_ALIAS,
    fix: 'Answer /Me for a service-account key with that service account (its own id), never with a User resource.',
    requires: ['me', 'adminApi'],
    quirks: ['me-ignores-subject'],
  },
  async ({ scim, target, faker }) => {
    const account = await mintServiceAccountKey(target, `scim-harness ${faker.string.alphanumeric(8)}`);
    scim.addSecret(account.key);
    try {
      const exchange = await scim.get('/Me', { token: account.key });
      requireMeAnswer(exchange, 'service-account keys');
      await expect(exchange).toHaveStatus(200);
      const id = stringMember(exchange.response?.json, 'id');
      expect(id, "the /Me id is the service account's").toBe(account.accountId);
      // The principal is not a provisioned user: no User resource answers to its id.
      await expect(await scim.get(userPath(account.accountId))).toHaveStatus(404);
    } finally {
      await account.revoke();
    }
  },
);
