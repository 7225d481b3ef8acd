import { expect, test } from '@playwright/test';
import { isScimError } from '../errors/scim-error.js';
import { FILTER_CASES, RFC_7644_EXAMPLES } from './filter-cases.js';
import { matchesFilter } from './filter-evaluator.js';
import { MAX_FILTER_LENGTH } from './filter-limits.js';
import { parseFilter } from './filter-parser.js';
import { stringifyFilter } from './filter-stringify.js';

function label(text: string): string {
  const oneLine = JSON.stringify(text);
  return oneLine.length > 90 ? `${oneLine.slice(0, 87)}…` : oneLine;
}

test('the RFC 7644 §3.4.2.2 example table is complete', () => {
  // RFC 7644 §3.4.2.2 prints 17 example filters; §3.4.3 adds one.
  expect(RFC_7644_EXAMPLES).toHaveLength(18);
});

for (const [index, row] of FILTER_CASES.entries()) {
  if ('ast' in row) {
    test(`parses ${label(row.filter)} (#${index})`, () => {
      const filter = parseFilter(row.filter);
      expect(filter).toEqual(row.ast);
      const text = stringifyFilter(filter);
      expect(text).toBe(row.canonical ?? row.filter);
      expect(parseFilter(text)).toEqual(row.ast);
    });
  } else {
    test(`refuses ${label(row.filter)} (#${index})`, () => {
      let thrown: unknown;
      try {
        parseFilter(row.filter);
      } catch (error) {
        thrown = error;
      }
      expect(isScimError(thrown, 400, 'invalidFilter')).toBe(true);
      expect((thrown as Error).message).toContain(row.error);
    });
  }
}

test('a non-string filter is an invalidFilter, not a crash', () => {
  for (const input of [undefined, null, 42, {}, ['a pr']]) {
    expect(() => parseFilter(input as unknown as string)).toThrow(/filter must be a string/);
  }
});

test('the longest accepted and/or chain parses, evaluates and round-trips without exhausting the stack', () => {
  const terms: string[] = [];
  let length = -' or '.length;
  for (let i = 0; length + ' or b eq "x"'.length <= MAX_FILTER_LENGTH; i++) {
    const term = i % 2 ? 'a pr' : 'b eq "x"';
    terms.push(term);
    length += ' or '.length + term.length;
  }
  const text = terms.join(' or ');
  expect(text.length).toBeLessThanOrEqual(MAX_FILTER_LENGTH);
  const filter = parseFilter(text);
  expect(stringifyFilter(filter)).toBe(text);
  expect(matchesFilter({ b: 'X' }, filter)).toBe(true);
  expect(matchesFilter({ c: 1 }, filter)).toBe(false);
});
