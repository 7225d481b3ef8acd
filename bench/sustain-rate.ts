/**
 * `replay --sustain` against the embedded reference server at a few rates: does the command hold 25, 200 and 1000
 * requests per second, and what do error rate, latency and memory do? Each rate runs in a process of its own (this
 * file forked with `--child`), which does what `scim-harness replay --sustain` does (bench may not import src/cli):
 * the heap policy the command sets, the embedded server in the same process, `runReplay` with the sustained load and
 * its report written, and reads the figures back from the replay.json it wrote. It prints figures and asserts
 * nothing (see bench/README.md): a rate not held is a figure, not a failure.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/bench/sustain-rate.js [--rates 25,200,1000] [--seconds 20]
 */
import { fork } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { applyReplayHeapPolicy, ReplayInterruptedError, runReplay } from '../mock-idp/engine/index.js';
import { startReferenceServer } from '../src/reference-server/index.js';
import { parseReplayResult, type ReplaySustain } from '../src/run-contract/index.js';

const HELP = `sustain-rate: replay --sustain against the embedded server, one process per rate.
  --rates LIST     requests per second, comma-separated (default 25,200,1000)
  --seconds N      how long each rate is held (default 20)
  --users N        users in the seeded directory (default 200)
  --groups N       groups (default 10)
  --max-in-flight N  the load's in-flight cap (default: the command's, 256)
`;

/** RSS sampled this often in the child, for the peak during the load. */
const SAMPLE_EVERY_MS = 200;

interface Options {
  rates: number[];
  seconds: number;
  users: number;
  groups: number;
  maxInFlight: number | undefined;
}

