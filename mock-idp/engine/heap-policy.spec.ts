import { expect, test } from '@playwright/test';
import { applyReplayHeapPolicy, REPLAY_HEAP_GROWING_PERCENT } from './heap-policy.js';

const cases: { name: string; execArgv: string[]; applied: boolean }[] = [
  { name: 'nothing given', execArgv: [], applied: true },
  { name: 'other node flags', execArgv: ['--inspect', '--enable-source-maps'], applied: true },
  { name: 'a heap limit alone', execArgv: ['--max-old-space-size=512'], applied: true },
  { name: 'on the command line', execArgv: ['--heap-growing-percent=50'], applied: false },
  { name: 'spelt with underscores', execArgv: ['--heap_growing_percent=10'], applied: false },
  { name: "V8's own growth asked for", execArgv: ['--heap-growing-percent=0'], applied: false },
  { name: 'a longer flag that only starts alike', execArgv: ['--heap-growing-percentage=5'], applied: true },
];

for (const { name, execArgv, applied } of cases) {
  test(`heap policy: ${name}`, () => {
    const set: string[] = [];
    const policy = applyReplayHeapPolicy(execArgv, (flags) => set.push(flags));
    if (applied) {
      expect(policy).toEqual({ kind: 'applied', growingPercent: REPLAY_HEAP_GROWING_PERCENT });
      expect(set).toEqual([`--heap-growing-percent=${REPLAY_HEAP_GROWING_PERCENT}`]);
    } else {
      expect(policy.kind).toBe('left-to-operator');
      expect(set).toEqual([]);
    }
  });
}

test('the flag is one this V8 knows (an unknown flag would be ignored without a word)', async () => {
  const { execFileSync } = await import('node:child_process');
  const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
  expect(options).toContain('--heap-growing-percent');
});
