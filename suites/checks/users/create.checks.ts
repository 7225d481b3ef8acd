import { declaresAttribute } from '../../support/capabilities.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { KEPT_ON_CREATE } from '../../support/level-bases.js';
import { readUser } from '../../support/patch-helpers.js';
import { attributeAt, bodyOf, instantOf, valueSet, valuesOf } from '../../support/resource-reading.js';

check(
  {
    id: 'users.create.returns-201',
    title: 'Creating a user answers 201 Created with the new resource',
    level: 'MUST',
    rfc: 'RFC 7644 §3.3',
    category: 'users',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'When the service provider successfully creates the new resource, an HTTP response SHALL be returned with HTTP status code 201 (Created).',
    fix: 'Answer a successful POST to a resource endpoint with 201 and the created resource in the body.',
    quirks: ['create-returns-200'],
  },
  async ({ scim, resources }) => {
    const body = resources.userBody();
    const created = await scim.post('/Users', body);
    const json = created.response?.json as { id?: unknown } | undefined;
    if (typeof json?.id === 'string') resources.track('/Users', json.id, String(body.userName));
    await expect(created).toHaveStatus(201);
    expect(created).toMatchScimSchema('User');
  },
);

check(
  {
    id: 'users.create.location-header',
    title: 'Creating a user answers with a Location header equal to meta.location',
    level: 'MUST',
    rfc: 'RFC 7644 §3.3',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'The response body SHOULD contain the service provider\'s representation of the newly created resource. The URI of the created resource SHALL include, in the HTTP "Location" header and the HTTP body, a JSON representation [RFC7159] with the attribute "meta.location".',
    fix: 'Set the Location header of a 201 to the URI of the new resource, the same value as meta.location.',
    quirks: ['no-location-header'],
  },
  async ({ resources }) => {
    const created = await resources.createUser();
    const location = created.exchange.response?.headers.location;
    const meta = created.body.meta as { location?: unknown } | undefined;
    expect(location, 'Location header').toBeTruthy();
    expect(location).toBe(meta?.location);
  },
);

check(
  {
    id: 'users.create.body-is-user',
    title: 'The body of a create is a valid User representation',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.3',
    category: 'users',
    profiles: ['rfc7644', 'entra'],
    requirement:
      "The response body SHOULD contain the service provider's representation of the newly created resource.",
    fix: 'Answer a create with the full stored User: schemas, id, meta and every attribute with returned "default" or "always".',
    quirks: ['schemas-missing', 'meta-missing'],
  },
  async ({ resources }) => {
    const created = await resources.createUser();
    // 200 vs 201 is users.create.returns-201's verdict; this check judges only the body.
    expect(created.exchange).toMatchScimSchema('User');
  },
);

check(
  {
    id: 'users.create.id-issued-by-server',
    title: 'The server issues the id; an id sent by the client is ignored',
    level: 'MUST',
    rfc: 'RFC 7643 §3.1; RFC 7644 §3.3',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'The value of the "id" attribute is always issued by the service provider and MUST NOT be specified by the client. … The attribute characteristics are "caseExact" as "true", a mutability of "readOnly", and a "returned" characteristic of "always". (RFC 7643 §3.1) In the request body, attributes whose mutability is "readOnly" (see Sections 2.2 and 7 of [RFC7643]) SHALL be ignored. (RFC 7644 §3.3)',
    fix: 'Ignore "id" in a POST body (it is readOnly, RFC 7644 §3.3) and assign a new identifier.',
    quirks: ['client-id-honoured'],
  },
  async ({ scim, resources, target }) => {
    const clientId = `${target.runId}-client-chosen-id`;
    const body = resources.userBody({ id: clientId });
    const created = await scim.post('/Users', body);
    const json = bodyOf(created.response?.json);
    if (typeof json.id === 'string') resources.track('/Users', json.id, String(body.userName));
    await expect(created).toHaveStatus(201, 200);
    expect(typeof json.id === 'string' && json.id !== '', 'a non-empty id').toBe(true);
    expect(json.id, 'the id the client sent must be ignored').not.toBe(clientId);
  },
);

