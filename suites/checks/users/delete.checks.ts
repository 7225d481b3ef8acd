import type { ScimClient } from '../../../src/http/index.js';
import { userPath } from '../../../src/scim/resource-path.js';
import { check } from '../../support/check.js';
import { expect, test } from '../../support/fixtures.js';
import { patchOp } from '../../support/patch-helpers.js';
import type { CreatedResource, ResourceFactory } from '../../support/resource-factory.js';
import { bodyOf, valuesOf } from '../../support/resource-reading.js';

const DELETED_IS_GONE =
  'Service providers MAY choose not to permanently delete the resource but MUST return a 404 (Not Found) error code for all operations associated with the previously deleted resource.';

/** Creates a user and deletes it; the DELETE must succeed (any 2xx: its exact status is another check's verdict). */
async function createdThenDeleted(scim: ScimClient, resources: ResourceFactory): Promise<CreatedResource> {
  return test.step(
    'create a user, then DELETE it',
    async () => {
      const created = await resources.createUser();
      const deleted = await scim.delete(userPath(created.id));
      if (deleted.response && deleted.response.status < 300) resources.forget('/Users', created.id);
      await expect(deleted, 'the DELETE succeeds').toHaveStatus(200, 202, 204);
      return created;
    },
    { box: true },
  );
}

check(
  {
    id: 'users.delete.returns-204',
    title: 'DELETE /Users/{id} answers 204 No Content',
    level: 'MUST',
    rfc: 'RFC 7644 §3.6',
    category: 'users',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'In response to a successful DELETE, the server SHALL return a successful HTTP status code 204 (No Content).',
    fix: 'Answer a successful DELETE with 204 and no body.',
    quirks: ['delete-returns-200'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    const deleted = await scim.delete(userPath(created.id));
    if (deleted.response && deleted.response.status < 300) resources.forget('/Users', created.id);
    await expect(deleted).toHaveStatus(204);
  },
);

check(
  {
    id: 'users.delete.then-get-404',
    title: 'GET of a deleted user answers 404',
    level: 'MUST',
    rfc: 'RFC 7644 §3.6',
    category: 'users',
    profiles: ['rfc7644', 'entra', 'datadog'],
    requirement: DELETED_IS_GONE,
    fix: 'After a DELETE, answer every request for that id with 404, even if the record is kept internally.',
    quirks: ['soft-delete-does-not-delete'],
  },
  async ({ scim, resources }) => {
    const created = await createdThenDeleted(scim, resources);
    await expect(await scim.get(userPath(created.id))).toHaveStatus(404);
  },
);

check(
  {
    id: 'users.delete.twice-404',
    title: 'Deleting the same user twice answers 404 the second time',
    level: 'MUST',
    rfc: 'RFC 7644 §3.6',
    category: 'users',
    profiles: ['rfc7644', 'entra'],
    requirement: DELETED_IS_GONE,
    fix: 'Answer DELETE of an already deleted id with 404.',
    quirks: ['soft-delete-does-not-delete'],
  },
  async ({ scim, resources }) => {
    const created = await createdThenDeleted(scim, resources);
    await expect(await scim.delete(userPath(created.id))).toHaveStatus(404);
  },
);

check(
  {
    id: 'users.delete.writes-404',
    title: 'PUT (and PATCH, when supported) of a deleted user answer 404',
    level: 'MUST',
    rfc: 'RFC 7644 §3.6',
    category: 'users',
    profiles: ['rfc7644'],
    requirement: DELETED_IS_GONE,
    fix: 'After a DELETE, refuse PUT and PATCH of that id with 404 instead of updating or resurrecting it.',
    quirks: ['soft-delete-does-not-delete'],
  },
  async ({ scim, resources, capabilities }) => {
    const created = await createdThenDeleted(scim, resources);
    const { id: _id, meta: _meta, ...body } = created.body;
    const put = await scim.put(userPath(created.id), body);
    if (put.response && put.response.status < 300)
      resources.track('/Users', created.id, String(body.userName));
    await expect(put, 'PUT of a deleted user').toHaveStatus(404);
    if (capabilities.claims.patch) {
      const patch = await scim.patch(
        userPath(created.id),
        patchOp({ op: 'replace', path: 'displayName', value: 'X' }),
      );
      await expect(patch, 'PATCH of a deleted user').toHaveStatus(404);
    }
  },
);

check(
  {
    id: 'users.delete.omitted-from-query',
    title: 'A deleted user no longer appears in filter results',
    level: 'MUST',
    rfc: 'RFC 7644 §3.6',
    category: 'users',
    profiles: ['rfc7644', 'entra'],
    requirement: 'Service providers MUST omit the resource from future query results.',
    fix: 'Leave deleted users out of every list and filter result.',
    requires: ['filter'],
    quirks: ['soft-delete-does-not-delete'],
  },
  async ({ scim, resources }) => {
    const created = await createdThenDeleted(scim, resources);
    const list = await scim.get('/Users', {
      query: { filter: `userName eq "${String(created.body.userName)}"` },
    });
    await expect(list).toHaveStatus(200);
    const ids = valuesOf(bodyOf(list.response?.json), 'Resources').map((r) => r.id);
    expect(ids, 'the deleted user is not in the result').not.toContain(created.id);
  },
);

check(
  {
    id: 'users.delete.username-reusable',
    title: "A deleted user's userName can be used again",
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.6',
    category: 'users',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'For example, if a User resource is deleted, a CREATE request for a User resource with the same userName as the previously deleted resource SHOULD NOT fail with a 409 error due to userName conflict.',
    fix: 'Leave deleted users out of the uniqueness check.',
    quirks: ['soft-delete-does-not-delete'],
  },
  async ({ scim, resources }) => {
    const created = await createdThenDeleted(scim, resources);
    const body = resources.userBody({ userName: created.body.userName });
    const again = await scim.post('/Users', body);
    const json = bodyOf(again.response?.json);
    if (typeof json.id === 'string') resources.track('/Users', json.id, String(body.userName));
    await expect(again, 'creating the same userName again').toHaveStatus(201, 200);
  },
);

check(
  {
    id: 'users.delete.unknown-id-404',
    title: 'DELETE of an unknown user id answers 404 with a SCIM Error',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'users',
    profiles: ['rfc7644'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 404 (Not Found) | GET, POST, PUT, PATCH, DELETE | Specified resource (e.g., User) or endpoint does not exist.',
    fix: 'Answer DELETE of an id that does not exist with 404 and a SCIM Error body.',
    quirks: ['error-body-not-scim', 'numeric-error-status'],
  },
  async ({ scim, target }) => {
    await expect(await scim.delete(userPath(`${target.runId}-no-such-user`))).toBeScimError(404);
  },
);
