import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { isScimError } from '../errors/scim-error.js';
import { SCHEMA_URNS } from '../urns.js';
import { applyPatch, parsePatchRequest } from './index.js';
import { BABS, TOUR_GUIDES } from './test-support/patch-fixtures.js';
import { GROUP_OPTIONS, USER_OPTIONS } from './test-support/test-schemas.js';

const PATHS = [
  undefined,
  'userName',
  'name',
  'name.givenName',
  'emails',
  'emails[type eq "work"]',
  'emails[type eq "work"].value',
  'emails[value pr].primary',
  'addresses[type eq "home"].streetAddress',
  'groups',
  'id',
  'meta.created',
  'members',
  'members[value eq "x"]',
  `${SCHEMA_URNS.EnterpriseUser}:manager`,
  `${SCHEMA_URNS.EnterpriseUser}:manager.value`,
  SCHEMA_URNS.EnterpriseUser,
  'unknown',
  'emails[',
  'name[givenName eq "x"]',
  '',
];

const operation = fc.record(
  {
    op: fc.constantFrom('add', 'remove', 'replace', 'Add', 'Replace', 'Remove', 'copy', 42),
    path: fc.constantFrom(...PATHS),
    value: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: ['op'] },
);

test('any request either applies or fails with a ScimError, and never touches its input', () => {
  fc.assert(
    fc.property(fc.array(operation, { minLength: 1, maxLength: 4 }), fc.boolean(), (operations, isUser) => {
      const before = isUser ? BABS : TOUR_GUIDES;
      const snapshot = structuredClone(before);
      try {
        const result = applyPatch(
          before,
          parsePatchRequest({ schemas: [SCHEMA_URNS.PatchOp], Operations: operations }),
          isUser ? USER_OPTIONS : GROUP_OPTIONS,
        );
        expect(Array.isArray(result.resource.schemas)).toBe(true);
      } catch (error) {
        if (!isScimError(error)) throw error;
        expect(error.status).toBe(400);
      }
      expect(before).toStrictEqual(snapshot);
    }),
    { seed: 7644, numRuns: 500 },
  );
});
