import { expect, test } from '@playwright/test';
import { createDirectory } from './create-directory.js';

// The bench provisions 100k users from one process; the directory must stay small enough for that.
test('100k users fit within 300 MB of RSS', () => {
  test.setTimeout(120_000);
  const directory = createDirectory({ seed: 1, users: 100_000, groups: 200, runId: 'scale' });
  expect(directory.users.size).toBe(100_000);
  expect(process.memoryUsage().rss).toBeLessThan(300 * 1024 * 1024);
});
