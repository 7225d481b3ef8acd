import type { MemoryFigures } from './bench-messages.js';
import type { BenchScenario } from './bench-scenarios.js';
import type { ScenarioRun } from './scenario-runner.js';

/** Everything measured for one directory size, in one server process. */
export interface SizeResult {
  users: number;
  groups: number;
  /** From starting the server to its first answer, seeding included. */
  readyMs: number;
  /** After seeding and a full GC, before any request; `peakRssBytes` is the peak while seeding. */
  atRest: MemoryFigures;
  /** After every scenario and a full GC; `peakRssBytes` is the process's peak over the whole run. */
  afterLoad: MemoryFigures;
  runs: ScenarioRun[];
}

/**
 * The issues' targets: lookups and pages stay flat with size, a page filtered on a non-indexed attribute is served in
 * 200 ms at 100k users, 100k users fit in 400 MB while served, and a million in 2.5 GB.
 */
export interface BenchTargets {
  /** p50 at the largest size over p50 at the smallest (users > 0), for `lookup` scenarios and `flat` ones. */
  maxLookupP50Ratio: number;
  /**
   * Resident set size of the server process holding the largest directory of at most {@link memoryUsers} users (the
   * largest measured when none is that large).
   */
  maxRssBytes: number;
  /** The size the `maxRssBytes` target is about. */
  memoryUsers: number;
  /** Peak RSS of any larger size (seeded and served). */
  maxLargeRssBytes: number;
  /** p50 of a `p50-at-100k` scenario with {@link filterUsers} users. */
  maxFilterP50Ms: number;
  filterUsers: number;
}

/** 1.5×, 400 MB at 100k, 2.5 GB above, 200 ms (decimal megabytes: 400 000 000 bytes, the stricter reading). */
export const DEFAULT_TARGETS: BenchTargets = {
  maxLookupP50Ratio: 1.5,
  maxRssBytes: 400_000_000,
  memoryUsers: 100_000,
  maxLargeRssBytes: 2_500_000_000,
  maxFilterP50Ms: 200,
  filterUsers: 100_000,
};

export const TARGET_VERDICTS = ['met', 'not met', 'no target', 'not measured'] as const;
export type TargetVerdict = (typeof TARGET_VERDICTS)[number];

export interface TargetRow {
  target: string;
  measured: string;
  limit: string;
  verdict: TargetVerdict;
}

export interface BenchReport {
  /** One line: node version, platform, CPUs, seed, date. */
  environment: string;
  scenarios: readonly BenchScenario[];
  results: readonly SizeResult[];
  targets: BenchTargets;
}

/** `1k`, `10k`, `100k`, `1M`, or the plain number when it is not a whole thousand. */
export function formatUsers(users: number): string {
  if (users >= 1_000_000 && users % 1_000_000 === 0) return `${users / 1_000_000}M`;
  return users >= 1000 && users % 1000 === 0 ? `${users / 1000}k` : String(users);
}

