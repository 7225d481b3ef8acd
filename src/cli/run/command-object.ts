import type { CommandModule, InferredOptionTypes, Options } from 'yargs';
import { COMMAND_NUMERIC_OPTIONS, NUMERIC_OPTIONS } from '../../config/numeric-options.js';
import type { CommandContext } from '../command-context.js';
import {
  type GlobalArgs,
  numberOption,
  PACING_OPTIONS,
  type ReportArgs,
  type SeedArgs,
  type SelectionArgs,
  type TenantArgs,
  withReportOptions,
  withSeedOptions,
  withSelectionOptions,
  withTenantOptions,
} from '../shared-options.js';

/**
 * The pacing options a run honours: checks at once and the per-request and per-check timeouts. `--concurrency` has no
 * yargs default: unset, the resolved config picks one by target (docs/decisions/0009-checks-in-parallel-against-a-tenant.md).
 */
export const RUN_PACING_OPTIONS = {
  concurrency: numberOption(
    { ...NUMERIC_OPTIONS.concurrency, default: undefined },
    'Checks run at once (Playwright workers); 429s are honoured whatever the pool',
    {
      defaultDescription: `${NUMERIC_OPTIONS.concurrency.default} against the embedded server, ${COMMAND_NUMERIC_OPTIONS.tenantRunConcurrency.default} against --tenant-url`,
    },
  ),
  'request-timeout': PACING_OPTIONS['request-timeout'],
  'test-timeout': PACING_OPTIONS['test-timeout'],
} as const satisfies Record<string, Options>;

/** How much of SCIM the embedded reference server offers (no effect with --tenant-url). */
export const RUN_TARGET_OPTIONS = {
  'server-mode': {
    type: 'string',
    requiresArg: true,
    choices: ['full', 'minimal'],
    describe:
      'Without --tenant-url: the embedded server as a full provider, or as a minimal but correct one (eq/and filters, a short User schema, no bulk, sort, etag, changePassword or /Me)',
    default: 'full',
  },
} as const satisfies Record<string, Options>;

/** What the terminal shows while the suites run (see suites/reporter/terminal-reporter.ts). */
export const RUN_OUTPUT_OPTIONS = {
  verbose: {
    type: 'boolean',
    describe: 'A line per check as it ends (id, status, duration) instead of the progress line',
    default: false,
  },
} as const satisfies Record<string, Options>;

export type RunArgs = Partial<TenantArgs & ReportArgs & SelectionArgs & GlobalArgs & SeedArgs> &
  Partial<InferredOptionTypes<typeof RUN_PACING_OPTIONS>> &
  Partial<InferredOptionTypes<typeof RUN_TARGET_OPTIONS>> &
  Partial<InferredOptionTypes<typeof RUN_OUTPUT_OPTIONS>>;

/**
 * `scim-harness run`: declares the command only; the work is in run.ts, imported when the command runs so that
 * `--help` and the other commands do not load the report renderers or Playwright.
 */
export function runCommand(context: CommandContext): CommandModule<object, RunArgs> {
  return {
    command: 'run',
    describe: 'Run the conformance suites against a SCIM endpoint (default: the embedded reference server)',
    builder: (yargs) =>
      withSeedOptions(withSelectionOptions(withReportOptions(withTenantOptions(yargs))))
        .options(RUN_PACING_OPTIONS)
        .group(Object.keys(RUN_PACING_OPTIONS), 'Pacing:')
        .options(RUN_TARGET_OPTIONS)
        .options(RUN_OUTPUT_OPTIONS)
        .example(
          '$0 run',
          'The default profiles (rfc7644, entra, okta, datadog) against the embedded reference server',
        )
        .example(
          '$0 run --server-mode minimal',
          'Against a minimal but correct provider: what is unsupported, not failed',
        )
        .example(
          'SCIM_TOKEN=… $0 run --tenant-url https://api.datadoghq.com/api/v2/scim --profile datadog',
          'One profile against a tenant; the token comes from SCIM_TOKEN',
        )
        .example(
          '$0 run --fail-on should --baseline reports/last/conformance.json',
          'Stricter, and compared with a baseline',
        )
        .example('$0 run --shard 1/3 --report-dir reports/shard-1', 'One slice of a sharded run')
        .example(
          '$0 run --grep filter.ne --seed 123456',
          'Replay a check with the data of the run whose conformance.json says seed 123456',
        ),
    handler: async (args) => {
      const { run } = await import('./run.js');
      context.finish(await run(args, context));
    },
  };
}
