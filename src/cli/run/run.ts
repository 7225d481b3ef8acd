import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { nodeConfigFs, resolveConfig } from '../../config/index.js';
import { HarnessError } from '../../errors/harness-error.js';
import { REPORT_FILES, renderTerminalSummary, writeReports } from '../../report/index.js';
import { type ConformanceResult, type Leftover, PROFILES, RUN_ENV } from '../../run-contract/index.js';
import { formatCleanupReport } from '../cleanup/cleanup.js';
import {
  type CleanupReport,
  cleanupRun,
  incompleteSearches,
  type ProvenFilters,
} from '../cleanup/cleanup-run.js';
import { type CommandContext, createCommandLogger } from '../command-context.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { toRawConfigInput } from '../shared-options.js';
import { formatTokenReminder, warnAboutTokenOwner } from '../token-warning.js';
import type { RunArgs } from './command-object.js';
import { reportInterruptedRun } from './interrupted-report.js';
import {
  baselineMismatch,
  formatComparison,
  readBaselineFile,
  readConformanceFile,
  runOutcome,
} from './run-outcome.js';
import { packagePaths, selectedProfiles, suitesInvocation } from './suites-invocation.js';
import { type SpawnSuites, spawnSuites } from './suites-process.js';
import { assertTenantUsable, tenantClient } from './tenant-client.js';

export interface RunDependencies {
  spawn: SpawnSuites;
}

function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    throw new HarnessError('CONFIG_INVALID', `cannot create the report folder ${dir}`, {
      cause,
      hint: 'choose a writable --report-dir',
    });
  }
}

/**
 * `scim-harness run`: resolves the configuration, probes the tenant (exit 3 when it is unreachable or refuses the
 * token), runs the suites in a child Playwright process, then reads conformance.json, compares it with the baseline
 * and prints the summary and where the reports are. Ctrl-C: the child is interrupted once and waited for (its fixture
 * teardown deletes what the checks created), then whatever the ledger still lists is deleted, and the partial report
 * is printed, marked interrupted (see interrupted-report.ts); exit 130. An interrupted report is refused as --baseline.
 */
