import { expect, test } from '@playwright/test';
import { observePools, runPool } from './run-pool.js';

interface Row {
  name: string;
  items: number;
  concurrency: number;
  /** Abort the observing stage's signal after this many items have started. */
  abortAfter?: number;
  /** Halt (as a quarantine does) after this many items have started. */
  haltAfter?: number;
  started: number;
}

const ROWS: Row[] = [
  { name: 'works through every item', items: 7, concurrency: 3, started: 7 },
  { name: 'an empty list settles nothing', items: 0, concurrency: 4, started: 0 },
  {
    name: 'an aborted signal stops new items, one worker',
    items: 10,
    concurrency: 1,
    abortAfter: 4,
    started: 4,
  },
  {
    name: 'an aborted signal stops new items, many workers',
    items: 20,
    concurrency: 3,
    abortAfter: 5,
    started: 5,
  },
  { name: 'the halted callback still stops the pool', items: 10, concurrency: 2, haltAfter: 6, started: 6 },
];

for (const row of ROWS) {
  test(`runPool under an observer: ${row.name}`, async () => {
    const controller = new AbortController();
    const planned: number[] = [];
    let settled = 0;
    let started = 0;
    await observePools(
      { planned: (count) => planned.push(count), settled: () => settled++, signal: controller.signal },
      () =>
        runPool(
          Array.from({ length: row.items }, (_, i) => i),
          row.concurrency,
          async () => {
            started++;
            if (started === row.abortAfter) controller.abort();
            await Promise.resolve();
          },
          () => row.haltAfter !== undefined && started >= row.haltAfter,
        ),
    );
    expect(planned).toEqual([row.items]);
    expect(started).toBe(row.started);
    expect(settled).toBe(row.started);
  });
}

test('an item that throws is still counted as settled, and the error reaches the caller', async () => {
  let settled = 0;
  const run = observePools({ settled: () => settled++ }, () =>
    runPool([1, 2], 1, async (item) => {
      if (item === 1) throw new Error('boom');
    }),
  );
  await expect(run).rejects.toThrow('boom');
  expect(settled).toBe(1);
});

test('pools outside an observed stage report to nobody, and nested pools report to the stage', async () => {
  const planned: number[] = [];
  await runPool([1, 2, 3], 2, async () => {});
  await observePools({ planned: (count) => planned.push(count) }, async () => {
    await runPool([1, 2], 2, async () => {
      await runPool([1, 2, 3, 4], 2, async () => {});
    });
  });
  expect(planned).toEqual([2, 4, 4]);
});
