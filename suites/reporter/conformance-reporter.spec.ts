import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { FullConfig, FullResult, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { type ConformanceResult, INTERRUPTED_NOTICE } from '../../src/report/index.js';
import { CHECK_ANNOTATION, type CheckDefinition } from '../support/check-definition.js';
import { TARGET_ENV } from '../support/target-env.js';
import ConformanceReporter from './conformance-reporter.js';

const definition = (id: string): CheckDefinition => ({
  id,
  title: `the check ${id}`,
  level: 'MUST',
  rfc: 'RFC 7644 §3.3',
  category: 'users',
  profiles: ['rfc7644'],
  requirement: 'the server SHALL return a 201 Created',
  fix: 'Answer 201 to a successful POST',
  quirks: ['create-returns-200'],
});

/** A check as Playwright hands it to the reporter: only the fields the reporter reads. */
const checkCase = (id: string): TestCase =>
  ({
    id,
    title: `${id}: the check`,
    annotations: [{ type: CHECK_ANNOTATION, description: JSON.stringify(definition(id)) }],
    parent: { project: () => ({ name: 'rfc7644' }) },
  }) as unknown as TestCase;

const passed = {
  status: 'passed',
  duration: 5,
  attachments: [],
  annotations: [],
  errors: [],
} as unknown as TestResult;

/** Runs the reporter over two checks, of which only the first ended, and returns the conformance.json it wrote. */
async function reportOf(status: FullResult['status']): Promise<ConformanceResult> {
  const runDir = test.info().outputPath('run');
  const tests = [checkCase('users.create.a'), checkCase('users.create.b')];
  const root = { suites: [{ title: 'rfc7644' }], allTests: () => tests } as unknown as Suite;
  const saved = {
    dir: process.env[TARGET_ENV.runDir],
    id: process.env[TARGET_ENV.runId],
    url: process.env[TARGET_ENV.url],
  };
  process.env[TARGET_ENV.runDir] = runDir;
  process.env[TARGET_ENV.runId] = 'sh-reporter-spec';
  process.env[TARGET_ENV.url] = 'http://127.0.0.1:1/scim/v2';
  try {
    const reporter = new ConformanceReporter();
    reporter.onBegin({} as FullConfig, root);
    reporter.onTestEnd(tests[0] as TestCase, passed);
    const end = await reporter.onEnd({ status, startTime: new Date(), duration: 10 });
    expect(end).toBeUndefined();
  } finally {
    for (const [name, value] of [
      [TARGET_ENV.runDir, saved.dir],
      [TARGET_ENV.runId, saved.id],
      [TARGET_ENV.url, saved.url],
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
