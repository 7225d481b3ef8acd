import { expect, test } from '@playwright/test';
import type { ReplayProgress } from '../../../mock-idp/engine/index.js';
import type { ReplayCycle } from '../../run-contract/index.js';
import { captureStream } from '../test-support/capture-io.js';
import { describeCycleOutcomes, type ProgressBar, ReplayProgressView } from './replay-progress.js';

const TOKEN = 'tok-3b9e0c51d2a44f6e';

function at(overrides: Partial<ReplayProgress>): ReplayProgress {
  return { cycle: 1, cycles: 3, phase: 'users', done: 0, total: 10, requests: 0, errors: 0, ...overrides };
}

const CYCLE: ReplayCycle = {
  n: 1,
  kind: 'initial',
  requests: 40,
  durationMs: 800,
  throughputRps: 50,
  latencyMs: { p50: 3, p95: 9, p99: 12 },
  operations: { Create: { '201': 12 } },
  divergences: [],
  converged: true,
  quarantined: false,
};

/** A view over a collecting stream with a clock the test moves. */
function plainView(options: { lineIntervalMs?: number; waitLineIntervalMs?: number } = {}) {
  const stream = captureStream();
  let now = 0;
  const view = new ReplayProgressView({
    stream,
    now: () => now,
    redact: (text) => text.split(TOKEN).join('[REDACTED]'),
    ...options,
  });
  return {
    view,
    lines: () => stream.text().split('\n').filter(Boolean),
    text: () => stream.text(),
    tick: (ms: number) => {
      now += ms;
    },
  };
}

interface ThrottleRow {
  name: string;
  /** Milliseconds after the previous report, and the report. */
  steps: [number, Partial<ReplayProgress>][];
  lines: string[];
}

const THROTTLE_ROWS: ThrottleRow[] = [
  {
    name: 'the first report is written, the next ones only 5 s after the last line',
    steps: [
      [0, { done: 1, requests: 2 }],
      [1000, { done: 2, requests: 4 }],
      [3999, { done: 3, requests: 6 }],
      [1, { done: 4, requests: 10 }],
      [4000, { done: 5, requests: 12 }],
    ],
    lines: [
      'replay: cycle 1/3 users 1/10, 0.0 req/s, 0 errors',
      'replay: cycle 1/3 users 4/10, 2.0 req/s, 0 errors',
    ],
  },
  {
    name: 'phase names, errors and the rate over the cycle show in the line',
    steps: [
      [0, { phase: 'test-connection', done: 0, total: 2 }],
      [10_000, { phase: 'memberships', done: 8, total: 10, requests: 250, errors: 3 }],
      [5000, { phase: 'convergence', done: 1, total: 12, requests: 300, errors: 3 }],
    ],
    lines: [
      'replay: cycle 1/3 test connection 0/2, 0.0 req/s, 0 errors',
      'replay: cycle 1/3 memberships 8/10, 25 req/s, 3 errors',
      'replay: cycle 1/3 read-back 1/12, 20 req/s, 3 errors',
    ],
  },
  {
    name: 'a wait is announced at once in seconds, then at most once a minute',
    steps: [
      [0, { done: 10 }],
      [100, { cycle: 2, phase: 'waiting', done: 0, total: 120_000 }],
      [1000, { cycle: 2, phase: 'waiting', done: 1000, total: 120_000 }],
      [30_000, { cycle: 2, phase: 'waiting', done: 31_000, total: 120_000 }],
      [30_000, { cycle: 2, phase: 'waiting', done: 61_000, total: 120_000 }],
      [59_000, { cycle: 2, phase: 'waiting', done: 120_000, total: 120_000 }],
      [1, { cycle: 2, phase: 'users', done: 0, total: 10 }],
    ],
    lines: [
      'replay: cycle 1/3 users 10/10, 0.0 req/s, 0 errors',
      'replay: cycle 2/3 starts in 120 s',
      'replay: cycle 2/3 starts in 59 s',
      'replay: cycle 2/3 users 0/10, 0.0 req/s, 0 errors',
    ],
  },
];

for (const row of THROTTLE_ROWS) {
  test(`plain progress lines: ${row.name}`, () => {
    const { view, lines, tick } = plainView();
    for (const [ms, report] of row.steps) {
      tick(ms);
      view.progress(at(report));
    }
    expect(lines()).toEqual(row.lines);
  });
}

