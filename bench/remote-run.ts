/**
 * The remote-target benchmark: a whole `scim-harness run` against the reference server as a tenant (`serve` in a child
 * process, reached with --tenant-url and a token), behind a proxy that adds a fixed delay to every request, as a
 * target a network round trip away would. It times the run at the old pool (`--concurrency 2`, the only pool before)
 * and at the run's default for a remote target, counts the requests, and compares each check's status with a run
 * without the proxy. Target: ≤ 60 s at +100 ms with the same verdicts. It prints figures and asserts nothing.
 *
 *   npm run build && npx tsc -p bench/tsconfig.json && node dist/bench/bench/remote-run.js [--delay-ms 100]
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findPackageRoot } from '../src/config/package-root.js';
import { formatTable } from '../src/report/index.js';
import { startLatencyProxy } from './latency-proxy.js';
import { compareStatuses, type RunStatuses, slowestChecks, statusesOf } from './remote-run-verdicts.js';

/** Whole run at +100 ms, in seconds. */
const TARGET_SECONDS = 60;

interface ServedTarget {
  url: string;
  tokenFile: string;
  child: ChildProcess;
}

/** `scim-harness serve` in a child process; resolves with its base URL once it listens. */
function serve(root: string, scratch: string, n: number): Promise<ServedTarget> {
  const tokenFile = path.join(scratch, `serve-${n}.token`);
  const child = spawn(
    process.execPath,
    [path.join(root, 'dist/src/cli/bin.js'), 'serve', '--port', '0', '--admin-token-file', tokenFile],
    { cwd: scratch, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before it listened: ${out}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /base URL:\s+(\S+)/.exec(out)?.[1];
      if (url) {
        child.removeAllListeners('exit');
        resolve({ url, tokenFile, child });
      }
    });
  });
}

interface TimedRun {
  label: string;
  concurrency: string;
  exitCode: number | null;
  wallMs: number;
  requests: number;
  statuses: RunStatuses;
}

