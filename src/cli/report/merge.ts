import { existsSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../../errors/harness-error.js';
import {
  type ConformanceResult,
  mergeResults,
  REPORT_FILES,
  renderTerminalSummary,
  writeReports,
} from '../../report/index.js';
import type { CommandContext } from '../command-context.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { readConformanceFile } from '../run/run-outcome.js';
import type { MergeArgs } from './command-object.js';

/** Shard indexes of `total` that none of `results` covers. */
export function missingShards(results: readonly ConformanceResult[]): number[] {
  const total = results.find((r) => r.shard)?.shard?.total;
  if (total === undefined) return [];
  const present = new Set(results.flatMap((r) => (r.shard ? (r.shard.merged ?? [r.shard.index]) : [])));
  return Array.from({ length: total }, (_, i) => i + 1).filter((i) => !present.has(i));
}

const MERGE_HINT =
  "pass each shard's report folder once: those `scim-harness run --shard i/n --report-dir DIR` wrote";

function refuse(message: string): never {
  throw new HarnessError('CONFIG_INVALID', message, { hint: MERGE_HINT });
}

/** A report folder as given, with the conformance.json read from it. */
interface ShardReport {
  file: string;
  result: ConformanceResult;
}

/**
 * Refuses a set of shard reports that is not exactly one sharded run: a report given twice (the same file, or two
 * files for the same shard index), a report written without --shard, and a shard that is missing, each named.
 * Merging such a set would print a verdict for a run that was not all there, or count a shard twice.
 */
export function assertCompleteShardSet(reports: readonly ShardReport[]): void {
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

/**
 * `scim-harness report merge DIR…`: merges the conformance.json of each shard folder, writes the four reports to
 * --out, names the shards that were interrupted (the merged report is then interrupted too, and fails), prints the
 * summary. Exit 0 when every profile passes, 1 when one fails (always so when a shard was interrupted), 2 when the
 * inputs cannot be merged: reports of different runs, a report given twice (the same folder, or the same shard),
 * a report without a shard, or a shard missing ({@link assertCompleteShardSet}). A folder without a report is
 * warned about; the shard it should have held is then missing.
 */
export async function mergeReports(args: MergeArgs, context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  const reports: ShardReport[] = [];
  const interrupted: string[] = [];
  for (const dir of args.dirs) {
    const resolved = path.resolve(io.cwd, dir);
    const file = resolved.endsWith('.json') ? resolved : path.join(resolved, REPORT_FILES.json);
    if (reports.some((report) => report.file === file)) refuse(`${file} is given twice`);
    if (!existsSync(file)) {
      io.stderr.write(`warning: ${file} does not exist; that shard is left out\n`);
      continue;
    }
    const result = readConformanceFile(file, 'report');
    if (result.interrupted === true) {
      const shard = result.shard ? `shard ${result.shard.index}/${result.shard.total}` : 'the run';
      interrupted.push(`${shard} (${file})`);
    }
    reports.push({ file, result });
  }
  if (reports.length === 0) {
    throw new HarnessError('CONFIG_INVALID', 'none of the folders holds a conformance.json', {
      hint: 'pass the report folders the shards wrote (scim-harness run --shard i/n --report-dir DIR)',
    });
  }
  const results = reports.map((report) => report.result);
  // Reports of different runs first: that is the more basic mistake, and mergeResults names it.
  const merged = mergeResults(results);
  assertCompleteShardSet(reports);
  if (interrupted.length > 0) {
    io.stderr.write(
      `warning: ${interrupted.join(', ')} ${interrupted.length > 1 ? 'were' : 'was'} interrupted: the merged report is marked interrupted and every profile fails\n`,
    );
  }
  const out = path.resolve(io.cwd, args.out ?? path.join('reports', merged.runId, 'merged'));
  await writeReports(out, merged);
  io.stdout.write(
    renderTerminalSummary(merged, { color: io.stdout.isTTY === true && io.env.NO_COLOR === undefined }),
  );
  io.stdout.write(`\nMerged ${results.length} report(s) into ${out}\n`);
  return Object.values(merged.summary.verdicts).includes('fail') ? EXIT_CODES.failures : EXIT_CODES.ok;
}
