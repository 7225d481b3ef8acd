/**
 * Windowing and the verdict: each arrival counts in the window it was scheduled in whenever its answer comes, a
 * window closes once its time has passed and its last request settled, and the verdict fails for a window under
 * 99%, errors at 0.1% or more, a 429 without Retry-After, or an interrupted load.
 */
import { expect, test } from '@playwright/test';
import { exchangeWith } from '../../../src/http/test-support/exchange-factory.js';
import {
  LATENCY_HISTOGRAM_PRECISION as PRECISION,
  type ReplaySustainWindow,
} from '../../../src/run-contract/index.js';
import { type SettledArrival, SustainWindows, sustainVerdict } from './sustain-windows.js';
import { settledArrival } from './sustained-load.js';

const ok: SettledArrival = {
  result: 'success',
  status: '200',
  throttled: 0,
  throttledWithoutRetryAfter: 0,
  latencyMs: 5,
};

/** Runs `rps` for `seconds` through the windows: every arrival sent, answered as `answer(k)` says. */
function load(
  rps: number,
  seconds: number,
  answer: (k: number) => SettledArrival | 'missed' = () => ok,
  windowMs = 10_000,
): SustainWindows {
  const windows = new SustainWindows(windowMs);
  const total = rps * seconds;
  for (let k = 0; k < total; k++) {
    const at = (k * 1000) / rps;
    const settled = answer(k);
    windows.offer(at, at, settled !== 'missed');
    if (settled !== 'missed') windows.settle(at, settled);
  }
  windows.close(Number.POSITIVE_INFINITY, seconds * 1000);
  return windows;
}

function judge(windows: SustainWindows, rps: number, seconds: number, interrupted = false) {
  const totals = windows.totals(seconds, {});
  return sustainVerdict({
    targetRps: rps,
    durationS: seconds,
    ranS: seconds,
    windowS: 10,
    interrupted,
    series: windows.closed,
    totals,
  });
}

test('25 req/s for 30 s, all answered: three windows of 250, and the verdict holds', () => {
  const windows = load(25, 30);
  expect(windows.closed.map((w) => [w.startS, w.durationS, w.offered, w.achieved])).toEqual([
    [0, 10, 250, 250],
    [10, 10, 250, 250],
    [20, 10, 250, 250],
  ]);
  const verdict = judge(windows, 25, 30);
  expect(verdict).toMatchObject({ held: true, reasons: [] });
  expect(verdict.checks.find((c) => c.name === 'rate')?.detail).toBe(
    'achieved at least 99% of the 25 req/s offered in all 3 window(s) of 10 s (lowest 100.0%, 25 req/s overall)',
  );
});

test('the last window is as long as what is left of the duration', () => {
  const windows = load(10, 25);
  expect(windows.closed.map((w) => [w.startS, w.durationS, w.offered])).toEqual([
    [0, 10, 100],
    [10, 10, 100],
    [20, 5, 50],
  ]);
});

test('a window under 99% of what it offered fails the rate, even when the others make up for it', () => {
  // Window 2 (10–20 s) misses 3 of its 250 arrivals at the cap: 98.8%.
  const windows = load(25, 30, (k) => (k >= 250 && k < 253 ? 'missed' : ok));
  const verdict = judge(windows, 25, 30);
  expect(verdict.held).toBe(false);
  expect(verdict.reasons).toEqual([
    'the 25 req/s rate was not held in 1 of 3 window(s): 10–20 s achieved 247 of 250 offered (98.8%, 3 missed at the in-flight cap)',
  ]);
  // 2 missed in a window is still 99.2%: held.
  expect(
    judge(
      load(25, 30, (k) => (k < 2 ? 'missed' : ok)),
      25,
      30,
    ).held,
  ).toBe(true);
});

test('errors at 0.1% of the requests sent fail the verdict; just under it they do not', () => {
  const error: SettledArrival = { ...ok, result: 'error', status: '503' };
  // 1000 requests, 1 error: 0.1%, not under it. The rate still holds (249 of 250 is 99.6%).
  const at = judge(
    load(25, 40, (k) => (k === 7 ? error : ok)),
    25,
    40,
  );
  expect(at.held).toBe(false);
  expect(at.reasons).toEqual(['1 error(s) in 1000 request(s) sent (0.100%, not under 0.1%): 503×1']);
  // 1250 requests, 1 error: 0.08%.
  expect(
    judge(
      load(25, 50, (k) => (k === 7 ? error : ok)),
      25,
      50,
    ).held,
  ).toBe(true);
});

