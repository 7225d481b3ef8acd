import type { Argv, InferredOptionTypes, Options } from 'yargs';
import {
  FAIL_ON_LEVELS,
  NUMERIC_OPTIONS,
  type NumericOption,
  parseNumber,
  type RawConfigInput,
} from '../config/index.js';
import { LOG_LEVELS } from '../logging/index.js';

/**
 * Option groups shared by the commands (`run`, `replay`, `cleanup`, `serve`, `report merge`), each a table of yargs
 * options plus a typed builder. Numbers are yargs numbers (`[number]` in --help), each checked while parsing by
 * {@link numberOption} against its row of the numeric tables in src/config/numeric-options.ts.
 */

/**
 * A numeric option: `type: 'number'`, its bounds at the end of its description, and a `coerce` that checks the
 * value with `parseNumber` while yargs parses, so that a bad value (NaN from a typo, out of range, a fraction where
 * an integer is needed, the flag given twice) is a usage error (exit 2) naming the flag and what it accepts, before
 * any command starts. The default is the table row's (none where it is computed elsewhere, as a run's seed from
 * its run id).
 */
export function numberOption<const O extends NumericOption>(
  spec: O,
  describe: string,
  options: { defaultDescription?: string } = {},
): NumberOption<O> {
  const bounds = `${spec.min}–${spec.max}${spec.integer ? '' : ', decimals allowed'}`;
  return {
    type: 'number',
    requiresArg: true,
    describe: `${describe} (${bounds})`,
    coerce: (value: unknown): number => parseNumber(spec, value),
    ...(spec.default === undefined ? {} : { default: spec.default }),
    ...options,
  } as NumberOption<O>;
}

/** What {@link numberOption} returns; typed with `default` when the row has one, so yargs infers `number`, not `number | undefined`. */
export type NumberOption<O extends NumericOption> = {
  type: 'number';
  requiresArg: true;
  describe: string;
  defaultDescription?: string;
  coerce: (value: unknown) => number;
} & (O['default'] extends number ? { default: number } : unknown);

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
    describe: 'Profile(s) to run; repeat or comma-separate (default: rfc7644, entra, datadog)',
  },
  grep: {
    type: 'string',
    requiresArg: true,
    describe:
      'Only checks whose id or title matches this regular expression (Playwright --grep on "<suite file> <id>: <title> @<profiles>")',
  },
  'grep-invert': {
    type: 'string',
    requiresArg: true,
    describe:
      'Skip checks whose id or title matches this regular expression (tried on the same text as --grep)',
  },
  shard: { type: 'string', requiresArg: true, describe: 'Run slice i of n, e.g. 2/4' },
} as const satisfies Record<string, Options>;

/** How hard the target is driven. */
export const PACING_OPTIONS = {
  concurrency: numberOption(NUMERIC_OPTIONS.concurrency, 'Parallel workers'),
  rate: numberOption(NUMERIC_OPTIONS.rate, 'Requests per second across workers', {
    defaultDescription: 'unthrottled',
  }),
  'request-timeout': numberOption(NUMERIC_OPTIONS.requestTimeoutMs, 'Per-request timeout, ms'),
  'test-timeout': numberOption(NUMERIC_OPTIONS.testTimeoutMs, 'Per-check timeout, ms'),
  retries: numberOption(NUMERIC_OPTIONS.retries, 'Retries of a throttled or failed request'),
} as const satisfies Record<string, Options>;

/** Reproducible generated data. */
export const SEED_OPTIONS = {
  seed: numberOption(NUMERIC_OPTIONS.seed, 'Seed for generated data', {
    defaultDescription: 'derived from the run id',
  }),
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
