import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, type Locator, type Page, test } from '@playwright/test';
import type { CheckResult } from '../run-contract/index.js';
import { describeVerdict } from './build-conformance-result.js';
import { INTERRUPTED_NOTICE } from './interrupted-run.js';
import { openReport as open } from './test-support/open-report.js';
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

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scim-conformance-browser-'));
  sample = sampleConformanceResult({ seed: 3 });
  await writeReports(path.join(dir, 'full'), sample.result, {
    secrets: [sample.secret],
    replay: sampleReplayResult(),
  });
  reportUrl = pathToFileURL(path.join(dir, 'full', 'report.html')).href;
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const visibleRows = (page: Page) => page.locator('#checks-table tbody tr:visible');
const count = (checks: CheckResult[], keep: (c: CheckResult) => boolean) => checks.filter(keep).length;
const top = async (locator: Locator) => (await locator.boundingBox())?.y ?? Number.NaN;
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned);

/**
 * The elements under `selector` whose text does not sit on one line (a word or a label broken across lines) or
 * overflows its box, as `text (why)`; empty when every one fits.
 */
function brokenText(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      if (element.getClientRects().length === 0) continue; // not rendered (a closed <details>, a filtered row)
      const range = document.createRange();
      range.selectNodeContents(element);
      const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
      if (lines.size > 1) broken.push(`${element.textContent} (${lines.size} lines)`);
      else if (element.scrollWidth > element.clientWidth + 1)
        broken.push(`${element.textContent} (overflows)`);
    }
    return broken;
  }, selector);
}

for (const javaScriptEnabled of [true, false]) {
  for (const width of [1280, 390]) {
    test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${width} px wide`, () => {
      test.use({ javaScriptEnabled, viewport: { width, height: 900 } });

      test('the verdicts and the first failure with its decisive exchange come before the full table', async ({
        page,
      }) => {
        const { requests, problems } = await open(page, reportUrl);
        const table = page.locator('#checks-table');
        const verdicts = page.locator('#verdicts table');
        await expect(verdicts).toBeVisible();
        for (const profile of sample.result.profiles) {
          await expect(verdicts.locator(`tr[data-profile="${profile}"] .verdict`)).toHaveText(
            verdictLabel(describeVerdict(sample.result, profile)),
          );
        }
        const first = page.locator('#failures article').first();
        const decisive = first.locator('.decisive-exchange');
        await expect(first.locator('blockquote.requirement')).toBeVisible();
        await expect(first.locator('.message pre')).toBeVisible();
        await expect(decisive.locator('pre.res')).toBeVisible();
        await expect(first.locator('.fix')).toBeVisible();
        const tableTop = await top(table);
        expect(await top(verdicts)).toBeLessThan(tableTop);
        expect(await top(decisive)).toBeLessThan(tableTop);
        // The first failure is the most severe: a MUST, as the sample has MUST failures.
        await expect(first.locator('.check-heading .level')).toHaveText('MUST');
        expect(requests).toEqual([reportUrl]);
        expect(problems).toEqual([]);
      });

      test('no word is broken: badges and short cells keep to one line, and the page does not scroll sideways', async ({
        page,
      }) => {
        await open(page, reportUrl);
        const selectors = [
          '.badge',
          '#verdicts thead th',
          '#verdicts tbody th',
          '#checks-table thead th',
          '#failures h3 .group-count',
          'nav.contents a',
        ];
        for (const selector of selectors) expect(await brokenText(page, selector), selector).toEqual([]);
        const [scrollWidth, clientWidth] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.clientWidth,
        ]);
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      });

      test('every check is in the page, and hostile words are only text', async ({ page }) => {
        await open(page, reportUrl);
        const { checks } = sample.result;
        await expect(page.locator('#checks-table tbody tr')).toHaveCount(checks.length);
        const ids = await page
          .locator('#checks-table tbody tr')
          .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.check));
        expect(ids).toEqual(checks.map((c) => c.id));
        await expect(page.locator('#checks-table .check-id').first()).toHaveText(checks[0]?.id ?? '');
        const text = (await page.locator('body').textContent()) ?? '';
        expect(text).toContain(HOSTILE_PAYLOADS[0]);
        expect(text).not.toContain(sample.token);
        expect(text).not.toContain(sample.secret);
        expect(await pwned(page)).toBeUndefined();
        await expect(
          page.locator('main img, main script, main injected, main svg:not(.chart):not(.rchart)'),
        ).toHaveCount(0);
        // The filters need the script: shown with it, absent without.
        if (javaScriptEnabled) await expect(page.locator('#filters')).toBeVisible();
        else for (const element of await page.locator('.js-only').all()) await expect(element).toBeHidden();
      });

      if (javaScriptEnabled) {
        test('a filter narrows the full table', async ({ page }) => {
          await open(page, reportUrl);
          const { checks } = sample.result;
          await page.getByLabel('Status', { exact: true }).selectOption('failed');
          await expect(visibleRows(page)).toHaveCount(count(checks, (c) => c.status === 'failed'));
          await expect(page.locator('#filter-count')).toHaveText(
            `Showing ${count(checks, (c) => c.status === 'failed')} of ${checks.length} checks`,
          );
        });
      }
    });
  }
}

test('the report opens offline and shows each profile verdict, the pictures with their captions', async ({
  page,
}) => {
  const { requests, problems } = await open(page, reportUrl);
  await expect(page.getByRole('heading', { name: 'Verdict per profile' })).toBeVisible();
  for (const id of ['matrix', 'scores']) {
    const figure = page.locator(`#${id}-figure`);
    await expect(figure.locator('figcaption')).toBeVisible();
    await expect(figure.getByRole('img')).toBeVisible();
    await expect(figure.locator('details.text-equivalent table')).toBeHidden();
    await figure.locator('details.text-equivalent > summary').click();
    await expect(figure.locator('details.text-equivalent table')).toBeVisible();
  }
  const categories = new Set(sample.result.checks.map((c) => c.category)).size;
  await expect(page.locator('#matrix-figure .matrix-cell')).toHaveCount(
    categories * sample.result.profiles.length,
  );
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
  await expect(visibleRows(page)).toHaveCount(
    count(checks, (c) => c.status === 'failed' && c.level === 'MUST'),
  );

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

  // Open all opens the evidence of the rows shown; close all closes it again.
  const passed = page.locator('#checks-table tr.row-passed details.row-evidence').first();
  await expect(passed.locator('blockquote.requirement')).toBeHidden();
  await page.getByRole('button', { name: 'Open all evidence' }).click();
  await expect(passed.locator('blockquote.requirement')).toBeVisible();
  await page.getByRole('button', { name: 'Close all', exact: true }).last().click();
  await expect(passed.locator('blockquote.requirement')).toBeHidden();
});

