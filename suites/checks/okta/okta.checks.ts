/**
 * What Okta's SCIM 2.0 client needs of a service provider, each check sending Okta's own request (the mock Okta
 * client's builders: headers, key order, `%20` in lookups) and citing the Okta document it holds the target to:
 * Test API Credentials and its integer paging fields, the userName lookup (a match, one stored after 100 others, and
 * "not found" as an empty list or a 404), the create with its placeholder password, 409 on a duplicate, the full PUT that echoes `id`, `meta` and
 * `password`, the path-less deactivation after which the user still exists, and Group Push's shapes.
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */

import type { Faker } from '@faker-js/faker';
import {
  type JsonObject,
  oktaCreateGroupRequest,
  oktaCreateUserRequest,
  oktaGetUserRequest,
  oktaMatchUserRequest,
  oktaMembershipRequests,
  oktaPutUserBody,
  oktaPutUserRequest,
  oktaRenameGroupRequest,
  oktaSetActivePatchRequest,
  oktaTestConnectionRequests,
  resolveOktaClientProfile,
} from '../../../mock-idp/requests/index.js';
import { HarnessError } from '../../../src/errors/harness-error.js';
import { isJsonObject } from '../../../src/json/json-guards.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { member } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { inPhase } from '../../support/exchange-phase.js';
import { expect } from '../../support/fixtures.js';
import { memberValues } from '../../support/group-members.js';
import { listedIds, listNumber } from '../../support/list-response.js';
import { infrastructureAnswer } from '../../support/matchers.js';
import type { ResourceFactory } from '../../support/resource-factory.js';
import { attributeAt, bodyOf, listsSchema } from '../../support/resource-reading.js';
import { OKTA_DOCS, OKTA_OIN, oktaPassword, oktaUserIdOf, sendOkta } from './okta-shapes.js';

/** The mapped attributes of an Okta user as the create carries them (REF20's attributes, the run's values). */
function oktaUser(resources: ResourceFactory, faker: Faker) {
  const userName = resources.userName();
  const givenName = faker.person.firstName();
  const familyName = faker.person.lastName();
  return {
    userName,
    active: true,
    'name.givenName': givenName,
    'name.familyName': familyName,
    'emails[type eq "work"].value': userName,
    displayName: `${givenName} ${familyName}`,
    locale: 'en-US',
  } as const;
}

/**
 * POSTs Okta's create and tracks what it made; the exchange is returned for the check's own assertions. As a
 * `precondition` (a check that tests what follows the create), a create that did not succeed is the harness unable to
 * evaluate the check (CHECK_PRECONDITION), never the check failing.
 */
async function createOktaUser(resources: ResourceFactory, faker: Faker, precondition = false) {
  const attributes = oktaUser(resources, faker);
  const request = oktaCreateUserRequest(OKTA_OIN, attributes, {
    oktaUserId: oktaUserIdOf(faker),
    password: oktaPassword(faker),
  });
  const send = () => sendOkta(resources.client, request);
  const created = precondition ? await inPhase(resources.client, 'setup', send) : await send();
  const id = member(created.response?.json, 'id');
  const status = created.response?.status;
  if (typeof id === 'string' && id !== '') resources.track('/Users', id, attributes.userName);
  if (precondition && (typeof id !== 'string' || id === '' || (status !== 201 && status !== 200))) {
    const infrastructure = created.response ? infrastructureAnswer(created.response) : undefined;
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `Could not create the user this check needs with Okta's create: POST /Users answered ${status ?? created.outcome}${
        infrastructure === undefined ? '' : ` (${infrastructure})`
      }`,
    );
  }
  return { attributes, request, created, id: typeof id === 'string' ? id : undefined };
}

/** Paging fields Okta reads as integers ("must be integers", REF20). */
function integerField(json: unknown, name: string): unknown {
  return isJsonObject(json) ? json[name] : undefined;
}

