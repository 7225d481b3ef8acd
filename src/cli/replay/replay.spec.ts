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
