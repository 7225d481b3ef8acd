import { parseShard } from '../../../mock-idp/directory/index.js';
import {
  applyReplayHeapPolicy,
  EXPECTED_OUTCOMES,
  formatLeaverMatrix,
  LEAVER_EXPECTED_OUTCOME,
  type Replay429Policy,
  ReplayInterruptedError,
  type ReplaySweepFindings,
  recordReplaySweep,
} from '../../../mock-idp/engine/index.js';
import { COMMAND_NUMERIC_OPTIONS, nodeConfigFs, resolveConfig } from '../../config/index.js';
import { createScimClient, type ScimClient } from '../../http/index.js';
import { startReferenceServer } from '../../reference-server/index.js';
import {
  describeKeyOwnerRestore,
  type ReplaySustainWindow,
  replayIdpName,
} from '../../run-contract/index.js';
import { formatCleanupReport } from '../cleanup/cleanup.js';
import {
  type CleanupOutcome,
  cleanupRun,
  isClean,
  type SweepExclusion,
  type SweepSearch,
} from '../cleanup/cleanup-run.js';
import type { CliIo, OutputStream } from '../cli-io.js';
import { type CommandContext, createCommandLogger } from '../command-context.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { assertTenantUsable, tenantClient } from '../run/tenant-client.js';
import { toRawConfigInput } from '../shared-options.js';
import type { On429Choice, ReplayArgs } from './command-object.js';
import { checkIdpOptions } from './idp-options.js';
import { leaverOwnerNames } from './leaver-options.js';
import {
  BAR_FORMAT,
  describeCycleOutcomes,
  type ProgressBar,
  ReplayProgressView,
} from './replay-progress.js';
import { startReplay } from './start-replay.js';
import { formatSustainVerdict, formatSustainWindowLine } from './sustain-lines.js';
import { sustainFromArgs } from './sustain-options.js';

/** `--on-429` as the engine names it. */
const ON_429_POLICIES: Readonly<Record<On429Choice, Replay429Policy>> = {
  honour: 'honour',
  'next-cycle': 'nextCycle',
};

/**
 * `scim-harness replay`: exit 0 when every cycle converged and nothing was quarantined (or a scenario's expected
 * outcome occurred), 1 otherwise, 2 on bad options, 3 when Test Connection fails, 130 on Ctrl-C. A scenario that
 * could not give an external key owner back its `active` exits 1 whatever its outcome: a user on someone else's
 * tenant is left changed, and no later command can find it. Without --tenant-url it targets the embedded server.
 * Unless --keep (or --shard), it ends with the cleanup sweep (cleanup-run.ts): anything else carrying the run id is
 * deleted and listed (on the terminal, and as `leftovers` in replay.json and report.html), and makes the exit 1, as
 * does a sweep that could not search the whole target (`sweepIncomplete`); the named key owner is never deleted.
 * `--scenario leaver` runs no cycles: it exits 0 when every tested deactivation shape got its owner's credential
 * refused within `--revoke-budget` (untested shapes are listed, not failed), 1 otherwise or when an external owner
 * could not be set back; a credential that comes back on reactivation is reported, not failed.
 */
