import { nodeConfigFs, resolveConfig } from '../../config/index.js';
import type { CommandContext } from '../command-context.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { assertTenantUsable, tenantClient } from '../run/tenant-client.js';
import { toRawConfigInput } from '../shared-options.js';
import { type CleanupReport, cleanupRun } from './cleanup-run.js';
import type { CleanupArgs } from './command-object.js';

/** The lines `cleanup` prints: one per resource, then the counts. */
export function formatCleanupReport(report: CleanupReport, runId: string): string {
  const lines = [
    report.source === 'ledger'
      ? `Cleaning up run ${runId} from its ledger:`
      : `No ledger for run ${runId}: searched the target for resources carrying the run id:`,
  ];
  for (const o of report.outcomes) {
    lines.push(`  ${o.action.padEnd(7)} ${o.endpoint}/${o.id} ${JSON.stringify(o.name)}: ${o.reason}`);
  }
  const count = (action: string) => report.outcomes.filter((o) => o.action === action).length;
  lines.push(`${count('deleted')} deleted, ${count('skipped')} skipped, ${count('failed')} failed.`);
  return `${lines.join('\n')}\n`;
}

/**
 * `scim-harness cleanup --run-id ID`: deletes what an interrupted run left on the tenant. Without --tenant-url the
 * target was the embedded server, whose data ended with the run, so there is nothing to do.
 * Exit 0 when nothing is left, 1 when a deletion failed, 2 on bad options, 3 when the target is unusable.
 */
export async function cleanup(args: CleanupArgs, context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  const config = resolveConfig(toRawConfigInput(args), io.env, nodeConfigFs, { cwd: io.cwd });
  if (config.target.kind === 'embedded') {
    io.stdout.write(
      `Nothing to clean up for run ${config.runId}: without --tenant-url the target was the embedded server, whose data ends with the run.\n`,
    );
    return EXIT_CODES.ok;
  }
  const client = tenantClient(config.target, context, config.requestTimeoutMs);
  await assertTenantUsable(client);
  const report = await cleanupRun({ client, runId: config.runId, runDir: config.reportDir });
  io.stdout.write(formatCleanupReport(report, config.runId));
  return report.outcomes.some((o) => o.action === 'failed') ? EXIT_CODES.failures : EXIT_CODES.ok;
}