check(
  {
    id: 'users.create.meta-resource-type',
    title: 'A created user carries meta.resourceType "User"',
    level: 'MUST',
    rfc: 'RFC 7644 §3.3.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'When adding a resource to a specific endpoint, the meta attribute "resourceType" SHALL be set by the HTTP service provider to the corresponding resource type for the endpoint.',
    fix: 'Set meta.resourceType to "User" on every resource served from /Users.',
    quirks: ['meta-missing'],
  },
  async ({ resources }) => {
    const created = await resources.createUser();
    // resourceType is caseExact (RFC 7643 §3.1), so the comparison is exact.
    expect(attributeAt(created.body, 'meta.resourceType')).toBe('User');
  },
);

check(
  {
    id: 'users.create.meta-created-datetime',
    title: 'meta.created of a new user is a DateTime',
    level: 'MUST',
    rfc: 'RFC 7643 §3.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'created  The "DateTime" that the resource was added to the service provider.  This attribute MUST be a DateTime.',
    fix: 'Return meta.created as an xsd:dateTime such as "2011-08-01T21:32:44.882Z".',
    quirks: ['meta-missing'],
  },
  async ({ resources }) => {
    const created = await resources.createUser();
    const value = attributeAt(created.body, 'meta.created');
    expect(instantOf(value), `meta.created ${JSON.stringify(value)} is an xsd:dateTime`).toBeDefined();
  },
);

check(
  {
    id: 'users.create.last-modified-equals-created',
    title: 'meta.lastModified of a never-modified user equals meta.created',
    level: 'MUST',
    rfc: 'RFC 7643 §3.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'If this resource has never been modified since its initial creation, the value MUST be the same as the value of "created".',
    fix: 'Stamp created and lastModified from the same clock reading when a resource is created.',
    quirks: ['meta-missing', 'read-only-meta-honoured'],
  },
  async ({ resources }) => {
    // A meta sent by the client is readOnly and must be ignored; a server that stores it breaks this rule too.
    const created = await resources.createUser({ meta: { created: '2001-01-01T00:00:00Z' } });
    const createdAt = instantOf(attributeAt(created.body, 'meta.created'));
    const lastModified = instantOf(attributeAt(created.body, 'meta.lastModified'));
    expect(createdAt, 'meta.created is a DateTime').toBeDefined();
    // The same instant, however it is written (a different number of fraction digits is the same value).
    expect(lastModified, 'meta.lastModified equals meta.created').toBe(createdAt);
  },
);

check(
  {
    id: 'users.create.meta-location',
    title: 'meta.location of a new user is an absolute URI ending in /Users/{id}',
    level: 'MUST',
    rfc: 'RFC 7644 §3.3',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'The URI of the created resource SHALL include, in the HTTP "Location" header and the HTTP body, a JSON representation [RFC7159] with the attribute "meta.location".',
    fix: 'Return meta.location as the absolute URI of the user: <base URL>/Users/<id>.',
    quirks: ['meta-missing'],
  },
  async ({ resources }) => {
    const created = await resources.createUser();
    const location = attributeAt(created.body, 'meta.location');
    expect(typeof location, 'meta.location is a string').toBe('string');
    // The host may differ from the tenant URL (Datadog answers with its public API host): only the path is compared.
    const url = URL.canParse(String(location)) ? new URL(String(location)) : undefined;
    expect(url, `meta.location ${JSON.stringify(location)} is an absolute URI`).toBeDefined();
    const path = decodeURIComponent(url?.pathname.replace(/\/+$/, '') ?? '');
    expect(
      path.toLowerCase().endsWith(`/users/${created.id}`.toLowerCase()),
      `${path} ends with /Users/${created.id}`,
    ).toBe(true);
  },
);