export async function replay(args: ReplayArgs, context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  checkIdpOptions(args);
  const config = resolveConfig(toRawConfigInput(args), io.env, nodeConfigFs, { cwd: io.cwd });
  const logger = createCommandLogger(context, 'replay', config);
  // Numbers arrive checked: the parser validated them against their bounds (numberOption in shared-options.ts).
  const { users, groups, cycles, churn, interval } = args;
  const concurrency = args.concurrency ?? COMMAND_NUMERIC_OPTIONS.replayConcurrency.default;
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  // `--sustain`: one initial cycle seeds the directory, then the load runs over it (--cycles and --churn unused).
  const sustain = sustainFromArgs(args);
  const scenario =
    args.scenario === 'key-revocation' || args.scenario === 'service-account-key' ? args.scenario : undefined;
  // `--scenario leaver`: no cycles; a matrix of deactivation shapes (mock-idp/engine/scenarios/leaver.ts).
  const leaver = args.scenario === 'leaver';
  logger.debug(
    {
      users,
      groups,
      cycles,
      churn,
      interval,
      concurrency,
      scenario: args.scenario,
      sustain: sustain !== undefined,
    },
    'starting the replay',
  );
  // Bounds the heap's growth over a long replay (heap-policy.ts); process-wide, so set here, not by the engine.
  applyReplayHeapPolicy();
  // The preflight `run` and `cleanup` share: reachable, credentials accepted, and a SCIM service (exit 3 otherwise).
  if (config.target.kind === 'tenant') {
    await assertTenantUsable(tenantClient(config.target, context, config.requestTimeoutMs));
  }
  const server = config.target.kind === 'embedded' ? await startReferenceServer() : undefined;
  const view = new ReplayProgressView({
    stream: io.stderr,
    ...(await terminalBar(io.stderr)),
    now: () => performance.now(),
    redact: (text) => context.secrets.redact(text),
  });
  const onInterrupt = () =>
    view.note(
      'Interrupted: finishing the requests in flight, then removing what the run created (Ctrl-C again to quit at once).',
    );
  io.shutdown.addEventListener('abort', onInterrupt, { once: true });
  try {
    const tenantUrl = server?.baseUrl ?? (config.target.kind === 'tenant' ? config.target.tenant.href : '');
    const token = server?.adminToken ?? (config.target.kind === 'tenant' ? config.target.token.reveal() : '');
    context.secrets.register(token);
    const common = {
      tenantUrl,
      token,
      ...(args.mode === 'legacy' || args.mode === 'compliant' ? { mode: args.mode } : {}),
      ...(args.idp === 'okta' ? { idp: 'okta' as const } : {}),
      ...(args['okta-app'] === 'oin' || args['okta-app'] === 'aiw' ? { oktaApp: args['okta-app'] } : {}),
      users,
      groups,
      seed: config.seed,
      runId: config.runId,
      concurrency,
      ...(config.rate === undefined ? {} : { rate: config.rate }),
      ...(shard === undefined ? {} : { shard }),
      keep: args.keep,
      // Resolved against the command's working directory, like every path it is given.
      reportDir: config.reportDir,
      intervalMs: interval * 1000,
      // A scenario passes it on to its cycles too (key-revocation.ts spreads its options into runReplay).
      on429: ON_429_POLICIES[args['on-429']],
      // --request-timeout is listed under Pacing in `replay --help`; honour it.
      timeoutMs: config.requestTimeoutMs,
      signal: io.shutdown,
      onCycle: view.cycle,
      onProgress: view.progress,
      ...(sustain === undefined
        ? {}
        : {
            sustain: {
              ...sustain,
              onWindow: (window: ReplaySustainWindow) => view.note(formatSustainWindowLine(window)),
            },
          }),
    };
    const outcome = await interruptible(
      io,
      view,
      { runId: config.runId, tenantUrl: args['tenant-url'] },
      () =>
        startReplay({
          args,
          context,
          common,
          cycles: sustain === undefined ? cycles : 1,
          churn,
          server,
          note: (text) => view.note(text),
        }),
    );
    // The sweep (also after Ctrl-C): anything else carrying the run id, e.g. made by the target itself, is deleted.
    // The external key owner is never deleted: it is set back instead (README, "The revoked key").
    // Shards share the run id and may still be running: theirs is `cleanup --run-id` once every shard has ended.
    const sweep =
      args.keep || shard !== undefined
        ? undefined
        : await sweepReplay(
            server
              ? createScimClient({
                  tenantUrl: server.baseUrl,
                  token: server.adminToken,
                  userAgent: 'scim-harness',
                })
              : config.target.kind === 'tenant'
                ? tenantClient(config.target, context, config.requestTimeoutMs)
                : undefined,
            config.runId,
            [...(args.owner === undefined ? [] : [args.owner]), ...leaverOwnerNames(args.leaver)],
            (text) => {
              view.stop();
              io.stdout.write(context.secrets.redact(text));
            },
          );
    const swept = sweep === undefined || sweep.clean;
    // The sweep runs after replay.json and report.html were written: they are written again with what it found.
    if (sweep !== undefined && !sweep.clean) {
      await recordReplaySweep(common.reportDir, config.runId, sweep.findings, [token]).catch(
        (error: unknown) => {
          view.stop();
          const why = error instanceof Error ? error.message : String(error);
          io.stderr.write(
            context.secrets.redact(
              `Could not add the sweep's findings to replay.json and report.html (${why}); they are listed above.\n`,
            ),
          );
        },
      );
    }
    if (outcome === undefined) return EXIT_CODES.interrupted;
    view.stop();
    const verdict = outcome.result.scenario;
    if (verdict !== undefined)
      io.stdout.write(`Scenario ${verdict.name}: ${verdict.outcome}. ${verdict.explanation}\n`);
    // Said again under the verdict, as stderr's line has scrolled away by now.
    if (verdict?.owner !== undefined) io.stdout.write(`${describeKeyOwnerRestore(verdict.owner)}\n`);
    // The leaver matrix, and each external owner's fate under it (the stderr lines have scrolled away too).
    const leaverShapes = verdict?.shapes ?? [];
    if (leaver && verdict !== undefined) {
      io.stdout.write(`${formatLeaverMatrix(leaverShapes, verdict.revokeBudgetMs ?? 0)}\n`);
      for (const row of leaverShapes)
        if (row.owner !== undefined) io.stdout.write(`${describeKeyOwnerRestore(row.owner)}\n`);
    }
    const ownerLeftChanged =
      verdict?.owner?.restore === 'failed' || leaverShapes.some((row) => row.owner?.restore === 'failed');
    const sustained = outcome.result.sustain;
    if (sustained !== undefined) io.stdout.write(formatSustainVerdict(sustained));
    const passed = leaver
      ? verdict?.outcome === LEAVER_EXPECTED_OUTCOME
      : scenario !== undefined
        ? verdict?.outcome === EXPECTED_OUTCOMES[scenario]
        : outcome.result.cycles.every((cycle) => cycle.converged && !cycle.quarantined) &&
          (sustained === undefined || sustained.verdict.held);
    const tested = leaverShapes.filter((row) => row.outcome !== 'untested').length;
    const ran = leaver
      ? `${tested} shape(s) tested, ${leaverShapes.length - tested} untested, ${passed ? 'every tested credential refused within the budget' : 'a credential outlived its owner (above)'}`
      : undefined;
    io.stdout.write(
      `Replay ${config.runId} (${replayIdpName(outcome.result)}): ${ran ?? `${outcome.result.cycles.length} cycles, ${passed ? 'all converged' : describeCycleOutcomes(outcome.result.cycles)}`}${ownerLeftChanged ? ', but the key owner was NOT set back (above)' : ''}${sustained === undefined ? '' : `, sustained load ${sustained.verdict.held ? 'held' : 'NOT held (above)'}`}; cleanup deleted ${outcome.cleanup.deleted}, failed ${outcome.cleanup.failed}. Reports: ${outcome.files.join(', ')}\n`,
    );
    // Ctrl-C keeps 130, as `run` does whatever its cleanup left; the owner's line above says what to do.
    if (io.shutdown.aborted) return EXIT_CODES.interrupted;
    return passed && !ownerLeftChanged && swept ? EXIT_CODES.ok : EXIT_CODES.failures;
  } finally {
    view.stop();
    io.shutdown.removeEventListener('abort', onInterrupt);
    await server?.close();
  }
}

