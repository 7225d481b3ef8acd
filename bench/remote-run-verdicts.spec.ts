import { expect, test } from '@playwright/test';
import { compareStatuses, slowestChecks, statusesOf } from './remote-run-verdicts.js';

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

test('slowestChecks lists the slowest first, with their durations', () => {
  const statuses = statusesOf({
    checks: [
      { id: 'a', status: 'passed', durationMs: 1200 },
      { id: 'b', status: 'passed', durationMs: 5000 },
      { id: 'c', status: 'passed' },
    ],
    summary: {},
  });
  expect(slowestChecks(statuses, 5)).toEqual(['b 5.0 s', 'a 1.2 s']);
});
