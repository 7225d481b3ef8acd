/**
 * The throughput benchmark's report: both halves' figures, the ratio against the target, the request mix
 * side by side, and which process ran what. Pure: figures in, markdown out.
 */
import { compareMixes, mixTotal, type RequestMix } from './request-mix.js';

/**
 * The target: the replay reaches at least 0.8 of autocannon's rate on the same server and requests (issue 12; it was
 * 0.5 in issue 4).
 */
export const THROUGHPUT_TARGET_RATIO = 0.8;

/** One client's run of the initial cycle. */
export interface HalfFigures {
  readonly client: 'autocannon' | 'replay';
  readonly requests: number;
  readonly durationMs: number;
  /**
   * autocannon only: the time as measured before, each phase from its first autocannon call to its last answer, which
   * counts the idle wait between a phase's runs. Shown beside the honest figure.
   */
  readonly spanMs?: number;
  /** Answers by status, errors, convergence: what says the figure is not the speed of failures. */
  readonly answers: string;
}

export interface ThroughputRound {
  readonly n: number;
  /** In the order they ran. */
  readonly halves: readonly HalfFigures[];
}

/** A process of the benchmark and what it ran. */
export interface ProcessRole {
  readonly role: string;
  readonly pid: number | undefined;
  readonly ran: string;
}

export interface ThroughputReport {
  readonly header: string;
  readonly rounds: readonly ThroughputRound[];
  readonly processes: readonly ProcessRole[];
  /** What the replay's initial cycle sent (recorded from its fetch), and what autocannon was given. */
  readonly replayMix: RequestMix;
  readonly autocannonMix: RequestMix;
  readonly notes: readonly string[];
}

/** Requests per second over a duration; 0 for an empty or zero-length run. */
export function requestsPerSecond(requests: number, durationMs: number): number {
  return durationMs > 0 ? (requests * 1000) / durationMs : 0;
}

/**
 * replay req/s ÷ autocannon req/s of one round; `undefined` when a half is missing or autocannon sent nothing. `timing`
 * `span` takes autocannon's time as measured before (with the idle between runs, {@link HalfFigures.spanMs}).
 */
export function roundRatio(round: ThroughputRound, timing: 'active' | 'span' = 'active'): number | undefined {
  const replay = round.halves.find((half) => half.client === 'replay');
  const raw = round.halves.find((half) => half.client === 'autocannon');
  if (replay === undefined || raw === undefined) return undefined;
  const rawMs = timing === 'span' ? raw.spanMs : raw.durationMs;
  if (rawMs === undefined) return undefined;
  const rawRate = requestsPerSecond(raw.requests, rawMs);
  return rawRate > 0 ? requestsPerSecond(replay.requests, replay.durationMs) / rawRate : undefined;
}

/** The middle value (the mean of the two middle ones for an even count); `undefined` for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `✅ met` or `❌ not met` for a ratio against a lower bound. */
export function ratioVerdict(ratio: number | undefined, target = THROUGHPUT_TARGET_RATIO): string {
  if (ratio === undefined) return '— (no figure)';
  return ratio >= target ? '✅ met' : '❌ not met';
}

/** `GET /Users?filter 200×8793; POST /Users 201×8792 409×1`. */
export function formatStatuses(statuses: Readonly<Record<string, Readonly<Record<string, number>>>>): string {
  return Object.entries(statuses)
    .map(
      ([kind, byStatus]) =>
        `${kind} ${Object.entries(byStatus)
          .map(([status, count]) => `${status}×${count}`)
          .join(' ')}`,
    )
    .join('; ');
}

const share = (count: number, total: number): string =>
  total === 0 ? '—' : `${((count / total) * 100).toFixed(1)} %`;

/** The two mixes side by side, every kind either has, then whether they are the same. */
export function renderMixTable(replay: RequestMix, autocannon: RequestMix): string[] {
  const replayTotal = mixTotal(replay);
  const rawTotal = mixTotal(autocannon);
  const kinds = [...new Set([...replay.keys(), ...autocannon.keys()])];
  const differences = compareMixes(replay, autocannon);
  return [
    '| request | replay | share | autocannon | share |',
    '| ------- | -----: | ----: | ---------: | ----: |',
    ...kinds.map((kind) => {
      const a = replay.get(kind) ?? 0;
      const b = autocannon.get(kind) ?? 0;
      return `| \`${kind}\` | ${a} | ${share(a, replayTotal)} | ${b} | ${share(b, rawTotal)} |`;
    }),
    `| total | ${replayTotal} | | ${rawTotal} | |`,
    '',
    differences.length === 0
      ? 'The mixes are identical: the same requests of every kind.'
      : `The mixes differ: ${differences.map((d) => `${d.kind} replay ${d.expected}, autocannon ${d.actual}`).join('; ')}.`,
  ];
}

/** The whole report. */
export function renderThroughputReport(report: ThroughputReport): string {
  const ratios = report.rounds
    .map((round) => roundRatio(round))
    .filter((ratio): ratio is number => ratio !== undefined);
  const overall = median(ratios);
  const spanRatios = report.rounds
    .map((round) => roundRatio(round, 'span'))
    .filter((ratio): ratio is number => ratio !== undefined);
  const overallSpan = median(spanRatios);
  const fixed = (ratio: number | undefined) => (ratio === undefined ? '—' : ratio.toFixed(2));
  const before = (half: HalfFigures) =>
    half.spanMs === undefined
      ? '| | |'
      : `| ${(half.spanMs / 1000).toFixed(1)} | ${requestsPerSecond(half.requests, half.spanMs).toFixed(0)} |`;
  const lines = [
    report.header,
    '',
    '| process | pid | ran |',
    '| ------- | --: | --- |',
    ...report.processes.map((p) => `| ${p.role} | ${p.pid ?? '?'} | ${p.ran} |`),
    '',
    '| round | client | requests | s | req/s | s before (with idle) | req/s before | answers |',
    '| ----: | ------ | -------: | -: | ----: | -------------------: | -----------: | ------- |',
    ...report.rounds.flatMap((round) =>
      round.halves.map(
        (half) =>
          `| ${round.n} | ${half.client} | ${half.requests} | ${(half.durationMs / 1000).toFixed(1)} | ${requestsPerSecond(half.requests, half.durationMs).toFixed(0)} ${before(half)} ${half.answers} |`,
      ),
    ),
    '',
    '#### Request mix of the initial cycle',
    '',
    ...renderMixTable(report.replayMix, report.autocannonMix),
    '',
    '#### Target',
    '',
    '| target | measured | before (autocannon with idle) | limit | verdict |',
    '| ------ | -------: | ----------------------------: | ----: | ------- |',
    ...report.rounds.map((round) => {
      const ratio = roundRatio(round);
      return `| replay req/s ÷ autocannon req/s, round ${round.n} | ${fixed(ratio)} | ${fixed(roundRatio(round, 'span'))} | ≥ ${THROUGHPUT_TARGET_RATIO} | ${ratioVerdict(ratio)} |`;
    }),
    ...(report.rounds.length > 1
      ? [
          `| median over ${ratios.length} rounds | ${fixed(overall)} | ${fixed(overallSpan)} | ≥ ${THROUGHPUT_TARGET_RATIO} | ${ratioVerdict(overall)} |`,
        ]
      : []),
    ...(report.notes.length > 0 ? ['', ...report.notes.map((note) => `- ${note}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}
