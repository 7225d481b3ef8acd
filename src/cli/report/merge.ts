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

/**
 * `scim-harness report merge DIR…`: merges the conformance.json of each shard folder, writes the four reports to
 * --out, warns about shards it was not given (and folders without a report) and names the shards that were
 * interrupted (the merged report is then interrupted too, and fails), prints the summary. Exit 0 when every profile
 * passes, 1 when one fails (always so when a shard was interrupted), 2 when the inputs cannot be merged.
 */
export async function mergeReports(args: MergeArgs, context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  const results: ConformanceResult[] = [];
  const interrupted: string[] = [];
  for (const dir of args.dirs) {
    const resolved = path.resolve(io.cwd, dir);
    const file = resolved.endsWith('.json') ? resolved : path.join(resolved, REPORT_FILES.json);
    if (!existsSync(file)) {
      io.stderr.write(`warning: ${file} does not exist; that shard is left out\n`);
      continue;
    }
    const result = readConformanceFile(file, 'report');
    if (result.interrupted === true) {
      const shard = result.shard ? `shard ${result.shard.index}/${result.shard.total}` : 'the run';
      interrupted.push(`${shard} (${file})`);
    }
    results.push(result);
  }
  if (results.length === 0) {
    throw new HarnessError('CONFIG_INVALID', 'none of the folders holds a conformance.json', {
      hint: 'pass the report folders the shards wrote (scim-harness run --shard i/n --report-dir DIR)',
    });
  }
  const merged = mergeResults(results);
  const missing = missingShards(results);
  if (missing.length > 0) {
    io.stderr.write(
      `warning: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${merged.shard?.total} missing: the merged report covers only part of the run\n`,
    );
  }
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