check(
  {
    id: 'users.create.etag-header',
    title: 'A create answers with an ETag header when the target supports ETags',
    level: 'MUST',
    rfc: 'RFC 7644 §3.14',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      "When supported, SCIM ETags MUST be specified as an HTTP header and SHOULD be specified within the 'version' attribute contained in the resource's 'meta' attribute.",
    fix: 'Send the resource version as an ETag header (e.g. W/"3") on every single-resource response.',
    requires: ['etag'],
    quirks: ['no-etag'],
  },
  async ({ resources }) => {
    const created = await resources.createUser();
    expect(created.exchange.response?.headers.etag, 'ETag header').toBeTruthy();
  },
);

check(
  {
    id: 'users.create.meta-version',
    title: 'meta.version of a new user equals its ETag when the target supports ETags',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.14',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      "When supported, SCIM ETags MUST be specified as an HTTP header and SHOULD be specified within the 'version' attribute contained in the resource's 'meta' attribute.",
    fix: 'Return meta.version with the same entity tag as the ETag header.',
    requires: ['etag'],
    quirks: ['no-etag'],
  },
  async ({ resources }) => {
    const created = await resources.createUser();
    const version = attributeAt(created.body, 'meta.version');
    expect(typeof version === 'string' && version !== '', 'meta.version is set').toBe(true);
    const etag = created.exchange.response?.headers.etag;
    // RFC 7643 §3.1: "This value must be the same as the entity-tag (ETag) HTTP response header".
    if (etag) expect(version).toBe(etag);
  },
);

check(
  {
    id: 'users.create.scim-content-type',
    title: 'A create answers with Content-Type application/scim+json',
    level: 'MUST',
    rfc: 'RFC 7644 §3.8',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'Service providers MUST support the "Accept" header "Accept: application/scim+json" and SHOULD support the header "Accept: application/json", both of which specify JSON documents conforming to [RFC7159].  The format defaults to "application/scim+json" if no format is specified.',
    fix: 'Label SCIM responses Content-Type: application/scim+json when the client accepts it.',
    quirks: ['content-type-json'],
  },
  async ({ resources }) => {
    // The harness sends Accept: application/scim+json, application/json;q=0.9, so scim+json is the answer.
    const created = await resources.createUser();
    expect(created.exchange).toHaveScimContentType();
  },
);

check(
  {
    id: 'users.create.username-required',
    title: 'Creating a user without userName answers 400',
    level: 'MUST',
    rfc: 'RFC 7643 §4.1.1',
    category: 'users',
    profiles: ['rfc7644', 'entra'],
    requirement: 'Each User MUST include a non-empty userName value.',
    fix: 'Reject a User without userName with 400 and a SCIM Error (scimType invalidValue fits: "A required value was missing").',
    quirks: ['username-not-required'],
  },
  async ({ scim, resources }) => {
    const { userName, ...body } = resources.userBody();
    const created = await scim.post('/Users', body);
    const json = bodyOf(created.response?.json);
    if (typeof json.id === 'string') resources.track('/Users', json.id, String(userName));
    // RFC 7644 §3.12 suggests invalidValue; it is not required, so only the status and Error shape are judged.
    await expect(created).toBeScimError(400);
  },
);

check(
  {
    id: 'users.create.read-only-ignored',
    title: 'readOnly attributes in a create body (meta, groups) are ignored, not stored and not rejected',
    level: 'MUST',
    rfc: 'RFC 7644 §3.3',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'In the request body, attributes whose mutability is "readOnly" (see Sections 2.2 and 7 of [RFC7643]) SHALL be ignored.',
    fix: 'Drop meta, groups and other readOnly attributes from a POST body instead of storing or rejecting them.',
    quirks: ['read-only-meta-honoured', 'users-groups-on-create-rejected'],
  },
  async ({ scim, resources, target }) => {
    const body = resources.userBody({
      meta: { resourceType: 'User', created: '2001-01-01T00:00:00Z', lastModified: '2001-01-01T00:00:00Z' },
      groups: [{ value: `${target.runId}-no-such-group`, display: 'Not a group' }],
    });
    const created = await scim.post('/Users', body);
    const json = bodyOf(created.response?.json);
    if (typeof json.id === 'string') resources.track('/Users', json.id, String(body.userName));
    await expect(created, 'readOnly attributes are ignored, not rejected').toHaveStatus(201, 200);
    const createdAt = instantOf(attributeAt(json, 'meta.created'));
    expect(createdAt, 'meta.created sent by the client must not be stored').not.toBe(
      Date.parse('2001-01-01T00:00:00Z'),
    );
    const groups = valuesOf(json, 'groups').map((group) => group.value);
    expect(groups, 'groups sent by the client must not be stored').not.toContain(
      `${target.runId}-no-such-group`,
    );
  },
);

