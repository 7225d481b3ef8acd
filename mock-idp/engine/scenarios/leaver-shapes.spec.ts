import { expect, test } from '@playwright/test';
import { LEAVER_SHAPES, type LeaverShapeName } from '../../../src/run-contract/index.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import {
  deactivationRequest,
  describeLeaverRequest,
  type LeaverRequest,
  putWithActive,
  reactivationRequest,
} from './leaver-shapes.js';

const ID = 'a b/1';
const PATH = '/Users/a%20b%2F1';
const PATCH_OP = SCHEMA_URNS.PatchOp;
const USER = {
  schemas: [SCHEMA_URNS.User],
  id: ID,
  userName: 'jo@example.com',
  Active: true,
  meta: { resourceType: 'User' },
};

// [shape, deactivation, reactivation, as the matrix shows the deactivation]: the golden requests.
const GOLDEN: [LeaverShapeName, LeaverRequest, LeaverRequest | undefined, string][] = [
  [
    'entra-legacy',
    {
      method: 'PATCH',
      path: PATH,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
      headers: { 'Content-Type': 'application/scim+json; charset=utf-8' },
    },
    {
      method: 'PATCH',
      path: PATH,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'True' }] },
      headers: { 'Content-Type': 'application/scim+json; charset=utf-8' },
    },
    'PATCH /Users/{id} [{"op":"Replace","path":"active","value":"False"}]',
  ],
  [
    'entra-compliant',
    {
      method: 'PATCH',
      path: PATH,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] },
      headers: { 'Content-Type': 'application/scim+json; charset=utf-8' },
    },
    {
      method: 'PATCH',
      path: PATH,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: true }] },
      headers: { 'Content-Type': 'application/scim+json; charset=utf-8' },
    },
    'PATCH /Users/{id} [{"op":"replace","path":"active","value":false}]',
  ],
  [
    'okta-path-less',
    {
      method: 'PATCH',
      path: PATH,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
      headers: {},
    },
    {
      method: 'PATCH',
      path: PATH,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] },
      headers: {},
    },
    'PATCH /Users/{id} [{"op":"replace","value":{"active":false}}]',
  ],
  [
    'full-put',
    {
      method: 'PUT',
      path: PATH,
      body: {
        schemas: [SCHEMA_URNS.User],
        id: ID,
        userName: 'jo@example.com',
        meta: { resourceType: 'User' },
        active: false,
      },
      headers: {},
    },
    {
      method: 'PUT',
      path: PATH,
      body: {
        schemas: [SCHEMA_URNS.User],
        id: ID,
        userName: 'jo@example.com',
        meta: { resourceType: 'User' },
        active: true,
      },
      headers: {},
    },
    'PUT /Users/{id} (the whole user as read, "active": false)',
  ],
  ['delete', { method: 'DELETE', path: PATH, headers: {} }, undefined, 'DELETE /Users/{id}'],
];

test('every shape has a golden request', () => {
  expect(GOLDEN.map(([shape]) => shape)).toEqual([...LEAVER_SHAPES]);
});

for (const [shape, deactivation, reactivation, shown] of GOLDEN) {
  test(`${shape}: the deactivation and reactivation requests`, () => {
    expect(deactivationRequest(shape, ID, USER)).toEqual(deactivation);
    expect(reactivationRequest(shape, ID, USER)).toEqual(reactivation);
    expect(describeLeaverRequest(deactivationRequest(shape, ID, USER), ID)).toBe(shown);
    // Okta publishes its deactivation with Content-Length: 118, the length of this body as compact JSON.
    if (shape === 'okta-path-less') expect(JSON.stringify(deactivation.body).length).toBe(118);
  });
}

test('putWithActive replaces an `active` in any case, and keeps the rest as read', () => {
  expect(putWithActive({ ACTIVE: true, userName: 'x' }, false)).toEqual({ userName: 'x', active: false });
});

test('no request carries an Authorization header: the client adds the real one', () => {
  for (const shape of LEAVER_SHAPES) {
    for (const request of [deactivationRequest(shape, ID, USER), reactivationRequest(shape, ID, USER)]) {
      expect(Object.keys(request?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('authorization');
    }
  }
});
