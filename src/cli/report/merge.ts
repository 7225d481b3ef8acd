import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nodeConfigFs, resolveConfig } from '../../config/index.js';
import { HarnessError } from '../../errors/harness-error.js';
import {
  mergeReplayResults,
  mergeResults,
  REPORT_FILES,
  renderTerminalSummary,
  writeReports,
} from '../../report/index.js';
import {
  type ConformanceResult,
  LATENCY_HISTOGRAM_PRECISION,
  parseReplayResult,
  type ReplayResult,
} from '../../run-contract/index.js';
import { type CommandContext, createCommandLogger } from '../command-context.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { describeCycleOutcomes, formatCycleLine } from '../replay/replay-progress.js';
import { readConformanceFile } from '../run/run-outcome.js';
import { toRawConfigInput } from '../shared-options.js';
import type { MergeArgs } from './command-object.js';

/** What a shard's result says of its shard: conformance.json and replay.json both carry it. */
interface ShardedResult {
  shard?: { index: number; total: number; merged?: number[] } | undefined;
}

/** Shard indexes of `total` that none of `results` covers. */
export function missingShards(results: readonly ShardedResult[]): number[] {
  const total = results.find((r) => r.shard)?.shard?.total;
  if (total === undefined) return [];
  const present = new Set(results.flatMap((r) => (r.shard ? (r.shard.merged ?? [r.shard.index]) : [])));
  return Array.from({ length: total }, (_, i) => i + 1).filter((i) => !present.has(i));
}

const MERGE_HINT =
  "pass each shard's report folder once: those `scim-harness run --shard i/n --report-dir DIR` (or `replay --shard i/n`) wrote";

function refuse(message: string): never {
  throw new HarnessError('CONFIG_INVALID', message, { hint: MERGE_HINT });
}

/** A report folder as given, with the conformance.json (or replay.json) read from it. */
interface ShardReport<Result extends ShardedResult = ConformanceResult> {
  file: string;
  result: Result;
}

/**
 * Refuses a set of shard reports that is not exactly one sharded run: a report given twice (the same file, or two
 * files for the same shard index), a report written without --shard, and a shard that is missing, each named.
 * Merging such a set would print a verdict for a run that was not all there, or count a shard twice.
 */
