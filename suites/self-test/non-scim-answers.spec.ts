/**
 * No check passes on an answer that is not SCIM JSON. The reference server's `error-content-type-text-plain` quirk
 * labels every error body text/plain, as some web frameworks do, while the body itself is a correct SCIM Error. The
 * error checks read those bodies, and before this rule most of them passed on them. Now:
 * - the media-type check mapped to the quirk fails (the label is what is wrong);
 * - every other check that met such an answer in its setup or its judged requests could not be evaluated, saying
 *   why, and none passed or failed on it;
 * - checks that met no mislabelled answer are judged as usual.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.8
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { CheckResult } from '../../src/run-contract/index.js';
import { runSuites } from './suite-runs.js';

let scratch = '';

test.beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'scim-non-scim-'));
});

test.afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** The setup or judged exchanges of a check whose answer is JSON labelled as something else. */
function mislabelled(check: CheckResult) {
  return check.evidence.filter((e) => {
    const response = e.response;
    if (response === undefined || e.phase === 'cleanup') return false;
    const type = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const media =
      String(type ?? '')
        .split(';')[0]
        ?.trim()
        .toLowerCase() ?? '';
    const body = response.body;
    const json =
      (typeof body === 'object' && body !== null) || (typeof body === 'string' && /^\s*[{[]/.test(body));
    return json && media !== 'application/scim+json' && media !== 'application/json';
  });
}

test('error bodies labelled text/plain: no check passes on them, the media-type check fails', async () => {
  test.setTimeout(5 * 60_000);
  const { result } = await runSuites({
    runDir: path.join(scratch, 'text-plain'),
    runId: 'sh-selftest-textplain',
    quirks: ['error-content-type-text-plain'],
    files: ['suites/checks/errors/', 'suites/checks/bulk/'],
  });
  const rfc = result.checks.filter((c) => c.profiles.includes('rfc7644'));
  expect(rfc.length, 'the error checks ran').toBeGreaterThan(10);

  const byId = new Map(result.checks.map((c) => [c.id, c]));
  expect(byId.get('errors.body.content-type')?.status, 'the media-type check').toBe('failed');

  const met = result.checks.filter((c) => c.id !== 'errors.body.content-type' && mislabelled(c).length > 0);
  expect(met.length, 'checks that met a mislabelled error body').toBeGreaterThan(5);
  const judged = met
    .filter((c) => c.status !== 'error')
    .map((c) => `${c.id}: ${c.status}: ${c.message.split('\n')[0]}`);
  expect(judged, `checks judged on an answer that is not SCIM JSON:\n${judged.join('\n')}`).toEqual([]);
  for (const c of met) {
    expect(c.message, c.id).toContain('not SCIM JSON');
    expect(
      c.evidence.some((e) => e.decisive === true && mislabelled({ ...c, evidence: [e] }).length > 0),
      `${c.id}: the mislabelled answer is the decisive exchange`,
    ).toBe(true);
  }

  // The checks that met no such answer (Bulk's errors travel inside a 200 BulkResponse) are still judged.
  const untouched = result.checks.filter((c) => mislabelled(c).length === 0 && c.status !== 'skipped');
  expect(untouched.filter((c) => c.status === 'passed').length, 'checks judged as usual').toBeGreaterThan(0);
});
