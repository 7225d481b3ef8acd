import { expect, test } from '@playwright/test';
import { markup, pathsOf, toneRects } from './test-support/read-chart.js';
import { type BandUnit, mergeUnits, TimelineBand, type TimelineBandProps } from './timeline-band.js';

const unit = (at: number, state: 'ok' | 'failed' | 'quarantined'): BandUnit => ({
  at,
  state,
  tone: state,
  label: state,
});

const BASE: Omit<TimelineBandProps, 'units' | 'events'> = {
  id: 'band',
  title: 'Quarantine and escrow timeline',
  desc: 'Each cycle in the tone of its state.',
  empty: 'No cycle completed.',
  legend: [
    { kind: 'tone', tone: 'ok', label: 'OK' },
    { kind: 'tone', tone: 'failed', label: 'Failed' },
    { kind: 'tone', tone: 'quarantined', label: 'Quarantined' },
    { kind: 'marker', tone: 'warn', shape: 'diamond', label: 'Escrowed' },
  ],
  xLabel: 'Cycle',
  describeSpan: (from, to, label) => `${from}–${to}: ${label}`,
};

test('consecutive cycles of one state are one span', () => {
  const spans = mergeUnits([unit(1, 'ok'), unit(2, 'ok'), unit(3, 'failed'), unit(4, 'ok'), unit(6, 'ok')]);
  expect(spans.map((s) => [s.from, s.to, s.unit.state])).toEqual([
    [1, 2, 'ok'],
    [3, 3, 'failed'],
    [4, 4, 'ok'],
    [6, 6, 'ok'],
  ]);
});

test('each span is in the tone of its state, side by side across the whole axis; events sit under their cycle', () => {
  const out = markup(
    TimelineBand({
      ...BASE,
      units: [unit(1, 'ok'), unit(2, 'failed'), unit(3, 'quarantined'), unit(4, 'ok')],
      events: [
        { at: 2, shape: 'diamond', tone: 'warn', kind: 'escrow', title: 'Cycle 2: escrowed' },
        { at: 3, shape: 'up', tone: 'quarantined', kind: 'entered', title: 'Cycle 3: entered' },
        { at: 4, shape: 'down', tone: 'ok', kind: 'left', title: 'Cycle 4: left' },
      ],
    }),
  );
  const ok = toneRects(out, 'ok').slice(1);
  const [failed] = toneRects(out, 'failed').slice(1);
  const [quarantined] = toneRects(out, 'quarantined').slice(1);
  expect(ok).toHaveLength(2);
  if (!failed || !quarantined || !ok[0] || !ok[1]) throw new Error('spans drawn');
  expect(failed.title).toBe('2–2: failed');
  expect(ok[0].x + ok[0].width).toBeCloseTo(failed.x, 0);
  expect(failed.x + failed.width).toBeCloseTo(quarantined.x, 0);
  expect(failed.width).toBeCloseTo(ok[0].width, 0);
  expect(out).toContain('data-state="failed" data-from="2" data-to="2"');
  for (const kind of ['escrow', 'entered', 'left']) expect(out).toContain(`data-event="${kind}"`);
  expect(out).toContain('<title>Cycle 3: entered</title>');
  expect(out).toContain('>Quarantined</text>');
  expect(out).not.toContain('NaN');
});

test('no cycle: a sentence instead of a band', () => {
  expect(markup(TimelineBand({ ...BASE, units: [], events: [] }))).toBe(
    '<p class="chart-empty">No cycle completed.</p>',
  );
});

test('ten thousand cycles, mostly calm, stay a handful of spans', () => {
  const units = Array.from({ length: 10_000 }, (_, i) => unit(i + 1, i === 4999 ? 'failed' : 'ok'));
  const out = markup(TimelineBand({ ...BASE, units, events: [] }));
  expect(toneRects(out, 'ok').slice(1)).toHaveLength(2);
  expect(toneRects(out, 'failed').slice(1)).toHaveLength(1);
  expect(pathsOf(out, 'marker')).toHaveLength(1); // the legend's
  expect(out).not.toContain('NaN');
});
