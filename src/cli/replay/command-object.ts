import type { CommandModule, InferredOptionTypes, Options } from 'yargs';
import { COMMAND_NUMERIC_OPTIONS } from '../../config/index.js';
import type { CommandContext } from '../command-context.js';
import {
  type GlobalArgs,
  numberOption,
  PACING_OPTIONS,
  REPORT_OPTIONS,
  type SeedArgs,
  type TenantArgs,
  withSeedOptions,
  withTenantOptions,
} from '../shared-options.js';
import { LEAVER_OPTIONS, type LeaverArgs } from './leaver-options.js';
import { SUSTAIN_OPTIONS, type SustainArgs } from './sustain-options.js';

/** The values of `--on-429`, as the command line spells them; replay.ts maps them onto the engine's. */
export const ON_429_CHOICES = ['honour', 'next-cycle'] as const;
export type On429Choice = (typeof ON_429_CHOICES)[number];

/** Options of `scim-harness replay`; numbers are checked while parsing (`numberOption`). */
export const REPLAY_OPTIONS = {
  idp: {
    type: 'string',
    choices: ['entra', 'okta'],
    requiresArg: true,
    describe: "Whose provisioning client to emulate: Microsoft Entra ID's or Okta's",
    default: 'entra',
  },
  'okta-app': {
    type: 'string',
    choices: ['oin', 'aiw'],
    requiresArg: true,
    describe:
      'Okta app type (--idp okta): oin, a catalog app (PATCH for (de)activation and groups); aiw, an App Integration Wizard app (PUT for everything)',
    defaultDescription: 'oin',
  },
  mode: {
    type: 'string',
    choices: ['legacy', 'compliant'],
    describe: 'Entra client dialect (default: from the Tenant URL flags)',
  },
  users: numberOption(COMMAND_NUMERIC_OPTIONS.replayUsers, 'Users in the source directory'),
  groups: numberOption(COMMAND_NUMERIC_OPTIONS.replayGroups, 'Groups in the source directory'),
  cycles: numberOption(COMMAND_NUMERIC_OPTIONS.cycles, 'Provisioning cycles, the initial one included'),
  interval: numberOption(
    COMMAND_NUMERIC_OPTIONS.interval,
    'Seconds to wait before each incremental cycle (Entra waits about 40 minutes)',
    { defaultDescription: '0, back to back' },
  ),
  churn: numberOption(COMMAND_NUMERIC_OPTIONS.churn, 'Share of the directory changed per cycle'),
  shard: { type: 'string', requiresArg: true, describe: 'Replay only part i of n of the directory (i/n)' },
  'on-429': {
    type: 'string',
    choices: ON_429_CHOICES,
    requiresArg: true,
    describe:
      'What a cycle does with a 429: honour waits as Retry-After asks and sends the same request again, as Entra does; next-cycle leaves the object to the next cycle, recorded as an escrowed failure',
    default: 'honour',
  },
  scenario: {
    type: 'string',
    choices: ['key-revocation', 'service-account-key', 'leaver'],
    describe:
      'Run a fault scenario instead of plain churn; against --tenant-url key-revocation needs --owned-token-env and --owner, leaver --leaver pairs',
  },
  'owned-token-env': {
    type: 'string',
    requiresArg: true,
    describe:
      "NAME of the environment variable holding the scenario's application key (external tenant; never the key itself)",
  },
  owner: {
    type: 'string',
    requiresArg: true,
    describe:
      'userName of the user who owns that key (key-revocation): deactivated in cycle 3, set back afterwards unless --keep, never deleted',
  },
  keep: { type: 'boolean', describe: 'Keep what the replay created on the target', default: false },
  'report-dir': {
    type: 'string',
    requiresArg: true,
    describe: 'Report folder',
    defaultDescription: 'reports/<run-id>',
  },
} as const satisfies Record<string, Options>;

/**
 * The pacing a replay uses: `--concurrency` with replay's own default, so that `replay --help` tells the truth while
 * `run` keeps its own. The Entra client sends each request once per cycle (a failed one is retried in the next cycle,
 * a 429 as `--on-429` says), so there is no per-request retry count, and no per-check timeout.
 */
export const REPLAY_PACING_OPTIONS = {
  concurrency: numberOption(COMMAND_NUMERIC_OPTIONS.replayConcurrency, 'Parallel provisioning workers'),
  rate: PACING_OPTIONS.rate,
  'request-timeout': PACING_OPTIONS['request-timeout'],
} as const satisfies Record<string, Options>;

/** A replay has no baseline and no fail-on level: its exit code is convergence (or the scenario's outcome). */
const REPLAY_REPORT_OPTIONS = { 'run-id': REPORT_OPTIONS['run-id'] } as const satisfies Record<
  string,
  Options
>;

export type ReplayArgs = InferredOptionTypes<typeof REPLAY_OPTIONS> &
  Partial<SustainArgs> &
  Partial<LeaverArgs> &
  Partial<
    GlobalArgs &
      TenantArgs &
      SeedArgs &
      InferredOptionTypes<typeof REPLAY_PACING_OPTIONS> &
      InferredOptionTypes<typeof REPLAY_REPORT_OPTIONS>
  >;

/**
 * `scim-harness replay`: declares the command only; the work is in replay.ts, imported when it runs.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works
 */
export function replayCommand(context: CommandContext): CommandModule<object, ReplayArgs> {
  return {
    command: 'replay',
    describe:
      'Replay Microsoft Entra ID (or, with --idp okta, Okta) provisioning cycles against a SCIM target and check convergence',
    builder: (yargs) =>
      withSeedOptions(withTenantOptions(yargs))
        .options(REPLAY_REPORT_OPTIONS)
        .options(REPLAY_PACING_OPTIONS)
        .group(Object.keys(REPLAY_PACING_OPTIONS), 'Pacing:')
        .options(REPLAY_OPTIONS)
        .options(SUSTAIN_OPTIONS)
        .group(Object.keys(SUSTAIN_OPTIONS), 'Sustained load:')
        .options(LEAVER_OPTIONS)
        .group(Object.keys(LEAVER_OPTIONS), 'Leaver scenario:')
        .group(['run-id', 'report-dir'], 'Report:')
        .example('$0 replay --users 2000 --cycles 5 --churn 0.1', 'Against the embedded reference server')
        .example(
          '$0 replay --idp okta --okta-app aiw',
          'As an Okta App Integration Wizard app: PUT for everything',
        )
        .example(
          '$0 replay --cycles 3 --interval 60',
          'A minute between cycles, like Entra on a short schedule',
        )
        .example(
          '$0 replay --sustain 25 --for 10m',
          'Hold 25 requests per second for ten minutes (IPSIE, Entra gallery)',
        )
        .example(
          '$0 replay --scenario leaver --revoke-budget 60',
          "Each deactivation shape against a user's key: refused within a minute, and not back on reactivation?",
        ),
    handler: async (args) => {
      const { replay } = await import('./replay.js');
      context.finish(await replay(args, context));
    },
  };
}
