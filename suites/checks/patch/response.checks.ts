import { test } from '@playwright/test';
import { userPath } from '../../../src/scim/resource-path.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { PATCH_OPERATION_DEFINED } from '../../support/level-bases.js';
import { declaredSingularStrings, valueFor } from '../../support/optional-attributes.js';
import { patchOp, patchUser } from '../../support/patch-helpers.js';
import { attributeAt, bodyOf, valueEntry, valuesOf } from '../../support/resource-reading.js';
import { requireDeclared } from '../../support/unsupported.js';

/** What a successful PATCH answers, and the rules that hold across the operations of one request. */

check(
  {
    id: 'patch.response.200-with-resource-or-204',
    title: 'A successful PATCH answers 200 with the entire updated user, or 204',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2',
    category: 'patch',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'On successful completion, the server either MUST return a 200 OK response code and the entire resource within the response body, subject to the "attributes" query parameter (see Section 3.9), or MAY return HTTP status code 204 (No Content) and the appropriate response headers for a successful PATCH request.',
    fix: 'Answer a successful PATCH with 200 and the full updated resource (or 204 with no body).',
    requires: ['patch'],
    quirks: ['patch-not-applied', 'schemas-missing', 'meta-missing'],
  },
  async ({ scim, resources, faker }) => {
    const created = await resources.createUser();
    const displayName = `${faker.person.fullName()} (patched)`;
    const patch = await scim.patch(
      userPath(created.id),
      patchOp({ op: 'replace', path: 'displayName', value: displayName }),
    );
    await expect(patch).toHaveStatus(200, 204);
    if (patch.response?.status === 204) return;
    expect(patch, 'the 200 body is the entire resource').toMatchScimSchema('User');
    const json = bodyOf(patch.response?.json);
    expect(json.id).toBe(created.id);
    expect(attributeAt(json, 'displayName'), 'the 200 body shows the change').toBe(displayName);
  },
);

check(
  {
    id: 'patch.response.attributes-parameter',
    title: 'PATCH with ?attributes= answers 200 with only the asked-for attributes',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement: 'The server MUST return a 200 OK if the "attributes" parameter is specified in the request.',
    fix: 'Honour "attributes" on PATCH: answer 200 with the resource projected as for GET (RFC 7644 §3.9).',
    requires: ['patch'],
    quirks: ['attributes-ignored'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const [name = 'title'] = declaredSingularStrings(capabilities, 1);
    const created = await resources.createUser({ [name]: valueFor(name, faker, 0) });
    const patch = await scim.patch(
      userPath(created.id),
      patchOp({ op: 'replace', path: name, value: valueFor(name, faker, 1) }),
      { query: { attributes: 'userName' } },
    );
    await expect(patch).toHaveStatus(200);
    const json = bodyOf(patch.response?.json);
    expect(json.id, 'id is returned always').toBe(created.id);
    expect(attributeAt(json, 'userName'), 'the asked-for userName').toBeDefined();
    // RFC 7644 §3.9: attributes not asked for (and not returned "always") are left out.
    expect(attributeAt(json, name), `${name} was not asked for`).toBeUndefined();
    expect(attributeAt(json, 'emails'), 'emails were not asked for').toBeUndefined();
  },
);

check(
  {
    id: 'patch.operations.applied-in-order',
    title: 'Operations apply in order: a later operation on the same attribute wins, others all apply',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'Operations are applied sequentially in the order they appear in the array.  Each operation in the sequence is applied to the target resource; the resulting resource becomes the target of the next operation.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Apply the operations one after the other on the result of the previous one.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const [other = 'nickName', replaced = 'title'] = declaredSingularStrings(capabilities, 2);
    const created = await resources.createUser({ [other]: undefined });
    const added = valueFor(other, faker, 1);
    const second = valueFor(replaced, faker, 3);
    const { after } = await patchUser(
      scim,
      created.id,
      { op: 'replace', path: replaced, value: valueFor(replaced, faker, 2) },
      { op: 'add', path: other, value: added },
      { op: 'replace', path: replaced, value: second },
    );
    expect(attributeAt(after, replaced), 'the later replace wins').toBe(second);
    expect(attributeAt(after, other), 'the other operation applied too').toBe(added);
  },
  { separately: ['entra'] },
);

check(
  {
    id: 'patch.primary.only-one',
    title: 'Adding a primary email sets primary=false on the other emails',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'For multi-valued attributes, a PATCH operation that sets a value\'s "primary" sub-attribute to "true" SHALL cause the server to automatically set "primary" to "false" for any other values in the array.',
    fix: 'When a PATCH makes a value primary, clear primary on every other value of that attribute.',
    requires: ['patch'],
    quirks: ['patch-not-applied', 'multi-valued-keeps-first'],
  },
  async ({ scim, resources, faker }) => {
    const created = await resources.createUser();
    const home = `home.${faker.string.alphanumeric({ length: 8, casing: 'lower' })}@example.org`;
    const { after } = await patchUser(scim, created.id, {
      op: 'add',
      path: 'emails',
      value: [{ value: home, type: 'home', primary: true }],
    });
    expect(attributeAt(valueEntry(after, 'emails', home) ?? {}, 'primary'), 'the new email is primary').toBe(
      true,
    );
    const primaries = valuesOf(after, 'emails').filter((email) => attributeAt(email, 'primary') === true);
    expect(primaries, 'exactly one primary email (RFC 7643 §2.4)').toHaveLength(1);
  },
);

check(
  {
    id: 'patch.password.not-returned',
    title: 'A PATCH that sets the password does not return it',
    level: 'MUST',
    rfc: 'RFC 7643 §4.1.1',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement:
      'The cleartext value or the hashed value of a password SHALL NOT be returnable by a service provider.',
    fix: 'Never render password (returned "never") in a PATCH response.',
    requires: ['patch'],
    quirks: ['password-returned'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    // RFC 7643 §4.1.1 makes password optional and §5 lets a provider not support changing it.
    test.skip(
      !capabilities.claims.changePassword,
      `The target does not claim changePassword (${capabilities.reasons.changePassword})`,
    );
    requireDeclared(capabilities, 'User', ['password']);
    const password = `${faker.internet.password({ length: 16 })}aA1!`;
    scim.addSecret(password);
    const created = await resources.createUser();
    const patch = await scim.patch(
      userPath(created.id),
      patchOp({ op: 'replace', path: 'password', value: password }),
    );
    await expect(patch).toHaveStatus(200, 204);
    expect(
      attributeAt(bodyOf(patch.response?.json), 'password'),
      'password in the PATCH response',
    ).toBeUndefined();
  },
);
