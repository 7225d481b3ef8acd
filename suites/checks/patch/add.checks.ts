import { HarnessError } from '../../../src/errors/harness-error.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { PATCH_OPERATION_DEFINED } from '../../support/level-bases.js';
import { declaredSingularStrings, valueFor } from '../../support/optional-attributes.js';
import { patchUser } from '../../support/patch-helpers.js';
import { attributeAt, listsSchema, valueEntry, valueSet, valuesOf } from '../../support/resource-reading.js';
import { requireDeclared } from '../../support/unsupported.js';

/**
 * RFC 7644 §3.5.2.1: what "add" does depends on the target location. Each check PATCHes a user it created and judges
 * what GET returns afterwards, so a target answering 204 is judged exactly like one answering 200.
 */

check(
  {
    id: 'patch.add.without-path',
    title: 'add without path adds the attributes of the value object to the user',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.1',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If omitted, the target location is assumed to be the resource itself.  The "value" parameter contains a set of attributes to be added to the resource.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Treat a path-less add as a set of attribute/value pairs applied to the resource.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const [first = 'nickName', second = 'title'] = declaredSingularStrings(capabilities, 2);
    const created = await resources.createUser({ [first]: undefined, [second]: undefined });
    const value = { [first]: valueFor(first, faker, 1), [second]: valueFor(second, faker, 2) };
    const { after } = await patchUser(scim, created.id, { op: 'add', value });
    expect(attributeAt(after, first), first).toBe(value[first]);
    expect(attributeAt(after, second), second).toBe(value[second]);
  },
  { separately: ['entra'] },
);

check(
  {
    id: 'patch.add.singular-attribute',
    title: 'add with a path to an unassigned attribute sets it',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.1',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement: 'If the target location does not exist, the attribute and value are added.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Apply add on a path naming an unassigned single-valued attribute by setting it.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const [name = 'nickName'] = declaredSingularStrings(capabilities, 1);
    const created = await resources.createUser({ [name]: undefined });
    const value = valueFor(name, faker, 1);
    const { after } = await patchUser(scim, created.id, { op: 'add', path: name, value });
    expect(attributeAt(after, name), name).toBe(value);
  },
  { separately: ['entra'] },
);

check(
  {
    id: 'patch.add.replaces-singular',
    title: 'add to a single-valued attribute that has a value replaces it',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.1',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If the target location specifies a single-valued attribute, the existing value is replaced.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Apply add on an assigned single-valued attribute as a replacement of its value.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const [name = 'title'] = declaredSingularStrings(capabilities, 1);
    const created = await resources.createUser({ [name]: valueFor(name, faker, 0) });
    const value = valueFor(name, faker, 1);
    const { after } = await patchUser(scim, created.id, { op: 'add', path: name, value });
    expect(attributeAt(after, name), name).toBe(value);
  },
  { separately: ['entra'] },
);

check(
  {
    id: 'patch.add.multi-valued-appends',
    title: 'add to a multi-valued attribute appends the new value and keeps the others',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.1',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If the target location specifies a multi-valued attribute, a new value is added to the attribute.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Append the values of an add on a multi-valued attribute instead of replacing the existing ones.',
    requires: ['patch'],
    quirks: ['patch-not-applied', 'patch-add-replaces-multi-valued', 'multi-valued-keeps-first'],
  },
  async ({ scim, resources, faker }) => {
    const created = await resources.createUser();
    const work = valueSet(created.body, 'emails');
    const home = `home.${faker.string.alphanumeric({ length: 8, casing: 'lower' })}@example.org`;
    const { after } = await patchUser(scim, created.id, {
      op: 'add',
      path: 'emails',
      value: [{ value: home, type: 'home' }],
    });
    // Order is not significant (RFC 7643 §2.4): compared as a set.
    expect(valueSet(after, 'emails')).toEqual([...work, home].sort());
  },
);