export function assertCompleteShardSet(reports: readonly ShardReport<ShardedResult>[]): void {
  const owners = new Map<number, string>();
  for (const { file, result } of reports) {
    if (!result.shard)
      refuse(
        `${file} is not the report of a shard (its run had no --shard i/n): there is nothing to merge it with`,
      );
    for (const index of result.shard.merged ?? [result.shard.index]) {
      const earlier = owners.get(index);
      if (earlier !== undefined)
        refuse(
          `shard ${index}/${result.shard.total} is given twice: ${earlier === file ? file : `${earlier} and ${file}`}`,
        );
      owners.set(index, file);
    }
  }
  const missing = missingShards(reports.map((report) => report.result));
  const total = reports[0]?.result.shard?.total;
  if (missing.length > 0)
    refuse(
      `${missing.map((index) => `shard ${index}/${total}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing: a merged report must cover the whole run`,
    );
}

/** The replay's record in a report folder (mock-idp/engine/replay-reports.ts writes it). */
const REPLAY_FILE = 'replay.json';

/** Reads and validates a replay.json; an unreadable or invalid one is a `CONFIG_INVALID` error naming it. */
function readReplayFile(file: string): ReplayResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new HarnessError('CONFIG_INVALID', `report ${file} cannot be read as JSON`, { cause });
  }
  return parseReplayResult(json, `report ${file}`);
}

/** The reports a folder given to `report merge` holds: a file is taken as what its name says. */
function reportsIn(resolved: string): { conformance?: string; replay?: string } {
  if (!resolved.endsWith('.json')) {
    const conformance = path.join(resolved, REPORT_FILES.json);
    const replay = path.join(resolved, REPLAY_FILE);
    return {
      ...(existsSync(conformance) ? { conformance } : {}),
      ...(existsSync(replay) ? { replay } : {}),
    };
  }
  if (!existsSync(resolved)) return {};
  return path.basename(resolved) === REPLAY_FILE ? { replay: resolved } : { conformance: resolved };
}

/**
 * `scim-harness report merge DIR…`: merges the conformance.json of each shard folder, writes the four reports to
 * --out, names the shards that were interrupted (the merged report is then interrupted too, and fails), prints the
 * summary. Exit 0 when every profile passes, 1 when one fails (always so when a shard was interrupted), 2 when the
 * inputs cannot be merged: reports of different runs, a report given twice (the same folder, or the same shard),
 * a report without a shard, or a shard missing ({@link assertCompleteShardSet}). A folder without a report is
 * warned about; the shard it should have held is then missing.
 *
 * The folders of a sharded replay (`replay --shard i/n`) hold a replay.json instead: those are merged the same way
 * ({@link mergeReplayResults}: same run id and seed, no shard missing or twice) into replay.json and report.html;
 * the exit is then 1 also when a merged cycle did not converge (in any shard) or was quarantined. Folders that hold
 * both are merged both ways into one report. Mixing folders of one kind with folders of the other (or with folders
 * holding both) is refused (exit 2): that would merge a replay whose shards are not all there.
 */
export async function mergeReports(args: MergeArgs, context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  const config = resolveConfig(toRawConfigInput(args), io.env, nodeConfigFs, { cwd: io.cwd });
  const logger = createCommandLogger(context, 'report merge', config);
  logger.debug({ dirs: args.dirs, out: args.out }, 'merging the shards');
  const reports: ShardReport[] = [];
  const replays: ShardReport<ReplayResult>[] = [];
  const kinds = new Map<string, string>();
  const interrupted: string[] = [];
  const given = new Set<string>();
  for (const dir of args.dirs) {
    const resolved = path.resolve(io.cwd, dir);
    const named = resolved.endsWith('.json')
      ? resolved
      : path.join(resolved, path.basename(resolved) === REPLAY_FILE ? REPLAY_FILE : REPORT_FILES.json);
    if (given.has(resolved)) refuse(`${named} is given twice`);
    given.add(resolved);
    const found = reportsIn(resolved);
    if (found.conformance === undefined && found.replay === undefined) {
      io.stderr.write(`warning: ${named} does not exist; that shard is left out\n`);
      continue;
    }
    kinds.set(
      resolved,
      [found.conformance && REPORT_FILES.json, found.replay && REPLAY_FILE].filter(Boolean).join(' and '),
    );
    if (found.conformance !== undefined) {
      const result = readConformanceFile(found.conformance, 'report');
      if (result.interrupted === true) {
        const shard = result.shard ? `shard ${result.shard.index}/${result.shard.total}` : 'the run';
        interrupted.push(`${shard} (${found.conformance})`);
      }
      reports.push({ file: found.conformance, result });
    }
    if (found.replay !== undefined) {
      const result = readReplayFile(found.replay);
      if (result.interrupted === true) {
        const shard = result.shard
          ? `replay shard ${result.shard.index}/${result.shard.total}`
          : 'the replay';
        interrupted.push(`${shard} (${found.replay})`);
      }
      replays.push({ file: found.replay, result });
    }
  }
  if (reports.length === 0 && replays.length === 0) {
    throw new HarnessError(
      'CONFIG_INVALID',
      'none of the folders holds a conformance.json or a replay.json',
      {
        hint: 'pass the report folders the shards wrote (scim-harness run --shard i/n or replay --shard i/n, --report-dir DIR)',
      },
    );
  }
  // Every folder must hold the same kinds: a replay merged from some folders only would miss shards unnoticed.
  if (new Set(kinds.values()).size > 1) {
    refuse(
      `the folders hold different reports (${[...kinds].map(([dir, kind]) => `${dir}: ${kind}`).join('; ')}): ` +
        'merge the folders of a sharded run, or of a sharded replay, not both (unless every folder holds both)',
    );
  }
  // Reports of different runs first: that is the more basic mistake, and the merges name it.
  const merged = reports.length === 0 ? undefined : mergeResults(reports.map((report) => report.result));
  const replay =
    replays.length === 0 ? undefined : mergeReplayResults(replays.map((report) => report.result));
  if (merged && replay && merged.runId !== replay.runId)
    refuse(
      `the replay.json files belong to run ${replay.runId}, the conformance.json files to run ${merged.runId}`,
    );
  if (reports.length > 0) assertCompleteShardSet(reports);
  if (replays.length > 0) assertCompleteShardSet(replays);
  if (interrupted.length > 0) {
    io.stderr.write(
      `warning: ${interrupted.join(', ')} ${interrupted.length > 1 ? 'were' : 'was'} interrupted: the merged report is marked interrupted and ${merged ? 'every profile fails' : 'the replay fails'}\n`,
    );
  }
  const runId = merged?.runId ?? replay?.runId ?? '';
  const out = path.resolve(io.cwd, args.out ?? path.join('reports', runId, 'merged'));
  if (replay) {
    try {
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, REPLAY_FILE), `${JSON.stringify(replay, null, 2)}\n`);
    } catch (cause) {
      throw new HarnessError('IO_FAILED', `could not write the reports to ${out}`, {
        cause,
        hint: 'Check that the report directory is writable.',
      });
    }
  }
  await writeReports(out, merged ?? null, replay ? { replay } : {});
  if (merged) {
    io.stdout.write(
      renderTerminalSummary(merged, { color: io.stdout.isTTY === true && io.env.NO_COLOR === undefined }),
    );
  }
  let replayPassed = true;
  if (replay) {
    replayPassed =
      replay.interrupted !== true &&
      (replay.leftovers ?? []).length === 0 &&
      (replay.sweepIncomplete ?? []).length === 0 &&
      replay.cycles.every((cycle) => cycle.converged && !cycle.quarantined);
    if (merged) io.stdout.write('\n');
    for (const cycle of replay.cycles) io.stdout.write(formatCycleLine(cycle));
    const precision = `${Math.round(LATENCY_HISTOGRAM_PRECISION.relative * 1000) / 10}%`;
    io.stdout.write(
      `Replay ${replay.runId}, ${replays.length} shard(s): ${replay.cycles.length} cycles, ` +
        `${describeCycleOutcomes(replay.cycles)}${replay.interrupted === true ? ' (INTERRUPTED)' : ''}; ` +
        `${replay.totals?.requests ?? 0} requests; percentiles from the merged histograms (within ${precision}).\n`,
    );
  }
  io.stdout.write(`\nMerged ${Math.max(reports.length, replays.length)} report(s) into ${out}\n`);
  const conformancePassed = merged === undefined || !Object.values(merged.summary.verdicts).includes('fail');
  return conformancePassed && replayPassed ? EXIT_CODES.ok : EXIT_CODES.failures;
}
