import { expect, test } from '@playwright/test';
import { compareStatuses, statusesOf } from './remote-run-verdicts.js';

const conformance = (checks: [string, string][], verdicts: Record<string, string>) => ({
  checks: checks.map(([id, status]) => ({ id, status })),
  summary: { verdicts },
});

test('the same statuses and verdicts compare equal', () => {
  const a = statusesOf(
    conformance(
      [
        ['a', 'passed'],
        ['b', 'skipped'],
      ],
      { rfc7644: 'pass' },
    ),
  );
  const b = statusesOf(
    conformance(
      [
        ['b', 'skipped'],
        ['a', 'passed'],
      ],
      { rfc7644: 'pass' },
    ),
  );
  expect(compareStatuses(a, b)).toEqual([]);
});

test('a check whose status changed, a check missing or added, and a verdict that changed are each named', () => {
  const a = statusesOf(
    conformance(
      [
        ['a', 'passed'],
        ['b', 'passed'],
      ],
      { rfc7644: 'pass', entra: 'pass' },
    ),
  );
  const b = statusesOf(
    conformance(
      [
        ['a', 'error'],
        ['c', 'passed'],
      ],
      { rfc7644: 'fail', entra: 'pass' },
    ),
  );
  expect(compareStatuses(a, b)).toEqual([
    'verdict rfc7644: pass → fail',
    'a: passed → error',
    'b: passed → absent',
    'c: absent → passed',
  ]);
});

test('a file without checks is refused rather than read as an empty run', () => {
  expect(() => statusesOf({ summary: {} })).toThrow(/not a conformance.json/);
  expect(() => statusesOf({ checks: [{ id: 'a' }], summary: {} })).toThrow(/without id or status/);
});
