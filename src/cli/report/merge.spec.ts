import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildConformanceResult } from '../../report/index.js';
import {
  type CheckResult,
  type CheckStatus,
  parseConformanceResult,
  type ShardInfo,
} from '../../run-contract/index.js';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

function check(id: string, status: CheckStatus): CheckResult {
  return {
    id,
    title: id,
    category: 'users',
    level: 'MUST',
    rfc: 'RFC 7644 §3.3',
    profiles: ['rfc7644'],
    status,
    message: '',
    evidence: [],
  };
}

function writeShard(
  dir: string,
  shard: ShardInfo | undefined,
  checks: CheckResult[],
  runId = 'sh-merge-1',
): void {
  const result = buildConformanceResult({
    runId,
    tool: { name: 'scim-harness', version: '0.1.0' },
    target: { url: 'http://127.0.0.1:1/scim/v2' },
    profiles: ['rfc7644'],
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:01:00Z',
    ...(shard === undefined ? {} : { shard }),
    checks,
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'conformance.json'), JSON.stringify(result));
}

test('merges the shards into the four reports and prints the summary', async () => {
  const cwd = test.info().outputPath();
  writeShard(path.join(cwd, 's1'), { index: 1, total: 2 }, [check('users.a.one', 'passed')]);
  writeShard(path.join(cwd, 's2'), { index: 2, total: 2 }, [check('users.b.two', 'passed')]);
  const io = captureIo({ cwd });
  expect(await main(['report', 'merge', 's1', 's2', '--out', 'all'], io)).toBe(0);
  const merged = parseConformanceResult(
    JSON.parse(readFileSync(path.join(cwd, 'all', 'conformance.json'), 'utf8')),
    'merged',
  );
  expect(merged.checks.map((c) => c.id)).toEqual(['users.a.one', 'users.b.two']);
  expect(merged.shard).toEqual({ index: 1, total: 2, merged: [1, 2] });
  for (const file of ['report.html', 'junit.xml', 'summary.md'])
    expect(readFileSync(path.join(cwd, 'all', file), 'utf8').length).toBeGreaterThan(0);
  expect(io.stdout.text()).toMatch(/^rfc7644 +PASS/m);
  expect(io.stdout.text()).toContain(`Merged 2 report(s) into ${path.join(cwd, 'all')}`);
  expect(io.stderr.text()).toBe('');
});

test('refuses an incomplete shard set (exit 2), naming the missing shards, after warning about a folder without a report', async () => {
  const cwd = test.info().outputPath();
  writeShard(path.join(cwd, 's1'), { index: 1, total: 3 }, [check('users.a.one', 'failed')]);
  const io = captureIo({ cwd });
  expect(await main(['report', 'merge', 's1', 'absent'], io)).toBe(2);
  expect(io.stderr.text()).toContain(
    `warning: ${path.join(cwd, 'absent', 'conformance.json')} does not exist`,
  );
  expect(io.stderr.text()).toContain('scim-harness: shard 2/3, shard 3/3 are missing');
  expect(existsSync(path.join(cwd, 'reports', 'sh-merge-1', 'merged'))).toBe(false);
  expect(io.stdout.text()).toBe('');
});

test('a version-1 shard and a version-2 shard merge into one version-2 report', async () => {
  const cwd = test.info().outputPath();
  writeShard(path.join(cwd, 's1'), { index: 1, total: 2 }, [check('users.a.one', 'passed')]);
  // Shard 1 as written before version 2 of the contract.
  const file = path.join(cwd, 's1', 'conformance.json');
  const v1 = JSON.parse(readFileSync(file, 'utf8'));
  v1.schemaVersion = 1;
  delete v1.summary.unsupported;
  writeFileSync(file, JSON.stringify(v1));
  writeShard(path.join(cwd, 's2'), { index: 2, total: 2 }, [
    { ...check('filter.b.declined', 'unsupported'), message: 'declined co', neededBy: [] },
  ]);
  const io = captureIo({ cwd });
  expect(await main(['report', 'merge', 's1', 's2', '--out', 'all'], io)).toBe(0);
  const written = JSON.parse(readFileSync(path.join(cwd, 'all', 'conformance.json'), 'utf8'));
  expect(written.schemaVersion).toBe(2);
  const merged = parseConformanceResult(written, 'merged');
  expect(merged.summary).toMatchObject({
    total: 2,
    passed: 1,
    unsupported: 1,
    verdicts: { rfc7644: 'pass' },
  });
  expect(io.stdout.text()).toContain('Unsupported (the target declined these features):');
});

