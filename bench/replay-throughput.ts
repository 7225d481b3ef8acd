/**
 * The replay's request rate against autocannon's on the same server and the same requests: an initial cycle of
 * N users (default 10k, with N/100 groups) at concurrency 8. Target: replay req/s ÷ autocannon req/s ≥ 0.8.
 *
 * Three kinds of process, so no two measured parties share an event loop:
 * - a fresh reference server per half, each in its own process (server-process.ts, empty directory, same seed);
 * - the autocannon half in its own process (autocannon-process.ts): it plans the same initial cycle with the
 *   mock-IdP request builder and sends it phase by phase over N connections;
 * - the replay half (`runReplay`, one initial cycle) in this process.
 * The replay's requests are recorded through its fetch and compared kind by kind with autocannon's.
 * Prints markdown; never asserts.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/bench/replay-throughput.js [--users 10k] [--rounds 2]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runReplay } from '../mock-idp/index.js';
import { runAutocannonProcess } from './autocannon-process-handle.js';
import { readCount } from './count-option.js';
import {
  applyCliHeapPolicy,
  REPLAY_BENCH_ARGS,
  type ReplayBenchOptions,
  readReplayBenchOptions,
  runReplayBench,
} from './replay-bench-options.js';
import { addToMix, countKinds, mixFromRecord, requestKind } from './request-mix.js';
import { ServerProcess } from './server-process-handle.js';
import {
  formatStatuses,
  type HalfFigures,
  type ProcessRole,
  renderThroughputReport,
  type ThroughputRound,
} from './throughput-report.js';

const RUN_ID = 'bench';
const SERVER_READY_MS = 120_000;
const HALF_TIMEOUT_MS = 3_600_000;

interface Options extends ReplayBenchOptions {
  rounds: number;
}

interface HalfRun {
  figures: HalfFigures;
  mix: Map<string, number>;
  processes: ProcessRole[];
}

const HELP = `replay-throughput: the replay's initial cycle against autocannon on the same server and requests.
  --users N        users in the source directory (default 10k; 1k for a quick run)
  --groups N       groups (default users / 100)
  --concurrency N  replay concurrency and autocannon connections (default 8)
  --seed N         directory seed (default 1)
  --rounds N       rounds; the halves swap order every round (default 1)
  --mapping NAME   entra-default (users, managers, groups) or datadog (users only); default entra-default
  --v8-default-heap  V8's own heap growth instead of the one scim-harness replay sets (for comparison)
`;

function readOptions(): Options | undefined {
  const { values } = parseArgs({
    options: { ...REPLAY_BENCH_ARGS, rounds: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return undefined;
  }
  return {
    ...readReplayBenchOptions(values, 10_000),
    rounds: Math.max(1, readCount('rounds', values.rounds, 1, 20)),
  };
}

function startServer(options: Options): Promise<ServerProcess> {
  return ServerProcess.start({
    users: 0,
    groups: 0,
    seed: options.seed,
    samples: 0,
    readyTimeoutMs: SERVER_READY_MS,
  });
}

async function autocannonHalf(options: Options): Promise<HalfRun> {
  const server = await startServer(options);
  try {
    const done = await runAutocannonProcess(
      {
        baseUrl: server.ready.baseUrl,
        token: server.ready.token,
        users: options.users,
        groups: options.groups,
        seed: options.seed,
        runId: RUN_ID,
        mapping: options.mapping,
        connections: options.concurrency,
      },
      HALF_TIMEOUT_MS,
    );
    const statuses: Record<string, Record<string, number>> = {};
    const mix = new Map<string, number>();
    let requests = 0;
    let durationMs = 0;
    let spanMs = 0;
    let errors = 0;
    let timeouts = 0;
    let unresolved = 0;
    let idsMissing = 0;
    for (const phase of done.phases) {
      requests += phase.requests;
      durationMs += phase.durationMs;
      spanMs += phase.spanMs;
      errors += phase.errors;
      timeouts += phase.timeouts;
      unresolved += phase.unresolved;
      idsMissing += phase.idsMissing;
      for (const [kind, byStatus] of Object.entries(phase.statuses)) {
        statuses[kind] ??= {};
        const merged = statuses[kind];
        for (const [status, count] of Object.entries(byStatus)) {
          merged[status] = (merged[status] ?? 0) + count;
          addToMix(mix, kind, count);
        }
      }
    }
    const planned = mixFromRecord(done.planMix);
    const problems = [
      `${errors} errors, ${timeouts} timeouts`,
      ...(unresolved > 0 ? [`${unresolved} references without a target id`] : []),
      ...(idsMissing > 0 ? [`${idsMissing} creates without an id`] : []),
    ];
    return {
      figures: {
        client: 'autocannon',
        requests,
        durationMs,
        spanMs,
        answers: `${formatStatuses(statuses)}; ${problems.join('; ')}`,
      },
      mix,
      processes: [
        {
          role: 'autocannon process',
          pid: done.pid,
          ran: `planned the cycle (${(done.planMs / 1000).toFixed(1)} s, not timed; ${planned === undefined ? '?' : [...planned.values()].reduce((a, b) => a + b, 0)} requests), then autocannon, ${options.concurrency} connections, phases ${done.phases.map((p) => `${p.name} ${p.requests} in ${(p.durationMs / 1000).toFixed(2)} s (before: ${(p.spanMs / 1000).toFixed(2)} s)`).join(', ')}`,
        },
        {
          role: 'server process (autocannon half)',
          pid: server.pid,
          ran: 'reference server, empty at start',
        },
      ],
    };
  } finally {
    await server.stop();
  }
}

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** How many divergences and the first one, so a non-converged cycle says where. */
function divergenceNote(divergences: readonly { object: string; attribute: string }[]): string {
  const [first] = divergences;
  if (first === undefined) return '';
  return ` (${divergences.length} divergence${divergences.length === 1 ? '' : 's'}, first: ${first.object} ${first.attribute})`;
}