/** The sweep after a replay: whether the target is known to hold nothing of the run, and what it found. */
interface ReplaySweep {
  /** True when the sweep found nothing carrying the run id and searched the whole target. */
  clean: boolean;
  findings: ReplaySweepFindings;
}

/**
 * What the sweep found, as replay.json records it: every resource carrying the run id it deleted or could not
 * delete (not those it skipped: gone already, renamed, or the key owner), and each search it could not complete.
 */
export function replaySweepFindings(report: {
  outcomes: readonly Pick<CleanupOutcome, 'endpoint' | 'id' | 'name' | 'action'>[];
  searches: readonly Pick<SweepSearch, 'endpoint' | 'incomplete'>[];
}): ReplaySweepFindings {
  return {
    leftovers: report.outcomes
      .filter((o) => o.action !== 'skipped')
      .map((o) => ({ id: o.id, endpoint: o.endpoint, name: o.name, deleted: o.action === 'deleted' })),
    // As incompleteSearches (cleanup-run.ts) selects them.
    incomplete: report.searches.flatMap((s) =>
      s.incomplete === undefined ? [] : [`${s.endpoint}: ${s.incomplete}`],
    ),
  };
}

/**
 * The sweep after a replay: deletes whatever still carries the run id (never the named key owner) and says so when
 * anything was found or the search could not be completed.
 */
