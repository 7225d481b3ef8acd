import { expect, test } from '@playwright/test';
import { readReplayBenchOptions } from './replay-bench-options.js';

const ROWS: [string, Parameters<typeof readReplayBenchOptions>[0], number, Record<string, unknown>][] = [
  [
    'defaults',
    {},
    10_000,
    { users: 10_000, groups: 100, concurrency: 8, seed: 1, mapping: 'entra-default', v8DefaultHeap: false },
  ],
  ["V8's default heap for comparison", { 'v8-default-heap': true }, 10, { users: 10, v8DefaultHeap: true }],
  ['a k suffix, groups derived', { users: '100k' }, 10_000, { users: 100_000, groups: 1_000 }],
  [
    'explicit values',
    { users: '500', groups: '7', concurrency: '2', seed: '9', mapping: 'datadog' },
    1,
    {
      users: 500,
      groups: 7,
      concurrency: 2,
      seed: 9,
      mapping: 'datadog',
    },
  ],
];

for (const [name, values, defaultUsers, expected] of ROWS) {
  test(`replay bench options: ${name}`, () => {
    expect(readReplayBenchOptions(values, defaultUsers)).toMatchObject(expected);
  });
}

test('an unknown mapping is refused naming the choices', () => {
  expect(() => readReplayBenchOptions({ mapping: 'okta' }, 10)).toThrow(/--mapping must be one of .*"okta"/);
});
