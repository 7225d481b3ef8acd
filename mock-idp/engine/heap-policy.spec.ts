import { expect, test } from '@playwright/test';
import { applyReplayHeapPolicy, REPLAY_HEAP_GROWING_PERCENT } from './heap-policy.js';

const cases: { name: string; env: NodeJS.ProcessEnv; execArgv: string[]; applied: boolean }[] = [
  { name: 'nothing given', env: {}, execArgv: [], applied: true },
  {
    name: 'other node flags',
    env: { NODE_OPTIONS: '--enable-source-maps' },
    execArgv: ['--inspect'],
    applied: true,
  },
  { name: 'a heap limit alone', env: {}, execArgv: ['--max-old-space-size=512'], applied: true },
  { name: 'on the command line', env: {}, execArgv: ['--heap-growing-percent=50'], applied: false },
  {
    name: 'in NODE_OPTIONS',
    env: { NODE_OPTIONS: '--x --heap_growing_percent=10' },
    execArgv: [],
    applied: false,
  },
  {
    name: 'a longer flag that only starts alike',
    env: {},
    execArgv: ['--heap-growing-percentage=5'],
    applied: true,
  },
];

for (const { name, env, execArgv, applied } of cases) {
  test(`heap policy: ${name}`, () => {
    const set: string[] = [];
    const policy = applyReplayHeapPolicy(env, execArgv, (flags) => set.push(flags));
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