async function sweepReplay(
  client: ScimClient | undefined,
  runId: string,
  owners: readonly string[],
  write: (text: string) => void,
): Promise<ReplaySweep | undefined> {
  if (client === undefined) return undefined;
  const exclude: SweepExclusion[] = owners.map((name) => ({
    endpoint: '/Users',
    name,
    reason: 'a key owner: set back, never deleted',
  }));
  const report = await cleanupRun({ client, runId, runDir: '', exclude });
  const findings = replaySweepFindings(report);
  const clean = isClean(report) && findings.leftovers.length === 0;
  if (!clean) write(`Sweep after the replay:\n${formatCleanupReport(report, runId)}`);
  return { clean, findings };
}

/**
 * Runs the replay; on Ctrl-C says how far it got, what cleanup did, where the partial (interrupted) report is, and the
 * run id with the `cleanup` command for anything left behind, and gives `undefined`.
 */
async function interruptible<T>(
  io: CliIo,
  view: ReplayProgressView,
  run: { runId: string; tenantUrl: string | undefined },
  replayRun: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await replayRun();
  } catch (error) {
    if (!(error instanceof ReplayInterruptedError)) throw error;
    view.stop();
    const reports = error.files.length > 0 ? `Reports: ${error.files.join(', ')}` : 'No report was written.';
    io.stdout.write(
      `Replay interrupted after ${error.cyclesRun} complete cycle(s); cleanup deleted ${error.cleanup.deleted}, failed ${error.cleanup.failed}. ${reports}\n`,
    );
    // The embedded server goes with the process; a tenant keeps whatever cleanup could not delete.
    const cleanup =
      run.tenantUrl === undefined
        ? ''
        : `; to remove anything it left: scim-harness cleanup --run-id ${run.runId} --tenant-url ${JSON.stringify(run.tenantUrl)}`;
    io.stdout.write(`Run id ${run.runId}${cleanup}\n`);
    return undefined;
  }
}

/** A terminal's stream, which cli-progress can move the cursor on. */
function isTerminal(stream: OutputStream): stream is OutputStream & NodeJS.WritableStream {
  const candidate = stream as Partial<Record<'cursorTo' | 'clearLine' | 'on', unknown>>;
  return (
    stream.isTTY === true &&
    typeof candidate.cursorTo === 'function' &&
    typeof candidate.clearLine === 'function' &&
    typeof candidate.on === 'function'
  );
}

/** A cli-progress bar on `stream` when it is a terminal; nothing otherwise (plain lines are written instead). */
async function terminalBar(stream: OutputStream): Promise<{ bar?: ProgressBar }> {
  if (!isTerminal(stream)) return {};
  const { SingleBar, Presets } = await import('cli-progress');
  return {
    bar: new SingleBar(
      {
        stream,
        format: BAR_FORMAT,
        barsize: 24,
        // Cleared on stop so cycle summaries and messages print where the bar was.
        clearOnComplete: true,
        // Never hidden: a second Ctrl-C kills the process before anything could show the cursor again.
        hideCursor: false,
        // cli-progress's own SIGINT handler would stop the bin's second Ctrl-C from ending the process.
        gracefulExit: false,
      },
      Presets.shades_classic,
    ),
  };
}