/** What a child reports for its rate. */
interface RateFigures {
  rps: number;
  exit: number;
  sustain: ReplaySustain | undefined;
  /** Peak RSS while the command ran (sampled), and the process's peak (getrusage), in bytes. */
  sampledPeakRss: number;
  maxRss: number;
  seconds: number;
}

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`--${name} must be a positive number, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}

function readOptions(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      rates: { type: 'string' },
      seconds: { type: 'string' },
      users: { type: 'string' },
      groups: { type: 'string' },
      'max-in-flight': { type: 'string' },
      child: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const rates = (values.rates ?? '25,200,1000').split(',').map((rate) => positive('rates', rate, 0));
  return {
    rates,
    seconds: positive('seconds', values.seconds, 20),
    users: positive('users', values.users, 200),
    groups: positive('groups', values.groups, 10),
    maxInFlight:
      values['max-in-flight'] === undefined
        ? undefined
        : positive('max-in-flight', values['max-in-flight'], 256),
  };
}

/** The child: one `replay --sustain` at `rps`, figures sent to the parent. */
async function child(rps: number, options: Options): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sustain-bench-'));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, SAMPLE_EVERY_MS);
  const started = performance.now();
  applyReplayHeapPolicy();
  const server = await startReferenceServer();
  let exit = 0;
  try {
    const outcome = await runReplay({
      tenantUrl: server.baseUrl,
      token: server.adminToken,
      users: options.users,
      groups: options.groups,
      cycles: 1,
      churn: 0,
      seed: 1,
      runId: `bench-sustain-${Math.round(rps)}`,
      reportDir: dir,
      sustain: {
        rps,
        durationMs: options.seconds * 1000,
        ...(options.maxInFlight === undefined ? {} : { maxInFlight: options.maxInFlight }),
        // The per-window lines, for the reader watching the run.
        onWindow: (w) =>
          process.stderr.write(
            `[${rps} req/s] ${w.startS}–${w.startS + w.durationS} s: achieved ${w.achieved} of ${w.offered}, ${w.missed} missed, ${w.errors} errors, p99 ${w.latencyMs.p99} ms\n`,
          ),
      },
    });
    // The command's exit code: 0 when the initial cycle converged and the rate held.
    exit = outcome.result.cycles.every((c) => c.converged) && outcome.result.sustain?.verdict.held ? 0 : 1;
  } catch (error) {
    if (!(error instanceof ReplayInterruptedError)) throw error;
    exit = 130;
  } finally {
    await server.close();
  }
  clearInterval(sampler);
  let sustain: ReplaySustain | undefined;
  try {
    sustain = parseReplayResult(JSON.parse(await readFile(join(dir, 'replay.json'), 'utf8'))).sustain;
  } catch (error) {
    process.stderr.write(`no replay.json for ${rps} req/s: ${String(error)}\n`);
  }
  await rm(dir, { recursive: true, force: true });
  const figures: RateFigures = {
    rps,
    exit,
    sustain,
    sampledPeakRss: peak,
    maxRss: process.resourceUsage().maxRSS * 1024,
    seconds: (performance.now() - started) / 1000,
  };
  process.send?.(figures);
}

function runChild(rps: number, argv: string[]): Promise<RateFigures> {
  return new Promise((resolve, reject) => {
    const worker = fork(fileURLToPath(import.meta.url), [...argv, '--child', String(rps)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let figures: RateFigures | undefined;
    worker.on('message', (message) => {
      figures = message as RateFigures;
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      figures === undefined
        ? reject(new Error(`the ${rps} req/s process exited ${code} without figures`))
        : resolve(figures),
    );
  });
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function row(f: RateFigures): string {
  const s = f.sustain;
  if (s === undefined)
    return `| ${f.rps} | — | — | — | — | — | — | — | — | ${mb(f.sampledPeakRss)} | exit ${f.exit}, no sustain block |`;
  const t = s.totals;
  const lowest = s.series.reduce((low, w) => Math.min(low, w.offered === 0 ? 1 : w.achieved / w.offered), 1);
  const lag = s.series.reduce((max, w) => Math.max(max, w.maxLagMs), 0);
  const cells = [
    String(f.rps),
    `${t.achievedRps}`,
    `${(lowest * 100).toFixed(1)}%`,
    `${t.sent} / ${t.missed}`,
    `${(t.errorRate * 100).toFixed(3)}%`,
    `${t.throttled}`,
    `${t.latencyMs.p50} / ${t.latencyMs.p95} / ${t.latencyMs.p99}`,
    `${lag}`,
    mb(f.sampledPeakRss),
    mb(f.maxRss),
    `${s.verdict.held ? 'held' : 'NOT held'} (exit ${f.exit})${s.verdict.held ? '' : `: ${s.verdict.reasons.join('; ')}`}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

async function parent(options: Options, argv: string[]): Promise<void> {
  const startLoad = loadavg()[0]?.toFixed(1);
  const results: RateFigures[] = [];
  for (const rps of options.rates) {
    process.stderr.write(`sustain-rate: ${rps} req/s for ${options.seconds} s…\n`);
    results.push(await runChild(rps, argv));
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `Node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} × ${cpu}, load average ${startLoad} at start, ${loadavg()[0]?.toFixed(1)} at end; ${options.users} users, ${options.groups} groups, ${options.seconds} s per rate; ${new Date().toISOString()}`,
    '',
    '| target req/s | achieved req/s | lowest window | sent / missed | errors | 429 | p50 / p95 / p99 ms | max harness lag ms | peak RSS (sampled) | peak RSS (maxrss) | verdict |',
    '| -----------: | -------------: | ------------: | ------------: | -----: | --: | -----------------: | -----------------: | -----------------: | ----------------: | ------- |',
    ...results.map(row),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const argv = process.argv.slice(2);
const options = readOptions(argv);
if (options === 'help') process.stdout.write(HELP);
else {
  const { values } = parseArgs({ args: argv, options: { child: { type: 'string' } }, strict: false });
  const childRate = typeof values.child === 'string' ? Number(values.child) : undefined;
  const forwarded = argv.filter((_, i) => argv[i] !== '--child' && argv[i - 1] !== '--child');
  await (childRate === undefined ? parent(options, forwarded) : child(childRate, options));
}
