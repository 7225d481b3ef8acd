import { expect, test } from '@playwright/test';
import { isScimError } from '../errors/scim-error.js';
import { applyPatch, parsePatchRequest } from './index.js';
import { ENTRA_CASES } from './patch-cases-entra.js';
import { ERROR_CASES } from './patch-cases-errors.js';
import { RFC_EXAMPLE_CASES } from './patch-cases-rfc.js';
import { SEMANTICS_CASES } from './patch-cases-semantics.js';
import { type PatchCase, requestBody } from './test-support/patch-case.js';
import { GROUP_OPTIONS, USER_OPTIONS } from './test-support/test-schemas.js';

const TABLES: [string, PatchCase[]][] = [
  ['RFC 7644 example', RFC_EXAMPLE_CASES],
  ['rule', SEMANTICS_CASES],
  ['Entra', ENTRA_CASES],
  ['error', ERROR_CASES],
];

/** Parses and applies a row's request; the error, if any, is returned instead of thrown. */
function run(row: PatchCase) {
  const options = row.resourceType === 'User' ? USER_OPTIONS : GROUP_OPTIONS;
  try {
    return { result: applyPatch(row.before, parsePatchRequest(requestBody(row)), options) };
  } catch (error) {
    return { error };
  }
}

for (const [table, rows] of TABLES) {
  for (const row of rows) {
    test(`${table}: ${row.name}`, () => {
      const snapshot = structuredClone(row.before);
      const outcome = run(row);
      // Pure and atomic: whatever happened, the input is as it was.
      expect(row.before).toStrictEqual(snapshot);
      if (row.error !== undefined) {
        expect(outcome.error, 'the request must fail').toBeDefined();
        const error = outcome.error;
        expect(
          isScimError(error) ? { status: error.status, scimType: error.scimType } : String(error),
        ).toEqual(row.error);
        return;
      }
      if (outcome.error !== undefined) throw outcome.error;
      const { result } = outcome;
      expect(result?.resource).toEqual(row.after);
      expect(result?.resource).not.toBe(row.before);
      expect(result?.notes.map((note) => note.kind)).toEqual(row.notes ?? []);
      const differs = JSON.stringify(row.before) !== JSON.stringify(result?.resource);
      expect(result?.changed).toBe(differs);
    });
  }
}