test('one 429 without Retry-After fails the verdict even when the request then succeeded', () => {
  const bare: SettledArrival = { ...ok, throttled: 1, throttledWithoutRetryAfter: 1 };
  const polite: SettledArrival = { ...ok, throttled: 1 };
  const verdict = judge(
    load(25, 10, (k) => (k === 3 ? bare : k === 4 ? polite : ok)),
    25,
    10,
  );
  expect(verdict.held).toBe(false);
  expect(verdict.reasons).toEqual(['1 of 2 429 answer(s) carried no readable Retry-After']);
  expect(
    judge(
      load(25, 10, (k) => (k === 4 ? polite : ok)),
      25,
      10,
    ).checks[2],
  ).toEqual({
    name: 'retry-after',
    held: true,
    detail: 'every one of 1 429 answer(s) carried Retry-After',
  });
});

test('an interrupted load does not hold, whatever its windows say', () => {
  const verdict = judge(load(25, 10), 25, 10, true);
  expect(verdict.held).toBe(false);
  expect(verdict.reasons).toEqual(['interrupted after 10 of 10 s']);
});

test('a window closes only once its time has passed and its last request has settled, in order', () => {
  const closed: ReplaySustainWindow[] = [];
  const windows = new SustainWindows(1000, (w) => closed.push(w));
  windows.offer(0, 0, true);
  windows.offer(500, 500, true);
  windows.settle(0, ok);
  windows.offer(1000, 1000, true);
  windows.settle(1000, ok);
  windows.close(1500, 10_000);
  // Window 0 still waits for the arrival at 500 ms; window 1 waits behind it.
  expect(closed).toHaveLength(0);
  windows.settle(500, { ...ok, latencyMs: 40 });
  windows.close(2000, 10_000);
  expect(closed.map((w) => [w.startS, w.offered, w.achieved])).toEqual([
    [0, 2, 2],
    [1, 1, 1],
  ]);
  // Read from the window's histogram: within its stated precision of the 40 ms recorded.
  const p99 = closed[0]?.latencyMs.p99 ?? 0;
  expect(Math.abs(p99 - 40)).toBeLessThanOrEqual(40 * PRECISION.relative + PRECISION.absoluteMs);
});

test('an exchange counts as success, throttled or error; every 429 is counted with its Retry-After', () => {
  expect(settledArrival(exchangeWith({ status: 201 }), 0)).toMatchObject({
    result: 'success',
    throttled: 0,
    latencyMs: 1,
  });
  expect(settledArrival(exchangeWith({ status: 404 }), 0)).toMatchObject({ result: 'error', status: '404' });
  expect(settledArrival(exchangeWith({ status: 502 }), 0)).toMatchObject({ result: 'error', status: '502' });
  expect(settledArrival(exchangeWith(undefined), 0)).toMatchObject({
    result: 'error',
    status: 'connection-refused',
    latencyMs: undefined,
  });
  const retried = exchangeWith({ status: 200 });
  retried.retries.push(
    { status: 429, waitedMs: 1000, requestedMs: 1000, retryAfter: '1' },
    { status: 429, waitedMs: 1000 },
  );
  retried.durationMs = 2005;
  retried.timing.retryWaitMs = 2000;
  expect(settledArrival(retried, 0)).toEqual({
    result: 'success',
    status: '200',
    throttled: 2,
    throttledWithoutRetryAfter: 1,
    latencyMs: 5,
  });
  expect(settledArrival(exchangeWith({ status: 429, headers: { 'retry-after': '3' } }), 0)).toMatchObject({
    result: 'throttled',
    throttled: 1,
    throttledWithoutRetryAfter: 0,
  });
  expect(settledArrival(exchangeWith({ status: 429, headers: { 'retry-after': 'soon' } }), 0)).toMatchObject({
    result: 'throttled',
    throttledWithoutRetryAfter: 1,
  });
});
