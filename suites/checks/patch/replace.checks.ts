import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { PATCH_OPERATION_DEFINED } from '../../support/level-bases.js';
import { declaredSingularStrings, valueFor } from '../../support/optional-attributes.js';
import { patchUser } from '../../support/patch-helpers.js';
import { attributeAt, valueEntry, valueSet } from '../../support/resource-reading.js';
import { requireDeclared } from '../../support/unsupported.js';

/** RFC 7644 §3.5.2.3, judged by what GET returns after the PATCH. */

check(
  {
    id: 'patch.replace.with-path',
    title: 'replace with a path sets the new value of a single-valued attribute',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.3',
    category: 'patch',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement: 'If the target location is a single-value attribute, the attributes value is replaced.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Apply replace on a single-valued path by overwriting its value.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker }) => {
    const created = await resources.createUser();
    const displayName = `${faker.person.fullName()} (patched)`;
    const { after } = await patchUser(scim, created.id, {
      op: 'replace',
      path: 'displayName',
      value: displayName,
    });
    expect(attributeAt(after, 'displayName')).toBe(displayName);
  },
);

check(
  {
    id: 'patch.replace.without-path',
    title: 'replace without path replaces the attributes named in the value and leaves the others',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.3',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If the "path" parameter is omitted, the target is assumed to be the resource itself.  In this case, the "value" attribute SHALL contain a list of one or more attributes that are to be replaced.',
    fix: 'Treat a path-less replace as a set of attribute/value pairs, each replacing that attribute only.',
    requires: ['patch'],
    quirks: ['patch-not-applied', 'path-less-replace-object-ignored'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const [first = 'nickName', second = 'title'] = declaredSingularStrings(capabilities, 2);
    const created = await resources.createUser({
      [first]: valueFor(first, faker, 0),
      [second]: valueFor(second, faker, 0),
    });
    const value = { [first]: valueFor(first, faker, 1), [second]: valueFor(second, faker, 2) };
    const { after } = await patchUser(scim, created.id, { op: 'replace', value });
    expect(attributeAt(after, first), first).toBe(value[first]);
    expect(attributeAt(after, second), second).toBe(value[second]);
    expect(String(attributeAt(after, 'userName')).toLowerCase(), 'userName is untouched').toBe(
      String(created.body.userName).toLowerCase(),
    );
  },
  { separately: ['entra'] },
);

check(
  {
    id: 'patch.replace.unassigned-adds',
    title: 'replace of an attribute that has no value adds it',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.3',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If the target location path specifies an attribute that does not exist, the service provider SHALL treat the operation as an "add".',
    fix: 'Apply replace on an unassigned attribute like add instead of failing or ignoring it.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const [name = 'nickName'] = declaredSingularStrings(capabilities, 1);
    const created = await resources.createUser({ [name]: undefined });
    const value = valueFor(name, faker, 1);
    const { after } = await patchUser(scim, created.id, { op: 'replace', path: name, value });
    expect(attributeAt(after, name), name).toBe(value);
  },
  { separately: ['entra'] },
);

check(
  {
    id: 'patch.replace.complex-keeps-unspecified',
    title: 'replace of a complex attribute keeps the sub-attributes the value leaves out',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.3',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If the target location specifies a complex attribute, a set of sub-attributes SHALL be specified in the "value" parameter, which replaces any existing values or adds where an attribute did not previously exist.  Sub-attributes that are not specified in the "value" parameter are left unchanged.',
    fix: 'Merge the sub-attributes of a replace on a complex attribute into the existing value.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, faker }) => {
    const created = await resources.createUser();
    const givenName = `${faker.person.firstName()}x`;
    const { after } = await patchUser(scim, created.id, {
      op: 'replace',
      path: 'name',
      value: { givenName },
    });
    expect(attributeAt(after, 'name.givenName')).toBe(givenName);
    expect(attributeAt(after, 'name.familyName'), 'name.familyName is left unchanged').toBe(
      attributeAt(created.body, 'name.familyName'),
    );
  },
);

check(
  {
    id: 'patch.replace.value-filter-sub-attribute',
    title: 'replace of emails[type eq "work"].value changes the work email only',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.3',
    category: 'patch',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'If the target location is a complex multi-valued attribute with a value selection filter ("valuePath") and a specific sub-attribute (e.g., "addresses[type eq "work"].streetAddress"), the matching sub-attribute of all matching records is replaced.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Support valuePath[subAttr] paths on replace: set the sub-attribute of every matching value, and only those.',
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
    const work = `work.${faker.string.alphanumeric({ length: 8, casing: 'lower' })}@example.org`;
    const { after } = await patchUser(scim, created.id, {
      op: 'replace',
      path: 'emails[type eq "work"].value',
      value: work,
    });
    expect(valueSet(after, 'emails')).toEqual([home, work].sort());
    expect(
      attributeAt(valueEntry(after, 'emails', work) ?? {}, 'type'),
      'the new value is the work email',
    ).toBe('work');
  },
);

check(
  {
    id: 'patch.replace.multi-valued-all',
    title: 'replace of a multi-valued attribute without a filter replaces all its values',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.3',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'If the target location is a multi-valued attribute and no filter is specified, the attribute and all values are replaced.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Apply replace on a multi-valued path by replacing the whole set of values.',
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
    const { after } = await patchUser(scim, created.id, {
      op: 'replace',
      path: 'phoneNumbers',
      value: [{ value: '+1 555 0142', type: 'home' }],
    });
    expect(valueSet(after, 'phoneNumbers')).toEqual(['+1 555 0142']);
  },
);

check(
  {
    id: 'patch.replace.active-false',
    title: 'replace active=false disables the user, and GET shows active=false',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.3',
    category: 'patch',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement: 'If the target location is a single-value attribute, the attributes value is replaced.',
    levelBasis: PATCH_OPERATION_DEFINED,
    fix: 'Apply {"op":"replace","path":"active","value":false}: it is how Entra and Okta disable a user.',
    requires: ['patch'],
    quirks: ['patch-not-applied', 'disabled-user-hidden'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser({ active: true });
    const { after } = await patchUser(scim, created.id, { op: 'replace', path: 'active', value: false });
    expect(attributeAt(after, 'active')).toBe(false);
    // Enabling again must work too (Entra's restore after a soft delete).
    const { after: again } = await patchUser(scim, created.id, {
      op: 'replace',
      path: 'active',
      value: true,
    });
    expect(attributeAt(again, 'active')).toBe(true);
  },
);
