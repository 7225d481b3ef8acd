import type { Argv, InferredOptionTypes, Options } from 'yargs';
import { FAIL_ON_LEVELS, NUMERIC_OPTIONS, type RawConfigInput } from '../config/index.js';
import { LOG_LEVELS } from '../logging/index.js';

/**
 * Option groups shared by the commands (`serve`, and `run`, `replay`, `cleanup`, `report merge` to
 * come), each a table of yargs options plus a typed builder. Numbers are read as text and checked by
 * `resolveConfig`, whose messages name the flag and its bounds; yargs' own number parsing would turn
 * a typo into NaN.
 */

const range = (name: keyof typeof NUMERIC_OPTIONS) => {
  const { min, max } = NUMERIC_OPTIONS[name];
  return `${min}–${max}`;
};

/** Global options, accepted by every command. */
export const GLOBAL_OPTIONS = {
  'log-level': {
    type: 'string',
    choices: LOG_LEVELS,
    describe: 'Log verbosity (logs go to stderr)',
    default: 'info',
  },
  debug: {
    type: 'boolean',
    describe: 'Debug logging and stack traces for unexpected errors',
    default: false,
  },
} as const satisfies Record<string, Options>;

/** The SCIM tenant and where its bearer token comes from (never the token itself). */
export const TENANT_OPTIONS = {
  'tenant-url': {
    type: 'string',
    requiresArg: true,
    describe:
      'SCIM base URL ("Tenant URL"), query flags kept, e.g. https://api.datadoghq.com/api/v2/scim?aadOptscim062020',
  },
  'token-env': {
    type: 'string',
    requiresArg: true,
    describe: 'NAME of the environment variable holding the bearer token',
    defaultDescription: 'SCIM_TOKEN',
  },
  'token-file': {
    type: 'string',
    requiresArg: true,
    describe: 'File holding the bearer token (trimmed)',
  },
} as const satisfies Record<string, Options>;

/** Where a run writes its report and how it is named. */
export const REPORT_OPTIONS = {
  'run-id': {
    type: 'string',
    requiresArg: true,
    describe: 'Tag for everything this run creates',
    defaultDescription: 'sh-<date>-<time>-<random>',
  },
  'report-dir': {
    type: 'string',
    requiresArg: true,
    describe: 'Report folder',
    defaultDescription: 'reports/<run-id>',
  },
  baseline: { type: 'string', requiresArg: true, describe: 'Earlier report to compare against' },
  'fail-on': {
    type: 'string',
    choices: FAIL_ON_LEVELS,
    describe: 'Lowest requirement level whose failure makes the exit code 1',
    default: 'must',
  },
} as const satisfies Record<string, Options>;

/** Which checks run. */
export const SELECTION_OPTIONS = {
  profile: {
    type: 'string',
    array: true,
    requiresArg: true,
    describe: 'Profile(s) to run; repeat or comma-separate',
  },
  grep: {
    type: 'string',
    requiresArg: true,
    describe: 'Only checks whose title matches this regular expression',
  },
  'grep-invert': {
    type: 'string',
    requiresArg: true,
    describe: 'Skip checks whose title matches this regular expression',
  },
  shard: { type: 'string', requiresArg: true, describe: 'Run slice i of n, e.g. 2/4' },
} as const satisfies Record<string, Options>;

/** How hard the target is driven. */
export const PACING_OPTIONS = {
  concurrency: {
    type: 'string',
    requiresArg: true,
    describe: `Parallel workers (${range('concurrency')})`,
    default: '2',
  },
  rate: {
    type: 'string',
    requiresArg: true,
    describe: `Requests per second across workers (${range('rate')})`,
    defaultDescription: 'unthrottled',
  },
  'request-timeout': {
    type: 'string',
    requiresArg: true,
    describe: `Per-request timeout, ms (${range('requestTimeoutMs')})`,
    default: '30000',
  },
  'test-timeout': {
    type: 'string',
    requiresArg: true,
    describe: `Per-check timeout, ms (${range('testTimeoutMs')})`,
    default: '120000',
  },
  retries: {
    type: 'string',
    requiresArg: true,
    describe: `Retries of a throttled or failed request (${range('retries')})`,
    default: '2',
  },
} as const satisfies Record<string, Options>;

/** Reproducible generated data. */
export const SEED_OPTIONS = {
  seed: {
    type: 'string',
    requiresArg: true,
    describe: `Seed for generated data (integer, ${range('seed')})`,
    defaultDescription: 'derived from the run id',
  },
} as const satisfies Record<string, Options>;

export type GlobalArgs = InferredOptionTypes<typeof GLOBAL_OPTIONS>;
export type TenantArgs = InferredOptionTypes<typeof TENANT_OPTIONS>;
export type ReportArgs = InferredOptionTypes<typeof REPORT_OPTIONS>;
export type SelectionArgs = InferredOptionTypes<typeof SELECTION_OPTIONS>;
export type PacingArgs = InferredOptionTypes<typeof PACING_OPTIONS>;
export type SeedArgs = InferredOptionTypes<typeof SEED_OPTIONS>;

export const withGlobalOptions = <T>(yargs: Argv<T>) => yargs.options(GLOBAL_OPTIONS);
export const withTenantOptions = <T>(yargs: Argv<T>) =>
  yargs.options(TENANT_OPTIONS).group(Object.keys(TENANT_OPTIONS), 'Target:');
export const withReportOptions = <T>(yargs: Argv<T>) =>
  yargs.options(REPORT_OPTIONS).group(Object.keys(REPORT_OPTIONS), 'Report:');
export const withSelectionOptions = <T>(yargs: Argv<T>) =>
  yargs.options(SELECTION_OPTIONS).group(Object.keys(SELECTION_OPTIONS), 'Selection:');
export const withPacingOptions = <T>(yargs: Argv<T>) =>
  yargs.options(PACING_OPTIONS).group(Object.keys(PACING_OPTIONS), 'Pacing:');
export const withSeedOptions = <T>(yargs: Argv<T>) => yargs.options(SEED_OPTIONS);

/** Options of every group together, each possibly absent (a command registers only the groups it uses). */
export type SharedArgs = Partial<
  GlobalArgs & TenantArgs & ReportArgs & SelectionArgs & PacingArgs & SeedArgs
>;

/** The parsed options as `resolveConfig` input; absent options stay absent so its defaults apply. */
export function toRawConfigInput(args: SharedArgs): RawConfigInput {
  const input: RawConfigInput = {};
  const set = <K extends keyof RawConfigInput>(key: K, value: RawConfigInput[K] | undefined) => {
    if (value !== undefined) input[key] = value;
  };
  set('tenantUrl', args['tenant-url']);
  set('tokenEnv', args['token-env']);
  set('tokenFile', args['token-file']);
  set('runId', args['run-id']);
  set('reportDir', args['report-dir']);
  set('baseline', args.baseline);
  set('failOn', args['fail-on']);
  set(
    'profiles',
    args.profile?.flatMap((p) => p.split(',')),
  );
  set('grep', args.grep);
  set('grepInvert', args['grep-invert']);
  set('shard', args.shard);
  set('concurrency', args.concurrency);
  set('rate', args.rate);
  set('requestTimeoutMs', args['request-timeout']);
  set('testTimeoutMs', args['test-timeout']);
  set('retries', args.retries);
  set('seed', args.seed);
  set('logLevel', args.debug && args['log-level'] === 'info' ? 'debug' : args['log-level']);
  return input;
}