check(
  {
    id: 'users.create.password-not-returned',
    title: 'The password sent on create is not returned',
    level: 'MUST',
    rfc: 'RFC 7643 §4.1.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'The cleartext value or the hashed value of a password SHALL NOT be returnable by a service provider.',
    fix: 'Never render password (returned "never") in any response.',
    quirks: ['password-returned'],
  },
  async ({ scim, resources, faker }) => {
    const password = `${faker.internet.password({ length: 16 })}aA1!`;
    scim.addSecret(password);
    const created = await resources.createUser({ password });
    expect(attributeAt(created.body, 'password'), 'password in the create response').toBeUndefined();
  },
);

check(
  {
    id: 'users.create.external-id-case-exact',
    title: 'externalId is stored and returned exactly as sent (caseExact)',
    level: 'MUST',
    rfc: 'RFC 7643 §3.1, §7',
    category: 'users',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'The value of the "externalId" attribute is always issued by the provisioning client and MUST NOT be specified by the service provider. … This attribute has "caseExact" as "true" and a mutability of "readWrite". (RFC 7643 §3.1) For attributes that are case exact, the server SHALL preserve case for any value submitted. (RFC 7643 §7, caseExact)',
    fix: 'Store externalId verbatim (it has caseExact=true): no trimming, no case folding.',
    quirks: ['external-id-lowercased'],
  },
  async ({ scim, resources, faker, target }) => {
    const externalId = `${target.runId}-ExtID-${faker.string.alphanumeric({ length: 8, casing: 'mixed' })}Q`;
    const created = await resources.createUser({ externalId });
    expect(attributeAt(created.body, 'externalId'), 'externalId in the create response').toBe(externalId);
    const read = await readUser(scim, created.id);
    expect(attributeAt(read, 'externalId'), 'externalId as read back').toBe(externalId);
  },
);

check(
  {
    id: 'users.create.multi-valued-round-trip',
    title: 'Several emails and phoneNumbers are all stored',
    // RFC 7644 §3.3 lets a server "alter and/or ignore POSTed content", so keeping every value is graded SHOULD.
    level: 'SHOULD',
    rfc: 'RFC 7643 §2.4',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'Multi-valued attributes contain a list of elements using the JSON array format defined in Section 5 of [RFC7159].',
    levelBasis: KEPT_ON_CREATE,
    fix: 'Store every value of a multi-valued attribute the schema declares (emails, phoneNumbers), not only the first.',
    quirks: ['multi-valued-keeps-first'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const userName = resources.userName();
    const home = `home.${faker.string.alphanumeric({ length: 8, casing: 'lower' })}@example.org`;
    // phoneNumbers only where /Schemas declares it (RFC 7643 makes it optional); emails always.
    const phones = declaresAttribute(capabilities, 'User', 'phoneNumbers');
    const created = await resources.createUser({
      userName,
      emails: [
        { value: userName, type: 'work', primary: true },
        { value: home, type: 'home' },
      ],
      ...(phones
        ? {
            phoneNumbers: [
              { value: '+1 555 0100', type: 'work' },
              { value: '+1 555 0199', type: 'mobile' },
            ],
          }
        : {}),
    });
    const read = await readUser(scim, created.id);
    // Order is not significant (RFC 7643 §2.4) and emails are caseExact=false: compared as lower-cased sets.
    expect(valueSet(read, 'emails')).toEqual([home, userName].map((v) => v.toLowerCase()).sort());
    if (phones) expect(valuesOf(read, 'phoneNumbers'), 'both phone numbers kept').toHaveLength(2);
  },
);
