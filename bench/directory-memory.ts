/**
 * Peak RSS of the replay process at 100k users: this process generates the seeded directory and runs one
 * initial cycle (`runReplay`: Test Connection, the cycle, the convergence read-back, replay.json and the
 * provisioning log streamed to a report directory, as the CLI does) against a reference server in another
 * process, so the server's memory is not counted. Target: ≤ 300 MB. Prints markdown; never asserts.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/bench/directory-memory.js [--users 100k] [--users 10k for a quick run]
 *
 * Most of the peak is garbage V8 has not collected yet, not live data (`--live` shows the live heap at each phase
 * end); a long-running replay may bound V8's heap, and the report's first line gives the heap limit in force:
 *
 *   node --max-old-space-size=256 dist/bench/bench/directory-memory.js
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runReplay } from '../mock-idp/index.js';
import { HarnessError } from '../src/errors/harness-error.js';
import {
  applyCliHeapPolicy,
  REPLAY_BENCH_ARGS,
  readReplayBenchOptions,
  runReplayBench,
} from './replay-bench-options.js';
import { formatMb, REPLAY_PEAK_RSS_TARGET_MB, RssPhases, renderRssPhases } from './rss-phases.js';
import { ServerProcess } from './server-process-handle.js';
import { formatStatuses } from './throughput-report.js';

const SAMPLE_EVERY_MS = 200;

const HELP = `directory-memory: peak RSS of the replay process (directory + one initial cycle), server in another process.
  --users N        users (default 100k; 10k for a quick run)
  --groups N       groups (default users / 100)
  --concurrency N  replay concurrency (default 8)
  --seed N         directory seed (default 1)
  --mapping NAME   entra-default (default) or datadog
  --v8-default-heap  V8's own heap growth instead of the one scim-harness replay sets (for comparison)
  --live           after each phase's reading, a full GC and the live heap (lowers later peaks a little)
`;

function reading(): { rssBytes: number; heapUsedBytes: number; peakRssBytes: number } {
  const { rss, heapUsed } = process.memoryUsage();
  // maxRSS is in kilobytes (getrusage).
  return { rssBytes: rss, heapUsedBytes: heapUsed, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}

/** A full garbage collection without `--expose-gc` on the command line. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new HarnessError('INTERNAL', 'cannot reach V8 gc()');
  return () => {
    gc();
  };
}

/** For lists, only what is missing or extra: a 25-member list printed twice hides the one that differs. */
function describeDivergence(expected: unknown, found: unknown): string {
  if (!Array.isArray(expected) || !Array.isArray(found)) {
    return `expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`;
  }
  const missing = expected.filter((item) => !found.includes(item));
  const extra = found.filter((item) => !expected.includes(item));
  return `missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { ...REPLAY_BENCH_ARGS, live: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const options = readReplayBenchOptions(values, 100_000);
  const { users, groups, concurrency, seed, mapping } = options;
  const heapPolicy = applyCliHeapPolicy(options);
  const cpu = cpus();
  const loadAtStart = loadavg()[0] ?? 0;
  const startedAt = new Date().toISOString();

  const server = await ServerProcess.start({
    users: 0,
    groups: 0,
    seed,
    samples: 0,
    readyTimeoutMs: 120_000,
  });
  const reportDir = await mkdtemp(join(tmpdir(), 'directory-memory-'));
  const phases = new RssPhases(performance.now());
  const gc = values.live ? collector() : undefined;
  const live: string[] = [];
  /** Closes a phase; with `--live`, then collects and notes the live heap (after the peak was read). */
  const mark = (name: string): void => {
    phases.mark(name, performance.now(), reading());
    if (gc === undefined) return;
    gc();
    live.push(`- ${name}: live heap ${formatMb(process.memoryUsage().heapUsed)}`);
  };
  const sampler = setInterval(() => phases.sample(process.memoryUsage.rss()), SAMPLE_EVERY_MS);
  let serverPeak = 0;
  const divergences: string[] = [];
  try {
    mark('baseline (node, modules; server started in its own process)');
    process.stderr.write(`directory-memory: ${users} users, ${groups} groups, concurrency ${concurrency}…\n`);
    const outcome = await runReplay({
      tenantUrl: server.ready.baseUrl,
      token: server.ready.token,
      users,
      groups,
      cycles: 1,
      churn: 0,
      seed,
      runId: 'bench',
      concurrency,
      mapping,
      reportDir,
      keep: true,
      beforeCycle: () => {
        mark(`Test Connection + createDirectory (${users} users, ${groups} groups)`);
      },
      onCycle: (cycle) => {
        for (const d of cycle.divergences.slice(0, 5)) {
          divergences.push(`${d.object} ${d.attribute}: ${describeDivergence(d.expected, d.found)}`);
        }
        mark(
          `initial cycle (${cycle.requests} requests in ${(cycle.durationMs / 1000).toFixed(0)} s: ${formatStatuses(cycle.operations)}) + convergence read-back (converged ${cycle.converged})`,
        );
      },
    });
    mark(`replay.json, report.html (${outcome.files.length} files)`);
    serverPeak = (await server.measure()).peakRssBytes;
  } finally {
    clearInterval(sampler);
    await server.stop();
    await rm(reportDir, { recursive: true, force: true });
  }
  const lines = [
    `Node ${process.version}, ${process.platform} ${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? '?'}; replay process pid ${process.pid}, server process pid ${server.pid ?? '?'}; mapping ${mapping}, seed ${seed}; V8 heap limit ${formatMb(getHeapStatistics().heap_size_limit)}, ${heapPolicy}; load average ${loadAtStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end; ${startedAt}`,
    '',
    ...renderRssPhases(
      phases.phases,
      phases.peakBytes,
      REPLAY_PEAK_RSS_TARGET_MB,
      `peak RSS of the replay process, ${users} users: directory + initial cycle`,
    ),
    '',
    `The server process (not counted above) peaked at ${formatMb(serverPeak)}.`,
    ...(live.length > 0 ? ['', 'Live heap after a full GC at each phase end (`--live`):', ...live] : []),
    ...(divergences.length > 0
      ? ['', 'First divergences of the cycle:', ...divergences.map((d) => `- ${d}`)]
      : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

runReplayBench('directory-memory', main);
