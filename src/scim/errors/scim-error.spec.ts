import { expect, test } from '@playwright/test';
import { isScimError, ScimError } from './scim-error.js';
import { SCIM_TYPE_TABLE, SCIM_TYPES } from './scim-types.js';

test('every scimType of RFC 7644 §3.12 and RFC 9865 §2.1 builds an error with its own status', () => {
  expect(SCIM_TYPES).toHaveLength(13);
  for (const scimType of SCIM_TYPES) {
    const error = new ScimError(SCIM_TYPE_TABLE[scimType].status, scimType, 'x');
    expect(error.toBody()).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: String(SCIM_TYPE_TABLE[scimType].status),
      scimType,
      detail: 'x',
    });
  }
});

test('a scimType with the wrong status is refused', () => {
  expect(() => new ScimError(400, 'uniqueness', 'dup')).toThrow(/409/);
  expect(() => new ScimError(409, 'invalidFilter', 'bad')).toThrow(/400/);
});

test('status is a JSON string and the guard narrows by status and scimType', () => {
  const error = ScimError.uniqueness('userName taken');
  expect(typeof error.toBody().status).toBe('string');
  expect(isScimError(error, 409, 'uniqueness')).toBe(true);
  expect(isScimError(error, 400)).toBe(false);
  expect(isScimError(new Error('x'))).toBe(false);
});