check(
  {
    id: 'okta.test-connection.users-page',
    title:
      'Test API Credentials: GET /Users?startIndex=1&count=2 answers a ListResponse page of at most 2, with integer paging fields',
    level: 'MUST',
    rfc: `${OKTA_DOCS.ref}: Test API Credentials, Retrieve Users (pagination); ${OKTA_DOCS.spec} step 1`,
    category: 'okta',
    profiles: ['okta'],
    requirement:
      'After saving the configuration Okta sends GET /Users?startIndex=1&count=2 ("the query parameters ... are always constant"). The SPEC test asserts a ListResponse whose itemsPerPage, startIndex and totalResults are numbers; the reference says paging values "must be integers".',
    levelBasis:
      "Okta's reference words it as what the integration must answer; a failed Test API Credentials stops the app's setup, so the okta profile grades it MUST.",
    fix: 'Answer with a ListResponse (its URN in schemas) holding at most count resources, totalResults the number of all matches, and every paging field a JSON integer.',
    quirks: ['count-ignored', 'total-results-page-size', 'list-schemas-missing', 'paging-fields-as-strings'],
  },
  async ({ scim, resources }) => {
    for (let i = 0; i < 3; i++) await resources.createUser();
    const [probe] = oktaTestConnectionRequests(OKTA_OIN, false);
    const page = await sendOkta(scim, probe!);
    await expect(page).toHaveStatus(200);
    const json = page.response?.json;
    expect(listsSchema(bodyOf(json), SCHEMA_URNS.ListResponse), 'schemas lists the ListResponse URN').toBe(
      true,
    );
    for (const name of ['totalResults', 'itemsPerPage', 'startIndex'])
      expect(Number.isInteger(integerField(json, name)), `${name} is an integer`).toBe(true);
    const ids = listedIds(page);
    expect(ids.length, 'Resources holds at most count=2').toBeLessThanOrEqual(2);
    expect(listNumber(page, 'itemsPerPage'), 'itemsPerPage').toBe(ids.length);
    expect(listNumber(page, 'startIndex'), 'startIndex').toBe(1);
    expect(
      listNumber(page, 'totalResults'),
      'totalResults counts every user, not the page',
    ).toBeGreaterThanOrEqual(3);
  },
);

check(
  {
    id: 'okta.lookup.username-finds-user',
    title:
      'The userName lookup, as Okta encodes it (%20 or +, startIndex=1&count=100), finds exactly the user',
    level: 'MUST',
    rfc: `${OKTA_DOCS.ref}: Determine if the User already exists`,
    category: 'okta',
    profiles: ['okta'],
    requirement:
      'GET /scim/v2/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100 — Okta checks that the user exists before creating it; Okta "only supports filtering on username eq". (Okta\'s captures encode the spaces as "+".)',
    levelBasis:
      'Every create follows this lookup; a lookup that misses the user makes Okta create a duplicate (409), so the okta profile grades it MUST.',
    fix: 'Evaluate filter=userName eq "…" with startIndex and count beside it, reading both %20 and + as a space.',
    quirks: ['filter-ignored', 'query-plus-not-decoded'],
  },
  async ({ scim, resources }) => {
    const wanted = await resources.createUser();
    await resources.createUser();
    const userName = String(attributeAt(wanted.body, 'userName'));
    for (const filterSpace of ['percent', 'plus'] as const) {
      const profile = resolveOktaClientProfile({ app: 'oin', filterSpace });
      const answer = await sendOkta(scim, oktaMatchUserRequest(profile, userName));
      await expect(answer).toHaveStatus(200);
      expect(listedIds(answer), `spaces as ${filterSpace === 'plus' ? '+' : '%20'}`).toEqual([wanted.id]);
      expect(listNumber(answer, 'totalResults'), 'totalResults').toBe(1);
    }
  },
);

check(
  {
    id: 'okta.lookup.finds-user-beyond-first-hundred',
    title:
      "Okta's userName lookup (startIndex=1&count=100) finds a user stored after 100 others: the filter is applied before the page",
    level: 'MUST',
    rfc: `${OKTA_DOCS.ref}: Determine if the User already exists; RFC 7644 §3.4.2.4`,
    category: 'okta',
    profiles: ['okta'],
    requirement:
      'GET /scim/v2/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100 — Okta sends startIndex=1&count=100 with every lookup, and startIndex is "the 1-based index of the first query result" (RFC 7644 §3.4.2.4): the page is cut from the filter\'s matches, not from the stored users.',
    levelBasis:
      'Every create follows this lookup; once a tenant holds more than 100 users a lookup that pages before it filters misses most of them, and Okta creates duplicates (409), so the okta profile grades it MUST.',
    fix: 'Apply the filter first, then startIndex and count to its matches (and count totalResults over all matches).',
    quirks: ['filter-with-paging-broken'],
  },
  async ({ scim, resources }) => {
    // 100 users stored before the one looked up, so it is beyond the first 100 even on an empty target.
    for (let i = 0; i < 100; i++) await resources.createUser();
    const wanted = await resources.createUser();
    const answer = await sendOkta(
      scim,
      oktaMatchUserRequest(OKTA_OIN, String(attributeAt(wanted.body, 'userName'))),
    );
    await expect(answer).toHaveStatus(200);
    expect(listedIds(answer), 'the user looked up').toEqual([wanted.id]);
    expect(listNumber(answer, 'totalResults'), 'totalResults').toBe(1);
  },
);