export async function run(
  args: RunArgs,
  context: CommandContext,
  dependencies: RunDependencies = { spawn: spawnSuites },
): Promise<ExitCode> {
  const { io } = context;
  const config = resolveConfig(toRawConfigInput(args), io.env, nodeConfigFs, {
    cwd: io.cwd,
    knownProfiles: PROFILES,
  });
  const logger = createCommandLogger(context, 'run', config);
  // Read before spending minutes on the suites: a bad baseline (or an interrupted run's report) is a usage error.
  const baseline = config.baseline ? readBaselineFile(config.baseline) : undefined;
  const mismatch =
    baseline && config.baseline
      ? baselineMismatch(
          baseline,
          {
            tenantUrl: config.target.kind === 'tenant' ? config.target.tenant.href : undefined,
            profiles: selectedProfiles(config),
          },
          config.baseline,
        )
      : undefined;
  if (mismatch !== undefined) io.stderr.write(context.secrets.redact(mismatch));
  const client =
    config.target.kind === 'tenant'
      ? tenantClient(config.target, context, config.requestTimeoutMs)
      : undefined;
  if (client) await assertTenantUsable(client);
  // Before the suites change anything: a person's key is revoked when that person leaves (Datadog and others).
  const tokenOwner = client
    ? await warnAboutTokenOwner(client, (text) => io.stderr.write(context.secrets.redact(text)))
    : undefined;
  if (io.shutdown.aborted) return EXIT_CODES.interrupted;

  makeDir(config.reportDir);
  const profiles = selectedProfiles(config);
  io.stderr.write(
    `Run ${config.runId}: profiles ${profiles.join(', ')} against ${
      config.target.kind === 'tenant' ? config.target.tenant.href : 'the embedded reference server'
    }\n`,
  );
  const invocation = suitesInvocation(config, packagePaths(), io.env, io.cwd, {
    terminal: { tty: io.stderr.isTTY === true, columns: io.stderr.columns, verbose: args.verbose === true },
  });
  if (config.target.kind === 'embedded' && args['server-mode'] === 'minimal') {
    invocation.env[RUN_ENV.serverMode] = 'minimal';
  }
  logger.debug(
    { profiles, cwd: invocation.cwd, args: invocation.args, concurrency: config.concurrency },
    'starting the suites',
  );
  const startedAtMs = Date.now();
  const child = dependencies.spawn(invocation, io.stderr);
  let stoppedSuites = false;
  const onInterrupt = () => {
    stoppedSuites = true;
    child.interrupt();
  };
  io.shutdown.addEventListener('abort', onInterrupt, { once: true });
  let code: number | null;
  try {
    code = await child.exited;
  } catch (cause) {
    throw new HarnessError('INTERNAL', 'could not start the Playwright test runner', { cause });
  } finally {
    io.shutdown.removeEventListener('abort', onInterrupt);
  }
  logger.debug({ exitCode: code, durationMs: Date.now() - startedAtMs }, 'the suites ended');

  if (io.shutdown.aborted) {
    io.stderr.write('Interrupted: the suites stopped; removing what the run left on the target.\n');
    if (client) {
      const report = await cleanupRun({ client, runId: config.runId, runDir: config.reportDir });
      io.stderr.write(formatCleanupReport(report, config.runId));
    }
    await reportInterruptedRun({
      io,
      runId: config.runId,
      reportDir: config.reportDir,
      startedAtMs,
      stoppedSuites,
      secrets: config.target.kind === 'tenant' ? [config.target.token.reveal()] : [],
    });
    return EXIT_CODES.interrupted;
  }

  const jsonFile = path.join(config.reportDir, REPORT_FILES.json);
  let result: ConformanceResult;
  try {
    result = readConformanceFile(jsonFile, 'the run report');
  } catch (cause) {
    throw new HarnessError(
      'INTERNAL',
      `the suites ended (exit ${code ?? 'by signal'}) without a readable ${REPORT_FILES.json} in ${config.reportDir}`,
      { cause, hint: 'the output above says why; rerun with --debug for more' },
    );
  }
  const outcome = runOutcome(result, {
    profiles,
    failOn: config.failOn,
    ...(baseline ? { baseline } : {}),
  });
  const color = io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  const secrets = config.target.kind === 'tenant' ? [config.target.token.reveal()] : [];
  // The sweep: whatever still carries the run id after the checks' own cleanup (e.g. a group the target made as a
  // side effect of Bulk) is deleted and listed as `leftovers`; a leftover, or a sweep that could not search the
  // whole target, is a safety failure (exit 1). The embedded server's data ends with the run: nothing to sweep.
  // Shards of one run share its run id and may still be running: their sweep is `cleanup --run-id` after the last.
  let unsafe = false;
  if (client && config.shard !== undefined) {
    io.stderr.write(
      `Sharded run: other shards may still be using run id ${config.runId}; once every shard has ended, \`scim-harness cleanup --run-id ${config.runId}\` sweeps the target.\n`,
    );
  } else if (client) {
    const sweep = await cleanupRun({
      client,
      runId: config.runId,
      runDir: config.reportDir,
      provenFilters: provenFiltersOf(result),
    });
    const leftovers = leftoversOf(sweep);
    const incomplete = incompleteSearches(sweep).map((s) => `${s.endpoint}: ${s.incomplete}`);
    if (leftovers.length > 0 || incomplete.length > 0) {
      result = {
        ...result,
        ...(leftovers.length > 0 ? { leftovers } : {}),
        ...(incomplete.length > 0 ? { sweepIncomplete: incomplete } : {}),
      };
      // Every report says it, not only conformance.json: the suites wrote them before the sweep.
      await writeReports(config.reportDir, result, { secrets });
    }
    unsafe = leftovers.length > 0 || incomplete.length > 0;
    if (unsafe) io.stderr.write(context.secrets.redact(formatCleanupReport(sweep, config.runId)));
  }
  // The terminal reporter listed the failed checks with their reasons as the suites ended: not again here.
  io.stdout.write(`\n${renderTerminalSummary(result, { color, secrets, failuresListed: true })}`);
  if (outcome.comparison && config.baseline)
    io.stdout.write(`\n${formatComparison(outcome.comparison, config.baseline)}`);
  io.stdout.write(
    `\nReports: ${config.reportDir}\n  ${REPORT_FILES.html}, ${REPORT_FILES.json}, ${REPORT_FILES.junit}, ${REPORT_FILES.markdown}; Playwright's own report in playwright-report/\n`,
  );
  // The warning was printed once, before anything changed; a person's key gets one line pointing back to it.
  const reminder = tokenOwner === undefined ? undefined : formatTokenReminder(tokenOwner);
  if (reminder !== undefined) io.stdout.write(`\n${reminder}`);
  return unsafe ? EXIT_CODES.failures : outcome.exitCode;
}

/**
 * The sweep's `co` filters this run's own checks proved: `filter.co.string` passed, so `userName co` finds a substring
 * anywhere in the value (nothing checks `displayName co`, so /Groups is always listed in full).
 */
function provenFiltersOf(result: ConformanceResult): ProvenFilters {
  const co = result.checks.find((c) => c.id === 'filter.co.string');
  return co?.status === 'passed' ? { '/Users': 'the check filter.co.string passed in this run' } : {};
}

/** What the sweep after a run found still carrying the run id: every resource it deleted or could not delete. */
function leftoversOf(report: CleanupReport): Leftover[] {
  return report.outcomes
    .filter((o) => o.action !== 'skipped')
    .map((o) => ({ id: o.id, endpoint: o.endpoint, name: o.name, deleted: o.action === 'deleted' }));
}
