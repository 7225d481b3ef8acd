import { expect, test } from '@playwright/test';
import { isHarnessError } from '../src/errors/harness-error.js';
import { percentile, summarizeLatencies } from './latency-stats.js';

const TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const PERCENTILES: { samples: number[]; p: number; expected: number }[] = [
  { samples: TEN, p: 50, expected: 5 },
  { samples: TEN, p: 51, expected: 6 },
  { samples: TEN, p: 95, expected: 10 },
  { samples: TEN, p: 100, expected: 10 },
  { samples: TEN, p: 10, expected: 1 },
  { samples: TEN, p: 0.1, expected: 1 },
  { samples: [7], p: 99, expected: 7 },
  { samples: [1, 1, 1, 100], p: 75, expected: 1 },
  { samples: [1, 1, 1, 100], p: 76, expected: 100 },
];

test.describe('percentile (nearest rank)', () => {
  for (const { samples, p, expected } of PERCENTILES) {
    test(`p${p} of [${samples.join(', ')}] is ${expected}`, () => {
      expect(percentile(samples, p)).toBe(expected);
    });
  }

  const INVALID: { samples: number[]; p: number }[] = [
    { samples: [], p: 50 },
    { samples: TEN, p: 0 },
    { samples: TEN, p: 101 },
    { samples: TEN, p: Number.NaN },
  ];
  for (const { samples, p } of INVALID) {
    test(`p${p} of ${samples.length} samples is refused`, () => {
      expect(() => percentile(samples, p)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    });
  }
});

test.describe('summarizeLatencies', () => {
  test('sorts its input without changing it, and reports count, percentiles, max, mean and throughput', () => {
    const samples = [10, 2, 8, 4, 6];
    const summary = summarizeLatencies(samples, 500);
    expect(samples).toEqual([10, 2, 8, 4, 6]);
    expect(summary).toEqual({ count: 5, p50: 6, p95: 10, p99: 10, max: 10, mean: 6, requestsPerSecond: 10 });
  });

  const INVALID: { samples: number[]; wallMs: number }[] = [
    { samples: [], wallMs: 100 },
    { samples: [1], wallMs: 0 },
    { samples: [1], wallMs: Number.NaN },
  ];
  for (const { samples, wallMs } of INVALID) {
    test(`${samples.length} samples over ${wallMs} ms is refused`, () => {
      let caught: unknown;
      try {
        summarizeLatencies(samples, wallMs);
      } catch (error) {
        caught = error;
      }
      expect(isHarnessError(caught, 'INTERNAL')).toBe(true);
    });
  }
});