check(
  {
    id: 'okta.lookup.no-match',
    title:
      'A userName lookup that matches nothing answers 200 with an empty ListResponse, or 404 with a SCIM error',
    level: 'MUST',
    rfc: `${OKTA_DOCS.ref}: Determine if the User already exists; ${OKTA_DOCS.spec} steps 3 and 5`,
    category: 'okta',
    profiles: ['okta'],
    requirement:
      'If the user isn\'t found, the SCIM server returns an empty list: {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"startIndex":1,"itemsPerPage":0,"Resources":[]} — or a 404 with a SCIM error ("detail":"User not found","status":404). Either is read as "not found", and Okta creates the user.',
    levelBasis: 'Any other answer fails the assignment before the create; the okta profile grades it MUST.',
    fix: 'Answer a lookup that matches nothing with 200 and a ListResponse of totalResults 0 (or 404 with the SCIM Error schema).',
    quirks: ['list-schemas-missing'],
  },
  async ({ scim, resources }) => {
    const answer = await sendOkta(scim, oktaMatchUserRequest(OKTA_OIN, resources.userName()));
    await expect(answer).toHaveStatus(200, 404);
    const json = bodyOf(answer.response?.json);
    if (answer.response?.status === 404) {
      expect(listsSchema(json, SCHEMA_URNS.Error), 'a 404 carries the SCIM Error schema').toBe(true);
      return;
    }
    expect(listsSchema(json, SCHEMA_URNS.ListResponse), 'schemas lists the ListResponse URN').toBe(true);
    expect(integerField(answer.response?.json, 'totalResults'), 'totalResults').toBe(0);
    expect(listedIds(answer), 'Resources').toEqual([]);
  },
);

check(
  {
    id: 'okta.users.create-okta-body',
    title:
      "Okta's create (placeholder password, Okta id as externalId, groups: [], charset in Content-Type) answers 201",
    level: 'MUST',
    rfc: `${OKTA_DOCS.ref}: Create the User`,
    category: 'okta',
    profiles: ['okta'],
    requirement:
      'POST /scim/v2/Users with schemas, userName, name, emails, displayName, locale, externalId, groups: [], password and active. "Okta always sends a password, even if password sync isn\'t enabled ... a placeholder". The SCIM server responds with 201 Created and the user, its id included.',
    levelBasis: 'Okta treats any other answer as a failed create; the okta profile grades it MUST.',
    fix: 'Accept the body as Okta sends it (a password, readOnly groups as an empty list, Content-Type "application/scim+json; charset=utf-8"), answer 201 with the user, and never return the password.',
    quirks: [
      'create-returns-200',
      'media-type-parameters-rejected',
      'password-returned',
      'password-write-rejected',
      'users-groups-on-create-rejected',
    ],
  },
  async ({ resources, faker }) => {
    const { created, id } = await createOktaUser(resources, faker);
    await expect(created).toHaveStatus(201);
    expect(id, 'the created user has an id').toBeTruthy();
    expect(member(created.response?.json, 'password'), 'password is returned=never').toBeUndefined();
  },
);

