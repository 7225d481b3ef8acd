import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { isScimError } from '../errors/scim-error.js';
import type { AttrPath, CompareOperator, Filter, FilterValue, PatchPath } from './ast.js';
import { parseAttrPath } from './attr-path.js';
import { FILTER_CASES } from './filter-cases.js';
import { matchesFilter } from './filter-evaluator.js';
import { parseFilter, parsePatchPath } from './filter-parser.js';
import { stringifyFilter, stringifyPatchPath } from './filter-stringify.js';
import { CORE_USER, ENTERPRISE_USER } from './test-support/ast-builders.js';
import { BJENSEN } from './test-support/rfc7643-users.js';

/** Fixed seed: a failure replays exactly; the run count keeps the suite fast. */
const RUN = { seed: 7644, numRuns: 400 } as const;

const keyword = fc.constantFrom('and', 'or', 'not', 'pr', 'eq', 'true', 'null', 'AND', 'Not');
const name = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/) },
  { weight: 1, arbitrary: keyword },
  { weight: 1, arbitrary: fc.constantFrom('$ref', '$Ref') },
);
const uri = fc.constantFrom(CORE_USER, ENTERPRISE_USER, 'urn:acme:scim:2.0:Widget');

const attrPath: fc.Arbitrary<AttrPath> = fc
  .record({
    attr: name,
    subAttr: fc.option(name, { nil: undefined }),
    uri: fc.option(uri, { nil: undefined }),
  })
  .map(({ attr, subAttr, uri: schema }) => {
    const path: AttrPath = { attr };
    if (subAttr !== undefined) path.subAttr = subAttr;
    if (schema !== undefined) path.uri = schema;
    return path;
  });
const simplePath: fc.Arbitrary<AttrPath> = attrPath.map(({ attr }) => ({ attr }));

const number = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
);
const string = fc.string({ unit: 'binary', maxLength: 12 });

/** A comparison the parser accepts: ordering needs a string or number, co/sw/ew a string. */
const comparison = (path: fc.Arbitrary<AttrPath>): fc.Arbitrary<Filter> =>
  fc
    .oneof(
      fc.record({
        path,
        op: fc.constantFrom<CompareOperator>('eq', 'ne'),
        value: fc.oneof<fc.Arbitrary<FilterValue>[]>(string, number, fc.boolean(), fc.constant(null)),
      }),
      fc.record({
        path,
        op: fc.constantFrom<CompareOperator>('gt', 'ge', 'lt', 'le'),
        value: fc.oneof(string, number),
      }),
      fc.record({ path, op: fc.constantFrom<CompareOperator>('co', 'sw', 'ew'), value: string }),
    )
    .map((node) => ({ kind: 'compare', ...node }) as Filter);

function filterTree(path: fc.Arbitrary<AttrPath>, withValuePaths: boolean): fc.Arbitrary<Filter> {
  return fc.letrec<{ node: Filter }>((tie) => {
    const leaves: fc.Arbitrary<Filter>[] = [
      comparison(path),
      path.map((p): Filter => ({ kind: 'present', path: p })),
    ];
    if (withValuePaths) {
      leaves.push(
        fc
          .record({
            path: attrPath.map(({ attr, uri: schema }) => (schema ? { attr, uri: schema } : { attr })),
            filter: filterTree(simplePath, false),
          })
          .map(({ path: p, filter }): Filter => ({ kind: 'valuePath', path: p, filter })),
      );
    }
    return {
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        ...leaves,
        fc
          .record({ left: tie('node'), right: tie('node') })
          .map(({ left, right }): Filter => ({ kind: 'and', left, right })),
        fc
          .record({ left: tie('node'), right: tie('node') })
          .map(({ left, right }): Filter => ({ kind: 'or', left, right })),
        tie('node').map((filter): Filter => ({ kind: 'not', filter })),
      ),
    };
  }).node;
}

const filterArbitrary = filterTree(attrPath, true);

test('parse(stringify(ast)) gives the ast back, and stringify is stable', () => {
  fc.assert(
    fc.property(filterArbitrary, (ast) => {
      const text = stringifyFilter(ast);
      const reparsed = parseFilter(text);
      expect(reparsed).toEqual(ast);
      expect(stringifyFilter(reparsed)).toBe(text);
    }),
    RUN,
  );
});

test('PATCH paths round-trip the same way', () => {
  const patchPath: fc.Arbitrary<PatchPath> = fc
    .record({
      attrPath: attrPath.map(({ attr, uri: schema }) => (schema ? { attr, uri: schema } : { attr })),
      valueFilter: filterTree(simplePath, false),
      subAttr: fc.option(name, { nil: undefined }),
    })
    .map(({ attrPath: path, valueFilter, subAttr }) =>
      subAttr === undefined ? { attrPath: path, valueFilter } : { attrPath: path, valueFilter, subAttr },
    );
  fc.assert(
    fc.property(
      fc.oneof(
        patchPath,
        attrPath.map((path) => ({ attrPath: path })),
      ),
      (path) => {
        const text = stringifyPatchPath(path);
        expect(parsePatchPath(text)).toEqual(path);
      },
    ),
    RUN,
  );
});

/** Fragments filters are made of, so random input reaches deep into the grammar. */
const fragment = fc.oneof(
  fc.constantFrom(
    ' ',
    '(',
    ')',
    '[',
    ']',
    '.',
    '"',
    '\\',
    '\\u',
    'and',
    'or',
    'not',
    'pr',
    'eq',
    'gt',
    'co',
    'true',
    'null',
    '-1.5e3',
    'userName',
    'emails',
    'urn:ietf:params:scim:schemas:core:2.0:User:',
    ':',
    '$ref',
    "'",
  ),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const noisyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join('')),
  fc
    .tuple(
      fc.constantFrom(...FILTER_CASES.map((row) => row.filter).filter((text) => text.length < 200)),
      fc.nat(),
      fc.nat(),
      fragment,
    )
    .map(([text, at, length, insert]) => {
      const start = at % (text.length + 1);
      return text.slice(0, start) + insert + text.slice(start + (length % 4));
    }),
);

function onlyScimErrors(parse: (text: string) => unknown, scimType: 'invalidFilter' | 'invalidPath') {
  fc.assert(
    fc.property(noisyText, (text) => {
      try {
        parse(text);
      } catch (error) {
        if (!isScimError(error, 400, scimType)) throw error;
      }
    }),
    { ...RUN, numRuns: 3000 },
  );
}

test('random text parses to a filter or throws invalidFilter, never anything else', () => {
  onlyScimErrors(parseFilter, 'invalidFilter');
});

test('random text parses to a PATCH path or throws invalidPath', () => {
  onlyScimErrors(parsePatchPath, 'invalidPath');
});

test('random text parses to an attribute path or throws invalidPath', () => {
  onlyScimErrors(parseAttrPath, 'invalidPath');
});

test('evaluating any filter on any JSON value without a resolver returns a boolean', () => {
  const resource = fc.oneof(fc.constant(BJENSEN as unknown), fc.jsonValue());
  fc.assert(
    fc.property(filterArbitrary, resource, (filter, value) => {
      expect(typeof matchesFilter(value, filter, { defaultSchema: CORE_USER })).toBe('boolean');
    }),
    RUN,
  );
});

test('not (f) is the complement of f on the RFC 7643 user', () => {
  fc.assert(
    fc.property(filterArbitrary, (filter) => {
      expect(matchesFilter(BJENSEN, { kind: 'not', filter })).toBe(!matchesFilter(BJENSEN, filter));
    }),
    RUN,
  );
});
