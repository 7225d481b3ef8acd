import { expect, test } from '@playwright/test';
import type { Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { CHECK_ANNOTATION, UNSUPPORTED_ANNOTATION } from '../../src/run-contract/index.js';
import type { QuirkMatrix } from '../support/quirk-matrix.js';
import { quirkMatrixOutcomes } from './quirk-matrix-outcomes.js';

const DEFINITION = {
  id: 'filter.co.finds-substring',
  title: 'co finds a substring',
  level: 'MUST',
  rfc: 'RFC 7644 §3.4.2.2',
  category: 'filter',
  profiles: ['rfc7644', 'entra'],
  requirement: 'co: the entire operator value must be a substring of the attribute value',
  fix: 'Implement co as a substring match',
  quirks: ['filter-co-as-eq', 'filter-co-declined'],
};

const MATRIX: QuirkMatrix = {
  quirks: ['filter-co-as-eq', 'filter-co-declined'],
  ids: [DEFINITION.id],
  files: ['checks/filter/operators.checks.ts'],
  repeat: 2,
};

/** A copy of the check as the quirk-matrix project runs it: copy i against the check's i-th quirk. */
function copy(repeatEachIndex: number): TestCase {
  return {
    id: `t${repeatEachIndex}`,
    title: `${DEFINITION.id}: ${DEFINITION.title}`,
    repeatEachIndex,
    annotations: [{ type: CHECK_ANNOTATION, description: JSON.stringify(DEFINITION) }],
  } as unknown as TestCase;
}

const result = (fields: Partial<TestResult>): TestResult =>
  ({
    status: 'passed',
    duration: 3,
    attachments: [],
    annotations: [],
    errors: [],
    steps: [],
    ...fields,
  }) as TestResult;

test('a copy declared to fail that reports unsupported instead has not shown its quirk: it stays unsupported', () => {
  const tests = [copy(0), copy(1)];
  const root = { allTests: () => tests } as unknown as Suite;
  const results = new Map([
    [
      't0',
      {
        result: result({
          status: 'skipped',
          annotations: [
            { type: UNSUPPORTED_ANNOTATION, description: 'The target declines co: 400 invalidFilter' },
          ],
        }),
      },
    ],
    [
      't1',
      {
        result: result({
          status: 'failed',
          error: { message: 'Error: the filter finds the user\n\nExpected: 1\nReceived: 0' },
        }),
      },
    ],
  ]);
  expect(quirkMatrixOutcomes(root, results, MATRIX, 'not run', [])).toEqual([
    {
      quirk: 'filter-co-as-eq',
      id: DEFINITION.id,
      status: 'unsupported',
      message: 'The target declines co: 400 invalidFilter',
    },
    {
      quirk: 'filter-co-declined',
      id: DEFINITION.id,
      status: 'failed',
      message: 'the filter finds the user\n\nExpected: 1\nReceived: 0',
    },
  ]);
});
