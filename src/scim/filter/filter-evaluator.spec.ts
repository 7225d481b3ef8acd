import { expect, test } from '@playwright/test';
import { isScimError } from '../errors/scim-error.js';
import type { Filter } from './ast.js';
import { EVALUATION_CASES, EVALUATION_FIXTURES } from './evaluation-cases.js';
import { matchesFilter } from './filter-evaluator.js';
import { parseFilter } from './filter-parser.js';
import { validateFilter } from './filter-validation.js';
import { createSchemaResolver } from './schema-resolver.js';
import { at, CORE_USER } from './test-support/ast-builders.js';
import { COMMON_ATTRIBUTES, ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from './test-support/user-schema.js';

const resolve = createSchemaResolver([USER_SCHEMA, ENTERPRISE_USER_SCHEMA], {
  commonAttributes: COMMON_ATTRIBUTES,
});

for (const row of EVALUATION_CASES) {
  const mode = row.schema === false ? 'no schema' : 'schema';
  test(`${row.filter} on ${row.on} (${mode})`, () => {
    const filter = parseFilter(row.filter);
    const options =
      row.schema === false ? { defaultSchema: CORE_USER } : { resolve, defaultSchema: CORE_USER };
    const evaluate = () => matchesFilter(EVALUATION_FIXTURES[row.on], filter, options);
    if (typeof row.expected === 'boolean') {
      expect(evaluate(), row.why).toBe(row.expected);
      if (row.schema !== false) validateFilter(filter, resolve);
      return;
    }
    let thrown: unknown;
    try {
      evaluate();
    } catch (error) {
      thrown = error;
    }
    expect(isScimError(thrown, 400, 'invalidFilter')).toBe(true);
    expect((thrown as Error).message).toContain(row.expected.error);
    // The same fault is found before any resource is read.
    expect(() => validateFilter(filter, resolve)).toThrow(row.expected.error);
  });
}

test('validateFilter reports unknown attributes only when asked', () => {
  const filter = parseFilter('userName pr and emails[nosuch eq "x"]');
  expect(() => validateFilter(filter, resolve)).not.toThrow();
  expect(() => validateFilter(filter, resolve, { rejectUnknownAttributes: true })).toThrow(
    'unknown attribute "nosuch"',
  );
  expect(() =>
    validateFilter(parseFilter('nope[type eq "x"]'), resolve, { rejectUnknownAttributes: true }),
  ).toThrow('unknown attribute "nope"');
});

test('inside a value path the element is matched with the parent set, as PATCH does', () => {
  const filter = parseFilter('type eq "WORK" and primary eq true');
  const element = EVALUATION_FIXTURES.bjensen.emails[0];
  expect(matchesFilter(element, filter, { resolve, parent: at('emails') })).toBe(true);
  expect(
    matchesFilter(EVALUATION_FIXTURES.bjensen.emails[1], filter, { resolve, parent: at('emails') }),
  ).toBe(false);
});

test('the resolver is asked with the parent path inside a value path', () => {
  const calls: string[] = [];
  const filter = parseFilter('emails[type eq "home"] and name.familyName eq "Jensen"');
  matchesFilter(EVALUATION_FIXTURES.bjensen, filter, {
    resolve: (path, parent) => {
      calls.push(`${parent?.attr ?? '-'}/${path.attr}/${path.subAttr ?? '-'}`);
      return undefined;
    },
  });
  expect(calls).toEqual(['emails/type/-', 'emails/type/-', '-/name/familyName']);
});

test('values that are not resources never match and never throw', () => {
  const filter = parseFilter('userName eq "x" or emails[type eq "work"] or title pr or age gt 1');
  for (const value of [null, undefined, 42, 'userName', [], [{ userName: 'x' }], true]) {
    expect(matchesFilter(value, filter)).toBe(false);
  }
});

test('an unknown node kind is an invalidFilter, not a crash', () => {
  const bogus = { kind: 'xor' } as unknown as Filter;
  expect(() => matchesFilter({}, bogus)).toThrow(/unknown filter node/);
});
