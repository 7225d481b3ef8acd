import { expect, test } from '@playwright/test';
import type { ReplaySustain, ReplaySustainWindow } from '../../run-contract/index.js';
import { renderMarkup } from './markup.js';
import { SustainSection } from './sustain-section.js';

function window(startS: number, achieved: number, p99: number): ReplaySustainWindow {
  return {
    startS,
    durationS: 10,
    offered: 250,
    achieved,
    missed: 250 - achieved,
    errors: 0,
    throttled: 0,
    throttledWithoutRetryAfter: 0,
    maxLagMs: 1.5,
    latencyMs: { p50: 2, p95: 8, p99 },
  };
}

function sustain(series: ReplaySustainWindow[], held: boolean): ReplaySustain {
  return {
    targetRps: 25,
    durationS: 20,
    ranS: 20,
    windowS: 10,
    maxInFlight: 256,
    thresholds: { achievedRatio: 0.99, errorRate: 0.001 },
    mix: { lookup: 0.6, update: 0.2, membership: 0.1, create: 0.05, disable: 0.05 },
    series,
    totals: {
      offered: 500,
      sent: 480,
      achieved: 480,
      missed: 20,
      errors: 0,
      throttled: 0,
      throttledWithoutRetryAfter: 0,
      errorRate: 0,
      achievedRps: 24,
      latencyMs: { p50: 2, p95: 8, p99: 31 },
      errorsByStatus: {},
      operations: { lookup: 290, update: 95 },
    },
    verdict: {
      held,
      reasons: held ? [] : ['the 25 req/s rate was not held in 1 of 2 window(s)'],
      checks: [
        { name: 'rate', held, detail: held ? 'held' : 'the 25 req/s rate was not held in 1 of 2 window(s)' },
        { name: 'errors', held: true, detail: '0 error(s)' },
      ],
    },
  };
}

test('the section shows the verdict, both charts with captions, and the table of windows', () => {
  const page = renderMarkup(
    SustainSection({ sustain: sustain([window(0, 250, 12), window(10, 230, 31)], false) }),
  );
  expect(page).toContain('Verdict: NOT HELD.');
  expect(page).toContain('data-check="rate" data-held="false"');
  expect(page).toContain('the 25 req/s rate was not held in 1 of 2 window(s)');
  expect(page.match(/<svg/g)).toHaveLength(2);
  expect(page).toContain('<title id="sustain-rate-chart-title">Request rate over time</title>');
  expect(page).toContain('<title id="sustain-latency-chart-title">Latency over time</title>');
  for (const series of ['Offered', 'Achieved', 'p50', 'p95', 'p99'])
    expect(page).toContain(`data-series="${series}"`);
  expect(page).toMatch(/<figcaption>Request rate over time: offered/);
  expect(page).toMatch(/<figcaption>Latency over time: p50/);
  // The table holds every number the pictures show.
  expect(page).toMatch(
    /<th scope="row">10–20 s<\/th>\s*<td data-label="Offered">250<\/td>\s*<td data-label="Achieved">230<\/td>\s*<td data-label="Achieved \(req\/s\)">23<\/td>\s*<td data-label="Missed">20<\/td>/,
  );
  expect(page).toContain('<td data-label="p99 (ms)">31</td>');
  expect(page).toContain('lookup 290, update 95');
});

test('a load with no complete window says so instead of drawing empty charts', () => {
  const page = renderMarkup(SustainSection({ sustain: { ...sustain([], true), interrupted: true } }));
  expect(page).not.toContain('<svg');
  expect(page).toContain('No window completed, so there is no rate to draw.');
  expect(page).toContain('(interrupted)');
});
