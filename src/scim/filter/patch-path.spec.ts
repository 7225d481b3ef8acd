import { expect, test } from '@playwright/test';
import { isScimError } from '../errors/scim-error.js';
import { parsePatchPath } from './filter-parser.js';
import { stringifyPatchPath } from './filter-stringify.js';
import { PATCH_PATH_CASES } from './patch-path-cases.js';
import { at, cmp } from './test-support/ast-builders.js';

for (const [index, row] of PATCH_PATH_CASES.entries()) {
  if ('parsed' in row) {
    test(`parses path ${JSON.stringify(row.path)} (#${index})`, () => {
      const parsed = parsePatchPath(row.path);
      expect(parsed).toEqual(row.parsed);
      const text = stringifyPatchPath(parsed);
      expect(text).toBe(row.canonical ?? row.path);
      expect(parsePatchPath(text)).toEqual(row.parsed);
    });
  } else {
    test(`refuses path ${JSON.stringify(row.path)} (#${index})`, () => {
      let thrown: unknown;
      try {
        parsePatchPath(row.path);
      } catch (error) {
        thrown = error;
      }
      expect(isScimError(thrown, 400, 'invalidPath')).toBe(true);
      expect((thrown as Error).message).toContain(row.error);
    });
  }
}

test('a sub-attribute after "]" needs a value filter to be written', () => {
  expect(() => stringifyPatchPath({ attrPath: at('emails'), subAttr: 'value' })).toThrow(
    /only when it has a value filter/,
  );
  expect(() =>
    stringifyPatchPath({ attrPath: at('emails'), valueFilter: cmp('type', 'eq', 'x'), subAttr: 'a b' }),
  ).toThrow(/invalid attribute name/);
  expect(() =>
    stringifyPatchPath({ attrPath: at('emails'), valueFilter: cmp('type', 'eq', Number.NaN) }),
  ).toThrow(/not a finite number/);
});
