import { expect, test } from '@playwright/test';
import { formatMb, MB, RssPhases, renderRssPhases } from './rss-phases.js';

const reading = (rssMb: number, peakMb: number, heapMb = 10) => ({
  rssBytes: rssMb * MB,
  heapUsedBytes: heapMb * MB,
  peakRssBytes: peakMb * MB,
});

test('each phase keeps its own sampled peak, time and the maxrss so far', () => {
  const phases = new RssPhases(0);
  phases.sample(80 * MB);
  phases.mark('baseline', 500, reading(90, 95));
  phases.sample(250 * MB);
  phases.sample(180 * MB);
  phases.mark('directory', 4500, reading(200, 240));
  phases.mark('cycle', 5000, reading(120, 260));
  expect(
    phases.phases.map((p) => [p.name, p.seconds, p.sampledPeakBytes / MB, p.peakSoFarBytes / MB]),
  ).toEqual([
    ['baseline', 0.5, 90, 95],
    ['directory', 4, 250, 240],
    ['cycle', 0.5, 120, 260],
  ]);
  // A sample above what getrusage reported at the next mark still counts.
  expect(phases.peakBytes).toBe(260 * MB);
});

const VERDICTS: { peakMb: number; verdict: string }[] = [
  { peakMb: 300, verdict: '✅ met' },
  { peakMb: 300.1, verdict: '❌ not met' },
  { peakMb: 120, verdict: '✅ met' },
];

for (const row of VERDICTS) {
  test(`a peak of ${row.peakMb} MB against 300 MB: ${row.verdict}`, () => {
    const lines = renderRssPhases([], row.peakMb * MB, 300, 'peak');
    expect(lines.at(-1)).toBe(`| peak | ${formatMb(row.peakMb * MB)} | ≤ 300 MB | ${row.verdict} |`);
  });
}

test('MB are decimal', () => {
  expect(formatMb(300_000_000)).toBe('300.0 MB');
  expect(formatMb(314_572_800)).toBe('314.6 MB');
});
