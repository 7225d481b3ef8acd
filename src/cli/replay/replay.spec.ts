import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HttpResponse, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { parseReplayResult } from '../../run-contract/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
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
    name: 'an Okta AIW replay against the embedded server converges and exits 0',
    argv: [
      '--idp',
      'okta',
      '--okta-app',
      'aiw',
      '--users',
      '12',
      '--groups',
      '2',
      '--cycles',
      '3',
      '--churn',
      '0.2',
      '--run-id',
      'cli-okta',
    ],
    exit: 0,
    stdout: /3 cycles, all converged/,
  },
  {
    name: 'the key-revocation scenario with --idp okta exits 0 when the key is rejected, without a quarantine',
    argv: [
      '--idp',
      'okta',
      '--users',
      '6',
      '--groups',
      '0',
      '--scenario',
      'key-revocation',
      '--run-id',
      'cli-okta-revoke',
    ],
    exit: 0,
    stdout: /Scenario key-revocation: key-rejected\. .*Okta has no quarantine/,
  },
  {
    name: 'the leaver scenario with --idp okta tests the shape Okta sends and says DELETE is never sent',
    argv: [
      '--idp',
      'okta',
      '--okta-app',
      'aiw',
      '--scenario',
      'leaver',
      '--revoke-budget',
      '2',
      '--probe-interval',
      '0.1',
      '--run-id',
      'cli-okta-leaver',
    ],
    exit: 0,
    stdout: /Okta never sends DELETE \/Users[\s\S]*full-put/,
  },
  {
    name: '--okta-app without --idp okta is a usage error',
    argv: ['--okta-app', 'aiw'],
    exit: 2,
    stderr: /--okta-app belongs to --idp okta/,
  },
  {
    name: '--mode with --idp okta is a usage error',
    argv: ['--idp', 'okta', '--mode', 'legacy'],
    exit: 2,
    stderr: /--mode is the Entra client dialect/,
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
  {
    name: 'an --on-429 the engine does not know is a usage error naming the choices',
    argv: ['--on-429', 'later'],
    exit: 2,
    stderr: /on-429[\s\S]*"later"[\s\S]*"honour", "next-cycle"/,
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
  expect(help).toMatch(/--concurrency\s+Parallel provisioning workers \(1–64\)\s+\[number\] \[default: 8\]/);
  expect(help).toMatch(
    /--interval\s+Seconds to wait before each incremental cycle[\s\S]*\[default: 0, back to back\]/,
  );
  expect(help).toMatch(
    /--on-429\s+What a cycle does with a 429: honour waits as Retry-After asks[\s\S]*?\[choices: "honour", "next-cycle"\] \[default: "honour"\]/,
  );
  // `run` has its own: a pool by target (decision 0007).
  const runIo = captureIo({ cwd: test.info().outputPath() });
  expect(await main(['run', '--help'], runIo)).toBe(0);
  expect(runIo.stdout.text()).toMatch(
    /--concurrency\s+Checks run at once \(Playwright workers\)[\s\S]*?\(1–64\)\s+\[number\] \[default: 2 against the embedded server, 8 against --tenant-url\]/,
  );
});

/** Answers the first `times` user creates 429 with `Retry-After: 1` itself; everything else reaches the server. */
function throttleUserCreates(times: number) {
  let left = times;
  return setupServer(
    http.post(/\/Users$/, () => {
      if (left === 0) return passthrough();
      left--;
      return HttpResponse.json(
        { schemas: [SCHEMA_URNS.Error], status: '429', detail: 'too many requests' },
        { status: 429, headers: { 'content-type': 'application/scim+json', 'retry-after': '1' } },
      );
    }),
  );
}

interface On429Row {
  name: string;
  argv: string[];
  exit: number;
  /** Per cycle: the throttled creates replay.json counts (`429`), and whether the cycle converged. */
  cycles: { throttled: number; converged: boolean }[];
}

