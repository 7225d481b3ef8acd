/**
 * `replay --sustain RPS --for DURATION` end to end against the embedded reference server: a few seconds at a low rate
 * hold the rate (exit 0), replay.json carries the `sustain` block and report.html its two charts and the table of
 * windows; bad values are usage errors (exit 2) before anything runs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseReplayResult } from '../../run-contract/index.js';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

test('a short sustained load against the embedded server holds its rate and is reported', async () => {
  const cwd = test.info().outputPath();
  const io = captureIo({ cwd });
  const reportDir = join(cwd, 'report');
  const argv = ['replay', '--sustain', '8', '--for', '3s', '--users', '8', '--groups', '2', '--seed', '5'];
  const exit = await main([...argv, '--run-id', 'cli-sustain', '--report-dir', reportDir], io);
  expect(exit, io.stderr.text()).toBe(0);
  expect(io.stdout.text()).toMatch(
    /Sustained load: 8 req\/s for 3 s of 3 s in 1 window\(s\) of 10 s[^\n]*: HELD/,
  );
  expect(io.stdout.text()).toMatch(/ok {3}rate: achieved at least 99% of the 8 req\/s offered/);
  expect(io.stdout.text()).toMatch(/1 cycles, all converged, sustained load held; cleanup deleted/);
  expect(io.stderr.text()).toMatch(
    /sustain 0–3 s: achieved 24 of 24 offered \(8 req\/s\), 0 missed, 0 errors, 0 429/,
  );

  const replay = parseReplayResult(JSON.parse(await readFile(join(reportDir, 'replay.json'), 'utf8')));
  const sustain = replay.sustain;
  expect(sustain).toMatchObject({
    targetRps: 8,
    durationS: 3,
    ranS: 3,
    windowS: 10,
    maxInFlight: 256,
    thresholds: { achievedRatio: 0.99, errorRate: 0.001 },
    verdict: { held: true, reasons: [] },
  });
  expect(sustain?.series).toHaveLength(1);
  expect(sustain?.series[0]).toMatchObject({ startS: 0, durationS: 3, offered: 24, achieved: 24, missed: 0 });
  expect(sustain?.totals).toMatchObject({ offered: 24, sent: 24, achieved: 24, errors: 0, throttled: 0 });
  const kinds = Object.values(sustain?.totals.operations ?? {}).reduce((a, b) => a + b, 0);
  expect(kinds).toBe(24);
  expect(sustain?.verdict.checks.map((c) => [c.name, c.held])).toEqual([
    ['rate', true],
    ['errors', true],
    ['retry-after', true],
    ['complete', true],
  ]);
  // The initial cycle seeded the directory the load ran over.
  expect(replay.cycles).toHaveLength(1);
  expect(replay.cycles[0]?.converged).toBe(true);

  const page = await readFile(join(reportDir, 'report.html'), 'utf8');
  expect(page).toContain('id="sustain-heading"');
  for (const id of ['sustain-rate-chart', 'sustain-latency-chart'])
    expect(page).toMatch(new RegExp(`<svg[^>]*aria-labelledby="${id}-title`));
  expect(page).toMatch(/<figcaption>Request rate over time: offered/);
  expect(page).toMatch(/<figcaption>Latency over time: p50/);
  expect(page).toMatch(/<table class="cards sustain-windows">/);
  expect(page).toContain('data-check="retry-after" data-held="true"');
});

const USAGE_ROWS: { name: string; argv: string[]; stderr: RegExp }[] = [
  {
    name: 'a duration in an unknown unit',
    argv: ['--sustain', '--for', '10x'],
    stderr: /--for must be a duration such as 90s, 10m or 1h \(from 1s to 24h\), got "10x"/,
  },
  {
    name: 'a duration over a day',
    argv: ['--sustain', '25', '--for', '25h'],
    stderr: /--for must be a duration such as 90s, 10m or 1h \(from 1s to 24h\), got "25h"/,
  },
  { name: '--for without --sustain', argv: ['--for', '10m'], stderr: /for -> sustain/ },
  {
    name: 'a rate of zero',
    argv: ['--sustain', '0'],
    stderr: /--sustain must be a number from 0.1 to 10000, got "0"/,
  },
  {
    name: '--sustain with a scenario',
    argv: ['--sustain', '--scenario', 'key-revocation'],
    stderr: /sustain and scenario are mutually exclusive/,
  },
  {
    name: '--sustain with --rate',
    argv: ['--sustain', '--rate', '5'],
    stderr: /sustain and rate are mutually exclusive/,
  },
  {
    name: 'an in-flight cap of zero',
    argv: ['--sustain', '--max-in-flight', '0'],
    stderr: /--max-in-flight must be an integer from 1 to 10000, got "0"/,
  },
];

for (const row of USAGE_ROWS) {
  test(`replay --sustain: ${row.name} is a usage error (exit 2)`, async () => {
    const io = captureIo({ cwd: test.info().outputPath() });
    expect(await main(['replay', ...row.argv], io)).toBe(2);
    expect(io.stderr.text()).toMatch(row.stderr);
  });
}

test('replay --help lists the sustained-load options with their defaults', async () => {
  const io = captureIo({ cwd: test.info().outputPath() });
  expect(await main(['replay', '--help'], io)).toBe(0);
  const help = io.stdout.text();
  expect(help).toMatch(/Sustained load:/);
  expect(help).toMatch(
    /--sustain\s+Hold RPS requests per second[\s\S]*?\[number\] \[default: off; 25 when given without RPS\]/,
  );
  expect(help).toMatch(/--for\s+How long --sustain holds its rate[\s\S]*?\[string\] \[default: 10m\]/);
  expect(help).toMatch(
    /--max-in-flight\s+Most --sustain requests in flight at once[\s\S]*?\[number\] \[default: 256\]/,
  );
});
