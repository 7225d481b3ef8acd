import { parseShard } from '../../../mock-idp/directory/index.js';
import { EXPECTED_OUTCOMES, runKeyRevocation, runReplay } from '../../../mock-idp/engine/index.js';
import { nodeConfigFs, resolveConfig } from '../../config/index.js';
import { HarnessError } from '../../errors/harness-error.js';
import { startReferenceServer } from '../../reference-server/index.js';
import type { ReplayCycle } from '../../report/index.js';
import type { CommandContext } from '../command-context.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { toRawConfigInput } from '../shared-options.js';
import type { ReplayArgs } from './command-object.js';

function numberOption(name: string, text: string, min: number, max: number, integer: boolean): number {
  const value = Number(text);
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${text}"`,
    );
  }
  return value;
}

/** One progress line per cycle (the run is usually piped to a log). */
export function formatCycleLine(cycle: ReplayCycle): string {
  const ops = Object.entries(cycle.operations)
    .map(([action, byStatus]) => `${action} ${Object.values(byStatus).reduce((a, b) => a + b, 0)}`)
    .join(', ');
  const state = cycle.quarantined
    ? 'QUARANTINED'
    : cycle.converged
      ? 'converged'
      : `${cycle.divergences.length} divergences`;
  return `cycle ${cycle.n} (${cycle.kind}): ${cycle.requests} requests in ${cycle.durationMs} ms, ${cycle.throughputRps} req/s, p95 ${cycle.latencyMs.p95} ms; ${ops || 'no changes'}; ${state}\n`;
}

/**
 * `scim-harness replay`: exit 0 when every cycle converged and nothing was quarantined, 1 otherwise,
 * 2 on bad options, 3 when Test Connection fails. Without --tenant-url it targets the embedded server.
 */
export async function replay(args: ReplayArgs, context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  const config = resolveConfig(toRawConfigInput(args), io.env, nodeConfigFs, { cwd: io.cwd });
  const users = numberOption('users', args.users, 0, 1_000_000, true);
  const groups = numberOption('groups', args.groups, 0, 1_000_000, true);
  const cycles = numberOption('cycles', args.cycles, 1, 10_000, true);
  const churn = numberOption('churn', args.churn, 0, 1, false);
  const concurrency = numberOption('concurrency', args.concurrency ?? '8', 1, 256, true);
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  const scenario =
    args.scenario === 'key-revocation' || args.scenario === 'service-account-key' ? args.scenario : undefined;
  if (scenario !== undefined && config.target.kind !== 'embedded') {
    throw new HarnessError(
      'CONFIG_INVALID',
      `--scenario ${scenario} runs only against the embedded server for now`,
      {
        hint: 'leave out --tenant-url',
      },
    );
  }
  const server = config.target.kind === 'embedded' ? await startReferenceServer() : undefined;
  try {
    const tenantUrl = server?.baseUrl ?? (config.target.kind === 'tenant' ? config.target.tenant.href : '');
    const token = server?.adminToken ?? (config.target.kind === 'tenant' ? config.target.token.reveal() : '');
    context.secrets.register(token);
    const common = {
      tenantUrl,
      token,
      ...(args.mode === 'legacy' || args.mode === 'compliant' ? { mode: args.mode } : {}),
      users,
      groups,
      seed: config.seed,
      runId: config.runId,
      concurrency,
      ...(config.rate === undefined ? {} : { rate: config.rate }),
      ...(shard === undefined ? {} : { shard }),
      keep: args.keep,
      reportDir: args['report-dir'] ?? config.reportDir,
      signal: io.shutdown,
      onCycle: (cycle: ReplayCycle) => io.stderr.write(formatCycleLine(cycle)),
    };
    const outcome =
      scenario !== undefined && server !== undefined
        ? await runKeyRevocation(scenario, common, { origin: server.origin, adminToken: server.adminToken })
        : await runReplay({ ...common, cycles, churn });
    const verdict = outcome.result.scenario;
    if (verdict !== undefined)
      io.stdout.write(`Scenario ${verdict.name}: ${verdict.outcome}. ${verdict.explanation}\n`);
    const passed =
      scenario !== undefined
        ? verdict?.outcome === EXPECTED_OUTCOMES[scenario]
        : outcome.result.cycles.every((cycle) => cycle.converged && !cycle.quarantined);
    io.stdout.write(
      `Replay ${config.runId}: ${outcome.result.cycles.length} cycles, ${passed ? 'all converged' : 'NOT converged or quarantined'}; cleanup deleted ${outcome.cleanup.deleted}, failed ${outcome.cleanup.failed}. Reports: ${outcome.files.join(', ')}\n`,
    );
    if (io.shutdown.aborted) return EXIT_CODES.interrupted;
    return passed ? EXIT_CODES.ok : EXIT_CODES.failures;
  } finally {
    await server?.close();
  }
}
