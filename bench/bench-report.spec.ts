import { expect, test } from '@playwright/test';
import type { MemoryFigures } from './bench-messages.js';
import {
  DEFAULT_TARGETS,
  formatMb,
  formatMs,
  formatUsers,
  gradeTargets,
  renderBenchReport,
  type SizeResult,
  type TargetVerdict,
} from './bench-report.js';
import type { BenchScenario } from './bench-scenarios.js';

const lookup: BenchScenario = {
  id: 'lookup',
  label: 'GET /lookup',
  kind: 'lookup',
  path: () => '/',
  problem: () => undefined,
};
const page: BenchScenario = {
  id: 'page',
  label: 'GET /page',
  kind: 'page',
  path: () => '/',
  problem: () => undefined,
};
const SCENARIOS = [lookup, page];

const MB = 1_000_000;

function memory(rssMb: number, peakMb = rssMb): MemoryFigures {
  return { rssBytes: rssMb * MB, heapUsedBytes: (rssMb / 2) * MB, peakRssBytes: peakMb * MB };
}

function size(
  users: number,
  p50: { lookup: number; page: number },
  rssMb: number,
  peakMb: number,
): SizeResult {
  const run = (scenarioId: string, ms: number) => ({
    scenarioId,
    users,
    planned: 100,
    summary: {
      count: 100,
      p50: ms,
      p95: ms * 2,
      p99: ms * 3,
      max: ms * 4,
      mean: ms,
      requestsPerSecond: 1000 / ms,
    },
  });
  return {
    users,
    groups: users / 100,
    readyMs: 1500,
    atRest: memory(rssMb),
    afterLoad: memory(rssMb, peakMb),
    runs: users === 0 ? [] : [run('lookup', p50.lookup), run('page', p50.page)],
  };
}

const baseline = size(0, { lookup: 0, page: 0 }, 90, 90);

const GRADES: { name: string; results: SizeResult[]; verdicts: TargetVerdict[]; measured?: string[] }[] = [
  {
    name: 'flat lookups and a small footprint',
    results: [
      baseline,
      size(1000, { lookup: 1, page: 10 }, 100, 150),
      size(100_000, { lookup: 1.2, page: 900 }, 300, 390),
    ],
    verdicts: ['met', 'no target', 'met', 'met'],
    measured: ['1.20× (1.20 / 1.00 ms)', '90.00× (900 / 10.0 ms)', '300 MB', '390 MB'],
  },
  {
    name: 'a ratio of exactly 1.5 and exactly 400 MB',
    results: [
      size(1000, { lookup: 2, page: 10 }, 100, 150),
      size(100_000, { lookup: 3, page: 20 }, 400, 400),
    ],
    verdicts: ['met', 'no target', 'met', 'met'],
  },
  {
    name: 'lookups that grow and a peak over the limit',
    results: [
      size(1000, { lookup: 1, page: 10 }, 100, 150),
      size(100_000, { lookup: 1.6, page: 900 }, 300, 923),
    ],
    verdicts: ['not met', 'no target', 'met', 'not met'],
  },
  {
    name: 'the sizes sorted by users whatever their order',
    results: [
      size(100_000, { lookup: 1.6, page: 900 }, 410, 500),
      size(1000, { lookup: 1, page: 10 }, 100, 150),
    ],
    verdicts: ['not met', 'no target', 'not met', 'not met'],
  },
  {
    name: 'one seeded size: no ratio',
    results: [baseline, size(1000, { lookup: 1, page: 10 }, 100, 150)],
    verdicts: ['not measured', 'not measured', 'met', 'met'],
  },
  {
    name: 'only the empty server',
    results: [baseline],
    verdicts: ['not measured', 'not measured', 'not measured', 'not measured'],
  },
];

test.describe('gradeTargets', () => {
  for (const { name, results, verdicts, measured } of GRADES) {
    test(name, () => {
      const rows = gradeTargets({ scenarios: SCENARIOS, results, targets: DEFAULT_TARGETS });
      expect(rows.map((row) => row.verdict)).toEqual(verdicts);
      if (measured) expect(rows.map((row) => row.measured)).toEqual(measured);
    });
  }

  test('names the sizes it compares', () => {
    const results = [
      size(1000, { lookup: 1, page: 10 }, 100, 150),
      size(10_000, { lookup: 1, page: 90 }, 120, 200),
    ];
    const [ratio, , rest] = gradeTargets({ scenarios: SCENARIOS, results, targets: DEFAULT_TARGETS });
    expect(ratio?.target).toBe('GET /lookup: p50(10k) / p50(1k)');
    expect(rest?.target).toBe('RSS with 10k users, at rest after seeding');
  });
});

const FORMATS: { value: string; expected: string }[] = [
  { value: formatUsers(0), expected: '0' },
  { value: formatUsers(1000), expected: '1k' },
  { value: formatUsers(100_000), expected: '100k' },
  { value: formatUsers(1500), expected: '1500' },
  { value: formatMs(0.456), expected: '0.46' },
  { value: formatMs(12.34), expected: '12.3' },
  { value: formatMs(20633.4), expected: '20633' },
  { value: formatMb(97_499_999), expected: '97.5 MB' },
  { value: formatMb(400_000_000), expected: '400 MB' },
];

test.describe('formatting', () => {
  for (const { value, expected } of FORMATS) {
    test(`prints ${expected}`, () => {
      expect(value).toBe(expected);
    });
  }
});

test.describe('renderBenchReport', () => {
  const results = [
    baseline,
    size(1000, { lookup: 1, page: 10 }, 100, 150),
    size(100_000, { lookup: 1.6, page: 900 }, 300, 923),
  ];
  const text = renderBenchReport({
    environment: 'Node test',
    scenarios: SCENARIOS,
    results,
    targets: DEFAULT_TARGETS,
  });
  const lines = text.split('\n');

  test('prints the environment and one latency row per size and scenario', () => {
    expect(lines).toContain('Node test');
    expect(lines).toContain('| 1k | `GET /lookup` | 100 | 1.00 | 2.00 | 3.00 | 4.00 | 1000 |');
    expect(lines).toContain('| 100k | `GET /page` | 100 | 900 | 1800 | 2700 | 3600 | 1 |');
  });

  test('prints memory per size with the RSS each user adds over the empty server', () => {
    expect(lines).toContain(
      '| 0 (empty server) | 0 | 1.5 | 90.0 MB | 45.0 MB | — | 90.0 MB | 90.0 MB | 90.0 MB |',
    );
    // (300 MB − 90 MB) / 100 000 users = 2100 bytes.
    expect(lines).toContain('| 100k | 1000 | 1.5 | 300 MB | 150 MB | 2100 B | 300 MB | 300 MB | 923 MB |');
  });

  test('marks each target met or not', () => {
    expect(lines).toContain(
      '| GET /lookup: p50(100k) / p50(1k) | 1.60× (1.60 / 1.00 ms) | ≤ 1.5× | ❌ not met |',
    );
    expect(lines).toContain('| RSS with 100k users, at rest after seeding | 300 MB | ≤ 400 MB | ✅ met |');
  });

  test('says when the time budget cut a scenario short', () => {
    const short = size(1000, { lookup: 1, page: 10 }, 100, 150);
    short.runs[1] = { ...short.runs[1]!, planned: 500, summary: { ...short.runs[1]!.summary, count: 7 } };
    const printed = renderBenchReport({
      environment: '',
      scenarios: SCENARIOS,
      results: [short],
      targets: DEFAULT_TARGETS,
    });
    expect(printed).toContain('| 1k | `GET /page` | 7 of 500 (time budget) |');
  });
});
