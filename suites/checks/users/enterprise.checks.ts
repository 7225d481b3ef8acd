import { HarnessError } from '../../../src/errors/harness-error.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { readUser } from '../../support/patch-helpers.js';
import { attributeAt, isAssigned, listsSchema } from '../../support/resource-reading.js';

const ENTERPRISE = SCHEMA_URNS.EnterpriseUser;

check(
  {
    id: 'users.enterprise.round-trip',
    title: 'Enterprise extension attributes sent on create are stored under the extension URN',
    // RFC 7644 §3.3 lets a server ignore POSTed content; a target that lists the extension is expected to keep it.
    level: 'SHOULD',
    rfc: 'RFC 7643 §3.3',
    category: 'users',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'Except for the base object schema, the schema extension URI SHALL be used as a JSON container to distinguish attributes belonging to the extension namespace from base schema attributes. … Unlike core attributes, extended attributes are kept in their own sub-attribute namespace identified by the schema extension URN.',
    levelBasis:
      'RFC 7643 §3.3 makes the extension URI the container of extension attributes (SHALL), but RFC 7644 §3.3 leaves the server "free to alter and/or ignore POSTed content", so keeping the attributes sent on create is graded SHOULD.',
    fix: 'Store the attributes of an extension the User resource type lists, and return them under the extension URN.',
    requires: ['enterpriseUser'],
    quirks: ['enterprise-extension-dropped'],
  },
  async ({ scim, resources, faker }) => {
    const employeeNumber = faker.string.numeric(6);
    const department = faker.commerce.department();
    const created = await resources.createUser({
      schemas: [SCHEMA_URNS.User, ENTERPRISE],
      [ENTERPRISE]: { employeeNumber, department },
    });
    const read = await readUser(scim, created.id);
    expect(attributeAt(read, `${ENTERPRISE}:employeeNumber`), 'employeeNumber').toBe(employeeNumber);
    expect(attributeAt(read, `${ENTERPRISE}:department`), 'department').toBe(department);
  },
);

check(
  {
    id: 'users.enterprise.manager-reference',
    title: 'manager.value referencing another user is stored and returned',
    level: 'SHOULD',
    rfc: 'RFC 7643 §4.3',
    category: 'users',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'manager  The user\'s manager.  A complex type that optionally allows service providers to represent organizational hierarchy by referencing the "id" attribute of another User. value The "id" of the SCIM resource representing the user\'s manager. RECOMMENDED.',
    fix: 'Store manager.value (the id of another User) and return it; fill manager.$ref and displayName if you can.',
    requires: ['enterpriseUser'],
    quirks: ['enterprise-extension-dropped'],
  },
  async ({ scim, resources }) => {
    const manager = await resources.createUser();
    const report = await resources.createUser({
      schemas: [SCHEMA_URNS.User, ENTERPRISE],
      [ENTERPRISE]: { manager: { value: manager.id } },
    });
    const read = await readUser(scim, report.id);
    // manager.value holds an id, which is caseExact: compared exactly. $ref and displayName are optional.
    expect(attributeAt(read, `${ENTERPRISE}:manager.value`), 'manager.value').toBe(manager.id);
  },
);

check(
  {
    id: 'users.enterprise.schemas-lists-extension',
    title: 'A user with enterprise data lists the extension URN in schemas',
    level: 'MUST',
    rfc: 'RFC 7643 §3',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'The "schemas" attribute is a REQUIRED attribute and is an array of Strings containing URIs that are used to indicate the namespaces of the SCIM schemas that define the attributes present in the current JSON structure.',
    fix: 'Add the extension URN to "schemas" whenever the representation carries attributes of that extension.',
    requires: ['enterpriseUser'],
    quirks: ['schemas-missing'],
  },
  async ({ scim, resources, faker }) => {
    const created = await resources.createUser({
      schemas: [SCHEMA_URNS.User, ENTERPRISE],
      [ENTERPRISE]: { costCenter: faker.string.numeric(4) },
    });
    const read = await readUser(scim, created.id);
    if (!isAssigned(read, ENTERPRISE)) {
      // Whether the data is kept at all is users.enterprise.round-trip's verdict; without it there is nothing to judge.
      throw new HarnessError(
        'CHECK_PRECONDITION',
        'The target did not keep the enterprise attributes of the new user',
      );
    }
    expect(listsSchema(read, ENTERPRISE), `schemas lists ${ENTERPRISE}`).toBe(true);
    expect(listsSchema(read, SCHEMA_URNS.User), `schemas lists ${SCHEMA_URNS.User}`).toBe(true);
  },
);
