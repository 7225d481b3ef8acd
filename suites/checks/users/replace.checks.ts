import { userPath } from '../../../src/scim/resource-path.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { declaredSingularStrings, valueFor } from '../../support/optional-attributes.js';
import { readUser } from '../../support/patch-helpers.js';
import {
  attributeAt,
  bodyOf,
  hasSubSecondPrecision,
  instantOf,
  type JsonObject,
  valuesOf,
} from '../../support/resource-reading.js';

/** What a client that "retrieved the entire resource in advance and revised it" sends back: no id, meta or groups. */
function writableCopy(resource: JsonObject, changes: JsonObject = {}): JsonObject {
  const { id: _id, meta: _meta, groups: _groups, ...rest } = resource;
  return { ...rest, ...changes };
}

check(
  {
    id: 'users.put.returns-200-with-resource',
    title: 'PUT /Users/{id} answers 200 with the entire updated user',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      "Unless otherwise specified, a successful PUT operation returns a 200 OK response code and the entire resource within the response body, enabling the client to correlate the client's and the service provider's views of the updated resource.",
    levelBasis:
      'RFC 7644 §3.5 requires PUT ("Implementers MUST support HTTP PUT") and §3.5.1 states its answer as the definition of a successful PUT ("returns a 200 OK response code and the entire resource"), without an RFC 2119 keyword and with no alternative given; graded MUST.',
    fix: 'Answer a successful PUT with 200 and the full stored User, including the new values.',
    quirks: ['schemas-missing', 'meta-missing'],
  },
  async ({ scim, resources, faker }) => {
    const created = await resources.createUser();
    const displayName = `${faker.person.fullName()} (replaced)`;
    const put = await scim.put(userPath(created.id), writableCopy(created.body, { displayName }));
    await expect(put).toHaveStatus(200);
    expect(put).toMatchScimSchema('User');
    const json = bodyOf(put.response?.json);
    expect(json.id).toBe(created.id);
    // RFC 7644 §3.5.1 "readWrite, writeOnly  Any values provided SHALL replace the existing attribute values."
    expect(attributeAt(json, 'displayName'), 'the new displayName').toBe(displayName);
  },
);

check(
  {
    id: 'users.put.clears-omitted',
    title: 'PUT clears readWrite attributes the body omits',
    level: 'MAY',
    rfc: 'RFC 7644 §3.5.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'Attributes whose mutability is "readWrite" that are omitted from the request body MAY be assumed to be not asserted by the client.  The service provider MAY assume that any existing values are to be cleared, or the service provider MAY assign a default value to the final resource representation.',
    fix: 'Treat PUT as a replacement: clear readWrite attributes the body leaves out (or give them their default).',
    quirks: ['put-keeps-omitted'],
  },
  async ({ scim, resources, faker }) => {
    const nickName = `nick-${faker.string.alphanumeric({ length: 6, casing: 'lower' })}`;
    const title = faker.person.jobTitle();
    const created = await resources.createUser({ nickName, title });
    const { nickName: _n, title: _t, ...rest } = writableCopy(created.body);
    const put = await scim.put(userPath(created.id), rest);
    await expect(put).toHaveStatus(200, 204);
    const after = await readUser(scim, created.id);
    // A default value is allowed in place of clearing: only the old values must be gone.
    expect(attributeAt(after, 'nickName'), 'nickName omitted from the PUT').not.toBe(nickName);
    expect(attributeAt(after, 'title'), 'title omitted from the PUT').not.toBe(title);
  },
);

check(
  {
    id: 'users.put.read-only-ignored',
    title: 'readOnly attributes in a PUT body (meta, groups) are ignored',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement: 'readOnly  Any values provided SHALL be ignored.',
    fix: 'Drop meta, groups and other readOnly attributes from a PUT body instead of storing or rejecting them.',
    quirks: ['read-only-meta-honoured', 'put-readonly-echo-rejected'],
  },
  async ({ scim, resources, target }) => {
    const created = await resources.createUser();
    const createdAt = instantOf(attributeAt(created.body, 'meta.created'));
    const put = await scim.put(
      userPath(created.id),
      writableCopy(created.body, {
        id: created.id,
        meta: { resourceType: 'User', created: '2001-01-01T00:00:00Z', lastModified: '2001-01-01T00:00:00Z' },
        groups: [{ value: `${target.runId}-no-such-group` }],
      }),
    );
    await expect(put, 'readOnly attributes are ignored, not rejected').toHaveStatus(200, 204);
    const after = await readUser(scim, created.id);
    expect(instantOf(attributeAt(after, 'meta.created')), 'meta.created is unchanged').toBe(createdAt);
    expect(valuesOf(after, 'groups').map((g) => g.value)).not.toContain(`${target.runId}-no-such-group`);
  },
);

check(
  {
    id: 'users.put.id-not-reassigned',
    title: 'A PUT body with another id does not change the id of the user',
    level: 'MUST',
    rfc: 'RFC 7643 §3.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'It MUST be a stable, non-reassignable identifier that does not change when the same resource is returned in subsequent requests.',
    fix: 'Ignore the id in a PUT body (it is readOnly) or reject a mismatch with 400; never move the resource to it.',
    quirks: ['client-id-honoured'],
  },
  async ({ scim, resources, target }) => {
    const created = await resources.createUser();
    const otherId = `${target.runId}-other-id`;
    const put = await scim.put(userPath(created.id), writableCopy(created.body, { id: otherId }));
    const json = bodyOf(put.response?.json);
    if (json.id === otherId) resources.track('/Users', otherId, String(created.body.userName));
    // Both answers keep the id stable: ignoring the readOnly id (2xx) or refusing the mismatch (400).
    await expect(put).toHaveStatus(200, 204, 400);
    if (put.response?.status === 200) expect(json.id, 'the id in the PUT response').toBe(created.id);
    const after = await readUser(scim, created.id);
    expect(after.id).toBe(created.id);
  },
);

