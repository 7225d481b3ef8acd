import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

interface Row {
  name: string;
  argv: string[];
  exit: number;
  stdout?: RegExp;
  stderr?: RegExp;
}

const ROWS: Row[] = [
  {
    name: 'a small replay against the embedded server converges and exits 0',
    argv: [
      '--users',
      '12',
      '--groups',
      '2',
      '--cycles',
      '3',
      '--churn',
      '0.2',
      '--seed',
      '4',
      '--run-id',
      'cli-replay',
    ],
    exit: 0,
    stdout: /3 cycles, all converged/,
    stderr: /cycle 3 \(incremental\)/,
  },
  {
    name: 'the key-revocation scenario exits 0 when the key is rejected',
    argv: ['--users', '6', '--groups', '0', '--scenario', 'key-revocation', '--run-id', 'cli-revoke'],
    exit: 0,
    stdout: /Scenario key-revocation: key-rejected/,
  },
  {
    name: 'a bad churn is a usage error',
    argv: ['--churn', '2'],
    exit: 2,
    stderr: /--churn must be a number from 0 to 1/,
  },
  { name: 'a bad shard is a usage error', argv: ['--shard', '3/2'], exit: 2 },
  {
    name: 'a negative interval is a usage error naming the bounds',
    argv: ['--interval', '-1'],
    exit: 2,
    stderr: /--interval must be a number from 0 to 86400, got "-1"/,
  },
  {
    name: 'an interval that is not a number is a usage error naming the bounds',
    argv: ['--interval', '5m'],
    exit: 2,
    stderr: /--interval must be a number from 0 to 86400, got "5m"/,
  },
  {
    name: 'an interval over a day is a usage error naming the bounds',
    argv: ['--interval', '86401'],
    exit: 2,
    stderr: /--interval must be a number from 0 to 86400, got "86401"/,
  },
  {
    name: 'a short interval waits before the incremental cycle and says so on a plain stream',
    argv: ['--users', '4', '--groups', '0', '--cycles', '2', '--interval', '1', '--run-id', 'cli-interval'],
    exit: 0,
    stdout: /2 cycles, all converged/,
    stderr: /cycle 1 \(initial\)[\s\S]*replay: cycle 2\/2 starts in 1 s\n[\s\S]*cycle 2 \(incremental\)/,
  },
];

for (const row of ROWS) {
  test(row.name, async () => {
    const cwd = test.info().outputPath();
    const io = captureIo({ cwd });
    const reportDir = join(cwd, 'report');
    expect(await main(['replay', ...row.argv, '--report-dir', reportDir], io)).toBe(row.exit);
    if (row.stdout) expect(io.stdout.text()).toMatch(row.stdout);
    if (row.stderr) expect(io.stderr.text()).toMatch(row.stderr);
    if (row.exit === 0) {
      const replay = JSON.parse(await readFile(join(reportDir, 'replay.json'), 'utf8')) as {
        schemaVersion: number;
      };
      expect(replay.schemaVersion).toBe(1);
    }
  });
}

test('replay --help shows its own pacing defaults and --interval', async () => {
  const io = captureIo({ cwd: test.info().outputPath() });
  expect(await main(['replay', '--help'], io)).toBe(0);
  const help = io.stdout.text();
  expect(help).toMatch(
    /--concurrency\s+Parallel provisioning workers \(1–64\)\s+\[string\] \[default: "8"\]/,
  );
  expect(help).toMatch(
    /--interval\s+Seconds to wait before each incremental cycle[\s\S]*\[default: 0, back to back\]/,
  );
  // `run` keeps the shared default.
  const runIo = captureIo({ cwd: test.info().outputPath() });
  expect(await main(['run', '--help'], runIo)).toBe(0);
  expect(runIo.stdout.text()).toMatch(
    /--concurrency\s+Parallel workers \(1–64\)\s+\[string\] \[default: "2"\]/,
  );
});

// A replay's exit code is convergence and the Entra client does not retry within a cycle: options that would
// mean nothing are not offered, and are refused rather than silently ignored.
for (const option of ['--fail-on', '--baseline', '--retries', '--test-timeout']) {
  test(`replay does not offer ${option}`, async () => {
    const help = captureIo({ cwd: test.info().outputPath() });
    expect(await main(['replay', '--help'], help)).toBe(0);
    expect(help.stdout.text()).not.toContain(option);
    const io = captureIo({ cwd: test.info().outputPath() });
    expect(await main(['replay', option, '1'], io)).toBe(2);
    expect(io.stderr.text()).toContain(option.slice(2));
  });
}

test('Ctrl-C during the wait between cycles ends the replay at once with exit 130, after cleanup', async () => {
  const cwd = test.info().outputPath();
  const io = captureIo({ cwd });
  const reportDir = join(cwd, 'report');
  const exit = main(
    // An hour's wait: if Ctrl-C did not cut it short, the test would time out.
    [
      'replay',
      '--users',
      '6',
      '--groups',
      '1',
      '--cycles',
      '3',
      '--interval',
      '3600',
      '--run-id',
      'cli-wait-abort',
      '--report-dir',
      reportDir,
    ],
    io,
  );
  const [, created] = await io.stderr.waitFor(/cycle 1 \(initial\): .*Create (\d+)/);
  await io.stderr.waitFor(/replay: cycle 2\/3 starts in 3600 s\n/);
  // Still waiting: nothing of cycle 2 and no summary yet.
  expect(io.stdout.text()).toBe('');
  io.interrupt();
  expect(await exit).toBe(130);
  expect(io.stderr.text()).toContain('Interrupted: finishing the requests in flight');
  expect(io.stderr.text()).not.toContain('cycle 2 (incremental)');
  expect(io.stdout.text()).toMatch(
    new RegExp(`Replay interrupted after 1 complete cycle\\(s\\); cleanup deleted ${created}, failed 0\\.`),
  );
});
