/**
 * The reference-server benchmark: fork one server process per directory size, each seeded with that many
 * users; time lookups (interleaved across sizes) and pages (one size at a time) over kept-alive connections
 * on 127.0.0.1; measure each process's memory; print one markdown report. It prints figures and asserts
 * nothing (see bench/README.md).
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/bench/run.js [--sizes 0,1k,10k,100k,1m] [--help]
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { isHarnessError } from '../src/errors/harness-error.js';
import { DEFAULT_TARGETS, formatUsers, renderBenchReport, type SizeResult } from './bench-report.js';
import { BENCH_SCENARIOS, type BenchScenario, PAGE_SIZE } from './bench-scenarios.js';
import { readCount, readCounts } from './count-option.js';
import { KeepAliveClient } from './keep-alive-client.js';
import {
  createPicker,
  runScenario,
  type ScenarioPlan,
  type ScenarioRun,
  type ScenarioTarget,
  warmUp,
} from './scenario-runner.js';
import { ServerProcess } from './server-process-handle.js';

/** The reference server seeds at most this many users. */
const MAX_USERS = 1_000_000;
/** One team of up to ten per hundred users, as in a mid-sized organisation. */
const USERS_PER_GROUP = 100;
/** Lookups alternate between sizes in rounds this long. */
const LOOKUP_ROUND = 50;
/** Timed requests a scenario sends to each size even when the budget is spent. */
const MIN_LOOKUPS = 20;
const MIN_PAGES = 3;

const USAGE = `Usage: node dist/bench/bench/run.js [options]

  --sizes           directory sizes, 0 = an empty server for the memory baseline (default 0,1k,10k,100k,1m)
  --lookups         timed requests per lookup scenario and size (default 2000)
  --pages           timed requests of each page scenario per size (default 500)
  --warmup-seconds  untimed lookups to every size before anything is timed (default 10)
  --warmup          untimed requests per scenario and size before its timed ones (default 100)
  --budget          seconds of timed requests per scenario and size before it stops early,
                    never below ${MIN_LOOKUPS} lookups or ${MIN_PAGES} pages (default 20)
  --seed            faker seed of the directories and of the random picks (default 1)
  --samples         existing users drawn per size for the lookups (default 1000)
  --help            this text
`;

interface BenchOptions {
  sizes: number[];
  lookups: number;
  pages: number;
  warmup: number;
  warmupMs: number;
  budgetMs: number;
  seed: number;
  samples: number;
}

function readOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      lookups: { type: 'string' },
      pages: { type: 'string' },
      warmup: { type: 'string' },
      'warmup-seconds': { type: 'string' },
      budget: { type: 'string' },
      seed: { type: 'string' },
      samples: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const sizes = [
    ...new Set(readCounts('sizes', values.sizes, [0, 1000, 10_000, 100_000, 1_000_000], MAX_USERS)),
  ].sort((a, b) => a - b);
  return {
    sizes,
    lookups: readCount('lookups', values.lookups, 2000, 1_000_000),
    pages: readCount('pages', values.pages, 500, 1_000_000),
    warmup: readCount('warmup', values.warmup, 100, 1_000_000),
    warmupMs: readCount('warmup-seconds', values['warmup-seconds'], 10, 3600) * 1000,
    budgetMs: readCount('budget', values.budget, 20, 3600) * 1000,
    seed: readCount('seed', values.seed, 1, Number.MAX_SAFE_INTEGER),
    samples: Math.max(1, readCount('samples', values.samples, 1000, MAX_USERS)),
  };
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** One size under test: its process, and (when it holds users) a client and picks for the scenarios. */
interface SizeUnderTest {
  users: number;
  server: ServerProcess;
  target: ScenarioTarget | undefined;
}

async function startSize(users: number, options: BenchOptions): Promise<SizeUnderTest> {
  const groups = Math.ceil(users / USERS_PER_GROUP);
  progress(`${formatUsers(users)} users, ${groups} groups: seeding…`);
  const server = await ServerProcess.start({
    users,
    groups,
    seed: options.seed,
    samples: options.samples,
    readyTimeoutMs: 600_000,
  });
  const { ready } = server;
  progress(`  ready in ${(ready.readyMs / 1000).toFixed(1)} s`);
  if (users === 0) return { users, server, target: undefined };
  const client = new KeepAliveClient({ baseUrl: ready.baseUrl, token: ready.token, timeoutMs: 300_000 });
  return { users, server, target: { users, client, pick: createPicker(ready.samples, users, options.seed) } };
}

