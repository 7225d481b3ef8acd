import { expect, test } from '@playwright/test';
import { countKinds } from './request-mix.js';
import {
  formatStatuses,
  type HalfFigures,
  median,
  ratioVerdict,
  renderMixTable,
  renderThroughputReport,
  requestsPerSecond,
  roundRatio,
  type ThroughputRound,
} from './throughput-report.js';

const half = (
  client: HalfFigures['client'],
  requests: number,
  seconds: number,
  spanSeconds?: number,
): HalfFigures => ({
  client,
  requests,
  durationMs: seconds * 1000,
  ...(spanSeconds === undefined ? {} : { spanMs: spanSeconds * 1000 }),
  answers: 'ok',
});

const RATIOS: { name: string; round: ThroughputRound; ratio: number | undefined }[] = [
  {
    name: 'replay at half the rate',
    round: { n: 1, halves: [half('autocannon', 1000, 1), half('replay', 1000, 2)] },
    ratio: 0.5,
  },
  {
    name: 'order of halves does not matter',
    round: { n: 2, halves: [half('replay', 300, 1), half('autocannon', 200, 1)] },
    ratio: 1.5,
  },
  {
    name: 'different request counts are rates',
    round: { n: 1, halves: [half('autocannon', 900, 3), half('replay', 400, 2)] },
    ratio: 200 / 300,
  },
  { name: 'autocannon half missing', round: { n: 1, halves: [half('replay', 1, 1)] }, ratio: undefined },
  {
    name: 'autocannon sent nothing',
    round: { n: 1, halves: [half('autocannon', 0, 1), half('replay', 1, 1)] },
    ratio: undefined,
  },
];

for (const row of RATIOS) {
  test(`roundRatio: ${row.name}`, () => {
    const ratio = roundRatio(row.round);
    if (row.ratio === undefined) expect(ratio).toBeUndefined();
    else expect(ratio).toBeCloseTo(row.ratio, 10);
  });
}

test("roundRatio with span timing takes autocannon's time with the idle between runs", () => {
  const round = { n: 1, halves: [half('autocannon', 1000, 1, 2), half('replay', 800, 2)] };
  expect(roundRatio(round)).toBeCloseTo(0.4, 10);
  expect(roundRatio(round, 'span')).toBeCloseTo(0.8, 10);
  expect(
    roundRatio({ n: 1, halves: [half('autocannon', 1000, 1), half('replay', 1, 1)] }, 'span'),
  ).toBeUndefined();
});

const VERDICTS: { ratio: number | undefined; verdict: string }[] = [
  { ratio: 0.8, verdict: '✅ met' },
  { ratio: 0.79, verdict: '❌ not met' },
  { ratio: 1.2, verdict: '✅ met' },
  { ratio: undefined, verdict: '— (no figure)' },
];

for (const row of VERDICTS) {
  test(`ratioVerdict(${String(row.ratio)}) is ${row.verdict}`, () => {
    expect(ratioVerdict(row.ratio)).toBe(row.verdict);
  });
}

test('requestsPerSecond and median', () => {
  expect(requestsPerSecond(500, 250)).toBe(2000);
  expect(requestsPerSecond(5, 0)).toBe(0);
  expect(median([])).toBeUndefined();
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});

test('formatStatuses lists each kind with its statuses', () => {
  expect(formatStatuses({ 'POST /Users': { '201': 9, '409': 1 }, 'GET /Users?filter': { '200': 10 } })).toBe(
    'POST /Users 201×9 409×1; GET /Users?filter 200×10',
  );
});

test('the mix table says whether the mixes are identical, and how they differ when not', () => {
  const replay = countKinds(['GET /Users?filter', 'POST /Users', 'GET /Users?filter', 'POST /Users']);
  expect(renderMixTable(replay, new Map(replay)).at(-1)).toBe(
    'The mixes are identical: the same requests of every kind.',
  );
  const lines = renderMixTable(replay, countKinds(['GET /Users?filter', 'POST /Users', 'PATCH /Users/{id}']));
  expect(lines).toContain('| `GET /Users?filter` | 2 | 50.0 % | 1 | 33.3 % |');
  expect(lines).toContain('| `PATCH /Users/{id}` | 0 | 0.0 % | 1 | 33.3 % |');
  expect(lines.at(-1)).toBe(
    'The mixes differ: GET /Users?filter replay 2, autocannon 1; POST /Users replay 2, autocannon 1; PATCH /Users/{id} replay 0, autocannon 1.',
  );
});

test('the report gives both halves, every round, the median and each process', () => {
  const mix = countKinds(['POST /Users']);
  const text = renderThroughputReport({
    header: 'header line',
    rounds: [
      { n: 1, halves: [half('autocannon', 1000, 1, 2), half('replay', 700, 1)] },
      { n: 2, halves: [half('replay', 900, 1), half('autocannon', 1000, 1, 2)] },
    ],
    processes: [{ role: 'benchmark process', pid: 42, ran: 'the replay' }],
    replayMix: mix,
    autocannonMix: mix,
    notes: ['a note'],
  });
  expect(text).toContain('| benchmark process | 42 | the replay |');
  expect(text).toContain('| 1 | autocannon | 1000 | 1.0 | 1000 | 2.0 | 500 | ok |');
  expect(text).toContain('| 1 | replay | 700 | 1.0 | 700 | | | ok |');
  expect(text).toContain('| replay req/s ÷ autocannon req/s, round 1 | 0.70 | 1.40 | ≥ 0.8 | ❌ not met |');
  expect(text).toContain('| replay req/s ÷ autocannon req/s, round 2 | 0.90 | 1.80 | ≥ 0.8 | ✅ met |');
  expect(text).toContain('| median over 2 rounds | 0.80 | 1.60 | ≥ 0.8 | ✅ met |');
  expect(text).toContain('- a note');
});
