/**
 * Datadog's documented /Users API: bearer application-key auth, create/read/replace/update with the documented
 * attributes and status codes, and startIndex/count pagination narrowed by the documented `userName eq` filter.
 * @see https://docs.datadoghq.com/api/latest/scim/
 */

import { userPath } from '../../../src/scim/resource-path.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { listedIds, listedResources, listNumber } from '../../support/list-response.js';
import { answered } from '../../support/matchers.js';
import { readUser } from '../../support/patch-helpers.js';
import { attributeAt, bodyOf, valueEntry } from '../../support/resource-reading.js';
import { requireDeclared } from '../../support/unsupported.js';
import { idOf } from '../../support/user-personas.js';
import {
  DATADOG_ACCEPT,
  DATADOG_DOCUMENTED,
  datadogPatch,
  datadogSection,
  datadogUserBody,
} from './datadog-docs.js';

const LIST_USERS =
  'List users in the organization. Results are paginated by `startIndex` and `count` parameters. Results can be narrowed down by the `filter` parameter.';

check(
  {
    id: 'datadog.auth.application-key-required',
    title: 'Without the Bearer application key the API refuses; with it, it answers 200',
    level: 'MUST',
    rfc: datadogSection('Authentication'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      'The secret token is a valid Datadog application key, sent as "Authorization: Bearer <application key>" (curl examples: -H "Accept: application/json" -H "Authorization: Bearer $DD_BEARER_TOKEN").',
    levelBasis:
      'Datadog documents Bearer application-key authentication for its SCIM endpoints, without RFC 2119 keywords; graded MUST as RFC 7644 §2 grades authentication: "the SCIM service provider MUST be able to map the authenticated client to an access control policy".',
    fix: 'Authenticate every SCIM request by its Bearer application key; answer 401 (or 403, as Datadog documents) without one.',
    quirks: ['auth-not-enforced'],
  },
  async ({ scim }) => {
    const anonymous = await scim.get('/Users', { query: { count: 1 }, headers: DATADOG_ACCEPT, token: null });
    await expect(anonymous, 'no Authorization header').toHaveStatus(401, 403);
    const authorized = await scim.get('/Users', { query: { count: 1 }, headers: DATADOG_ACCEPT });
    await expect(authorized, 'with the Bearer key').toHaveStatus(200);
  },
);

check(
  {
    id: 'datadog.users.create-documented-attributes',
    title: 'Create user with the documented attributes answers 201 and returns them',
    level: 'MUST',
    rfc: datadogSection('Create user'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      'Create user: POST /api/v2/scim/Users with schemas, userName, name.formatted, title, active and emails (value, type "work", primary). Response 201 Created with the user.',
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Answer 201 and store userName, name.formatted, title, active and the work email with primary=true as sent.',
    quirks: ['create-returns-200'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    requireDeclared(capabilities, 'User', ['title'], {
      client: "Datadog's SCIM API documents for every user",
    });
    const values = {
      userName: resources.userName(),
      formatted: faker.person.fullName(),
      title: faker.person.jobTitle(),
    };
    const created = await scim.post('/Users', datadogUserBody(values), { headers: DATADOG_ACCEPT });
    const id = idOf(created.response?.json);
    if (id !== undefined) resources.track('/Users', id, values.userName);
    await expect(created).toHaveStatus(201);
    const body = bodyOf(answered(created).json);
    expect(String(attributeAt(body, 'userName')).toLowerCase(), 'userName').toBe(
      values.userName.toLowerCase(),
    );
    expect(attributeAt(body, 'name.formatted'), 'name.formatted').toBe(values.formatted);
    expect(attributeAt(body, 'title'), 'title').toBe(values.title);
    expect(attributeAt(body, 'active'), 'active').toBe(true);
    const email = valueEntry(body, 'emails', values.userName) ?? {};
    expect([attributeAt(email, 'type'), attributeAt(email, 'primary')], 'the email type and primary').toEqual(
      ['work', true],
    );
  },
);

check(
  {
    id: 'datadog.users.get-documented-meta',
    title: 'Get user answers 200 with id, userName and meta (resourceType, created, lastModified)',
    level: 'MUST',
    rfc: datadogSection('Get user'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      'Get user: GET /api/v2/scim/Users/{user_uuid}. Response 200 OK: schemas, id, userName, name.formatted, title, active, emails, and meta (created, lastModified, location, resourceType).',
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Return meta with resourceType "User", created and lastModified on every user.',
    quirks: ['meta-missing'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const read = await readUser(scim, user.id);
    expect(attributeAt(read, 'id'), 'id').toBe(user.id);
    expect(attributeAt(read, 'meta.resourceType'), 'meta.resourceType').toBe('User');
    // Datadog writes nanosecond timestamps (2024-11-22T15:05:52.055138963Z): any xsd:dateTime is accepted.
    expect(typeof attributeAt(read, 'meta.created'), 'meta.created').toBe('string');
    expect(typeof attributeAt(read, 'meta.lastModified'), 'meta.lastModified').toBe('string');
  },
);

check(
  {
    id: 'datadog.users.put-returns-200',
    title: 'Update user (PUT) with the documented attributes answers 200 with the updated user',
    level: 'MUST',
    rfc: datadogSection('Update user'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      "Update user: PUT /api/v2/scim/Users/{user_uuid} with the user's attributes. Response 200 OK with the updated user.",
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Answer a successful PUT with 200 and the updated user in the body.',
    quirks: ['put-returns-204'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    requireDeclared(capabilities, 'User', ['title'], {
      client: "Datadog's SCIM API documents for every user",
    });
    const values = { userName: resources.userName(), formatted: faker.person.fullName(), title: 'Engineer' };
    const user = await resources.createUser(datadogUserBody(values));
    const replaced = await scim.put(userPath(user.id), datadogUserBody({ ...values, title: 'CEO' }), {
      headers: DATADOG_ACCEPT,
    });
    await expect(replaced).toHaveStatus(200);
    expect(attributeAt(bodyOf(answered(replaced).json), 'title'), 'title in the answer').toBe('CEO');
  },
);

check(
  {
    id: 'datadog.users.patch-replace-title',
    title: 'Patch user: replace title by path answers 200 with the updated user',
    level: 'MUST',
    rfc: datadogSection('Patch user'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      'Patch user: PATCH /api/v2/scim/Users/{user_uuid} with Operations [{"op": "replace", "path": "title", "value": "CEO"}] (op: add or replace). Response 200 OK with the updated user.',
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Apply replace of title and answer 200 with the updated user.',
    requires: ['patch'],
    quirks: ['patch-not-applied'],
  },
  async ({ scim, resources, capabilities }) => {
    requireDeclared(capabilities, 'User', ['title'], {
      client: "Datadog's SCIM API documents for every user",
    });
    const user = await resources.createUser({ title: 'Engineer' });
    const patched = await scim.patch(
      userPath(user.id),
      datadogPatch({ op: 'replace', path: 'title', value: 'CEO' }),
      {
        headers: DATADOG_ACCEPT,
      },
    );
    await expect(patched).toHaveStatus(200);
    expect(attributeAt(bodyOf(answered(patched).json), 'title'), 'title in the answer').toBe('CEO');
    expect(attributeAt(await readUser(scim, user.id), 'title'), 'title on GET').toBe('CEO');
  },
);

check(
  {
    id: 'datadog.users.patch-path-less-name',
    title: 'Patch user: a path-less replace of {"name": {"formatted": …}} is applied',
    level: 'MUST',
    rfc: datadogSection('Patch user'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      'Patch user example: {"op": "replace", "value": {"name": {"formatted": "John Doe"}}} (no path). Response 200 OK with the updated user.',
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Apply a path-less replace by merging the value object into the user, and answer 200.',
    requires: ['patch'],
    quirks: ['patch-not-applied', 'path-less-replace-object-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const patched = await scim.patch(
      userPath(user.id),
      datadogPatch({ op: 'replace', value: { name: { formatted: 'John Doe' } } }),
      { headers: DATADOG_ACCEPT },
    );
    await expect(patched).toHaveStatus(200);
    expect(attributeAt(await readUser(scim, user.id), 'name.formatted'), 'name.formatted on GET').toBe(
      'John Doe',
    );
  },
);

check(
  {
    id: 'datadog.users.start-index-one-based',
    title: 'startIndex is 1-based: startIndex=1 returns the first match',
    level: 'MUST',
    rfc: datadogSection('List users'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement: `${LIST_USERS} Filter should be of the form \`userName eq <user name>\`.`,
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Read startIndex as 1-based: startIndex=1 starts at the first result.',
    requires: ['filter'],
    quirks: ['start-index-off-by-one'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const filter = `userName eq "${String(attributeAt(user.body, 'userName'))}"`;
    const first = await scim.get('/Users', { query: { filter, startIndex: 1, count: 10 } });
    await expect(first).toHaveStatus(200);
    // A 0-based reading skips the only match here. What a page past the end holds is pagination.start-index.past-the-end's
    // question: asking it again would count one defect twice.
    expect(listedIds(first), 'startIndex=1 lists the one match').toEqual([user.id]);
    expect(listNumber(first, 'totalResults'), 'totalResults').toBe(1);
  },
);

check(
  {
    id: 'datadog.users.count-limits-page',
    title:
      'count limits the page while totalResults counts every user, and the documented list fields are present',
    level: 'MUST',
    rfc: datadogSection('List users'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement: `${LIST_USERS} Response: schemas (ListResponse), Resources, itemsPerPage, startIndex, totalResults.`,
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Return at most count users per page, itemsPerPage equal to the number returned, and totalResults for all matches.',
    quirks: ['count-ignored', 'total-results-page-size', 'list-schemas-missing'],
  },
  async ({ scim, resources }) => {
    // Two users of this check's own guarantee at least two users on the tenant; others may exist too.
    await resources.createUser();
    await resources.createUser();
    const page = await scim.get('/Users', { query: { startIndex: 1, count: 1 }, headers: DATADOG_ACCEPT });
    await expect(page).toHaveStatus(200);
    expect(page).toMatchScimSchema('ListResponse', { listOf: 'User' });
    expect(listedResources(page).length, 'resources on a count=1 page').toBeLessThanOrEqual(1);
    expect(
      listNumber(page, 'totalResults') ?? 0,
      'totalResults (all users, not the page)',
    ).toBeGreaterThanOrEqual(2);
    expect(listNumber(page, 'itemsPerPage'), 'itemsPerPage').toBe(listedResources(page).length);
    expect(listNumber(page, 'startIndex'), 'startIndex').toBe(1);
  },
);
