/**
 * User PATCH bodies of Entra's default client (a Tenant URL without `aadOptscim062020`): capitalised op names, one
 * operation per path, and `"False"` as a string for `active`. Each is verified by a GET afterwards.
 */
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import {
  declaredSingularStrings,
  ENTRA_MAPPED_STRINGS,
  valueFor,
} from '../../support/optional-attributes.js';
import { patchUser } from '../../support/patch-helpers.js';
import { attributeAt, valueEntry } from '../../support/resource-reading.js';
import { ENTRA_DOCS } from './entra-shapes.js';

const EMPLOYEE_NUMBER = `${SCHEMA_URNS.EnterpriseUser}:employeeNumber`;

check(
  {
    id: 'entra.patch-legacy.replace-attributes',
    title:
      'Legacy "Replace multiple attributes": one capitalised Replace per path, work email by value filter',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.compat} (Replace multiple attributes, without flag)`,
    category: 'entra',
    profiles: ['entra'],
    clients: ['entra-legacy'],
    requirement:
      'Microsoft Entra ID emits the values of op as Add, Replace, and Remove. Without the flag, requests to replace multiple attributes send one "Replace" operation per attribute, each with a path (displayName, emails[type eq "work"].value, name.givenName, name.familyName, externalId, urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber).',
    levelBasis:
      "Microsoft's compatibility page shows the request Entra without the flag sends, without RFC 2119 keywords; a target that refuses capitalised ops or these paths loses every attribute update from such a tenant, so the entra profile grades it MUST.",
    fix: 'Treat op names case-insensitively and apply each Replace at its path, including the value-filter path emails[type eq "work"].value and URN-qualified extension paths.',
    requires: ['patch'],
    quirks: ['patch-capitalised-ops-rejected', 'patch-not-applied', 'external-id-lowercased'],
  },
  async ({ scim, resources, capabilities }) => {
    const user = await resources.createUser();
    const workEmail = resources.userName().replace('@example.com', '@test.microsoft.example.com');
    // Mixed case on purpose: externalId (Entra's mailNickname) is caseExact and must come back as sent.
    const externalId = `${user.id.slice(0, 8)}-Eqpj`;
    const operations = [
      { op: 'Replace', path: 'displayName', value: 'Pvlo' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: workEmail },
      { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
      { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
      { op: 'Replace', path: 'externalId', value: externalId },
      ...(capabilities.claims.enterpriseUser
        ? [{ op: 'Replace', path: EMPLOYEE_NUMBER, value: 'Eqpj' }]
        : []),
    ];
    const { after } = await patchUser(scim, user.id, ...operations);
    expect(attributeAt(after, 'displayName'), 'displayName').toBe('Pvlo');
    expect(attributeAt(valueEntry(after, 'emails', workEmail) ?? {}, 'type'), 'the work email').toBe('work');
    expect(attributeAt(after, 'name.givenName'), 'name.givenName').toBe('Gtfd');
    expect(attributeAt(after, 'name.familyName'), 'name.familyName').toBe('Pkqf');
    expect(attributeAt(after, 'externalId'), 'externalId').toBe(externalId);
    if (capabilities.claims.enterpriseUser)
      expect(attributeAt(after, EMPLOYEE_NUMBER), 'employeeNumber').toBe('Eqpj');
  },
);

check(
  {
    id: 'entra.patch-legacy.disable-with-string-false',
    title: 'Legacy disable: Replace active with the string "False" deactivates the user',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.compat} (Disable user, without flag)`,
    category: 'entra',
    profiles: ['entra'],
    clients: ['entra-legacy'],
    requirement:
      'Requests made to disable users: without the flag, {"op": "Replace", "path": "active", "value": "False"}; with aadOptscim062020, {"op": "replace", "path": "active", "value": false}.',
    levelBasis:
      'Microsoft\'s compatibility page shows that Entra without the flag disables users with the string "False", without RFC 2119 keywords; a target that refuses it never deactivates anyone Entra deprovisions, so the entra profile grades it MUST.',
    fix: 'Read "True"/"False" strings as booleans for boolean attributes such as active, as Entra\'s default mapping sends them.',
    requires: ['patch'],
    quirks: ['patch-boolean-strings-rejected', 'patch-capitalised-ops-rejected'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser({ active: true });
    const { after } = await patchUser(scim, user.id, { op: 'Replace', path: 'active', value: 'False' });
    expect(attributeAt(after, 'active'), 'active after the disable').toBe(false);
  },
);

check(
  {
    id: 'entra.patch-legacy.add-single-value',
    title: 'Legacy "Add single-value string attribute": Add with a capitalised op sets the attribute',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.compat} (Add single-value string attribute, without flag)`,
    category: 'entra',
    profiles: ['entra'],
    clients: ['entra-legacy'],
    requirement:
      'Requests to add a single-value string attribute: without the flag, {"op": "Add", "path": "nickName", "value": "Babs"}; with the flag, {"op": "add", …}.',
    levelBasis:
      'Microsoft\'s compatibility page shows that Entra without the flag sends "Add", without RFC 2119 keywords; a target that refuses the capitalised op loses every attribute Entra adds, so the entra profile grades it MUST.',
    fix: 'Treat "Add" as "add": op names are case-insensitive (RFC 7644 §3.5.2) and Entra sends them capitalised.',
    requires: ['patch'],
    quirks: ['patch-capitalised-ops-rejected', 'patch-not-applied'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    // Microsoft's example adds nickName, which Entra's default mappings never send: the shape is the same with a
    // single-valued string Entra does map, chosen among those the target declares.
    const [name = 'title'] = declaredSingularStrings(capabilities, 1, ENTRA_MAPPED_STRINGS);
    const user = await resources.createUser({ [name]: undefined });
    const value = valueFor(name, faker, 1);
    const { after } = await patchUser(scim, user.id, { op: 'Add', path: name, value });
    expect(attributeAt(after, name), name).toBe(value);
  },
);