check(
  {
    id: 'okta.users.duplicate-409',
    title: 'Creating a userName that exists answers 409 with a SCIM error',
    level: 'MUST',
    rfc: `${OKTA_DOCS.ref}: Create the User; ${OKTA_DOCS.spec} step 8`,
    category: 'okta',
    profiles: ['okta'],
    requirement:
      'If the user already exists, the SCIM server must return 409 Conflict with a SCIM error ("detail":"User already exists in the database.") "to stop the provisioning job".',
    levelBasis:
      'Okta words it in lower case ("must return"); without the 409 the job does not stop and the duplicate is provisioned, so the okta profile grades it MUST.',
    fix: 'Refuse a second user with the same userName with 409 and a body with the SCIM Error schema and a detail.',
    quirks: ['uniqueness-not-enforced', 'error-body-not-scim'],
  },
  async ({ scim, resources, faker }) => {
    const { request, id } = await createOktaUser(resources, faker, true);
    const again = await sendOkta(scim, request);
    const duplicateId = member(again.response?.json, 'id');
    if (again.response?.status !== 409 && typeof duplicateId === 'string' && duplicateId !== id)
      resources.track('/Users', duplicateId, String(request.body?.userName));
    await expect(again).toHaveStatus(409);
    const json = bodyOf(again.response?.json);
    expect(listsSchema(json, SCHEMA_URNS.Error), 'the 409 carries the SCIM Error schema').toBe(true);
    expect(typeof json.detail, "detail (shown in Okta's Tasks)").toBe('string');
  },
);

check(
  {
    id: 'okta.users.put-echoes-read',
    title: 'A PUT of the user as read (id, meta, password echoed) replaces it and answers 200 with the user',
    level: 'MUST',
    rfc: `${OKTA_DOCS.ref}: Update a specific User (PUT)`,
    category: 'okta',
    profiles: ['okta'],
    requirement:
      'Okta updates a user by GET /Users/{id}, then PUT /Users/{id} with the whole resource after it "modifies the attributes that were changed": the body echoes id, meta and server-set sub-attributes, and Okta\'s captured PUT carries the password. The SCIM server responds with 200 OK and the updated user.',
    levelBasis: 'Every profile change of an Okta user is this PUT; the okta profile grades it MUST.',
    fix: 'Accept a PUT that repeats id, meta and groups (ignore them; they are readOnly) and carries password (writeOnly), apply the rest, answer 200 with the user, and never return the password.',
    quirks: ['put-returns-204', 'password-returned', 'put-readonly-echo-rejected'],
  },
  async ({ scim, resources, faker }) => {
    const { attributes, id } = await createOktaUser(resources, faker, true);
    const read = await sendOkta(scim, oktaGetUserRequest(OKTA_OIN, id!));
    await expect(read).toHaveStatus(200);
    const familyName = faker.person.lastName();
    const body = oktaPutUserBody(
      bodyOf(read.response?.json) as JsonObject,
      { ...attributes, 'name.familyName': familyName },
      { password: oktaPassword(faker) },
    );
    const put = await sendOkta(scim, oktaPutUserRequest(OKTA_OIN, 'updateUser', id!, body));
    await expect(put).toHaveStatus(200);
    expect(member(put.response?.json, 'id'), 'the answer is the user').toBe(id);
    expect(member(put.response?.json, 'password'), 'password is returned=never').toBeUndefined();
    const after = await sendOkta(scim, oktaGetUserRequest(OKTA_OIN, id!));
    await expect(after).toHaveStatus(200);
    expect(attributeAt(bodyOf(after.response?.json), 'name.familyName'), 'name.familyName').toBe(familyName);
  },
);

