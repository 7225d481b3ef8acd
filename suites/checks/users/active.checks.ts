import { userPath } from '../../../src/scim/resource-path.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { attributeAt, bodyOf, valuesOf } from '../../support/resource-reading.js';

/**
 * A disabled user (active=false) is how Entra soft-deletes: it still exists, so it must still be found. RFC 7644 §3.4.1
 * says the same in its own words ("If the resource exists, the server responds with HTTP status code 200").
 */
const ENTRA_SOFT_DELETE =
  "The user object should be returned in a request whether or not the user is active. The only time the user shouldn't be returned is when it's hard deleted.";

check(
  {
    id: 'users.active.inactive-readable-by-id',
    title: 'A user with active=false is still returned by GET /Users/{id}',
    level: 'SHOULD',
    rfc: 'Microsoft Entra SCIM tutorial (requirements); RFC 7644 §3.4.1',
    category: 'users',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement: ENTRA_SOFT_DELETE,
    levelBasis:
      'Microsoft\'s tutorial words this with a lowercase "should", and RFC 7643 §4.1.1 leaves the meaning of "active" to the service provider ("The definitive meaning of this attribute is determined by the service provider"); graded SHOULD.',
    fix: 'Treat active=false as a state of the user, not as a deletion: keep serving it on GET.',
    quirks: ['disabled-user-hidden'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser({ active: false });
    const read = await scim.get(userPath(created.id));
    await expect(read).toHaveStatus(200);
    expect(attributeAt(bodyOf(read.response?.json), 'active')).toBe(false);
  },
);

check(
  {
    id: 'users.active.inactive-found-by-filter',
    title: 'A user with active=false is still found by a userName filter',
    level: 'SHOULD',
    rfc: 'Microsoft Entra SCIM tutorial (requirements); RFC 7644 §3.4.2',
    category: 'users',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement: ENTRA_SOFT_DELETE,
    levelBasis:
      'Microsoft\'s tutorial words this with a lowercase "should", and no RFC 7643/7644 sentence lets a server hide a user it has not deleted, nor states that it must not; graded SHOULD.',
    fix: 'Include inactive users in list and filter results; only deleted users disappear (RFC 7644 §3.6).',
    requires: ['filter'],
    quirks: ['disabled-user-hidden'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser({ active: false });
    const list = await scim.get('/Users', {
      query: { filter: `userName eq "${String(created.body.userName)}"` },
    });
    await expect(list).toHaveStatus(200);
    const found = valuesOf(bodyOf(list.response?.json), 'Resources').filter((r) => r.id === created.id);
    expect(found, 'the inactive user is in the result').toHaveLength(1);
    expect(attributeAt(found[0] ?? {}, 'active')).toBe(false);
  },
);
