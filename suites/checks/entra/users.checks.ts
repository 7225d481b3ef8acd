/**
 * The user lifecycle as Entra drives it: the matching query, the create with the tutorial's body, the headers Entra
 * sends, and the DELETE after a hard delete in Entra.
 */
import type { Faker } from '@faker-js/faker';
import { userPath } from '../../../src/scim/resource-path.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { expectExactly } from '../../support/list-response.js';
import { answered } from '../../support/matchers.js';
import { patchUser } from '../../support/patch-helpers.js';
import { attributeAt, bodyOf } from '../../support/resource-reading.js';
import { idOf } from '../../support/user-personas.js';
import {
  ENTRA_CONTENT_TYPE,
  ENTRA_DOCS,
  type EntraUserValues,
  entraCreateUserBody,
  entraLookup,
  entraPatch,
} from './entra-shapes.js';

function entraUserValues(userName: string, faker: Faker): EntraUserValues {
  return {
    userName,
    externalId: `${userName.split('@')[0] ?? userName}-Nick`,
    email: userName,
    givenName: faker.person.firstName(),
    familyName: faker.person.lastName(),
  };
}

check(
  {
    id: 'entra.users.create-returns-201',
    title: "Creating a user with the tutorial's request body answers 201 Created",
    level: 'MUST',
    rfc: `${ENTRA_DOCS.tutorial}: Create User; RFC 7644 §3.3`,
    category: 'entra',
    profiles: ['entra'],
    requirement:
      'Create User. Request: POST /Users … Response: HTTP/1.1 201 Created (the SCIM Validator reports a 200 as a failed "Create a new User" test). (RFC 7644 §3.3: "When the service provider successfully creates the new resource, an HTTP response SHALL be returned with HTTP status code 201 (Created).")',
    fix: 'Accept the body Entra sends (meta.resourceType, an empty roles list, the enterprise URN in schemas) and answer 201 with the created user.',
    quirks: ['create-returns-200'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const values = entraUserValues(resources.userName(), faker);
    const created = await scim.post(
      '/Users',
      entraCreateUserBody(values, capabilities.claims.enterpriseUser),
    );
    const id = idOf(created.response?.json);
    if (id !== undefined) resources.track('/Users', id, values.userName);
    await expect(created).toHaveStatus(201);
    expect(id, 'the created user has an id').toBeTruthy();
    // userName is caseExact=false (RFC 7643 §4.1.1): a target may normalise its case.
    const userName = String(attributeAt(bodyOf(answered(created).json), 'userName'));
    expect(userName.toLowerCase(), 'userName').toBe(values.userName.toLowerCase());
  },
);

check(
  {
    id: 'entra.users.matching-query-finds-user',
    title: 'The matching query, encoded as Entra sends it, finds exactly the user it names',
    level: 'MUST',
    rfc: 'Entra: How provisioning works, matching',
    category: 'entra',
    profiles: ['entra'],
    requirement:
      'When a user is assigned or in scope for provisioning, the service queries the target system for a matching user using the specified matching attributes.',
    levelBasis:
      'Microsoft describes matching without RFC 2119 keywords; a query that misses the user makes Entra create a duplicate, and one that returns others makes it update the wrong user or fail with multiple entries, so the entra profile grades it MUST.',
    fix: 'Evaluate filter=userName+eq+%22<value>%22 ("+" is a space) and return only the matching user, so Entra updates it instead of creating a duplicate.',
    requires: ['filter'],
    quirks: ['filter-ignored', 'query-plus-not-decoded'],
  },
  async ({ scim, resources }) => {
    const wanted = await resources.createUser();
    const other = await resources.createUser();
    const userName = String(attributeAt(wanted.body, 'userName'));
    const answer = await entraLookup(
      scim,
      '/Users',
      'userName',
      userName,
      'the matching query `userName eq`',
    );
    await expectExactly(
      answer,
      [wanted.id],
      new Map([
        [wanted.id, 'matched user'],
        [other.id, 'other user'],
      ]),
    );
  },
);

check(
  {
    id: 'entra.users.charset-content-type-accepted',
    title: 'Requests labelled "application/scim+json; charset=utf-8", as Entra sends them, are accepted',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.tutorial}: Create User (Content-Type on the wire)`,
    category: 'entra',
    profiles: ['entra'],
    requirement:
      'Content-type: application/scim+json (tutorial requests); the header arrives as "Content-Type: application/scim+json; charset=utf-8" (MicrosoftDocs/azure-docs#12728, SCIM Validator requests).',
    levelBasis:
      "Microsoft shows the Content-Type Entra's requests carry, without RFC 2119 keywords; a target that refuses the charset parameter answers every Entra write with an error, so the entra profile grades it MUST.",
    fix: 'Compare only the media type of the request Content-Type and ignore its parameters (charset=utf-8).',
    quirks: ['media-type-parameters-rejected'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const headers = { 'content-type': ENTRA_CONTENT_TYPE };
    const values = entraUserValues(resources.userName(), faker);
    const created = await scim.post(
      '/Users',
      entraCreateUserBody(values, capabilities.claims.enterpriseUser),
      { headers },
    );
    const id = idOf(created.response?.json);
    if (id !== undefined) resources.track('/Users', id, values.userName);
    await expect(created, 'POST /Users').toHaveStatus(200, 201);
    if (id === undefined || !capabilities.claims.patch) return;
    const patched = await scim.patch(
      userPath(id),
      entraPatch({ op: 'replace', path: 'name.familyName', value: 'Pkqf' }),
      { headers },
    );
    await expect(patched, 'PATCH /Users/{id}').toHaveStatus(200, 204);
  },
);

check(
  {
    id: 'entra.users.delete-returns-204',
    title: 'DELETE of a user answers 204 No Content, and the user is gone',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.tutorial}: Delete User; RFC 7644 §3.6`,
    category: 'entra',
    profiles: ['entra'],
    requirement:
      'Delete User. Request: DELETE /Users/5171a35d82074e068ce2 HTTP/1.1 … Response: HTTP/1.1 204 No Content (RFC 7644 §3.6: "In response to a successful DELETE, the server SHALL return a successful HTTP status code 204 (No Content).")',
    fix: 'Answer a successful DELETE with 204 and no body; a later GET of the id answers 404.',
    quirks: ['delete-returns-200', 'soft-delete-does-not-delete'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const deleted = await scim.delete(userPath(user.id));
    if (answered(deleted).status < 300) resources.forget('/Users', user.id);
    await expect(deleted).toHaveStatus(204);
    await expect(await scim.get(userPath(user.id)), 'GET after DELETE').toHaveStatus(404);
  },
);

check(
  {
    id: 'entra.users.update-user-name',
    title: "Entra's single-valued Replace of userName is applied",
    level: 'MUST',
    rfc: `${ENTRA_DOCS.tutorial}: Update User [Single-valued properties]`,
    category: 'entra',
    profiles: ['entra'],
    clients: ['entra-legacy'],
    requirement:
      'Update User [Single-valued properties]. Request: PATCH /Users/5171a35d82074e068ce2 {"op": "Replace", "path": "userName", "value": "…"} Response: HTTP/1.1 200 OK, body is the full user with the new userName.',
    levelBasis:
      "Microsoft's tutorial shows the request and answer, without RFC 2119 keywords; a target that refuses or drops a userName Replace leaves the user under its old name (and unmatched by Entra's next query), so the entra profile grades it MUST.",
    fix: 'Apply a "Replace" of userName (op names are case-insensitive) and keep the user findable under its new userName.',
    requires: ['patch'],
    quirks: ['patch-capitalised-ops-rejected', 'patch-not-applied'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const renamed = resources.userName();
    const { after } = await patchUser(scim, user.id, { op: 'Replace', path: 'userName', value: renamed });
    expect(String(attributeAt(after, 'userName')).toLowerCase()).toBe(renamed.toLowerCase());
  },
);