// The first user create is throttled; replay.json shows which reaction reached the engine.
const ON_429_ROWS: On429Row[] = [
  {
    name: 'without --on-429 a cycle honours Retry-After and the create succeeds in cycle 1',
    argv: [],
    exit: 0,
    cycles: [
      { throttled: 0, converged: true },
      { throttled: 0, converged: true },
    ],
  },
  {
    name: '--on-429 honour sends the create again in cycle 1',
    argv: ['--on-429', 'honour'],
    exit: 0,
    cycles: [
      { throttled: 0, converged: true },
      { throttled: 0, converged: true },
    ],
  },
  {
    name: '--on-429 next-cycle leaves the create to cycle 2: cycle 1 does not converge, so exit 1',
    argv: ['--on-429', 'next-cycle'],
    exit: 1,
    cycles: [
      { throttled: 1, converged: false },
      { throttled: 0, converged: true },
    ],
  },
];

for (const row of ON_429_ROWS) {
  test(row.name, async () => {
    const cwd = test.info().outputPath();
    const io = captureIo({ cwd });
    const reportDir = join(cwd, 'report');
    const throttle = throttleUserCreates(1);
    throttle.listen({ onUnhandledRequest: 'bypass' });
    try {
      const argv = ['--users', '4', '--groups', '0', '--cycles', '2', '--churn', '0', '--concurrency', '1'];
      const runId = ['--run-id', `cli-429-${row.argv.join('-') || 'default'}`];
      const exit = await main(['replay', ...argv, ...row.argv, ...runId, '--report-dir', reportDir], io);
      expect(exit, io.stderr.text()).toBe(row.exit);
    } finally {
      throttle.close();
    }
    const replay = parseReplayResult(JSON.parse(await readFile(join(reportDir, 'replay.json'), 'utf8')));
    expect(
      replay.cycles.map((cycle) => ({
        throttled: cycle.operations.Create?.['429'] ?? 0,
        converged: cycle.converged,
      })),
    ).toEqual(row.cycles);
  });
}

test('the key-revocation scenario passes --on-429 next-cycle on to its cycles', async () => {
  const cwd = test.info().outputPath();
  const io = captureIo({ cwd });
  const reportDir = join(cwd, 'report');
  const throttle = throttleUserCreates(1);
  throttle.listen({ onUnhandledRequest: 'bypass' });
  try {
    const argv = ['--users', '6', '--groups', '0', '--scenario', 'key-revocation', '--on-429', 'next-cycle'];
    const exit = await main(['replay', ...argv, '--run-id', 'cli-429-revoke', '--report-dir', reportDir], io);
    // The scenario's verdict is its exit code: the throttled user is provisioned in cycle 2, the key still rejected.
    expect(exit, io.stderr.text()).toBe(0);
  } finally {
    throttle.close();
  }
  expect(io.stdout.text()).toMatch(/Scenario key-revocation: key-rejected/);
  const replay = parseReplayResult(JSON.parse(await readFile(join(reportDir, 'replay.json'), 'utf8')));
  expect(replay.cycles[0]?.operations.Create?.['429']).toBe(1);
  expect(replay.quarantine?.[0]).toMatchObject({ cycle: 1, event: 'escrow' });
});

// A replay's exit code is convergence and the Entra client retries within a cycle only a 429: options that would
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
  // The run id, for `scim-harness cleanup --run-id`; the partial report, marked interrupted.
  expect(io.stdout.text()).toContain(`Reports: ${join(reportDir, 'replay.json')}`);
  expect(io.stdout.text()).toMatch(/^Run id cli-wait-abort$/m);
  const replay = JSON.parse(await readFile(join(reportDir, 'replay.json'), 'utf8'));
  expect(replay).toMatchObject({ runId: 'cli-wait-abort', interrupted: true });
  expect(replay.cycles).toHaveLength(1);
  expect(await readFile(join(reportDir, 'report.html'), 'utf8')).toContain(
    'INTERRUPTED: the replay was stopped before all its cycles ran',
  );
});

test('a relative --report-dir is resolved against the command working directory', async () => {
  const cwd = test.info().outputPath('cwd');
  const io = captureIo({ cwd });
  const argv = ['replay', '--users', '5', '--groups', '1', '--cycles', '1', '--report-dir', 'here'];
  expect(await main(argv, io), io.stderr.text()).toBe(0);
  expect(existsSync(join(cwd, 'here', 'replay.json'))).toBe(true);
});