/** One `scim-harness run` against `url`; the token travels in the environment only. */
async function timedRun(
  root: string,
  label: string,
  url: string,
  token: string,
  reportDir: string,
  concurrency: number | undefined,
  countRequests: () => number,
): Promise<TimedRun> {
  const args = [
    path.join(root, 'dist/src/cli/bin.js'),
    'run',
    '--tenant-url',
    url,
    '--report-dir',
    reportDir,
  ];
  if (concurrency !== undefined) args.push('--concurrency', String(concurrency));
  args.push('--profile', 'rfc7644,entra,datadog,interop,ipsie', '--log-level', 'warn');
  const before = countRequests();
  process.stderr.write(`${label}…\n`);
  const started = performance.now();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, SCIM_TOKEN: token, FORCE_COLOR: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('close', resolve);
  });
  const wallMs = performance.now() - started;
  const statuses = statusesOf(JSON.parse(readFileSync(path.join(reportDir, 'conformance.json'), 'utf8')));
  return {
    label,
    concurrency: concurrency === undefined ? 'default' : String(concurrency),
    exitCode,
    wallMs,
    requests: countRequests() - before,
    statuses,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'delay-ms': { type: 'string', default: '100' },
      'old-concurrency': { type: 'string', default: '2' },
      'skip-old': { type: 'boolean', default: false },
      'old-root': { type: 'string' },
      also: { type: 'string', default: '' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: node dist/bench/bench/remote-run.js [--delay-ms 100] [--old-concurrency 2] [--skip-old] [--old-root DIR] [--also 4,8,16]\n' +
        '  --old-root DIR  the old run with the CLI and suites of another checkout (built), e.g. the commit before\n' +
        '  --also N,…  further pool sizes to time behind the proxy, between the old pool and the default\n',
    );
    return 0;
  }
  const delayMs = Number(values['delay-ms']);
  const oldConcurrency = Number(values['old-concurrency']);
  const also = (values.also ?? '')
    .split(',')
    .filter((v) => v.trim() !== '')
    .map(Number);
  if (
    !Number.isInteger(delayMs) ||
    delayMs < 0 ||
    !Number.isInteger(oldConcurrency) ||
    oldConcurrency < 1 ||
    also.some((n) => !Number.isInteger(n) || n < 1 || n > 64)
  ) {
    process.stderr.write('--delay-ms, --old-concurrency and --also take integers (≥ 0, 1–64)\n');
    return 2;
  }
  const root = findPackageRoot(import.meta.url).dir;
  const scratch = mkdtempSync(path.join(tmpdir(), 'scim-remote-run-'));
  // Each timed run gets a fresh server and proxy: against one server kept for every run, whichever run came last was
  // about twice as slow (the reference server after several runs' worth of creates and deletes), whatever its pool.
  const plans: { label: string; delay: number; pool: number | undefined; root?: string | undefined }[] = [
    { label: 'no added latency, default pool', delay: 0, pool: undefined },
    ...(values['skip-old']
      ? []
      : [
          {
            label: `+${delayMs} ms, ${values['old-root'] ? 'old checkout' : 'old pool'}`,
            delay: delayMs,
            pool: oldConcurrency,
            root: values['old-root'],
          },
        ]),
    ...also.map((pool) => ({ label: `+${delayMs} ms, pool ${pool}`, delay: delayMs, pool })),
    { label: `+${delayMs} ms, default pool`, delay: delayMs, pool: undefined },
  ];
  try {
    const runs: TimedRun[] = [];
    for (const [n, plan] of plans.entries()) {
      const served = await serve(root, scratch, n);
      try {
        const token = readFileSync(served.tokenFile, 'utf8').trim();
        const proxy = await startLatencyProxy(served.url, plan.delay);
        try {
          runs.push(
            await timedRun(
              plan.root ?? root,
              plan.label,
              proxy.url,
              token,
              path.join(scratch, `run-${n}`),
              plan.pool,
              () => proxy.forwarded,
            ),
          );
        } finally {
          await proxy.close();
        }
      } finally {
        // Not awaited: each run's server has a token file of its own, and the next one listens on another port.
        served.child.kill('SIGTERM');
      }
    }
    const [reference] = runs;
    if (reference === undefined) return 1;
    const rows = runs.map((run) => {
      const diff = compareStatuses(reference.statuses, run.statuses);
      return [
        run.label,
        run.concurrency,
        seconds(run.wallMs),
        String(run.requests),
        String(run.exitCode),
        run === reference ? '(reference)' : diff.length === 0 ? 'same' : `${diff.length} differ`,
      ];
    });
    const latest = runs[runs.length - 1];
    const differ = latest ? compareStatuses(reference.statuses, latest.statuses) : [];
    const lines = [
      `## Whole run against a remote target (+${delayMs} ms per request)`,
      '',
      `Host: ${cpus().length} CPU(s), load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(
          ' ',
        )}. Target: the reference server (\`serve\`, a fresh one per run) as a tenant, every profile.`,
      '',
      formatTable(['run', '--concurrency', 'wall', 'requests', 'exit', 'statuses vs no latency'], rows),
      '',
      ...differ.map((d) => `- ${d}`),
      ...runs.map((run) => `Slowest checks, ${run.label}: ${slowestChecks(run.statuses, 5).join(', ')}.`),
      '',
      latest
        ? `Target ≤ ${TARGET_SECONDS} s at +${delayMs} ms with the same verdicts: ${
            latest.wallMs <= TARGET_SECONDS * 1000 && differ.length === 0 ? 'met' : 'not met'
          } (${seconds(latest.wallMs)}, ${differ.length === 0 ? 'same statuses' : `${differ.length} statuses differ`}).`
        : '',
      '',
    ];
    process.stdout.write(lines.join('\n'));
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
