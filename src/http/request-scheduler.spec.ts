import { expect, test } from '@playwright/test';
import { RequestScheduler } from './request-scheduler.js';
import { createScimClient } from './scim-client.js';
import { ManualClock } from './test-support/manual-clock.js';
import { startTestServer } from './test-support/test-server.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let release: (() => void) | undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, resolve: () => release?.() };
}

test('no more than maxConcurrency tasks run at once; the rest wait in order', async () => {
  const scheduler = new RequestScheduler({ maxConcurrency: 2 });
  const gates = Array.from({ length: 5 }, deferred);
  const order: number[] = [];
  const runs = gates.map((gate, i) =>
    scheduler.run(async () => {
      order.push(i);
      await gate.promise;
      return i;
    }),
  );
  await Promise.resolve();
  expect(scheduler.stats).toMatchObject({ inFlight: 2, queued: 3 });
  for (const gate of gates) gate.resolve();
  expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
  expect(order).toEqual([0, 1, 2, 3, 4]);
  expect(scheduler.stats).toEqual({ inFlight: 0, queued: 0, started: 5, peakInFlight: 2 });
});

const RATES = [
  { rate: 2, burst: 1, count: 5, starts: [0, 500, 1000, 1500, 2000] },
  { rate: 4, burst: 3, count: 5, starts: [0, 0, 0, 250, 500] },
  { rate: 10, burst: 1, count: 3, starts: [0, 100, 200] },
] as const;

for (const row of RATES) {
  test(`a token bucket of ${row.rate}/s with burst ${row.burst} spaces starts`, async () => {
    const clock = new ManualClock(0);
    const scheduler = new RequestScheduler({
      maxConcurrency: 100,
      maxPerSecond: row.rate,
      burst: row.burst,
      clock,
    });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: row.count }, () =>
        scheduler.run(async () => {
          starts.push(clock.now());
        }),
      ),
    );
    expect(starts.map((t) => Math.round(t))).toEqual(row.starts);
  });
}

test('a task aborted while queued is rejected with the reason and never runs', async () => {
  const scheduler = new RequestScheduler({ maxConcurrency: 1 });
  const gate = deferred();
  const first = scheduler.run(() => gate.promise);
  const controller = new AbortController();
  let ran = false;
  const second = scheduler.run(async () => {
    ran = true;
  }, controller.signal);
  controller.abort(new Error('stop'));
  await expect(second).rejects.toThrow('stop');
  gate.resolve();
  await first;
  expect(ran).toBe(false);
  expect(scheduler.stats.queued).toBe(0);
});

test('a failing task frees its slot', async () => {
  const scheduler = new RequestScheduler({ maxConcurrency: 1 });
  await expect(scheduler.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(await scheduler.run(async () => 'next')).toBe('next');
});

const BAD = [{ maxConcurrency: 0 }, { maxConcurrency: 1.5 }, { maxPerSecond: -1 }, { burst: 0 }] as const;

for (const options of BAD) {
  test(`invalid limits are a CONFIG_INVALID error: ${JSON.stringify(options)}`, () => {
    expect(() => new RequestScheduler(options)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
}

test('a client run through a scheduler never has more requests in flight than allowed', async () => {
  let inFlight = 0;
  let peak = 0;
  const release: Array<() => void> = [];
  const server = await startTestServer((_req, res) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    release.push(() => {
      inFlight -= 1;
      res.end('{}');
    });
    // Hold a full batch a moment, so that requests an unlimited client would add have time to arrive.
    if (release.length === 2) {
      setTimeout(() => {
        for (const done of release.splice(0)) done();
      }, 50);
    }
  });
  try {
    const scheduler = new RequestScheduler({ maxConcurrency: 2 });
    const client = createScimClient({ tenantUrl: `${server.origin}/scim`, scheduler });
    const exchanges = await Promise.all(Array.from({ length: 6 }, (_, i) => client.get(`/Users/${i}`)));
    expect(exchanges.map((e) => e.outcome)).toEqual(Array(6).fill('ok'));
    expect(peak).toBe(2);
    expect(scheduler.stats.peakInFlight).toBe(2);
  } finally {
    await server.close();
  }
});
