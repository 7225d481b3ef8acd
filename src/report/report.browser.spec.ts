import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { describeVerdict } from './build-conformance-result.js';
import type { CheckResult } from './conformance-result.js';
import { INTERRUPTED_NOTICE } from './interrupted-run.js';
import { describeKeyOwnerRestore, type ReplayKeyOwnerRestore } from './replay-key-owner.js';
import {
  HOSTILE_PAYLOADS,
  type Sample,
  sampleConformanceResult,
  sampleReplayResult,
} from './test-support/sample-results.js';
import { writeReports } from './write-reports.js';

/** The page words the verdict as the other summaries do, capitalised: "Fail (2 could not be evaluated)". */
const verdictLabel = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

let dir = '';
let sample: Sample;
let reportUrl = '';
let replayOnlyUrl = '';

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scim-report-browser-'));
  sample = sampleConformanceResult({ seed: 3 });
  await writeReports(path.join(dir, 'full'), sample.result, {
    secrets: [sample.secret],
    replay: sampleReplayResult(),
  });
  await writeReports(path.join(dir, 'replay'), null, { replay: sampleReplayResult() });
  reportUrl = pathToFileURL(path.join(dir, 'full', 'report.html')).href;
  replayOnlyUrl = pathToFileURL(path.join(dir, 'replay', 'report.html')).href;
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Opens a report and records every request the page makes; only the file itself may be loaded. */
async function open(page: Page, url: string): Promise<{ requests: string[]; problems: string[] }> {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  // Everything but the report file itself is cut off, and the request events still record the attempt.
  await page.route('**', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url);
  return { requests, problems };
}

const visibleRows = (page: Page) => page.locator('#checks-table tbody tr:visible');
const count = (checks: CheckResult[], keep: (c: CheckResult) => boolean) => checks.filter(keep).length;

test('the report opens offline and shows each profile verdict', async ({ page }) => {
  const { requests, problems } = await open(page, reportUrl);
  for (const profile of sample.result.profiles) {
    await expect(page.locator(`#verdicts tr[data-profile="${profile}"] .verdict`)).toHaveText(
      verdictLabel(describeVerdict(sample.result, profile)),
    );
  }
  await expect(page.getByRole('heading', { name: 'Verdict per profile' })).toBeVisible();
  expect(requests).toEqual([reportUrl]);
  expect(problems).toEqual([]);
});

test('filters change the visible checks', async ({ page }) => {
  await open(page, reportUrl);
  const { checks } = sample.result;
  await expect(page.locator('#filter-count')).toHaveText(
    `Showing ${checks.length} of ${checks.length} checks`,
  );
  await expect(visibleRows(page)).toHaveCount(checks.length);

  await page.getByLabel('Status', { exact: true }).selectOption('failed');
  await expect(visibleRows(page)).toHaveCount(count(checks, (c) => c.status === 'failed'));
  await page.getByLabel('Level', { exact: true }).selectOption('MUST');
  const mustFailures = count(checks, (c) => c.status === 'failed' && c.level === 'MUST');
  await expect(visibleRows(page)).toHaveCount(mustFailures);
  await expect(page.locator('#failures article:visible')).toHaveCount(mustFailures);

  await page.getByLabel('Status', { exact: true }).selectOption('');
  await page.getByLabel('Level', { exact: true }).selectOption('');
  const category = checks[0]?.category ?? '';
  await page.getByLabel('Category', { exact: true }).selectOption(category);
  await expect(visibleRows(page)).toHaveCount(count(checks, (c) => c.category === category));
  await page.getByLabel('Category', { exact: true }).selectOption('');
  await page.getByLabel('Profile', { exact: true }).selectOption('datadog');
  await expect(visibleRows(page)).toHaveCount(count(checks, (c) => c.profiles.includes('datadog')));
  await page.getByLabel('Profile', { exact: true }).selectOption('');

  const target = checks[checks.length - 1]!;
  await page.getByLabel('Search', { exact: true }).fill(target.id);
  await expect(visibleRows(page)).toHaveCount(1);
  await expect(visibleRows(page).first()).toContainText(target.title);
  await page.getByLabel('Search', { exact: true }).fill('');
  await expect(visibleRows(page)).toHaveCount(checks.length);
});

