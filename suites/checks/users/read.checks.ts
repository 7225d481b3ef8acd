import { userPath } from '../../../src/scim/resource-path.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { READ_DEFINED } from '../../support/level-bases.js';
import { attributeAt, bodyOf, valuesOf } from '../../support/resource-reading.js';

check(
  {
    id: 'users.get.returns-user',
    title: 'GET /Users/{id} answers 200 with the user that was created',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.1',
    category: 'users',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement:
      'If the resource exists, the server responds with HTTP status code 200 (OK) and includes the result in the body of the response.',
    levelBasis: READ_DEFINED,
    fix: 'Serve GET /Users/{id} with 200 and the full User representation.',
    quirks: ['schemas-missing', 'meta-missing'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    const read = await scim.get(userPath(created.id));
    await expect(read).toHaveStatus(200);
    expect(read).toMatchScimSchema('User');
    const json = bodyOf(read.response?.json);
    expect(json.id, 'the same id').toBe(created.id);
    // userName is caseExact=false (RFC 7643 §4.1.1): a server may normalise its case.
    expect(String(attributeAt(json, 'userName')).toLowerCase()).toBe(
      String(created.body.userName).toLowerCase(),
    );
  },
);

check(
  {
    id: 'users.get.unknown-id-404',
    title: 'GET of an unknown user id answers 404 with a SCIM Error',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'users',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 404 (Not Found) | GET, POST, PUT, PATCH, DELETE | Specified resource (e.g., User) or endpoint does not exist.',
    fix: 'Answer GET /Users/{id} for an id that does not exist with 404 and a SCIM Error body.',
    quirks: ['error-body-not-scim', 'numeric-error-status'],
  },
  async ({ scim, target }) => {
    const read = await scim.get(userPath(`${target.runId}-no-such-user`));
    await expect(read).toBeScimError(404);
  },
);

check(
  {
    id: 'users.get.scim-content-type',
    title: 'GET /Users/{id} answers with Content-Type application/scim+json',
    level: 'MUST',
    rfc: 'RFC 7644 §3.8',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'Service providers MUST support the "Accept" header "Accept: application/scim+json" and SHOULD support the header "Accept: application/json", both of which specify JSON documents conforming to [RFC7159].',
    fix: 'Label SCIM responses Content-Type: application/scim+json when the client accepts it.',
    quirks: ['content-type-json'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    const read = await scim.get(userPath(created.id), { headers: { accept: 'application/scim+json' } });
    await expect(read).toHaveStatus(200);
    expect(read).toHaveScimContentType();
  },
);

check(
  {
    id: 'users.get.password-not-returned',
    title: 'GET /Users/{id} never returns the password',
    level: 'MUST',
    rfc: 'RFC 7643 §4.1.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'The cleartext value or the hashed value of a password SHALL NOT be returnable by a service provider.',
    fix: 'Never render password (returned "never") in any response, also when attributes=password is asked for.',
    quirks: ['password-returned'],
  },
  async ({ scim, resources, faker }) => {
    const password = `${faker.internet.password({ length: 16 })}aA1!`;
    scim.addSecret(password);
    const created = await resources.createUser({ password });
    const read = await scim.get(userPath(created.id));
    await expect(read).toHaveStatus(200);
    expect(attributeAt(bodyOf(read.response?.json), 'password'), 'password in GET').toBeUndefined();
    // Even asked for by name, a returned="never" attribute stays out (RFC 7643 §7).
    const asked = await scim.get(userPath(created.id), { query: { attributes: 'userName,password' } });
    await expect(asked).toHaveStatus(200);
    expect(
      attributeAt(bodyOf(asked.response?.json), 'password'),
      'password with attributes=password',
    ).toBeUndefined();
  },
);

check(
  {
    id: 'users.list.password-not-returned',
    title: 'A filtered list of users never returns the password',
    level: 'MUST',
    rfc: 'RFC 7643 §4.1.1',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'The cleartext value or the hashed value of a password SHALL NOT be returnable by a service provider.',
    fix: 'Leave password out of every resource in a ListResponse.',
    requires: ['filter'],
    quirks: ['password-returned'],
  },
  async ({ scim, resources, faker }) => {
    const password = `${faker.internet.password({ length: 16 })}aA1!`;
    scim.addSecret(password);
    const created = await resources.createUser({ password });
    const list = await scim.get('/Users', {
      query: { filter: `userName eq "${String(created.body.userName)}"` },
    });
    await expect(list).toHaveStatus(200);
    const found = valuesOf(bodyOf(list.response?.json), 'Resources');
    expect(found.length, 'the filter finds the user').toBeGreaterThan(0);
    for (const resource of found)
      expect(attributeAt(resource, 'password'), 'password in a list').toBeUndefined();
  },
);