async function replayHalf(options: Options): Promise<HalfRun> {
  const server = await startServer(options);
  const reportDir = await mkdtemp(join(tmpdir(), 'replay-throughput-'));
  // The fetch records each request's kind while the cycle runs; Test Connection comes before `beforeCycle`,
  // and the convergence read-back after the cycle's `requests`, so neither is in the mix.
  const kinds: string[] = [];
  let recording = false;
  const recordingFetch: typeof fetch = (input, init) => {
    if (recording) {
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      kinds.push(requestKind(method, urlOf(input)));
    }
    return fetch(input, init);
  };
  try {
    const outcome = await runReplay({
      tenantUrl: server.ready.baseUrl,
      token: server.ready.token,
      users: options.users,
      groups: options.groups,
      cycles: 1,
      churn: 0,
      seed: options.seed,
      runId: RUN_ID,
      concurrency: options.concurrency,
      mapping: options.mapping,
      // As the CLI: the provisioning log streams to a report directory.
      reportDir,
      // Cleanup is not part of the cycle, and the server is discarded.
      keep: true,
      fetch: recordingFetch,
      beforeCycle: () => {
        recording = true;
      },
    });
    recording = false;
    const cycle = outcome.result.cycles[0];
    if (cycle === undefined) throw new Error('the replay ran no cycle');
    return {
      figures: {
        client: 'replay',
        requests: cycle.requests,
        durationMs: cycle.durationMs,
        answers: `${formatStatuses(cycle.operations)}; converged ${cycle.converged}${divergenceNote(cycle.divergences)}; quarantined ${cycle.quarantined}`,
      },
      mix: countKinds(kinds.slice(0, cycle.requests)),
      processes: [
        { role: 'server process (replay half)', pid: server.pid, ran: 'reference server, empty at start' },
      ],
    };
  } finally {
    await server.stop();
    await rm(reportDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options === undefined) return;
  const heapPolicy = applyCliHeapPolicy(options);
  const cpu = cpus();
  const loadAtStart = loadavg()[0] ?? 0;
  const header = `Node ${process.version}, ${process.platform} ${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? '?'}; ${options.users} users, ${options.groups} groups, mapping ${options.mapping}, concurrency ${options.concurrency}, seed ${options.seed}; ${heapPolicy}; load average ${loadAtStart.toFixed(2)} at start; ${new Date().toISOString()}`;
  const rounds: ThroughputRound[] = [];
  const processes: ProcessRole[] = [
    {
      role: 'benchmark process',
      pid: process.pid,
      ran: 'the replay (runReplay: Test Connection, one initial cycle, convergence read-back), the orchestration',
    },
  ];
  let replayMix = new Map<string, number>();
  let autocannonMix = new Map<string, number>();
  for (let n = 1; n <= options.rounds; n++) {
    // The halves swap order every round, so neither always runs on the colder or the busier machine.
    const order = n % 2 === 1 ? (['autocannon', 'replay'] as const) : (['replay', 'autocannon'] as const);
    const halves: HalfFigures[] = [];
    for (const client of order) {
      process.stderr.write(
        `round ${n}: ${client} half, ${options.users} users at concurrency ${options.concurrency}…\n`,
      );
      const run = client === 'autocannon' ? await autocannonHalf(options) : await replayHalf(options);
      halves.push(run.figures);
      if (client === 'autocannon') autocannonMix = run.mix;
      else replayMix = run.mix;
      processes.push(...run.processes.map((p) => ({ ...p, role: `${p.role}, round ${n}` })));
    }
    rounds.push({ n, halves });
  }
  const notes = [
    `Load average ${(loadavg()[0] ?? 0).toFixed(2)} at the end (1-minute).`,
    'replay: the cycle’s own `requests` and `durationMs` (Test Connection before it and the convergence read-back after it are not counted).',
    'autocannon: answered requests over the sum of its runs’ times, each from the run’s first request to its last answer (planning, the wait between runs and autocannon’s teardown are not counted). “before”: each phase from its first autocannon call to its last answer, as measured until now, which counted the wait between a phase’s runs (autocannon resolves a run at its next 1 s tick).',
  ];
  process.stdout.write(
    renderThroughputReport({ header, rounds, processes, replayMix, autocannonMix, notes }),
  );
}

runReplayBench('replay-throughput', main);