check(
  {
    id: 'patch.add.sub-attribute',
    title: 'add with a sub-attribute path (name.middleName) sets it and keeps the other sub-attributes',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.1',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If the target location specifies an attribute that does not exist (has no value), the attribute is added with the new value.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Resolve "attr.subAttr" paths and set only that sub-attribute of the complex attribute.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker }) => {
    const created = await resources.createUser();
    const middleName = faker.person.middleName();
    const { after } = await patchUser(scim, created.id, {
      op: 'add',
      path: 'name.middleName',
      value: middleName,
    });
    expect(attributeAt(after, 'name.middleName')).toBe(middleName);
    expect(attributeAt(after, 'name.givenName'), 'name.givenName is kept').toBe(
      attributeAt(created.body, 'name.givenName'),
    );
  },
);

check(
  {
    id: 'patch.add.extension-attribute',
    title: 'add with an extension URN path stores the attribute and lists the extension in schemas',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2; RFC 7643 §3',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'For example, adding the attribute "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber" automatically adds the value "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" to the resource\'s "schemas" attribute. (RFC 7643 §3: "All representations of SCIM schemas MUST include a non-empty array with value(s) of the URIs supported by that representation.")',
    fix: 'Resolve URN-qualified paths to the extension, and add the extension URN to "schemas" when it gains attributes.',
    requires: ['patch', 'enterpriseUser'],
    quirks: ['patch-not-applied', 'enterprise-extension-dropped'],
  },
  async ({ scim, resources, faker }) => {
    const created = await resources.createUser();
    const employeeNumber = faker.string.numeric(7);
    const { after } = await patchUser(scim, created.id, {
      op: 'add',
      path: `${SCHEMA_URNS.EnterpriseUser}:employeeNumber`,
      value: employeeNumber,
    });
    expect(attributeAt(after, `${SCHEMA_URNS.EnterpriseUser}:employeeNumber`)).toBe(employeeNumber);
    expect(listsSchema(after, SCHEMA_URNS.EnterpriseUser), 'schemas lists the enterprise extension').toBe(
      true,
    );
  },
);

check(
  {
    id: 'patch.add.value-filter-sub-attribute',
    title: 'add to addresses[type eq "work"].locality sets it on the work address only',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'The "valuePath" rule allows specific values of a complex multi-valued attribute to be selected.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Support valuePath[subAttr] paths on add: apply the value to the sub-attribute of each matching value.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    requireDeclared(capabilities, 'User', ['addresses', 'addresses.locality']);
    const created = await resources.createUser({
      addresses: [
        { type: 'work', streetAddress: faker.location.streetAddress(), country: 'US' },
        { type: 'home', streetAddress: faker.location.streetAddress(), country: 'US' },
      ],
    });
    const locality = faker.location.city();
    const { after } = await patchUser(scim, created.id, {
      op: 'add',
      path: 'addresses[type eq "work"].locality',
      value: locality,
    });
    const byType = (type: string) =>
      valuesOf(after, 'addresses').find((a) => attributeAt(a, 'type') === type);
    expect(attributeAt(byType('work') ?? {}, 'locality'), 'the work address').toBe(locality);
    expect(attributeAt(byType('home') ?? {}, 'locality'), 'the home address is untouched').toBeUndefined();
    expect(valueEntry(after, 'emails', String(created.body.userName)), 'emails are untouched').toBeDefined();
  },
);

check(
  {
    id: 'patch.add.existing-value-no-change',
    title: 'add of a value a multi-valued attribute already holds changes nothing',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.5.2.1',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If the target location already contains the value specified, no changes SHOULD be made to the resource, and a success response SHOULD be returned.  Unless other operations change the resource, this operation SHALL NOT change the modify timestamp of the resource.',
    fix: 'Compare added values with the existing ones (RFC 7644 §3.5.2.1): an identical value is neither appended again nor a modification.',
    requires: ['patch'],
    quirks: ['patch-add-duplicates-value'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    const email = valuesOf(created.body, 'emails')[0];
    const before = attributeAt(created.body, 'meta.lastModified');
    if (email === undefined) {
      throw new HarnessError(
        'CHECK_PRECONDITION',
        'The target kept no email of the user it created: nothing to add again',
      );
    }
    const { after } = await patchUser(scim, created.id, { op: 'add', path: 'emails', value: [email] });
    expect(valuesOf(after, 'emails'), 'emails after adding the same value again').toHaveLength(
      valuesOf(created.body, 'emails').length,
    );
    if (before !== undefined) {
      expect(attributeAt(after, 'meta.lastModified'), 'meta.lastModified (SHALL NOT change)').toBe(before);
    }
  },
);
