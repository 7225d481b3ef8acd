import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { describeKeyOwnerRestore, type ReplayKeyOwnerRestore } from '../run-contract/index.js';
import { openReport as open } from './test-support/open-report.js';
import { sampleReplayResult } from './test-support/sample-results.js';
import { writeReports } from './write-reports.js';

/*
 * The replay's key owner in report.html. The replay's cycles, timeline, charts and divergences are in
 * replay-report.browser.spec.ts; the conformance report, the page's top (interrupted notice, safety sections) and its
 * policy in conformance-report.browser.spec.ts.
 */

let dir = '';

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scim-report-browser-'));
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// [what became of the key owner, what the line under the scenario's explanation says]
const OWNER_LINES: [ReplayKeyOwnerRestore, string][] = [
  [
    { userName: 'owner@example.com', priorActive: true, restore: 'failed', status: '403' },
    'WARNING: user owner@example.com is left INACTIVE on the tenant',
  ],
  [{ userName: 'owner@example.com', priorActive: true, restore: 'kept' }, 'left inactive (--keep)'],
];

for (const [owner, words] of OWNER_LINES) {
  test(`the replay section says under the scenario what became of its key owner: ${owner.restore}`, async ({
    page,
  }) => {
    const replay = {
      ...sampleReplayResult(),
      scenario: {
        name: 'key-revocation',
        outcome: 'key-rejected',
        explanation: 'The key was rejected.',
        owner,
      },
    };
    const out = path.join(dir, `owner-${owner.restore}`);
    await writeReports(out, null, { replay });
    const url = pathToFileURL(path.join(out, 'report.html')).href;
    const { problems } = await open(page, url);
    const line = page.locator(`#replay .scenario p.key-owner-restore.restore-${owner.restore}`);
    await expect(line).toHaveText(describeKeyOwnerRestore(owner));
    await expect(line).toContainText(words);
    // Right under the explanation.
    await expect(page.locator('#replay .scenario p').nth(1)).toHaveText('The key was rejected.');
    await expect(page.locator('#replay .scenario p').nth(2)).toHaveClass(/key-owner-restore/);
    expect(problems).toEqual([]);
  });
}
