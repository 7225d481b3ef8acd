import type { CommandModule, InferredOptionTypes, Options } from 'yargs';
import type { CommandContext } from '../command-context.js';
import {
  type GlobalArgs,
  type PacingArgs,
  type ReportArgs,
  type SeedArgs,
  type TenantArgs,
  withPacingOptions,
  withReportOptions,
  withSeedOptions,
  withTenantOptions,
} from '../shared-options.js';

/** Options of `scim-harness replay`; numbers are text, checked with bounds-naming messages in replay.ts. */
export const REPLAY_OPTIONS = {
  mode: {
    type: 'string',
    choices: ['legacy', 'compliant'],
    describe: 'Entra client dialect (default: from the Tenant URL flags)',
  },
  users: { type: 'string', requiresArg: true, describe: 'Users in the source directory', default: '30' },
  groups: { type: 'string', requiresArg: true, describe: 'Groups in the source directory', default: '5' },
  cycles: {
    type: 'string',
    requiresArg: true,
    describe: 'Provisioning cycles, the initial one included',
    default: '5',
  },
  churn: {
    type: 'string',
    requiresArg: true,
    describe: 'Share of the directory changed per cycle (0-1)',
    default: '0.1',
  },
  shard: { type: 'string', requiresArg: true, describe: 'Replay only part i of n of the directory (i/n)' },
  scenario: {
    type: 'string',
    choices: ['key-revocation', 'service-account-key'],
    describe: 'Run a fault scenario instead of plain churn (embedded target only for now)',
  },
  keep: { type: 'boolean', describe: 'Keep what the replay created on the target', default: false },
  'report-dir': {
    type: 'string',
    requiresArg: true,
    describe: 'Report folder',
    defaultDescription: 'reports/<run-id>',
  },
} as const satisfies Record<string, Options>;

export type ReplayArgs = InferredOptionTypes<typeof REPLAY_OPTIONS> &
  Partial<GlobalArgs & TenantArgs & ReportArgs & SeedArgs & PacingArgs>;

/**
 * `scim-harness replay`: declares the command only; the work is in replay.ts, imported when it runs.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works
 */
export function replayCommand(context: CommandContext): CommandModule<object, ReplayArgs> {
  return {
    command: 'replay',
    describe: 'Replay Microsoft Entra provisioning cycles against a SCIM target and check convergence',
    builder: (yargs) =>
      withPacingOptions(withSeedOptions(withReportOptions(withTenantOptions(yargs))))
        .options(REPLAY_OPTIONS)
        .example('$0 replay --users 2000 --cycles 5 --churn 0.1', 'Against the embedded reference server'),
    handler: async (args) => {
      const { replay } = await import('./replay.js');
      context.finish(await replay(args, context));
    },
  };
}