test('cycle summaries are written whatever the throttle says', () => {
  const { view, lines, tick } = plainView();
  view.progress(at({ done: 1 }));
  tick(10);
  view.cycle(CYCLE);
  tick(10);
  view.cycle({ ...CYCLE, n: 2, kind: 'incremental', operations: {} });
  expect(lines()).toEqual([
    'replay: cycle 1/3 users 1/10, 0.0 req/s, 0 errors',
    'cycle 1 (initial): 40 requests in 800 ms, 50 req/s, p95 9 ms; Create 12; converged',
    'cycle 2 (incremental): 40 requests in 800 ms, 50 req/s, p95 9 ms; no changes; converged',
  ]);
});

test('no line carries the token, even a note that was handed one', () => {
  const { view, text, tick } = plainView({ lineIntervalMs: 0 });
  view.note(`Token owner (the run's token): ${TOKEN} belongs to a service account`);
  for (const phase of ['test-connection', 'users', 'convergence', 'cleanup', 'waiting'] as const) {
    tick(1);
    view.progress(at({ phase, done: 1, requests: 3, errors: 1 }));
  }
  view.cycle(CYCLE);
  expect(text()).toContain('[REDACTED] belongs to a service account');
  expect(text()).not.toContain(TOKEN);
});

type BarCall = [string, ...unknown[]];

function recordingBar(): ProgressBar & { calls: BarCall[] } {
  const calls: BarCall[] = [];
  return {
    calls,
    start: (total, value, payload) => calls.push(['start', total, value, payload]),
    update: (value, payload) => calls.push(['update', value, payload]),
    setTotal: (total) => calls.push(['setTotal', total]),
    stop: () => calls.push(['stop']),
  };
}

test('on a terminal the bar starts, follows, steps aside for summaries and stops once', () => {
  const stream = captureStream();
  const bar = recordingBar();
  let now = 0;
  const view = new ReplayProgressView({ stream, bar, now: () => now, redact: (text) => text });
  view.progress(at({ phase: 'test-connection', done: 0, total: 2 }));
  now = 2000;
  view.progress(at({ phase: 'groups', done: 4, total: 10, requests: 20, errors: 1 }));
  view.cycle(CYCLE);
  now = 3000;
  view.progress(at({ cycle: 2, phase: 'waiting', done: 0, total: 1500 }));
  view.stop();
  view.stop();
  expect(bar.calls).toEqual([
    ['start', 2, 0, { cycle: '1/3', phase: 'test connection', rps: '0.0', errors: 0 }],
    ['setTotal', 10],
    ['update', 4, { cycle: '1/3', phase: 'groups', rps: '10', errors: 1 }],
    ['stop'],
    ['start', 2, 0, { cycle: '2/3', phase: 'waiting (s)', rps: '0.0', errors: 0 }],
    ['stop'],
  ]);
  // Only the summary reached the stream: progress itself is the bar's.
  expect(stream.text()).toBe(
    'cycle 1 (initial): 40 requests in 800 ms, 50 req/s, p95 9 ms; Create 12; converged\n',
  );
});

test('stopping a view that never drew leaves the bar alone', () => {
  const bar = recordingBar();
  const view = new ReplayProgressView({ stream: captureStream(), bar, now: () => 0, redact: (text) => text });
  view.stop();
  view.note('nothing to tear');
  expect(bar.calls).toEqual([]);
});

test("the replay's last line says of each cycle that did not settle whether it converged and whether it was quarantined", () => {
  expect(describeCycleOutcomes([CYCLE, { ...CYCLE, n: 2 }])).toBe('all converged');
  expect(
    describeCycleOutcomes([
      CYCLE,
      { ...CYCLE, n: 2, converged: false, quarantined: true },
      { ...CYCLE, n: 3, converged: false },
      { ...CYCLE, n: 4, quarantined: true },
    ]),
  ).toBe(
    '3 NOT converged or quarantined (cycle 2 converged: no, quarantined: yes; cycle 3 converged: no, quarantined: no; cycle 4 converged: yes, quarantined: yes)',
  );
  const many = Array.from({ length: 7 }, (_, i) => ({ ...CYCLE, n: i + 1, converged: false }));
  expect(describeCycleOutcomes(many)).toMatch(/cycle 5 converged: no, quarantined: no; … and 2 more\)$/);
});
