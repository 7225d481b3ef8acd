/**
 * The enterprise `manager` reference as Entra writes it: in a separate PATCH after the user exists, as an object
 * (`{"value": id}`) or as the bare id string its legacy client and its validators send, and cleared with `""`.
 */
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { patchUser } from '../../support/patch-helpers.js';
import { attributeAt, isAssigned } from '../../support/resource-reading.js';
import { ENTRA_DOCS } from './entra-shapes.js';

const MANAGER = `${SCHEMA_URNS.EnterpriseUser}:manager`;
const SEPARATE_PATCH =
  "The Azure AD SCIM client … follows this pattern of doing a round trip to link newly-created users accounts with their managers inside the target application. That's why their is a separate patch operation. (Microsoft, MicrosoftDocs/azure-docs#45885)";

check(
  {
    id: 'entra.manager.set-as-object',
    title: 'A manager added by a separate PATCH as {"value": id} is stored and returned',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.tutorial}: manager reference (Example 5)`,
    category: 'entra',
    profiles: ['entra'],
    requirement: SEPARATE_PATCH,
    levelBasis:
      'Microsoft describes the separate manager PATCH without RFC 2119 keywords; it is the only way Entra links a user to its manager, so a target that drops it loses every manager reference: graded MUST in the entra profile.',
    fix: 'Apply add/replace of urn:…:enterprise:2.0:User:manager and return it as manager.value under the extension.',
    requires: ['patch', 'enterpriseUser'],
    quirks: ['enterprise-extension-dropped', 'patch-not-applied'],
  },
  async ({ scim, resources }) => {
    const manager = await resources.createUser();
    const user = await resources.createUser();
    const { after } = await patchUser(scim, user.id, {
      op: 'add',
      path: MANAGER,
      value: { value: manager.id },
    });
    expect(attributeAt(after, `${MANAGER}.value`), 'manager.value').toBe(manager.id);
  },
);

check(
  {
    id: 'entra.manager.set-as-string',
    title: 'A manager added as a bare id string ({"op": "Add", "value": "<id>"}) is stored as manager.value',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.validator}: Patch User - Add Manager`,
    category: 'entra',
    profiles: ['entra'],
    clients: ['entra-legacy'],
    requirement:
      'SCIM_Update_Manager_Test sends {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"<managerScimId>"} and reads urn:…:enterprise:2.0:User.manager.value back (Microsoft Logic App validation template; the same shape production Entra sends).',
    levelBasis:
      "Microsoft's validation template (and production Entra) sends the manager as a bare id, without RFC 2119 keywords; a target that refuses or drops it fails the validator's manager test and loses every manager Entra sets, so the entra profile grades it MUST.",
    fix: 'Accept a string as the manager value and store it as {"value": "<id>"}.',
    requires: ['patch', 'enterpriseUser'],
    quirks: ['manager-string-rejected', 'enterprise-extension-dropped'],
  },
  async ({ scim, resources }) => {
    const manager = await resources.createUser();
    const user = await resources.createUser();
    const { after } = await patchUser(scim, user.id, { op: 'Add', path: MANAGER, value: manager.id });
    expect(attributeAt(after, `${MANAGER}.value`), 'manager.value').toBe(manager.id);
  },
);

check(
  {
    id: 'entra.manager.cleared-with-empty-string',
    title: 'Replacing the manager with "" removes it',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.validator}: Patch User - Remove Manager`,
    category: 'entra',
    profiles: ['entra'],
    requirement:
      'SCIM_Update_Manager_Test removes the manager with {"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":""}; after removal manager.value must be empty, null or absent (Microsoft Logic App validation template).',
    levelBasis:
      'Microsoft\'s validation template clears the manager with "" and expects it gone (its lowercase "must" is not an RFC 2119 keyword); a target that refuses it fails that test and keeps a manager Entra removed, so the entra profile grades it MUST.',
    fix: 'Read "" for manager as "no manager": clear the attribute instead of rejecting the request or storing "".',
    requires: ['patch', 'enterpriseUser'],
    quirks: ['manager-string-rejected', 'patch-not-applied'],
  },
  async ({ scim, resources }) => {
    const manager = await resources.createUser();
    const user = await resources.createUser({
      schemas: [SCHEMA_URNS.User, SCHEMA_URNS.EnterpriseUser],
      [SCHEMA_URNS.EnterpriseUser]: { manager: { value: manager.id } },
    });
    const { after } = await patchUser(scim, user.id, { op: 'replace', path: MANAGER, value: '' });
    // Empty, null or absent are all "no manager" (RFC 7643 §2.5: unassigned).
    expect(isAssigned(after, `${MANAGER}.value`), 'manager.value after the removal').toBe(false);
  },
);
