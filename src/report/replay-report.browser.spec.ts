import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import type { ReplayResult } from '../run-contract/index.js';
import { renderHtml } from './render-html.js';
import { openReport } from './test-support/open-report.js';
import { HOSTILE_PAYLOADS, sampleReplayResult } from './test-support/sample-results.js';

/*
 * The replay's section of report.html (html/replay-section.ts) in Chromium: a replay-only page, with JavaScript off
 * and on, at a desktop and a phone width. The pictures must be drawn SVG, the timeline's colours must mean what they
 * say, each divergence must show the target's own words, and nothing may widen the page.
 */

/** The sample replay with a full quarantine timeline and a token owner. */
function replay(): ReplayResult {
  return {
    ...sampleReplayResult(),
    quarantine: [
      { cycle: 2, at: '2026-01-15T10:00:00.000Z', event: 'escrow', cause: '2 of 30 events failed' },
      {
        cycle: 3,
        at: '2026-01-15T10:00:01.000Z',
        event: 'entered',
        reason: 'EncounteredQuarantineException',
        code: 'Unauthorized',
        cause: `getUser 401 ${HOSTILE_PAYLOADS[2]}`,
      },
      { cycle: 4, at: '2026-01-15T10:00:02.000Z', event: 'left' },
    ],
    tokenOwner: {
      kind: 'user',
      userName: 'ada@example.com',
      severity: 'danger',
      message: 'The token belongs to user ada@example.com, and this run may deactivate or delete that user.',
    },
  };
}

let dir = '';
let url = '';

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scim-replay-report-'));
  const file = path.join(dir, 'report.html');
  await writeFile(file, renderHtml(null, { replay: replay() }));
  url = pathToFileURL(file).href;
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Opens the report, cut off from everything but the file (see openReport). */
const open = (page: Page) => openReport(page, url);

/** The colour `value` (any CSS colour, or `var(--x, fallback)`) computes to on this page. */
function computedColour(page: Page, value: string): Promise<string> {
  return page.evaluate((colour) => {
    const probe = document.createElement('span');
    probe.style.color = colour;
    document.body.append(probe);
    const computed = getComputedStyle(probe).color;
    probe.remove();
    return computed;
  }, value);
}

const CHARTS = [
  'replay-timeline-chart',
  'replay-latency-chart',
  'replay-throughput-chart',
  'replay-operations-chart',
] as const;