// [case, shard setups, exit code, stderr]
const REFUSALS: [string, (cwd: string) => string[], RegExp][] = [
  ['no report at all', () => ['nothing-here'], /none of the folders holds a conformance\.json/],
  [
    'shards of two different runs',
    (cwd) => {
      writeShard(path.join(cwd, 'a'), { index: 1, total: 2 }, [check('users.a.one', 'passed')], 'sh-run-a');
      writeShard(path.join(cwd, 'b'), { index: 2, total: 2 }, [check('users.b.two', 'passed')], 'sh-run-b');
      return ['a', 'b'];
    },
    /does not belong to run sh-run-a/,
  ],
  [
    'one missing shard, named',
    (cwd) => {
      writeShard(path.join(cwd, 's1'), { index: 1, total: 3 }, [check('users.a.one', 'passed')]);
      writeShard(path.join(cwd, 's3'), { index: 3, total: 3 }, [check('users.c.three', 'passed')]);
      return ['s1', 's3'];
    },
    /shard 2\/3 is missing/,
  ],
  [
    'the same folder twice',
    (cwd) => {
      writeShard(path.join(cwd, 's1'), { index: 1, total: 2 }, [check('users.a.one', 'passed')]);
      writeShard(path.join(cwd, 's2'), { index: 2, total: 2 }, [check('users.b.two', 'passed')]);
      return ['s1', 's2', 's1/'];
    },
    /s1\/conformance\.json is given twice/,
  ],
  [
    'the same shard in two folders',
    (cwd) => {
      writeShard(path.join(cwd, 's1'), { index: 1, total: 2 }, [check('users.a.one', 'passed')]);
      writeShard(path.join(cwd, 'copy'), { index: 1, total: 2 }, [check('users.a.one', 'passed')]);
      writeShard(path.join(cwd, 's2'), { index: 2, total: 2 }, [check('users.b.two', 'passed')]);
      return ['s1', 'copy', 's2'];
    },
    /shard 1\/2 is given twice: .*s1\/conformance\.json and .*copy\/conformance\.json/,
  ],
  [
    'a report of a run without --shard',
    (cwd) => {
      writeShard(path.join(cwd, 'whole'), undefined, [check('users.a.one', 'passed')]);
      return ['whole'];
    },
    /whole\/conformance\.json is not the report of a shard/,
  ],
  [
    'a report that is not a conformance result',
    (cwd) => {
      mkdirSync(path.join(cwd, 'bad'), { recursive: true });
      writeFileSync(path.join(cwd, 'bad', 'conformance.json'), '{"schemaVersion":1}');
      return ['bad'];
    },
    /report .*conformance\.json/,
  ],
];

for (const [name, setup, message] of REFUSALS) {
  test(`report merge refuses ${name} (exit 2)`, async () => {
    const cwd = test.info().outputPath();
    const io = captureIo({ cwd });
    expect(await main(['report', 'merge', ...setup(cwd)], io)).toBe(2);
    expect(io.stderr.text()).toMatch(message);
  });
}

test('report without a subcommand is a usage error', async () => {
  const io = captureIo({ cwd: test.info().outputPath() });
  expect(await main(['report'], io)).toBe(2);
});

test('names the interrupted shard, marks the merged report interrupted, exit 1 although every check passed', async () => {
  const cwd = test.info().outputPath();
  writeShard(path.join(cwd, 's1'), { index: 1, total: 2 }, [check('users.a.one', 'passed')]);
  writeShard(path.join(cwd, 's2'), { index: 2, total: 2 }, [check('users.b.two', 'passed')]);
  const file = path.join(cwd, 's2', 'conformance.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), interrupted: true }));
  const io = captureIo({ cwd });
  expect(await main(['report', 'merge', 's1', 's2', '--out', 'all'], io)).toBe(1);
  expect(io.stderr.text()).toContain(
    `warning: shard 2/2 (${file}) was interrupted: the merged report is marked interrupted and every profile fails`,
  );
  const merged = JSON.parse(readFileSync(path.join(cwd, 'all', 'conformance.json'), 'utf8'));
  expect(merged).toMatchObject({ interrupted: true, summary: { verdicts: { rfc7644: 'fail' } } });
  expect(io.stdout.text()).toMatch(/^INTERRUPTED: /);
  expect(readFileSync(path.join(cwd, 'all', 'summary.md'), 'utf8')).toContain('INTERRUPTED: ');
});