test('failures and checks that could not be evaluated are apart, with evidence collapsed, redacted and inert', async ({
  page,
}) => {
  await open(page, reportUrl);
  const { checks } = sample.result;
  await expect(page.locator('#failures article')).toHaveCount(count(checks, (c) => c.status === 'failed'));
  await expect(page.locator('#errors article')).toHaveCount(count(checks, (c) => c.status === 'error'));
  await expect(page.locator('#failures article.check-error')).toHaveCount(0);
  await expect(page.locator('#skipped tbody tr')).toHaveCount(count(checks, (c) => c.status === 'skipped'));

  const failure = checks.find((c) => c.status === 'failed' && c.requirement && c.fix)!;
  const article = page.locator(`#failures article[data-check="${failure.id}"]`);
  await expect(article.locator('blockquote')).toHaveText(failure.requirement ?? '');
  await expect(article).toContainText(failure.rfc);
  await expect(article.locator('.fix')).toContainText(failure.fix ?? '');
  // The message holds a hostile payload: it must read as text, every line of it.
  expect(await article.locator('.message pre').textContent()).toBe(failure.message);
  expect(failure.message).toContain('\n');

  const exchange = article.locator('details.evidence li[data-phase="check"] pre').first();
  await expect(exchange).toBeHidden();
  await article.locator('details.evidence > summary').click();
  await expect(exchange).toBeVisible();
  await expect(exchange).toContainText('Authorization: [REDACTED]');

  const text = (await page.locator('body').textContent()) ?? '';
  expect(text).not.toContain(sample.token);
  expect(text).not.toContain(sample.secret);
  expect(text).toContain(HOSTILE_PAYLOADS[0]);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  await expect(page.locator('main img, main svg, main script, main injected')).toHaveCount(0);
});

test('unsupported checks have their own status, filter and section, naming the profiles each fails', async ({
  page,
}) => {
  await open(page, reportUrl);
  const { checks } = sample.result;
  const unsupported = checks.filter((c) => c.status === 'unsupported');
  expect(unsupported.length).toBeGreaterThan(0);
  await expect(page.locator('#checks-table td.status-unsupported')).toHaveCount(unsupported.length);
  await expect(page.locator('#checks-table td.status-unsupported').first()).toHaveText('Unsupported');

  await page.getByLabel('Status', { exact: true }).selectOption('unsupported');
  await expect(visibleRows(page)).toHaveCount(unsupported.length);
  await expect(page.locator('#unsupported article:visible')).toHaveCount(unsupported.length);
  await expect(page.locator('#failures article:visible')).toHaveCount(0);
  await expect(page.locator('#errors article:visible')).toHaveCount(0);
  await expect(page.locator('#skipped tbody tr:visible')).toHaveCount(0);

  // Apart from failed, skipped and error: its own section, its own colour.
  await expect(page.locator('#unsupported article')).toHaveCount(unsupported.length);
  await expect(page.locator('#unsupported article.check-unsupported')).toHaveCount(unsupported.length);
  await expect(page.getByRole('heading', { name: `Unsupported (${unsupported.length})` })).toBeVisible();
  const first = unsupported.find((c) => (c.neededBy ?? []).length > 0)!;
  const article = page.locator(`#unsupported article[data-check="${first.id}"]`);
  await expect(article.locator('.fails-profiles')).toHaveText((first.neededBy ?? []).join(', '));
  expect(await article.locator('.message pre').textContent()).toBe(first.message);
  await expect(article.locator('.fix')).toHaveCount(0);

  // The verdicts name declined features as a cause.
  const declinedCause = sample.result.profiles.filter((p) =>
    describeVerdict(sample.result, p).includes('needed feature'),
  );
  expect(declinedCause.length).toBeGreaterThan(0);
  for (const profile of declinedCause) {
    await expect(page.locator(`#verdicts tr[data-profile="${profile}"] .verdict`)).toContainText(
      'needed feature',
    );
  }
});

test('evidence shows each phase apart, setup and cleanup greyed and collapsed, and highlights the decisive exchange', async ({
  page,
}) => {
  await open(page, reportUrl);
  const failure = sample.result.checks.find(
    (c) => c.status === 'failed' && c.evidence.some((e) => e.decisive),
  )!;
  const article = page.locator(`#failures article[data-check="${failure.id}"]`);
  const decisive = failure.evidence.findLast((e) => e.decisive)!;
  await expect(article.locator('.decisive-line')).toContainText(
    `${decisive.request.method} ${decisive.request.url} → ${decisive.response?.status}`,
  );
  await article.locator('details.evidence > summary').click();
  const items = article.locator('details.evidence > ol > li');
  await expect(items).toHaveCount(failure.evidence.length);
  await expect(article.locator('details.evidence > summary')).toContainText('1 setup');

  const setup = article.locator('li[data-phase="setup"]');
  const cleanup = article.locator('li[data-phase="cleanup"]');
  await expect(setup.locator('.phase')).toHaveText('Setup');
  await expect(cleanup.locator('.phase')).toHaveText('Cleanup');
  // Collapsed: one line until opened.
  await expect(setup.locator('pre').first()).toBeHidden();
  await expect(cleanup.locator('pre').first()).toBeHidden();
  await setup.locator('summary').click();
  await expect(setup.locator('pre').first()).toBeVisible();
  // Greyed apart from the check's own exchanges.
  const opacity = (locator: typeof setup) => locator.evaluate((el) => Number(getComputedStyle(el).opacity));
  expect(await opacity(setup)).toBeLessThan(1);
  expect(await opacity(article.locator('li[data-phase="check"]').first())).toBe(1);

  const highlighted = article.locator('li.decisive');
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toHaveAttribute('data-phase', 'check');
  await expect(highlighted.locator('.decisive-badge')).toHaveText('Decisive');
  await expect(highlighted.locator('pre').first()).toBeVisible();
});

