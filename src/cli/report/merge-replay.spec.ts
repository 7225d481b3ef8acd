import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildConformanceResult } from '../../report/index.js';
import { LatencyHistogram, parseReplayResult, type ReplayResult } from '../../run-contract/index.js';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

function readReplay(file: string): ReplayResult {
  return parseReplayResult(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** Runs `replay --shard i/3` three times against the embedded server, as three machines of a CI matrix would. */
async function replayShards(cwd: string, runId: string): Promise<string[]> {
  const dirs: string[] = [];
  for (const index of [1, 2, 3]) {
    const dir = `shard-${index}`;
    const io = captureIo({ cwd });
    const argv = ['--users', '60', '--groups', '2', '--cycles', '2', '--interval', '0', '--seed', '11'];
    const exit = await main(
      ['replay', ...argv, '--shard', `${index}/3`, '--run-id', runId, '--report-dir', path.join(cwd, dir)],
      io,
    );
    expect(exit, io.stderr.text()).toBe(0);
    dirs.push(dir);
  }
  return dirs;
}

test('report merge merges 3 replay shards: totals summed, percentiles from the merged histograms', async () => {
  const cwd = test.info().outputPath();
  const dirs = await replayShards(cwd, 'merge-replay-cli');
  const shards = dirs.map((dir) => readReplay(path.join(cwd, dir, 'replay.json')));
  expect(shards.map((shard) => shard.shard)).toEqual([
    { index: 1, total: 3 },
    { index: 2, total: 3 },
    { index: 3, total: 3 },
  ]);
  const io = captureIo({ cwd });
  expect(await main(['report', 'merge', ...dirs, '--out', 'all'], io), io.stderr.text()).toBe(0);
  expect(io.stdout.text()).toMatch(/Replay merge-replay-cli, 3 shard\(s\): 2 cycles, all converged/);
  const merged = readReplay(path.join(cwd, 'all', 'replay.json'));
  expect(merged.shard).toEqual({ index: 1, total: 3, merged: [1, 2, 3] });
  expect(readFileSync(path.join(cwd, 'all', 'report.html'), 'utf8')).toContain('merge-replay-cli');
  const sum = shards.reduce((total, shard) => total + (shard.totals?.requests ?? 0), 0);
  expect(sum).toBeGreaterThan(0);
  expect(merged.totals?.requests).toBe(sum);
  for (const [i, cycle] of merged.cycles.entries()) {
    const parts = shards.map((shard) => shard.cycles[i]);
    expect(cycle.requests).toBe(parts.reduce((total, part) => total + (part?.requests ?? 0), 0));
    const creates = parts.reduce((total, part) => total + (part?.operations.Create?.['201'] ?? 0), 0);
    expect(cycle.operations.Create?.['201'] ?? 0).toBe(creates);
    const histogram = new LatencyHistogram();
    for (const part of parts) {
      if (!part?.latencyHistogram) throw new Error('a shard wrote no histogram');
      histogram.add(LatencyHistogram.fromJSON(part.latencyHistogram));
    }
    expect(cycle.latencyMs).toEqual(histogram.latency());
    expect(cycle.converged).toBe(true);
    const start = Math.min(...parts.map((part) => Date.parse(part?.startedAt ?? '')));
    const end = Math.max(...parts.map((part) => Date.parse(part?.finishedAt ?? '')));
    expect(cycle.durationMs).toBe(end - start);
  }

  // A missing shard, a folder of a conformance run beside replay folders: refused, as for a sharded run.
  const missing = captureIo({ cwd });
  expect(await main(['report', 'merge', dirs[0] ?? '', dirs[1] ?? ''], missing)).toBe(2);
  expect(missing.stderr.text()).toContain('shard 3/3 is missing');
  mkdirSync(path.join(cwd, 'run-shard'), { recursive: true });
  const conformance = buildConformanceResult({
    runId: 'merge-replay-cli',
    tool: { name: 'scim-harness', version: '0.1.0' },
    target: { url: 'http://127.0.0.1:1/scim/v2' },
    profiles: ['rfc7644'],
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:01:00Z',
    shard: { index: 1, total: 3 },
    checks: [],
  });
  writeFileSync(path.join(cwd, 'run-shard', 'conformance.json'), JSON.stringify(conformance));
  const mixed = captureIo({ cwd });
  expect(await main(['report', 'merge', ...dirs, 'run-shard'], mixed)).toBe(2);
  expect(mixed.stderr.text()).toMatch(/the folders hold different reports/);

  // A shard replayed with another seed drew another directory.
  cpSync(path.join(cwd, dirs[2] ?? ''), path.join(cwd, 'other-seed'), { recursive: true });
  const file = path.join(cwd, 'other-seed', 'replay.json');
  writeFileSync(file, JSON.stringify({ ...readReplay(file), seed: 12 }));
  const seeded = captureIo({ cwd });
  expect(await main(['report', 'merge', dirs[0] ?? '', dirs[1] ?? '', 'other-seed'], seeded)).toBe(2);
  expect(seeded.stderr.text()).toMatch(/has seed 12, not 11/);
});
