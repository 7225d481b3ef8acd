import { expect, test } from '@playwright/test';
import { type Finding, formatFindings, hasNoErrors } from './findings.js';

const warning: Finding = {
  path: 'emails[0].type',
  message: 'not canonical',
  rule: 'canonicalValues',
  severity: 'warning',
};
const error: Finding = {
  path: 'active',
  message: 'active must be a boolean',
  rule: 'type',
  severity: 'error',
};

const cases: { name: string; findings: Finding[]; ok: boolean }[] = [
  { name: 'no findings', findings: [], ok: true },
  { name: 'only warnings', findings: [warning], ok: true },
  { name: 'an error among warnings', findings: [warning, error], ok: false },
];

for (const row of cases) {
  test(`hasNoErrors: ${row.name}`, () => {
    expect(hasNoErrors(row.findings)).toBe(row.ok);
  });
}

test('formatFindings writes one line per finding, naming the whole message when the path is empty', () => {
  expect(formatFindings([error, { ...warning, path: '' }])).toBe(
    'error [type] active: active must be a boolean\nwarning [canonicalValues] (message): not canonical',
  );
});
