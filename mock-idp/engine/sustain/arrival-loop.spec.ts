/**
 * The open-model schedule on a manual clock: arrivals come on time whatever the answers do, a full cap turns
 * arrivals into misses instead of slowing the schedule, late wake-ups send what fell due at once, and Ctrl-C stops
 * the arrivals but waits for those in flight.
 */
import { expect, test } from '@playwright/test';
import { ManualClock } from '../../../src/http/test-support/manual-clock.js';
import { type Arrival, runArrivals } from './arrival-loop.js';

/** A promise settled from outside. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test('10 per second for a second: ten arrivals 100 ms apart, each sent at its time', async () => {
  const clock = new ManualClock(0);
  const sent: Arrival[] = [];
  const result = await runArrivals({
    rps: 10,
    durationMs: 1000,
    maxInFlight: 4,
    clock,
    send: async (arrival) => {
      sent.push(arrival);
    },
    miss: () => {
      throw new Error('nothing should be missed');
    },
  });
  expect(result).toEqual({ offered: 10, missed: 0, ranMs: 1000, interrupted: false });
  expect(sent.map((a) => a.scheduledMs)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
  expect(sent.every((a) => a.startedMs === a.scheduledMs)).toBe(true);
  expect(clock.sleeps).toEqual(Array(9).fill(100));
});

test('a rate whose interval is no whole number of ms never drifts: 3 per second for 10 s is 30 arrivals', async () => {
  const clock = new ManualClock(0);
  const sent: number[] = [];
  const result = await runArrivals({
    rps: 3,
    durationMs: 10_000,
    maxInFlight: 1,
    clock,
    send: async (arrival) => {
      sent.push(arrival.scheduledMs);
    },
    miss: () => {},
  });
  expect(result.offered).toBe(30);
  expect(sent[29]).toBeCloseTo(9666.67, 1);
});

test('a target that never answers does not slow the schedule: beyond the cap, arrivals are missed', async () => {
  const clock = new ManualClock(0);
  const hanging: ReturnType<typeof deferred>[] = [];
  const missed: Arrival[] = [];
  const run = runArrivals({
    rps: 10,
    durationMs: 1000,
    maxInFlight: 3,
    clock,
    send: () => {
      const answer = deferred();
      hanging.push(answer);
      return answer.promise;
    },
    miss: (arrival) => missed.push(arrival),
    tick: (elapsed) => {
      // Once the last arrival has been offered, the target answers everything at last.
      if (elapsed >= 900) for (const answer of hanging) answer.resolve();
    },
  });
  const result = await run;
  expect(hanging).toHaveLength(3);
  expect(result).toMatchObject({ offered: 10, missed: 7 });
  expect(missed.map((a) => a.scheduledMs)).toEqual([300, 400, 500, 600, 700, 800, 900]);
  // The schedule kept its pace: one sleep per arrival, none longer.
  expect(clock.sleeps).toEqual(Array(9).fill(100));
});

test('arrivals that fell due while the loop was late are sent at once, each with its lag', async () => {
  const clock = new ManualClock(0);
  const sent: Arrival[] = [];
  await runArrivals({
    rps: 10,
    durationMs: 500,
    maxInFlight: 10,
    clock,
    send: async (arrival) => {
      sent.push(arrival);
      // The first request blocks the event loop for 250 ms.
      if (arrival.index === 0) clock.advance(250);
    },
    miss: () => {},
  });
  expect(sent.map((a) => [a.scheduledMs, a.startedMs])).toEqual([
    [0, 0],
    [100, 250],
    [200, 250],
    [300, 300],
    [400, 400],
  ]);
});

test('an abort stops the arrivals, waits for the requests in flight and says how far the schedule got', async () => {
  const clock = new ManualClock(0);
  const abort = new AbortController();
  const inFlight = deferred();
  let settled = false;
  const result = await runArrivals({
    rps: 10,
    durationMs: 10_000,
    maxInFlight: 10,
    clock,
    signal: abort.signal,
    send: async (arrival) => {
      if (arrival.index === 4) {
        abort.abort();
        setTimeout(() => {
          settled = true;
          inFlight.resolve();
        }, 5);
        await inFlight.promise;
      }
    },
    miss: () => {},
  });
  expect(settled).toBe(true);
  expect(result).toEqual({ offered: 5, missed: 0, ranMs: 400, interrupted: true });
});

test('a request that throws (a harness fault) ends the loop with that error once the others settle', async () => {
  const clock = new ManualClock(0);
  const run = runArrivals({
    rps: 10,
    durationMs: 1000,
    maxInFlight: 10,
    clock,
    send: async (arrival) => {
      if (arrival.index === 2) throw new Error('hook failed');
    },
    miss: () => {},
  });
  await expect(run).rejects.toThrow('hook failed');
});
