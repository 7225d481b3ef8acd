import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { FullConfig, FullResult, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { INTERRUPTED_NOTICE } from '../../src/report/index.js';
import {
  CHECK_ANNOTATION,
  type ConformanceResult,
  PROFILE_VARIANT_ANNOTATION,
  type Profile,
  RUN_ENV,
} from '../../src/run-contract/index.js';
import type { CheckDefinition } from '../support/check-definition.js';
import ConformanceReporter from './conformance-reporter.js';
import { runProfilesOf } from './merge-check-runs.js';

const definition = (id: string, profiles: readonly Profile[] = ['rfc7644']): CheckDefinition => ({
  id,
  title: `the check ${id}`,
  level: 'MUST',
  rfc: 'RFC 7644 §3.3',
  category: 'users',
  profiles,
  requirement: 'the server SHALL return a 201 Created',
  fix: 'Answer 201 to a successful POST',
  quirks: ['create-returns-200'],
});

/**
 * A check as Playwright hands it to the reporter: only the fields the reporter reads. `variant` makes it the check's
 * per-profile variant for that profile (tagged with it alone); `tagged`, the profiles a main test keeps beside its
 * variants.
 */
const checkCase = (
  id: string,
  profiles: readonly Profile[] = ['rfc7644'],
  variant?: Profile,
  tagged: readonly Profile[] = profiles,
): TestCase =>
  ({
    id: variant === undefined ? id : `${id} [${variant}]`,
    title: `${id}: the check`,
    tags: variant === undefined ? tagged.map((p) => `@${p}`) : [`@${variant}`, '@variant'],
    annotations: [
      { type: CHECK_ANNOTATION, description: JSON.stringify(definition(id, profiles)) },
      ...(variant === undefined ? [] : [{ type: PROFILE_VARIANT_ANNOTATION, description: variant }]),
    ],
    parent: { project: () => ({ name: 'checks' }) },
  }) as unknown as TestCase;

const passed = {
  status: 'passed',
  duration: 5,
  attachments: [],
  annotations: [],
  errors: [],
} as unknown as TestResult;

const failed = {
  ...passed,
  status: 'failed',
  errors: [{ message: 'Error: expected 201' }],
} as unknown as TestResult;

/**
 * Runs the reporter over `tests` (by default two checks, of which only the first ends) with `profiles` selected, and
 * returns the conformance.json it wrote.
 */
async function reportOf(
  status: FullResult['status'],
  tests: readonly TestCase[] = [checkCase('users.create.a'), checkCase('users.create.b')],
  ended: ReadonlyArray<readonly [TestCase, TestResult]> = [[tests[0] as TestCase, passed]],
  profiles = 'rfc7644',
): Promise<ConformanceResult> {
  const runDir = test.info().outputPath('run');
  const root = { suites: [{ title: 'checks' }], allTests: () => tests } as unknown as Suite;
  const saved = {
    dir: process.env[RUN_ENV.runDir],
    id: process.env[RUN_ENV.runId],
    url: process.env[RUN_ENV.url],
    profiles: process.env[RUN_ENV.profiles],
  };
  process.env[RUN_ENV.runDir] = runDir;
  process.env[RUN_ENV.runId] = 'sh-reporter-spec';
  process.env[RUN_ENV.url] = 'http://127.0.0.1:1/scim/v2';
  process.env[RUN_ENV.profiles] = profiles;
  try {
    const reporter = new ConformanceReporter();
    reporter.onBegin({} as FullConfig, root);
    for (const [testCase, result] of ended) reporter.onTestEnd(testCase, result);
    const end = await reporter.onEnd({ status, startTime: new Date(), duration: 10 });
    expect(end).toBeUndefined();
  } finally {
    for (const [name, value] of [
      [RUN_ENV.runDir, saved.dir],
      [RUN_ENV.runId, saved.id],
      [RUN_ENV.url, saved.url],
      [RUN_ENV.profiles, saved.profiles],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return JSON.parse(readFileSync(path.join(runDir, 'conformance.json'), 'utf8')) as ConformanceResult;
}

test('an interrupted run writes its reports marked interrupted, every verdict fail', async () => {
  const result = await reportOf('interrupted');
  expect(result.interrupted).toBe(true);
  expect(result.summary.verdicts).toEqual({ rfc7644: 'fail' });
  expect(result.checks.map((check) => [check.id, check.status])).toEqual([
    ['users.create.a', 'passed'],
    ['users.create.b', 'error'],
  ]);
  expect(result.checks[1]?.message).toContain('the run was interrupted before this check ran');
  const markdown = readFileSync(test.info().outputPath('run', 'summary.md'), 'utf8');
  expect(markdown).toContain(INTERRUPTED_NOTICE);
});

test('a run that ended by itself carries no interrupted mark', async () => {
  const result = await reportOf('failed');
  expect(result).not.toHaveProperty('interrupted');
  expect(readFileSync(test.info().outputPath('run', 'summary.md'), 'utf8')).not.toContain('INTERRUPTED');
});

test('a check runs once and its outcome counts for every selected profile it has', async () => {
  const shared = checkCase('users.create.shared', ['rfc7644', 'entra', 'datadog']);
  const rfcOnly = checkCase('users.create.rfc-only', ['rfc7644']);
  const result = await reportOf(
    'failed',
    [shared, rfcOnly],
    [
      [shared, failed],
      [rfcOnly, passed],
    ],
    'rfc7644,entra',
  );
  expect(result.profiles).toEqual(['rfc7644', 'entra']);
  expect(result.checks.map((check) => [check.id, check.status])).toEqual([
    ['users.create.rfc-only', 'passed'],
    ['users.create.shared', 'failed'],
  ]);
  expect(result.summary.verdicts).toEqual({ rfc7644: 'fail', entra: 'fail' });
});

test("a check's per-profile variant merges with its main test, each outcome named by its profiles", async () => {
  const main = checkCase('users.create.split', ['rfc7644', 'datadog', 'entra'], undefined, [
    'rfc7644',
    'datadog',
  ]);
  const entra = checkCase('users.create.split', ['rfc7644', 'datadog', 'entra'], 'entra');
  const result = await reportOf(
    'failed',
    [main, entra],
    [
      [main, passed],
      [entra, failed],
    ],
    'rfc7644,entra,datadog',
  );
  expect(result.checks).toHaveLength(1);
  expect(result.checks[0]?.status).toBe('failed');
  expect(result.checks[0]?.message).toContain(
    'failed under profile entra (passed under rfc7644 and datadog)',
  );
});

test('a test counts for the selected profiles among its tags; a variant for its own profile only', () => {
  const main = checkCase('users.create.split', ['rfc7644', 'entra', 'datadog']);
  expect(runProfilesOf(main, ['rfc7644', 'datadog'])).toEqual(['rfc7644', 'datadog']);
  expect(runProfilesOf(main, ['interop'])).toEqual([]);
  const variant = checkCase('users.create.split', ['rfc7644', 'entra'], 'entra');
  expect(runProfilesOf(variant, ['rfc7644', 'entra'])).toEqual(['entra']);
  expect(runProfilesOf(variant, ['rfc7644'])).toEqual([]);
});
