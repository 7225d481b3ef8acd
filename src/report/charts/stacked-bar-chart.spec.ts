import { expect, test } from '@playwright/test';
import { MAX_BARS, StackedBarChart, type StackedBarChartProps } from './stacked-bar-chart.js';
import { markup, pathsOf, toneRects } from './test-support/read-chart.js';

const BASE: Omit<StackedBarChartProps, 'categories'> = {
  id: 'ops',
  title: 'Operations by status per cycle',
  desc: 'Operations of each cycle by outcome.',
  empty: 'No operation was recorded.',
  keys: [
    { key: 'accepted', label: 'Accepted', tone: 'ok' },
    { key: 'throttled', label: 'Throttled', tone: 'warn' },
    { key: 'failed', label: 'Failed', tone: 'failed' },
    { key: 'none', label: 'Not sent', tone: 'neutral' },
  ],
  xLabel: 'Cycle',
  yLabel: 'Operations',
};

test('each non-zero part of a bar is a rectangle in its tone, stacked, heights in proportion', () => {
  const out = markup(
    StackedBarChart({
      ...BASE,
      categories: [
        { label: '1', values: { accepted: 10 } },
        { label: '2', values: { accepted: 5, failed: 5 } },
      ],
    }),
  );
  const ok = toneRects(out, 'ok');
  const failed = toneRects(out, 'failed');
  expect(ok).toHaveLength(2 + 1); // two bars, plus the legend's swatch
  expect(failed).toHaveLength(1 + 1);
  const [bar1, bar2] = ok.slice(1);
  const [failedPart] = failed.slice(1);
  if (!bar1 || !bar2 || !failedPart) throw new Error('bars drawn');
  expect(bar1.height).toBeCloseTo(bar2.height * 2, 0);
  expect(failedPart.height).toBeCloseTo(bar2.height, 0);
  // The failed part sits on top of the accepted part of the same bar.
  expect(failedPart.y + failedPart.height).toBeCloseTo(bar2.y, 0);
  expect(failedPart.x).toBe(bar2.x);
  expect(bar1.x).toBeLessThan(bar2.x);
  expect(failedPart.title).toBe('2, Failed: 5');
  expect(out).not.toContain('NaN');
});

test('only the keys that occur are in the legend; patterns tell the tones apart without colour', () => {
  const out = markup(
    StackedBarChart({ ...BASE, categories: [{ label: '1', values: { accepted: 3, throttled: 1 } }] }),
  );
  expect(out).toContain('>Accepted</text>');
  expect(out).toContain('>Throttled</text>');
  expect(out).not.toContain('>Failed</text>');
  expect(out).not.toContain('>Not sent</text>');
  expect(out).toContain('fill="url(#ops-p-stripes)"');
  expect(out).toContain('<pattern id="ops-p-stripes"');
});

test('a tooltip may list what a part is made of', () => {
  const out = markup(
    StackedBarChart({
      ...BASE,
      categories: [
        {
          label: '3',
          values: { failed: 3 },
          tooltip: (key, n) => `Cycle 3, ${key.label}: ${n} (409×2, 500×1)`,
        },
      ],
    }),
  );
  expect(out).toContain('<title>Cycle 3, Failed: 3 (409×2, 500×1)</title>');
});

test('nothing to stack: a sentence instead of a chart', () => {
  expect(markup(StackedBarChart({ ...BASE, categories: [] }))).toBe(
    '<p class="chart-empty">No operation was recorded.</p>',
  );
  expect(
    markup(StackedBarChart({ ...BASE, categories: [{ label: '1', values: { accepted: 0 } }] })),
  ).toContain('chart-empty');
});

test('values that are not numbers or are negative count as 0', () => {
  const out = markup(
    StackedBarChart({
      ...BASE,
      categories: [{ label: '1', values: { accepted: Number.NaN, failed: -3, none: 2 } }],
    }),
  );
  expect(out).not.toContain('NaN');
  expect(toneRects(out, 'neutral')).toHaveLength(2);
  expect(toneRects(out, 'ok')).toHaveLength(0);
});

test(`more than ${MAX_BARS} categories are drawn as stacked areas, not hair-thin bars`, () => {
  const categories = Array.from({ length: 2000 }, (_, i) => ({
    label: String(i + 1),
    values: { accepted: 100 + (i % 7), failed: i % 13 === 0 ? 5 : 0 },
  }));
  const out = markup(StackedBarChart({ ...BASE, categories }));
  const fills = pathsOf(out, 'tone-fill');
  expect(fills).toHaveLength(2);
  expect(fills.every((d) => d.length > 0 && !d.includes('NaN'))).toBe(true);
  expect(toneRects(out, 'ok')).toHaveLength(1); // the legend's swatch only
  expect(out.length).toBeLessThan(400_000);
});

test('a count axis has whole ticks only', () => {
  const out = markup(StackedBarChart({ ...BASE, categories: [{ label: '1', values: { accepted: 3 } }] }));
  const labels = [...out.matchAll(/<line class="grid"[^>]*><\/line><text[^>]*>([^<]*)<\/text>/g)].map(
    (m) => m[1],
  );
  expect(labels).toEqual(['0', '1', '2', '3']);
});