test('failures and checks that could not be evaluated are apart, with evidence redacted and inert', async ({
  page,
}) => {
  await open(page, reportUrl);
  const { checks } = sample.result;
  await expect(page.locator('#failures article')).toHaveCount(count(checks, (c) => c.status === 'failed'));
  await expect(page.locator('#errors article')).toHaveCount(count(checks, (c) => c.status === 'error'));
  await expect(page.locator('#failures article.check-error')).toHaveCount(0);
  await expect(page.locator('#errors .causes li')).not.toHaveCount(0);
  await expect(page.locator('#skipped tbody tr')).toHaveCount(count(checks, (c) => c.status === 'skipped'));

  const failure = checks.find((c) => c.status === 'failed' && c.requirement && c.fix)!;
  const article = page.locator(`#failures article[data-check="${failure.id}"]`);
  await expect(article.locator('blockquote')).toHaveText(failure.requirement ?? '');
  await expect(article).toContainText(failure.rfc);
  await expect(article.locator('.fix')).toContainText(failure.fix ?? '');
  // The message holds a hostile payload: it must read as text, every line of it.
  expect(await article.locator('.message pre').textContent()).toBe(failure.message);
  expect(failure.message).toContain('\n');
  // The decisive exchange is open; the rest are one click away.
  await expect(article.locator('.decisive-exchange pre.req')).toContainText('Authorization: [REDACTED]');
  const exchange = article.locator('details.evidence li[data-phase="setup"]').first();
  await expect(exchange).toBeHidden();
  await article.locator('details.evidence > summary').click();
  await expect(exchange).toBeVisible();

  // The full table links a failure to its details above.
  const row = page.locator(`#checks-table tr[data-check="${failure.id}"]`);
  await row.locator('a.to-details').click();
  await expect(article).toBeInViewport();

  const text = (await page.locator('body').textContent()) ?? '';
  expect(text).not.toContain(sample.token);
  expect(text).not.toContain(sample.secret);
  expect(text).toContain(HOSTILE_PAYLOADS[0]);
  expect(await pwned(page)).toBeUndefined();
});

