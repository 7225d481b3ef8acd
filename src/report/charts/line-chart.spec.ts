import { expect, test } from '@playwright/test';
import { LineChart, type LineChartProps } from './line-chart.js';
import { attributeValues, markup, pathsOf, pointsOf } from './test-support/read-chart.js';

const BASE: Omit<LineChartProps, 'series'> = {
  id: 'lat',
  title: 'Latency per cycle',
  desc: 'p50, p95 and p99 of each cycle.',
  empty: 'No cycle completed, so there is no latency to draw.',
  xLabel: 'Cycle',
  yLabel: 'Milliseconds',
  integerX: true,
};

const series = (name: string, ys: number[]) => ({ name, points: ys.map((y, i) => ({ x: i + 1, y })) });

test('each series is a path with a point per value; the chart is titled, described and has a legend', () => {
  const out = markup(
    LineChart({
      ...BASE,
      series: [series('p50', [10, 12, 11]), series('p95', [40, 45, 42]), series('p99', [90, 99, 95])],
    }),
  );
  expect(out).toMatch(/^<svg [^>]*viewBox="0 0 480 \d+(\.\d)?"/);
  expect(out).toContain('role="img"');
  expect(out).toContain('<title id="lat-title">Latency per cycle</title>');
  expect(out).toContain('<desc id="lat-desc">p50, p95 and p99 of each cycle.</desc>');
  expect(out).toContain('aria-labelledby="lat-title lat-desc"');
  for (const key of ['s1', 's2', 's3']) {
    const [d] = pathsOf(out, `series series-${key}`);
    expect(pointsOf(d ?? '')).toHaveLength(3);
  }
  for (const name of ['p50', 'p95', 'p99']) expect(out).toContain(`>${name}</text>`);
  expect(out).not.toContain('NaN');
});

test('the scales map the domain: x grows left to right, a larger value is drawn higher', () => {
  const out = markup(LineChart({ ...BASE, series: [series('p50', [0, 50, 100])] }));
  const [d] = pathsOf(out, 'series series-s1');
  const [a, b, c] = pointsOf(d ?? '');
  expect(a && b && c).toBeTruthy();
  if (!a || !b || !c) return;
  expect(a[0]).toBeLessThan(b[0]);
  expect(b[0]).toBeLessThan(c[0]);
  // Evenly spaced values, evenly spaced on the screen; SVG's y grows downwards.
  expect(b[0] - a[0]).toBeCloseTo(c[0] - b[0], 0);
  expect(a[1]).toBeGreaterThan(b[1]);
  expect(b[1]).toBeGreaterThan(c[1]);
  expect(a[1] - b[1]).toBeCloseTo(b[1] - c[1], 0);
  // The y axis starts at 0 and reaches past the largest value; x ticks are the cycle numbers.
  expect(out).toContain('>0</text>');
  expect(out).toMatch(/>1[01]0<\/text>/);
  expect(out).toContain('>1</text>');
  expect(out).toContain('>3</text>');
});

test('markers carry their values as tooltips', () => {
  const out = markup(
    LineChart({
      ...BASE,
      series: [{ name: 'p95', points: [{ x: 1, y: 42, title: 'Cycle 1: p95 42 ms' }] }],
    }),
  );
  expect(out).toContain('<title>Cycle 1: p95 42 ms</title>');
});

test('one cycle is a visible point, not a broken chart; all-zero values keep an axis', () => {
  const one = markup(LineChart({ ...BASE, series: [series('p50', [7])] }));
  expect(one).not.toContain('NaN');
  expect(pathsOf(one, 'marker')).toHaveLength(1 + 1); // the point, and the legend's
  const zero = markup(LineChart({ ...BASE, series: [series('p50', [0, 0])] }));
  expect(zero).not.toContain('NaN');
  expect(zero).toContain('>1</text>');
});

test('values that are not numbers are drawn as 0, never as NaN', () => {
  const out = markup(
    LineChart({ ...BASE, series: [series('p50', [Number.NaN, 3, Number.POSITIVE_INFINITY])] }),
  );
  expect(out).not.toContain('NaN');
  expect(out).not.toContain('Infinity');
});

test('a step curve with a shaded area draws both, and a point can go without a marker', () => {
  const out = markup(
    LineChart({
      ...BASE,
      integerX: false,
      curve: 'step',
      area: true,
      series: [
        {
          name: 'Requests per second',
          points: [
            { x: 0, y: 10 },
            { x: 4.2, y: 30 },
            { x: 9, y: 30, marker: false },
          ],
        },
      ],
    }),
  );
  expect(pathsOf(out, 'series-area')).toHaveLength(1);
  const [d] = pathsOf(out, 'series series-s1');
  // A step holds each value: the path has a horizontal then a vertical move between points.
  expect(pointsOf(d ?? '').length).toBeGreaterThan(3);
  expect(pathsOf(out, 'marker')).toHaveLength(2 + 1); // two markers, plus the legend's
});

test('no point at all: a sentence instead of a chart', () => {
  expect(markup(LineChart({ ...BASE, series: [] }))).toBe(
    '<p class="chart-empty">No cycle completed, so there is no latency to draw.</p>',
  );
  expect(markup(LineChart({ ...BASE, series: [{ name: 'p50', points: [] }] }))).toContain('chart-empty');
});

test('a long series is drawn without markers, and its markup stays small', () => {
  const ys = Array.from({ length: 5000 }, (_, i) => (i * 7) % 113);
  const out = markup(LineChart({ ...BASE, series: [series('p50', ys)] }));
  expect(pathsOf(out, 'marker')).toHaveLength(1); // the legend's
  expect(out.length).toBeLessThan(120_000);
  expect(attributeValues(out, 'd').every((d) => !d.includes('NaN'))).toBe(true);
});

test('tick labels are as precise as their step: a few milliseconds of provisioning are not all "0"', () => {
  const out = markup(
    LineChart({
      ...BASE,
      integerX: false,
      series: [
        {
          name: 'Requests per second',
          points: [
            { x: 0, y: 208.3 },
            { x: 0.024, y: 400 },
            { x: 0.029, y: 400, marker: false },
          ],
        },
      ],
    }),
  );
  const xLabels = [...out.matchAll(/<g class="tick"><line x1[^>]*><\/line><text[^>]*>([^<]*)<\/text>/g)].map(
    (m) => m[1],
  );
  expect(xLabels.length).toBeGreaterThan(2);
  expect(new Set(xLabels).size).toBe(xLabels.length);
});
