import { expect, test } from '@playwright/test';
import { EmptyChart, finite, formatNumber, integerTicks, Legend, px } from './chart-frame.js';
import { markup } from './test-support/read-chart.js';

test('integer ticks are whole numbers within the range, about as many as asked', () => {
  expect(integerTicks(1, 4)).toEqual([1, 2, 3, 4]);
  expect(integerTicks(0.5, 1.5)).toEqual([1]);
  expect(integerTicks(1, 10_000, 10)).toHaveLength(10);
  expect(integerTicks(1, 10_000, 10).every(Number.isInteger)).toBe(true);
  expect(integerTicks(3, 2)).toEqual([]);
});

test('numbers that are not finite are drawn as 0, never as NaN', () => {
  expect(finite(Number.NaN)).toBe(0);
  expect(finite(Number.POSITIVE_INFINITY)).toBe(0);
  expect(px(Number.NaN)).toBe('0');
  expect(px(12.345)).toBe('12.3');
  expect(formatNumber(1234.56)).toBe('1,234.6');
  expect(formatNumber(Number.NaN)).toBe('0');
});

test('an empty chart is a sentence, escaped', () => {
  expect(markup(EmptyChart('No <cycle> completed.'))).toBe(
    '<p class="chart-empty">No &lt;cycle> completed.</p>',
  );
});

test('a legend wraps within its width and says every entry in words', () => {
  const items = Array.from({ length: 8 }, (_, i) => ({
    kind: 'tone' as const,
    tone: 'ok' as const,
    label: `A fairly long legend entry ${i}`,
  }));
  const { node, height } = Legend('c', items, 0, 0, 480);
  const out = markup(node);
  expect(height).toBeGreaterThan(18);
  for (const item of items) expect(out).toContain(item.label);
});