test('unsupported checks have their own status, filter and section, naming the profiles each fails', async ({
  page,
}) => {
  await open(page, reportUrl);
  const { checks } = sample.result;
  const unsupported = checks.filter((c) => c.status === 'unsupported');
  expect(unsupported.length).toBeGreaterThan(0);
  await expect(page.locator('#checks-table .status-unsupported')).toHaveCount(unsupported.length);
  await expect(page.locator('#checks-table .status-unsupported').first()).toHaveText('Unsupported');

  await page.getByLabel('Status', { exact: true }).selectOption('unsupported');
  await expect(visibleRows(page)).toHaveCount(unsupported.length);

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
  const highlighted = article.locator('.decisive-exchange .exchange.decisive');
  await expect(highlighted).toHaveAttribute('data-phase', 'check');
  await expect(highlighted.locator('.decisive-badge')).toHaveText('Decisive');
  await expect(highlighted.locator('pre').first()).toBeVisible();

  await article.locator('details.evidence > summary').click();
  const items = article.locator('details.evidence > ol > li');
  await expect(items).toHaveCount(failure.evidence.length);
  await expect(article.locator('details.evidence > summary')).toContainText('1 setup');
  // Written once: the list points to the decisive exchange shown above.
  await expect(article.locator('details.evidence li.decisive a')).toHaveText('shown above');

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
  const opacity = (locator: Locator) => locator.evaluate((el) => Number(getComputedStyle(el).opacity));
  expect(await opacity(setup)).toBeLessThan(1);
  expect(await opacity(highlighted)).toBe(1);
});

test('the policy blocks any script but the page’s own, and any request', async ({ page }) => {
  const { requests } = await open(page, reportUrl);
  const outcome = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.pwned = 1';
    document.body.append(script);
    const fetched = await fetch('http://127.0.0.1:9/').then(
      () => 'loaded',
      () => 'blocked',
    );
    return { pwned: (window as unknown as { pwned?: unknown }).pwned, fetched };
  });
  expect(outcome).toEqual({ pwned: undefined, fetched: 'blocked' });
  expect(requests).toEqual([reportUrl]);
});

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

test('what the sweep found carrying the run id is a safety section under the notice, names shown as text', async ({
  page,
}) => {
  const out = path.join(dir, 'leftovers');
  const leftovers = [
    { id: 'g-1', endpoint: '/Groups', name: `Side effect ${HOSTILE_PAYLOADS[1]}`, deleted: true },
    { id: 'u-2', endpoint: '/Users', name: HOSTILE_PAYLOADS[0], deleted: false },
  ];
  await writeReports(out, { ...sample.result, interrupted: true, leftovers }, { secrets: [sample.secret] });
  const url = pathToFileURL(path.join(out, 'report.html')).href;
  const { requests, problems } = await open(page, url);
  const section = page.locator('section#leftovers.safety[role="alert"]');
  await expect(section).toBeVisible();
  await expect(section.getByRole('heading', { level: 2 })).toHaveText(
    'Safety: 2 resource(s) carrying the run id were left after the run',
  );
  await expect(section).toContainText("carried the run id after the checks' own cleanup");
  await expect(section).toContainText('This is a safety failure: the run exits 130, as it was interrupted.');
  await expect(section.locator('tr.leftover-deleted td').nth(1)).toHaveText(
    `Side effect ${HOSTILE_PAYLOADS[1]}`,
  );
  await expect(section.locator('tr.leftover-remaining td')).toHaveText([
    '/Users',
    HOSTILE_PAYLOADS[0],
    'u-2',
    'NOT deleted: still on the target',
  ]);
  // Under the interrupted notice, above the verdicts.
  expect(await top(page.locator('#interrupted'))).toBeLessThan(await top(page.locator('#leftovers')));
  expect(await top(page.locator('#leftovers'))).toBeLessThan(await top(page.locator('#verdicts')));
  await expect(page.locator('section.safety img, section.safety svg')).toHaveCount(0);
  expect(await pwned(page)).toBeUndefined();
  expect(requests).toEqual([url]);
  expect(problems).toEqual([]);
});