check(
  {
    id: 'users.put.unknown-id-404',
    title: 'PUT to an unknown user id answers 404 and creates nothing',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'Because SCIM resource identifiers are assigned by the service provider, HTTP PUT MUST NOT be used to create new resources.',
    fix: 'Answer PUT to an id that does not exist with 404; create users only with POST.',
    quirks: ['put-creates-missing'],
  },
  async ({ scim, resources, target }) => {
    const id = `${target.runId}-no-such-user`;
    const body = resources.userBody();
    const put = await scim.put(userPath(id), body);
    if (put.response && put.response.status < 300) resources.track('/Users', id, String(body.userName));
    await expect(put).toHaveStatus(404);
  },
);

check(
  {
    id: 'users.put.username-required',
    title: 'PUT without userName answers 400',
    level: 'MUST',
    rfc: 'RFC 7643 §4.1.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement: 'Each User MUST include a non-empty userName value.',
    fix: 'Reject a PUT body without userName with 400 and a SCIM Error instead of storing a User without one.',
    quirks: ['username-not-required'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    const { userName: _u, ...body } = writableCopy(created.body);
    await expect(await scim.put(userPath(created.id), body)).toBeScimError(400);
  },
);

check(
  {
    id: 'users.put.password-not-returned',
    title: 'A PUT that sets a password does not return it',
    level: 'MUST',
    rfc: 'RFC 7643 §4.1.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'The cleartext value or the hashed value of a password SHALL NOT be returnable by a service provider.',
    fix: 'Never render password (returned "never") in a PUT response.',
    quirks: ['password-returned'],
  },
  async ({ scim, resources, faker }) => {
    const password = `${faker.internet.password({ length: 16 })}aA1!`;
    scim.addSecret(password);
    const created = await resources.createUser();
    const put = await scim.put(userPath(created.id), writableCopy(created.body, { password }));
    await expect(put).toHaveStatus(200, 204);
    expect(
      attributeAt(bodyOf(put.response?.json), 'password'),
      'password in the PUT response',
    ).toBeUndefined();
  },
);

check(
  {
    id: 'users.update.created-unchanged',
    title: 'meta.created does not change when the user is updated',
    level: 'MUST',
    rfc: 'RFC 7643 §3.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement: 'created  The "DateTime" that the resource was added to the service provider.',
    levelBasis:
      'RFC 7643 §3.1 defines created as when "the resource was added to the service provider", without an RFC 2119 keyword for keeping it; an update that moves it makes the value false by that definition, so the check is graded MUST.',
    fix: 'Keep meta.created from the create; only lastModified moves on updates.',
    quirks: ['created-reset-on-update'],
  },
  async ({ scim, resources, faker }) => {
    const created = await resources.createUser();
    const createdAt = instantOf(attributeAt(created.body, 'meta.created'));
    expect(createdAt, 'meta.created is a DateTime').toBeDefined();
    const put = await scim.put(
      userPath(created.id),
      writableCopy(created.body, { title: faker.person.jobTitle() }),
    );
    await expect(put).toHaveStatus(200, 204);
    const after = await readUser(scim, created.id);
    expect(instantOf(attributeAt(after, 'meta.created')), 'meta.created after the update').toBe(createdAt);
  },
);

check(
  {
    id: 'users.update.last-modified-advances',
    title: 'meta.lastModified moves forward when the user is updated',
    level: 'SHOULD',
    rfc: 'RFC 7643 §3.1',
    category: 'users',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'lastModified  The most recent DateTime that the details of this resource were updated at the service provider.',
    levelBasis:
      'RFC 7643 §3.1 defines lastModified as "The most recent DateTime that the details of this resource were updated at the service provider", without an RFC 2119 keyword; graded SHOULD because only timestamps can be compared, and a server stamping whole seconds can show one instant for a create and an update made within it (the check then demands only "not earlier").',
    fix: 'Stamp meta.lastModified with the time of every change (Entra and other clients use it for delta queries).',
    quirks: ['last-modified-not-updated'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    // A change to an attribute the target declares: an undeclared one may be ignored, leaving nothing modified.
    const [name = 'title'] = declaredSingularStrings(capabilities, 1, ['title', 'nickName', 'displayName']);
    const created = await resources.createUser();
    const before = attributeAt(created.body, 'meta.lastModified');
    const put = await scim.put(
      userPath(created.id),
      writableCopy(created.body, { [name]: valueFor(name, faker, 7) }),
    );
    await expect(put).toHaveStatus(200, 204);
    const after = attributeAt(await readUser(scim, created.id), 'meta.lastModified');
    const [from, to] = [instantOf(before), instantOf(after)];
    expect(from, 'meta.lastModified before is a DateTime').toBeDefined();
    expect(to, 'meta.lastModified after is a DateTime').toBeDefined();
    // A server that records whole seconds can show the same second for a create and an update made within it, so
    // "later" is only demanded when both timestamps carry a fraction of a second.
    if (hasSubSecondPrecision(before) && hasSubSecondPrecision(after)) {
      expect(to ?? 0, 'meta.lastModified after the update').toBeGreaterThan(from ?? 0);
    } else {
      expect(to ?? 0, 'meta.lastModified after the update').toBeGreaterThanOrEqual(from ?? 0);
    }
  },
);
