/**
 * The suite-overhead benchmark: runs the whole conformance suite once (every check of every profile) against the
 * embedded reference server and prints wall time, requests made, and how much of each worker's time was the harness's
 * own (not waiting on the server), as a share of the total. Target: ≤ 20%. It prints figures and asserts nothing (see
 * bench/README.md).
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/bench/suite-overhead.js [--workers 2]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable } from '../src/report/index.js';
import { packageRoot } from './package-root.js';
import { suiteOverhead } from './suite-overhead-stats.js';

/** The share of worker time the harness may spend on itself. */
const TARGET_SHARE = 0.2;

function runSuite(root: string, workers: number, outFile: string, runDir: string): Promise<number | null> {
  const cli = createRequire(path.join(root, 'package.json')).resolve('@playwright/test/cli');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FORCE_COLOR: '0',
    PLAYWRIGHT_JSON_OUTPUT_NAME: outFile,
    SCIM_HARNESS_RUN_DIR: runDir,
    SCIM_HARNESS_RUN_ID: `sh-bench-${Date.now().toString(36)}`,
    SCIM_HARNESS_WORKERS: String(workers),
    // Every profile (suites/support/check-definition.ts PROFILES; bench may not import suites): the whole suite, each
    // check once.
    SCIM_HARNESS_PROFILES: 'rfc7644,entra,datadog,interop,ipsie',
  };
  // The embedded server is the target: the global setup starts it when no target is given.
  for (const key of [
    'SCIM_HARNESS_TARGET_URL',
    'SCIM_HARNESS_TOKEN',
    'SCIM_HARNESS_QUIRKS',
    'SCIM_HARNESS_REPORTER',
  ])
    delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cli, 'test', '-c', path.join(root, 'suites', 'playwright.config.ts'), '--reporter=json'],
      { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.once('error', reject);
    child.once('close', resolve);
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percent = (share: number) => `${(share * 100).toFixed(0)}%`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { workers: { type: 'string', default: '2' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write('Usage: node dist/bench/bench/suite-overhead.js [--workers N]\n');
    return 0;
  }
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    process.stderr.write(`--workers must be an integer from 1 to 64, got ${values.workers}\n`);
    return 2;
  }
  const root = packageRoot(import.meta.url);
  const scratch = mkdtempSync(path.join(tmpdir(), 'scim-suite-overhead-'));
  try {
    const outFile = path.join(scratch, 'report.json');
    process.stderr.write(`Running the whole suite against the embedded server with ${workers} worker(s)…\n`);
    const started = performance.now();
    const code = await runSuite(root, workers, outFile, path.join(scratch, 'run'));
    const wallMs = performance.now() - started;
    let report: unknown;
    try {
      report = JSON.parse(readFileSync(outFile, 'utf8'));
    } catch {
      process.stderr.write(`the suite wrote no JSON report (exit ${code})\n`);
      return 1;
    }
    const o = suiteOverhead(report);
    const rows = o.workers.map((w) => [
      `worker ${w.worker}`,
      String(w.tests),
      String(w.requests),
      seconds(w.wallMs),
      seconds(w.serverMs),
      seconds(w.overheadMs),
      percent(w.wallMs > 0 ? w.overheadMs / w.wallMs : 0),
    ]);
    rows.push([
      'all workers',
      String(o.tests),
      String(o.requests),
      seconds(o.wallMs),
      seconds(o.serverMs),
      seconds(o.overheadMs),
      percent(o.overheadShare),
    ]);
    const lines = [
      '## Suite overhead',
      '',
      `Whole suite against the embedded reference server, ${workers} worker(s), suite exit code ${code}.`,
      `Host: ${cpus().length} CPU(s), load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}.`,
      '',
      formatTable(
        ['', 'tests', 'requests', 'worker wall', 'waiting on server', 'harness overhead', 'share'],
        rows,
      ),
      '',
      `Wall time of the whole run (process start to exit, incl. server start and TypeScript loading): ${seconds(wallMs)}`,
      `Harness overhead: ${percent(o.overheadShare)} of worker time; target ≤ ${percent(TARGET_SHARE)}: ${
        o.overheadShare <= TARGET_SHARE ? 'met' : 'not met'
      }.`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