function planFor(scenario: BenchScenario, options: BenchOptions, sizes: number): ScenarioPlan {
  if (scenario.kind === 'page') {
    return {
      requests: options.pages,
      warmup: options.warmup,
      budgetMs: options.budgetMs,
      minRequests: MIN_PAGES,
      roundSize: 1,
    };
  }
  return {
    requests: options.lookups,
    warmup: options.warmup,
    budgetMs: options.budgetMs * sizes,
    minRequests: MIN_LOOKUPS,
    roundSize: LOOKUP_ROUND,
  };
}

/**
 * Lookups go to every size in turn (their ratio is the target); pages go to one size at a time, since a
 * page's cost grows with the directory and one slow size would starve the others of samples.
 */
async function runScenarios(sizes: readonly SizeUnderTest[], options: BenchOptions): Promise<ScenarioRun[]> {
  const runs: ScenarioRun[] = [];
  const report = (batch: ScenarioRun[]): void => {
    for (const run of batch) {
      progress(
        `  ${run.scenarioId} at ${formatUsers(run.users)}: ${run.summary.count} requests, p50 ${run.summary.p50.toFixed(2)} ms`,
      );
    }
    runs.push(...batch);
  };
  const lookups = BENCH_SCENARIOS.filter((scenario) => scenario.kind === 'lookup');
  const seeded = sizes.flatMap((size) => (size.target === undefined ? [] : [size.target]));
  if (seeded.length > 0 && options.warmupMs > 0) {
    progress(`warming up for ${options.warmupMs / 1000} s…`);
    progress(`  ${await warmUp(seeded, lookups, options.warmupMs)} untimed lookups`);
  }
  for (const scenario of BENCH_SCENARIOS) {
    const eligible = sizes.flatMap((size) =>
      size.target !== undefined && (scenario.kind !== 'page' || size.users >= PAGE_SIZE) ? [size.target] : [],
    );
    const plan = planFor(scenario, options, eligible.length);
    if (plan.requests === 0 || eligible.length === 0) continue;
    progress(`${scenario.id}…`);
    if (scenario.kind === 'page') {
      for (const target of eligible) report(await runScenario([target], scenario, plan));
    } else {
      report(await runScenario(eligible, scenario, plan));
    }
  }
  return runs;
}

async function measureAll(options: BenchOptions): Promise<SizeResult[]> {
  const sizes: SizeUnderTest[] = [];
  try {
    // Seeded one after another, so each seeding runs alone; idle servers cost no CPU meanwhile.
    for (const users of options.sizes) sizes.push(await startSize(users, options));
    const runs = await runScenarios(sizes, options);
    const results: SizeResult[] = [];
    for (const { users, server } of sizes) {
      const { ready } = server;
      results.push({
        users,
        groups: ready.groups,
        readyMs: ready.readyMs,
        atRest: ready.memory,
        afterLoad: await server.measure(),
        runs: runs.filter((run) => run.users === users),
      });
    }
    return results;
  } finally {
    for (const size of sizes) {
      size.target?.client.close();
      await size.server.stop();
    }
  }
}

function environment(options: BenchOptions, loadAtStart: number): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const load = `load average ${loadAtStart.toFixed(1)} at start, ${(loadavg()[0] ?? 0).toFixed(1)} at end`;
  return `Node ${process.version}, ${process.platform} ${process.arch}, ${cores.length} × ${model}, ${load}; seed ${options.seed}; ${new Date().toISOString()}`;
}

/** Runs the benchmark and prints the report; returns the exit code (0 printed, 1 could not run, 2 bad options). */
export async function main(argv: string[]): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = readOptions(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const loadAtStart = loadavg()[0] ?? 0;
  let results: SizeResult[];
  try {
    results = await measureAll(options);
  } catch (error) {
    const message = isHarnessError(error)
      ? `${error.code}: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
    process.stderr.write(`The benchmark could not run: ${message}\n`);
    return 1;
  }
  const report = renderBenchReport({
    environment: environment(options, loadAtStart),
    scenarios: BENCH_SCENARIOS,
    results,
    targets: DEFAULT_TARGETS,
  });
  process.stdout.write(report);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