for (const javaScriptEnabled of [false, true]) {
  for (const width of [1280, 390]) {
    test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${width} px wide`, () => {
      test.use({ javaScriptEnabled, viewport: { width, height: 900 } });

      test('the pictures are drawn SVG with non-empty paths, scaled to fit', async ({ page }) => {
        const { requests, problems } = await open(page);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mock IdP replay report');
        for (const id of CHARTS) {
          const svg = page.locator(`svg#${id}`);
          await expect(svg).toBeVisible();
          await expect(svg).toHaveAttribute('role', 'img');
          await expect(svg.locator(':scope > title')).not.toHaveText('');
          const box = await svg.boundingBox();
          expect(box?.width, id).toBeGreaterThan(width === 390 ? 250 : 400);
          expect(box?.width, id).toBeLessThanOrEqual(width);
          const figure = page.locator(`figure:has(svg#${id}) figcaption`);
          await expect(figure).not.toHaveText('');
        }
        // Lines for the latency's three percentiles and the throughput; shapes for the bars and the band.
        for (const selector of [
          '#replay-latency-chart path.series',
          '#replay-throughput-chart path.series',
          '#replay-operations-chart .tone-fill',
          '#replay-timeline-chart .band .tone-fill',
        ]) {
          const drawn = await page.locator(selector).evaluateAll((shapes) =>
            shapes.map((shape) => {
              const { width: w, height: h } = (shape as SVGGraphicsElement).getBBox();
              return { d: shape.getAttribute('d') ?? shape.getAttribute('width') ?? '', w, h };
            }),
          );
          expect(drawn.length, selector).toBeGreaterThan(0);
          for (const shape of drawn) {
            expect(shape.d, selector).not.toBe('');
            expect(shape.d, selector).not.toContain('NaN');
            expect(shape.w + shape.h, selector).toBeGreaterThan(0);
          }
        }
        await expect(page.locator('#replay-latency-chart path.series')).toHaveCount(3);
        expect(requests).toEqual([url]);
        expect(problems).toEqual([]);
      });

      test('the timeline shows a failed cycle in the failure colour, a calm one in the success colour', async ({
        page,
      }) => {
        await open(page);
        const fail = await computedColour(page, 'var(--fail, #b42318)');
        const pass = await computedColour(page, 'var(--pass, #067647)');
        expect(fail).not.toBe(pass);
        const fillOf = (state: string) =>
          page
            .locator(`#replay-timeline-chart g[data-state="${state}"] rect.tone-fill`)
            .first()
            .evaluate((rect) => getComputedStyle(rect).fill);
        expect(await fillOf('failed')).toBe(fail);
        expect(await fillOf('quarantined')).toBe(fail);
        expect(await fillOf('ok')).toBe(pass);
        // The failed and the quarantined cycle differ in pattern too, not in colour alone.
        await expect(
          page.locator('#replay-timeline-chart g[data-state="failed"] rect.tone-pattern'),
        ).toHaveAttribute('fill', /url\(#replay-timeline-chart-p-cross\)/);
        await expect(
          page.locator('#replay-timeline-chart g[data-state="quarantined"] rect.tone-pattern'),
        ).toHaveAttribute('fill', /url\(#replay-timeline-chart-p-dense\)/);
        // The list under the band says the same in words, the failed cycle's word in the failure colour.
        const failed = page.locator('#replay ol.timeline > li[data-cycle="2"]');
        await expect(failed).toHaveAttribute('data-state', 'failed');
        await expect(failed.locator('.state-word')).toHaveText('Cycle 2: failed');
        expect(await failed.locator('.state-word').evaluate((e) => getComputedStyle(e).color)).toBe(fail);
        await expect(failed.locator('li[data-event="escrow"]')).toContainText(
          'Failed operations escrowed, to be retried in the next cycle (2 of 30 events failed)',
        );
        const entered = page.locator('#replay ol.timeline > li[data-cycle="3"] li[data-event="entered"]');
        await expect(entered).toContainText('Entered quarantine: invalid credentials');
        await expect(entered).toContainText(HOSTILE_PAYLOADS[2]);
        await expect(entered.locator('time')).toHaveAttribute('datetime', '2026-01-15T10:00:01.000Z');
        await expect(
          page.locator('#replay ol.timeline > li[data-cycle="4"] li[data-event="left"]'),
        ).toContainText('Left quarantine');
      });

      test("each divergence shows the target's own error text, as text", async ({ page }) => {
        await open(page);
        const row = page.locator('#replay table.divergences tbody tr');
        await expect(row).toHaveCount(1);
        await expect(row.locator('.target-request')).toContainText('PATCH /scim/v2/Users/7f3a answered 400');
        await expect(row.locator('.target-words')).toHaveText(
          `displayName is not allowed: ${HOSTILE_PAYLOADS[0]}`,
        );
        await expect(row).toContainText(HOSTILE_PAYLOADS[1]);
        await expect(page.locator('#replay img, #replay script')).toHaveCount(0);
        expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
        await expect(page.locator('#replay .token-owner.severity-danger')).toContainText(
          'danger: The token belongs to user ada@example.com',
        );
      });

      test('nothing widens the page', async ({ page }) => {
        await open(page);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
        expect(clientWidth).toBeLessThanOrEqual(width);
        // Neither do the pictures overflow their own boxes: they scale down.
        for (const id of CHARTS) {
          const overflow = await page
            .locator(`figure:has(svg#${id}) .chart-scroll`)
            .evaluate((box) => box.scrollWidth - box.clientWidth);
          expect(overflow, id).toBeLessThanOrEqual(0);
        }
      });
    });
  }
}
