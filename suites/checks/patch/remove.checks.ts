import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { PATCH_OPERATION_DEFINED } from '../../support/level-bases.js';
import { declaredSingularStrings, valueFor } from '../../support/optional-attributes.js';
import { patchUser } from '../../support/patch-helpers.js';
import { attributeAt, isAssigned, valueSet, valuesOf } from '../../support/resource-reading.js';
import { requireDeclared } from '../../support/unsupported.js';

/** RFC 7644 §3.5.2.2, judged by what GET returns after the PATCH ("unassigned" = absent, null, "" or []). */

check(
  {
    id: 'patch.remove.single-valued',
    title: 'remove of a single-valued attribute leaves it unassigned',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.2',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If the target location is a single-value attribute, the attribute and its associated value is removed, and the attribute SHALL be considered unassigned.',
    fix: 'Apply remove on a single-valued path by clearing the attribute.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const [name = 'nickName'] = declaredSingularStrings(capabilities, 1);
    const created = await resources.createUser({ [name]: valueFor(name, faker, 0) });
    const { after } = await patchUser(scim, created.id, { op: 'remove', path: name });
    expect(isAssigned(after, name), `${name} is unassigned`).toBe(false);
  },
  { separately: ['entra'] },
);

check(
  {
    id: 'patch.remove.multi-valued-all',
    title: 'remove of a multi-valued attribute without a filter removes all its values',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.2',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If the target location is a multi-valued attribute and no filter is specified, the attribute and all values are removed, and the attribute SHALL be considered unassigned.',
    fix: 'Apply remove on a multi-valued path by clearing every value.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, capabilities }) => {
    requireDeclared(capabilities, 'User', ['phoneNumbers']);
    const created = await resources.createUser({
      phoneNumbers: [
        { value: '+1 555 0100', type: 'work' },
        { value: '+1 555 0199', type: 'mobile' },
      ],
    });
    const { after } = await patchUser(scim, created.id, { op: 'remove', path: 'phoneNumbers' });
    expect(isAssigned(after, 'phoneNumbers'), 'phoneNumbers is unassigned').toBe(false);
  },
);

check(
  {
    id: 'patch.remove.value-filter',
    title: 'remove of emails[type eq "home"] removes the home email and keeps the work email',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.2',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      "If the target location is a complex multi-valued attribute and a complex filter is specified based on the attribute's sub-attributes, the matching records are removed.",
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Support valuePath filters on remove: drop exactly the values the filter matches.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker }) => {
    const userName = resources.userName();
    const home = `home.${faker.string.alphanumeric({ length: 8, casing: 'lower' })}@example.org`;
    const created = await resources.createUser({
      userName,
      emails: [
        { value: userName, type: 'work', primary: true },
        { value: home, type: 'home' },
      ],
    });
    const { after } = await patchUser(scim, created.id, { op: 'remove', path: 'emails[type eq "home"]' });
    expect(valueSet(after, 'emails')).toEqual([userName.toLowerCase()]);
  },
);

check(
  {
    id: 'patch.remove.value-filter-sub-attribute',
    title: 'remove of addresses[type eq "work"].locality clears that sub-attribute of the work address only',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.2',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'The "remove" operation removes the value at the target location specified by the required attribute "path".',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Support valuePath[subAttr] paths on remove: clear the sub-attribute of each matching value, keep the value.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    requireDeclared(capabilities, 'User', ['addresses', 'addresses.locality']);
    const created = await resources.createUser({
      addresses: [
        { type: 'work', streetAddress: faker.location.streetAddress(), locality: faker.location.city() },
        { type: 'home', streetAddress: faker.location.streetAddress(), locality: faker.location.city() },
      ],
    });
    const { after } = await patchUser(scim, created.id, {
      op: 'remove',
      path: 'addresses[type eq "work"].locality',
    });
    const byType = (type: string) =>
      valuesOf(after, 'addresses').find((a) => attributeAt(a, 'type') === type) ?? {};
    expect(isAssigned(byType('work'), 'locality'), 'work locality is removed').toBe(false);
    expect(isAssigned(byType('work'), 'streetAddress'), 'the work address itself stays').toBe(true);
    expect(isAssigned(byType('home'), 'locality'), 'home locality stays').toBe(true);
  },
);

check(
  {
    id: 'patch.remove.sub-attribute',
    title: 'remove of name.middleName clears it and keeps the other name parts',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.2',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If the target location is a single-value attribute, the attribute and its associated value is removed, and the attribute SHALL be considered unassigned.',
    fix: 'Resolve "attr.subAttr" paths on remove and clear only that sub-attribute.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker }) => {
    const givenName = faker.person.firstName();
    const familyName = faker.person.lastName();
    const created = await resources.createUser({
      name: { givenName, familyName, middleName: faker.person.middleName() },
    });
    const { after } = await patchUser(scim, created.id, { op: 'remove', path: 'name.middleName' });
    expect(isAssigned(after, 'name.middleName'), 'name.middleName is unassigned').toBe(false);
    expect(attributeAt(after, 'name.familyName'), 'name.familyName stays').toBe(familyName);
  },
);
