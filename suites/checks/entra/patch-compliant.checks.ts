/**
 * User PATCH bodies of Entra's SCIM-compliant client (`?aadOptscim062020` in the Tenant URL): lowercase ops, JSON
 * booleans, and one path-less `replace` whose value is keyed by attribute paths (`name.givenName`) and by
 * URN-qualified extension attributes. Also what a disable must not do: hide the user.
 */

import { userPath } from '../../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { listedResources } from '../../support/list-response.js';
import { patchUser } from '../../support/patch-helpers.js';
import { attributeAt, bodyOf, valueEntry } from '../../support/resource-reading.js';
import { ENTRA_DOCS, entraLookup } from './entra-shapes.js';

const ENTERPRISE = SCHEMA_URNS.EnterpriseUser;
const REPLACE_MULTIPLE =
  'Requests to replace multiple attributes: with the flag, emails[type eq "work"].value stays a separate operation with a path, and the other attributes are sent in one path-less "replace" whose value is {"displayName": "Bjfe", "name.givenName": "Kkom", "name.familyName": "Unua", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "Aklq"}.';
const RETURNED_WHEN_INACTIVE =
  "The user object should be returned in a request whether or not the user is active. The only time the user shouldn't be returned is when it's hard deleted.";

check(
  {
    id: 'entra.patch-compliant.path-less-dotted-keys',
    title: 'Compliant "Replace multiple attributes": a path-less replace keyed "name.givenName" is applied',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.compat} (Replace multiple attributes, with flag)`,
    category: 'entra',
    profiles: ['entra'],
    clients: ['entra-aadOptscim062020'],
    requirement: REPLACE_MULTIPLE,
    levelBasis:
      "Microsoft's compatibility page shows the request Entra with aadOptscim062020 sends, without RFC 2119 keywords (RFC 7644 does not define dotted keys in a path-less value); a target that refuses or ignores them loses those attribute updates, so the entra profile grades it MUST.",
    fix: 'In a path-less add/replace, read a key that is an attribute path ("name.givenName") as that path, as Entra sends it.',
    requires: ['patch'],
    quirks: ['patch-dotted-keys-ignored', 'patch-not-applied'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const workEmail = resources.userName().replace('@example.com', '@test.microsoft.example.com');
    const { after } = await patchUser(
      scim,
      user.id,
      { op: 'replace', path: 'emails[type eq "work"].value', value: workEmail },
      { op: 'replace', value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', 'name.familyName': 'Unua' } },
    );
    expect(attributeAt(after, 'displayName'), 'displayName').toBe('Bjfe');
    expect(attributeAt(after, 'name.givenName'), 'name.givenName').toBe('Kkom');
    expect(attributeAt(after, 'name.familyName'), 'name.familyName').toBe('Unua');
    expect(valueEntry(after, 'emails', workEmail), 'the work email').toBeDefined();
  },
);

check(
  {
    id: 'entra.patch-compliant.path-less-urn-keys',
    title:
      'Compliant "Replace multiple attributes": URN-qualified enterprise keys in a path-less replace are applied',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.compat} (Replace multiple attributes, with flag)`,
    category: 'entra',
    profiles: ['entra'],
    clients: ['entra-aadOptscim062020'],
    requirement: REPLACE_MULTIPLE,
    levelBasis:
      "Microsoft's compatibility page shows the request Entra with aadOptscim062020 sends, without RFC 2119 keywords; a target that refuses or ignores the URN-qualified keys loses every enterprise-extension update, so the entra profile grades it MUST.",
    fix: 'In a path-less add/replace, read a key "urn:…:enterprise:2.0:User:department" as the extension attribute it names.',
    requires: ['patch', 'enterpriseUser'],
    quirks: ['patch-dotted-keys-ignored', 'enterprise-extension-dropped'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const { after } = await patchUser(scim, user.id, {
      op: 'replace',
      value: { [`${ENTERPRISE}:department`]: 'Aklq Department', [`${ENTERPRISE}:employeeNumber`]: 'Aklq' },
    });
    expect(attributeAt(after, `${ENTERPRISE}:department`), 'enterprise department').toBe('Aklq Department');
    expect(attributeAt(after, `${ENTERPRISE}:employeeNumber`), 'enterprise employeeNumber').toBe('Aklq');
  },
);

check(
  {
    id: 'entra.patch-compliant.disabled-user-still-returned',
    title: 'After a compliant disable (active=false), GET still returns the user, inactive',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.tutorial}: requirements (soft delete)`,
    category: 'entra',
    profiles: ['entra'],
    clients: ['entra-aadOptscim062020'],
    requirement: RETURNED_WHEN_INACTIVE,
    levelBasis:
      'Microsoft\'s tutorial words this with a lowercase "should"; graded MUST in the entra profile because Entra keeps working on a disabled user by its id, and a 404 there is an InvalidAnchor that stops every later update of that user.',
    fix: 'Keep deactivated users readable: GET /Users/{id} answers 200 with "active": false until the user is deleted.',
    requires: ['patch'],
    quirks: ['disabled-user-hidden', 'patch-not-applied'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser({ active: true });
    const { after } = await patchUser(scim, user.id, { op: 'replace', path: 'active', value: false });
    expect(attributeAt(after, 'active'), 'active').toBe(false);
  },
);

check(
  {
    id: 'entra.patch-compliant.disabled-user-still-matched',
    title: 'After a disable, the userName matching query still finds the user, inactive',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.tutorial}: requirements (soft delete)`,
    category: 'entra',
    profiles: ['entra'],
    clients: ['entra-aadOptscim062020'],
    requirement: RETURNED_WHEN_INACTIVE,
    levelBasis:
      'Microsoft\'s tutorial words this with a lowercase "should"; graded MUST in the entra profile because Entra and its SCIM Validator look a disabled user up by userName (the validator fails "Response from a GET and filter request on a disabled User should have attribute active"), and a user the query misses is created again.',
    fix: 'Do not drop inactive users from filtered lists: Entra (and its validator) look a disabled user up by userName.',
    requires: ['patch', 'filter'],
    quirks: ['disabled-user-hidden'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser({ active: true });
    await patchUser(scim, user.id, { op: 'replace', path: 'active', value: false });
    const answer = await entraLookup(
      scim,
      '/Users',
      'userName',
      String(attributeAt(user.body, 'userName')),
      'the user lookup `userName eq`',
    );
    await expect(answer).toHaveStatus(200);
    const found = listedResources(answer).map(bodyOf);
    expect(
      found.map((resource) => attributeAt(resource, 'id')),
      `the disabled user is listed by ${userPath(user.id)}'s userName`,
    ).toEqual([user.id]);
    expect(attributeAt(found[0] ?? {}, 'active'), 'active in the list').toBe(false);
  },
);