check(
  {
    id: 'okta.users.path-less-deactivate',
    title: "Okta's path-less deactivation sets active false, and the user can still be read",
    level: 'MUST',
    rfc: `${OKTA_DOCS.ref}: Update a specific User (PATCH); ${OKTA_DOCS.crud} step 8; ${OKTA_DOCS.concept}`,
    category: 'okta',
    profiles: ['okta'],
    clients: ['okta-oin'],
    requirement:
      'Deactivation: PATCH /Users/{id} {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}, answered 200 with the user or 204. "Okta doesn\'t perform DELETE operations on User objects"; the CRUD test then expects GET /Users/{id} to answer 200 with active false.',
    levelBasis: 'It is how every OIN app deprovisions a user; the okta profile grades it MUST.',
    fix: 'Apply a replace without path whose value is {"active": false}, and keep serving the deactivated user by id.',
    quirks: ['path-less-replace-object-ignored', 'disabled-user-hidden'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const patched = await sendOkta(scim, oktaSetActivePatchRequest(OKTA_OIN, user.id, false));
    await expect(patched).toHaveStatus(200, 204);
    const after = await sendOkta(scim, oktaGetUserRequest(OKTA_OIN, user.id));
    await expect(after).toHaveStatus(200);
    expect(member(after.response?.json, 'active'), 'active').toBe(false);
  },
);

check(
  {
    id: 'okta.groups.push',
    title:
      "Group Push: create with members: [], add members in Okta's PATCH (with display), then re-send {id, displayName}",
    level: 'MUST',
    rfc: `${OKTA_DOCS.ref}: Create Groups, Update specific Group membership, Update a specific Group name`,
    category: 'okta',
    profiles: ['okta'],
    // Group Push by PATCH is the OIN app's; an App Integration Wizard app sends PUT for everything.
    clients: ['okta-oin'],
    requirement:
      'POST /scim/v2/Groups {"schemas":[…Group],"displayName":"Test SCIMv2","members":[]}, answered 201 with the group; members are added by PATCH {"op":"add","path":"members","value":[{"value":…,"display":…}]}, and "the group name update operation is triggered each time there\'s a group membership update operation": a path-less replace of {"id":…, "displayName":…}.',
    levelBasis: 'Group Push sends exactly these; the okta profile grades it MUST.',
    fix: "Create a group from an empty members list, add members from separate PATCHes without dropping earlier ones, accept the group's own id inside a replace value, and return members on GET.",
    requires: ['groups'],
    quirks: ['patch-add-replaces-multi-valued', 'members-not-returned', 'empty-members-create-rejected'],
  },
  async ({ scim, resources }) => {
    const first = await resources.createUser();
    const second = await resources.createUser();
    const displayName = resources.groupName();
    const created = await sendOkta(scim, oktaCreateGroupRequest(OKTA_OIN, displayName));
    const id = member(created.response?.json, 'id');
    if (typeof id === 'string' && id !== '') resources.track('/Groups', id, displayName);
    await expect(created).toHaveStatus(201);
    expect(typeof id, 'the group has an id').toBe('string');
    const groupId = String(id);
    for (const user of [first, second]) {
      const display = String(attributeAt(user.body, 'userName'));
      for (const request of oktaMembershipRequests(OKTA_OIN, groupId, {
        added: [{ value: user.id, display }],
        removed: [],
      })) {
        await expect(await sendOkta(scim, request), 'the membership PATCH').toHaveStatus(200, 204);
      }
      await expect(
        await sendOkta(scim, oktaRenameGroupRequest(OKTA_OIN, groupId, displayName)),
        'the {id, displayName} PATCH after it',
      ).toHaveStatus(200, 204);
    }
    const read = await scim.get(`/Groups/${encodeURIComponent(groupId)}`);
    await expect(read).toHaveStatus(200);
    expect(member(read.response?.json, 'displayName'), 'displayName').toBe(displayName);
    expect(memberValues(read.response?.json).sort(), 'members').toEqual([first.id, second.id].sort());
  },
);

check(
  {
    id: 'okta.groups.member-removal-by-filter',
    title: 'Group Push removes each member with its own members[value eq "…"] operation',
    level: 'MUST',
    rfc: `${OKTA_DOCS.ref}: Update specific Group membership`,
    category: 'okta',
    profiles: ['okta'],
    // Group Push by PATCH is the OIN app's; an App Integration Wizard app sends PUT for everything.
    clients: ['okta-oin'],
    requirement:
      'Membership changes are one PATCH: {"op":"remove","path":"members[value eq \\"89bb1940-…\\"]"} for each removed member, then one add of the new members.',
    levelBasis: 'Every membership removal of an OIN app has this shape; the okta profile grades it MUST.',
    fix: 'Support remove with a value-filtered members path, one operation per member, before an add in the same PATCH.',
    requires: ['groups'],
    quirks: ['members-value-filter-removal-rejected'],
  },
  async ({ scim, resources }) => {
    const kept = await resources.createUser();
    const removed = await resources.createUser();
    const added = await resources.createUser();
    const group = await resources.createGroup({ members: [{ value: kept.id }, { value: removed.id }] });
    const [request] = oktaMembershipRequests(OKTA_OIN, group.id, {
      removed: [removed.id],
      added: [{ value: added.id, display: String(attributeAt(added.body, 'userName')) }],
    });
    await expect(await sendOkta(scim, request!), 'the membership PATCH').toHaveStatus(200, 204);
    const read = await scim.get(`/Groups/${encodeURIComponent(group.id)}`);
    await expect(read).toHaveStatus(200);
    expect(memberValues(read.response?.json).sort(), 'members').toEqual([kept.id, added.id].sort());
  },
);