export function formatMs(ms: number): string {
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

/** Decimal megabytes, matching the target's unit. */
export function formatMb(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb < 100 ? mb.toFixed(1) : mb.toFixed(0)} MB`;
}

function verdictMark(verdict: TargetVerdict): string {
  switch (verdict) {
    case 'met':
      return '✅ met';
    case 'not met':
      return '❌ not met';
    case 'no target':
      return '— (no target)';
    case 'not measured':
      return '⚠️ not measured';
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
}

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: readonly boolean[],
): string {
  const align = header.map((_, column) => (rightAligned[column] ? '---:' : '---'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function runOf(result: SizeResult | undefined, scenarioId: string): ScenarioRun | undefined {
  return result?.runs.find((run) => run.scenarioId === scenarioId);
}

/**
 * Grades the measured figures against the targets: one row per scenario for the p50 ratio between the
 * largest and the smallest seeded size (lookups graded, pages printed), and two for the memory of the
 * largest size (at rest after seeding, and the peak while serving the benchmark).
 */
export function gradeTargets(report: Omit<BenchReport, 'environment'>): TargetRow[] {
  const seeded = report.results.filter((result) => result.users > 0).sort((a, b) => a.users - b.users);
  const smallest = seeded[0];
  const largest = seeded.length > 1 ? seeded[seeded.length - 1] : undefined;
  const ratioLimit = `≤ ${report.targets.maxLookupP50Ratio}×`;
  const rows: TargetRow[] = report.scenarios.map((scenario) => {
    const graded = scenario.kind === 'lookup' || scenario.target === 'flat';
    const from = runOf(smallest, scenario.id);
    const to = runOf(largest, scenario.id);
    const target = `${scenario.label}: p50(${formatUsers(largest?.users ?? 0)}) / p50(${formatUsers(smallest?.users ?? 0)})`;
    if (from === undefined || to === undefined) {
      return {
        target,
        measured: 'needs two sizes',
        limit: graded ? ratioLimit : '—',
        verdict: 'not measured',
      };
    }
    const ratio = to.summary.p50 / from.summary.p50;
    const measured = `${ratio.toFixed(2)}× (${formatMs(to.summary.p50)} / ${formatMs(from.summary.p50)} ms)`;
    if (!graded) return { target, measured, limit: '—', verdict: 'no target' };
    return {
      target,
      measured,
      limit: ratioLimit,
      verdict: ratio <= report.targets.maxLookupP50Ratio ? 'met' : 'not met',
    };
  });
  for (const scenario of report.scenarios.filter((row) => row.target === 'p50-at-100k')) {
    const { filterUsers, maxFilterP50Ms } = report.targets;
    const run = runOf(
      seeded.find((result) => result.users === filterUsers),
      scenario.id,
    );
    const target = `${scenario.label}: p50 with ${formatUsers(filterUsers)} users`;
    const limit = `≤ ${maxFilterP50Ms} ms`;
    rows.push(
      run === undefined
        ? { target, measured: `no ${formatUsers(filterUsers)} size`, limit, verdict: 'not measured' }
        : {
            target,
            measured: `${formatMs(run.summary.p50)} ms`,
            limit,
            verdict: run.summary.p50 <= maxFilterP50Ms ? 'met' : 'not met',
          },
    );
  }
  const withinMemorySize = seeded.filter((result) => result.users <= report.targets.memoryUsers);
  const biggest = withinMemorySize[withinMemorySize.length - 1] ?? seeded[seeded.length - 1];
  const rssLimit = `≤ ${formatMb(report.targets.maxRssBytes)}`;
  const memoryRows: [string, number | undefined][] = [
    [`RSS with ${formatUsers(biggest?.users ?? 0)} users, at rest after seeding`, biggest?.atRest.rssBytes],
    [
      `peak RSS with ${formatUsers(biggest?.users ?? 0)} users, while serving the benchmark`,
      biggest?.afterLoad.peakRssBytes,
    ],
  ];
  for (const [target, bytes] of memoryRows) {
    rows.push(
      bytes === undefined
        ? { target, measured: 'no seeded size', limit: rssLimit, verdict: 'not measured' }
        : {
            target,
            measured: formatMb(bytes),
            limit: rssLimit,
            verdict: bytes <= report.targets.maxRssBytes ? 'met' : 'not met',
          },
    );
  }
  const largeLimit = `≤ ${formatMb(report.targets.maxLargeRssBytes)}`;
  for (const result of seeded.filter((size) => size.users > report.targets.memoryUsers)) {
    const bytes = Math.max(result.atRest.peakRssBytes, result.afterLoad.peakRssBytes);
    rows.push({
      target: `peak RSS with ${formatUsers(result.users)} users, seeded and served`,
      measured: formatMb(bytes),
      limit: largeLimit,
      verdict: bytes <= report.targets.maxLargeRssBytes ? 'met' : 'not met',
    });
  }
  return rows;
}

function latencyTable(report: BenchReport): string {
  const rows: string[][] = [];
  for (const result of report.results) {
    for (const scenario of report.scenarios) {
      const run = runOf(result, scenario.id);
      if (run === undefined) continue;
      const { summary } = run;
      const count =
        summary.count < run.planned
          ? `${summary.count} of ${run.planned} (time budget)`
          : String(summary.count);
      rows.push([
        formatUsers(result.users),
        `\`${scenario.label}\``,
        count,
        formatMs(summary.p50),
        formatMs(summary.p95),
        formatMs(summary.p99),
        formatMs(summary.max),
        summary.requestsPerSecond.toFixed(0),
      ]);
    }
  }
  const header = ['users', 'request', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s'];
  return table(header, rows, [true, false, true, true, true, true, true, true]);
}

function memoryTable(report: BenchReport): string {
  const baseline = report.results.find((result) => result.users === 0);
  const rows = report.results.map((result) => {
    const perUser =
      baseline !== undefined && result.users > 0
        ? `${Math.round((result.atRest.rssBytes - baseline.atRest.rssBytes) / result.users)} B`
        : '—';
    return [
      result.users === 0 ? '0 (empty server)' : formatUsers(result.users),
      String(result.groups),
      (result.readyMs / 1000).toFixed(1),
      formatMb(result.atRest.rssBytes),
      formatMb(result.atRest.heapUsedBytes),
      perUser,
      formatMb(result.atRest.peakRssBytes),
      formatMb(result.afterLoad.rssBytes),
      formatMb(result.afterLoad.peakRssBytes),
    ];
  });
  const header = [
    'users',
    'groups',
    'seed + ready s',
    'RSS at rest',
    'heapUsed at rest',
    'RSS per user over empty',
    'peak RSS while seeding',
    'RSS after load',
    'peak RSS',
  ];
  return table(header, rows, [true, true, true, true, true, true, true, true, true]);
}

/** The benchmark's printed result: latency, memory and targets as markdown tables. */
export function renderBenchReport(report: BenchReport): string {
  const targets = gradeTargets(report).map((row) => [
    row.target,
    row.measured,
    row.limit,
    verdictMark(row.verdict),
  ]);
  return [
    '## Reference server benchmark',
    '',
    report.environment,
    '',
    '### Latency (sequential requests, one kept-alive connection, 127.0.0.1)',
    '',
    latencyTable(report),
    '',
    '### Seeding and memory (server process only; after a full GC)',
    '',
    memoryTable(report),
    '',
    '### Targets',
    '',
    table(['target', 'measured', 'limit', 'verdict'], targets, [false, true, true, false]),
    '',
  ].join('\n');
}