test('the replay section shows cycles, the quarantine timeline and divergences as text', async ({ page }) => {
  const replay = sampleReplayResult();
  const { requests, problems } = await open(page, replayOnlyUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mock IdP replay report');
  await expect(page.locator('#verdicts')).toHaveCount(0);
  await expect(page.locator('#replay tr[data-cycle]')).toHaveCount(replay.cycles.length);
  const quarantined = replay.cycles.filter((c) => c.quarantined).map((c) => `Cycle ${c.n}: quarantined`);
  await expect(page.locator('.timeline li.quarantined')).toHaveText(quarantined);
  await expect(page.locator('#replay tr[data-cycle="3"]')).toContainText('429×7');
  await expect(page.locator('#replay')).toContainText(HOSTILE_PAYLOADS[1]);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  expect(requests).toEqual([replayOnlyUrl]);
  expect(problems).toEqual([]);
});

test('the replay timeline shows each cycle with its events in words, and who owns the token', async ({
  page,
}) => {
  const base = sampleReplayResult();
  const replay = {
    ...base,
    quarantine: [
      { cycle: 2, at: '2026-01-15T10:00:00.000Z', event: 'escrow' as const, cause: '2 of 30 events failed' },
      {
        cycle: 3,
        at: '2026-01-15T10:00:01.000Z',
        event: 'entered' as const,
        reason: 'EncounteredQuarantineException',
        code: 'Unauthorized',
        cause: `getUser 401 ${HOSTILE_PAYLOADS[2]}`,
      },
      { cycle: 4, at: '2026-01-15T10:00:02.000Z', event: 'left' as const },
    ],
    tokenOwner: {
      kind: 'user' as const,
      userName: 'ada@example.com',
      severity: 'danger' as const,
      message: 'The token belongs to user ada@example.com, and this run may deactivate or delete that user.',
    },
  };
  const out = path.join(dir, 'timeline');
  await writeReports(out, null, { replay });
  const url = pathToFileURL(path.join(out, 'report.html')).href;
  const { requests, problems } = await open(page, url);
  const cycle = (n: number) => page.locator(`.timeline > li[data-cycle="${n}"]`);
  await expect(page.locator('.timeline > li')).toHaveCount(base.cycles.length);
  await expect(cycle(1).locator('.events li')).toHaveCount(0);
  await expect(cycle(2).locator('li[data-event="escrow"]')).toContainText(
    'Failed operations escrowed, to be retried in the next cycle (2 of 30 events failed)',
  );
  const entered = cycle(3).locator('li[data-event="entered"]');
  await expect(entered).toContainText('Entered quarantine: invalid credentials');
  await expect(entered).toContainText('provisioning log code Unauthorized');
  await expect(entered).toContainText(HOSTILE_PAYLOADS[2]);
  await expect(entered.locator('time')).toHaveAttribute('datetime', '2026-01-15T10:00:01.000Z');
  await expect(cycle(4).locator('li[data-event="left"]')).toContainText('Left quarantine');
  await expect(page.locator('#replay .token-owner.severity-danger')).toContainText(
    'danger: The token belongs to user ada@example.com',
  );
  await expect(page.locator('main svg')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  expect(requests).toEqual([url]);
  expect(problems).toEqual([]);
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

test('an interrupted run is announced above everything, as visible text, and no verdict reads pass', async ({
  page,
}) => {
  const out = path.join(dir, 'interrupted');
  await writeReports(out, { ...sample.result, interrupted: true }, { secrets: [sample.secret] });
  const { problems } = await open(page, pathToFileURL(path.join(out, 'report.html')).href);
  const banner = page.locator('header #interrupted[role="alert"]');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveText(INTERRUPTED_NOTICE);
  const verdicts = page.locator('#verdicts .verdict');
  await expect(verdicts.first()).toBeVisible();
  for (const text of await verdicts.allTextContents()) expect(text).not.toMatch(/^pass$/i);
  expect(problems).toEqual([]);
});
