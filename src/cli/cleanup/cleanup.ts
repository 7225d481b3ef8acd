import { nodeConfigFs, resolveConfig } from '../../config/index.js';
import { type CommandContext, createCommandLogger } from '../command-context.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { assertTenantUsable, tenantClient } from '../run/tenant-client.js';
import { toRawConfigInput } from '../shared-options.js';
import {
  type CleanupReport,
  cleanupRun,
  incompleteSearches,
  isClean,
  remainingAfter,
} from './cleanup-run.js';
import type { CleanupArgs } from './command-object.js';

/** The lines `cleanup` prints: one per resource, the sweep's searches, the counts, then what is left. */
export function formatCleanupReport(report: CleanupReport, runId: string): string {
  const lines = [
    report.source === 'ledger'
      ? `Cleaning up run ${runId} from its ledger, then searching the target for anything else carrying the run id:`
      : `No ledger for run ${runId}: searched the target for resources carrying the run id:`,
  ];
  for (const o of report.outcomes) {
    const via = report.source === 'ledger' && o.foundBy === 'sweep' ? ' (found by the search)' : '';
    lines.push(`  ${o.action.padEnd(7)} ${o.endpoint}/${o.id} ${JSON.stringify(o.name)}: ${o.reason}${via}`);
  }
  for (const s of report.searches) {
    const how =
      s.method === 'filter' ? `by filter (${s.basis})` : `by paging through every resource (${s.basis})`;
    lines.push(
      `  search  ${s.endpoint} ${how}, ${s.examined} read${s.incomplete === undefined ? '' : `: INCOMPLETE, ${s.incomplete}`}`,
    );
  }
  const count = (action: string) => report.outcomes.filter((o) => o.action === action).length;
  lines.push(`${count('deleted')} deleted, ${count('skipped')} skipped, ${count('failed')} failed.`);
  const remaining = remainingAfter(report);
  const incomplete = incompleteSearches(report);
  if (remaining.length > 0) {
    lines.push(`NOT clean: ${remaining.length} resource(s) carrying run id ${runId} remain on the target:`);
    for (const o of remaining) lines.push(`  ${o.endpoint}/${o.id} ${JSON.stringify(o.name)}`);
  }
  if (incomplete.length > 0) {
    lines.push(
      `NOT verified: the search of ${incomplete.map((s) => s.endpoint).join(' and ')} could not be completed, so resources carrying run id ${runId} may remain.`,
    );
  }
  if (isClean(report)) lines.push(`Nothing carrying run id ${runId} is left on the target.`);
  return `${lines.join('\n')}\n`;
}

/**
 * `scim-harness cleanup --run-id ID`: deletes what an interrupted run left on the tenant. Without --tenant-url the
 * target was the embedded server, whose data ended with the run, so there is nothing to do.
 * Exit 0 when the target is known to hold nothing carrying the run id; 1 when something tagged remains (a deletion
 * failed) or a search could not be completed; 2 on bad options; 3 when the target is unusable.
 */
export async function cleanup(args: CleanupArgs, context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  const config = resolveConfig(toRawConfigInput(args), io.env, nodeConfigFs, { cwd: io.cwd });
  const logger = createCommandLogger(context, 'cleanup', config);
  if (config.target.kind === 'embedded') {
    io.stdout.write(
      `Nothing to clean up for run ${config.runId}: without --tenant-url the target was the embedded server, whose data ends with the run.\n`,
    );
    return EXIT_CODES.ok;
  }
  const client = tenantClient(config.target, context, config.requestTimeoutMs);
  await assertTenantUsable(client);
  const report = await cleanupRun({ client, runId: config.runId, runDir: config.reportDir });
  logger.debug(
    { source: report.source, outcomes: report.outcomes.length, searches: report.searches.length },
    'cleanup finished',
  );
  io.stdout.write(formatCleanupReport(report, config.runId));
  return isClean(report) ? EXIT_CODES.ok : EXIT_CODES.failures;
}
