import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { isHarnessError } from '../errors/harness-error.js';
import { parseConformanceResult } from '../run-contract/index.js';
import { sampleConformanceResult, sampleReplayResult } from './test-support/sample-results.js';
import { writeReports } from './write-reports.js';

let dir = '';
test.beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scim-report-'));
});
test.afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('writes the four reports, all scrubbed, the JSON valid', async () => {
  const { result, token, secret } = sampleConformanceResult();
  const out = path.join(dir, 'nested', 'reports');
  const written = await writeReports(out, result, { secrets: [secret], replay: sampleReplayResult() });
  expect((await readdir(out)).sort()).toEqual(['conformance.json', 'junit.xml', 'report.html', 'summary.md']);
  expect(written).toHaveLength(4);
  for (const file of written) {
    const text = await readFile(file, 'utf8');
    expect(text, file).not.toContain(token);
    expect(text, file).not.toContain(secret);
  }
  const json = parseConformanceResult(JSON.parse(await readFile(path.join(out, 'conformance.json'), 'utf8')));
  expect(json.summary).toEqual(result.summary);
});

test('a replay-only run writes the HTML report alone', async () => {
  await writeReports(dir, null, { replay: sampleReplayResult() });
  expect(await readdir(dir)).toEqual(['report.html']);
});

test('an unwritable directory is an IO_FAILED harness error', async () => {
  const blocker = path.join(dir, 'file');
  await writeFile(blocker, 'not a directory');
  const { result } = sampleConformanceResult({ checks: 3 });
  const attempt = writeReports(path.join(blocker, 'reports'), result);
  await expect(attempt).rejects.toThrow(/could not write the reports to/);
  await attempt.catch((error: unknown) => expect(isHarnessError(error, 'IO_FAILED')).toBe(true));
});
