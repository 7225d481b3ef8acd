import { expect, test } from '@playwright/test';
import { etagMatches, formatEtag } from './etag.js';

test('formatEtag makes a weak tag', () => {
  expect(formatEtag(3)).toBe('W/"3"');
});

const cases: { header: string; version: number; matches: boolean }[] = [
  { header: 'W/"3"', version: 3, matches: true },
  { header: '"3"', version: 3, matches: true },
  { header: '*', version: 9, matches: true },
  { header: 'W/"2", W/"3"', version: 3, matches: true },
  { header: 'W/"2"', version: 3, matches: false },
  { header: 'W/"33"', version: 3, matches: false },
  { header: '3', version: 3, matches: false },
  { header: '', version: 3, matches: false },
];
for (const row of cases) {
  test(`etagMatches(${JSON.stringify(row.header)}, ${row.version}) is ${row.matches}`, () => {
    expect(etagMatches(row.header, row.version)).toBe(row.matches);
  });
}
