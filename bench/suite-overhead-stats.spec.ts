import { expect, test } from '@playwright/test';
import { EXCHANGES_ATTACHMENT } from '../src/run-contract/index.js';
import { suiteOverhead } from './suite-overhead-stats.js';

const attachment = (serverMs: number[]) => ({
  name: EXCHANGES_ATTACHMENT,
  contentType: 'application/json',
  body: Buffer.from(JSON.stringify(serverMs.map((ms) => ({ timing: { serverMs: ms } })))).toString('base64'),
});

const result = (parallelIndex: number, startMs: number, duration: number, serverMs: number[] = []) => ({
  parallelIndex,
  startTime: new Date(Date.UTC(2026, 0, 1) + startMs).toISOString(),
  duration,
  attachments: serverMs.length > 0 ? [attachment(serverMs)] : [],
});

test('per worker: wall span of its tests, time waiting on the server, and the rest as overhead', () => {
  const report = {
    suites: [
      {
        specs: [{ tests: [{ results: [result(0, 0, 1000, [100, 200]), result(1, 0, 500, [400])] }] }],
        suites: [{ specs: [{ tests: [{ results: [result(0, 1500, 500, [300]), result(1, 600, 400)] }] }] }],
      },
    ],
  };
  const o = suiteOverhead(report);
  expect(o.workers).toEqual([
    { worker: 0, tests: 2, requests: 3, wallMs: 2000, serverMs: 600, overheadMs: 1400 },
    { worker: 1, tests: 2, requests: 1, wallMs: 1000, serverMs: 400, overheadMs: 600 },
  ]);
  expect(o).toMatchObject({ tests: 4, requests: 4, wallMs: 3000, serverMs: 1000, overheadMs: 2000 });
  expect(o.overheadShare).toBeCloseTo(2 / 3, 5);
});

// [case, report]: nothing measurable yields zeros, not NaN or a crash.
const EMPTY: [string, unknown][] = [
  ['no report', undefined],
  ['no suites', { suites: [] }],
  ['a result without a start time', { suites: [{ specs: [{ tests: [{ results: [{ duration: 5 }] }] }] }] }],
];

for (const [name, report] of EMPTY) {
  test(`suite overhead of ${name} is all zeros`, () => {
    expect(suiteOverhead(report)).toEqual({
      workers: [],
      tests: 0,
      requests: 0,
      wallMs: 0,
      serverMs: 0,
      overheadMs: 0,
      overheadShare: 0,
    });
  });
}

test('an unreadable attachment counts no requests', () => {
  const broken = {
    ...result(0, 0, 10),
    attachments: [{ name: EXCHANGES_ATTACHMENT, body: 'not base64 json' }],
  };
  expect(suiteOverhead({ suites: [{ specs: [{ tests: [{ results: [broken] }] }] }] }).requests).toBe(0);
});
