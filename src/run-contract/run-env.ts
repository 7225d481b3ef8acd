/**
 * The run environment: how whoever starts the suites (the `run` command, the self-test, or a developer running
 * `npx playwright test -c suites`) hands them the run. Environment variables only, so the Playwright configuration stays
 * pure and the token never appears on a command line.
 *
 * Every value is read with the parser `resolveConfig` uses for the same setting, so a value the command line would
 * refuse is refused here too, naming the variable: a bad timeout or seed stops the suites instead of silently
 * becoming a default. An unset variable takes the setting's default.
 */
import {
  FAIL_ON_LEVELS,
  type FailOn,
  NUMERIC_OPTIONS,
  type NumericOption,
  parseFailOn,
  parseNumber,
  parseProfileList,
  parseRunId,
  parseTenantUrl,
} from '../config/index.js';
import { HarnessError } from '../errors/harness-error.js';
import { DEFAULT_PROFILES, PROFILES, type Profile } from './check-vocabulary.js';

/** The names of the variables, one list for the side that sets them and the side that reads them. */
export const RUN_ENV = {
  /** The SCIM base URL under test (may carry a query string such as `?aadOptscim062020`). Unset: the embedded server. */
  url: 'SCIM_HARNESS_TARGET_URL',
  /** The bearer token. Set only in the environment of the test processes. */
  token: 'SCIM_HARNESS_TOKEN',
  /** The run id every created resource carries. */
  runId: 'SCIM_HARNESS_RUN_ID',
  /** Where the run writes capabilities.json, ledger.jsonl and its reports. */
  runDir: 'SCIM_HARNESS_RUN_DIR',
  /** Comma-separated reference-server quirks (embedded target only; the self-test sets it). */
  quirks: 'SCIM_HARNESS_QUIRKS',
  /** The embedded reference server's mode (`full` or `minimal`); default `full`. */
  serverMode: 'SCIM_HARNESS_SERVER_MODE',
  /** Origin of the reference server's admin API, when the target is the embedded server. */
  adminOrigin: 'SCIM_HARNESS_ADMIN_ORIGIN',
  /** Set to `1` by the global setup when the target is the embedded server it started. */
  embedded: 'SCIM_HARNESS_EMBEDDED_TARGET',
  /**
   * The run's seed (an unsigned integer): each check's faker is seeded from it and the check's title, so the values a
   * check filters on are fresh in every run (a tenant's leftovers from earlier runs never match them) and a run
   * replays with `--seed`. Set by the global setup when absent; recorded in conformance.json.
   */
  seed: 'SCIM_HARNESS_SEED',
  /** Request timeout for checks, milliseconds (`--request-timeout`). */
  timeoutMs: 'SCIM_HARNESS_TIMEOUT_MS',
  /** The reporter module Playwright loads (the conformance reporter). */
  reporter: 'SCIM_HARNESS_REPORTER',
  /** The fail-on level the reporter computes verdicts with (`--fail-on`), so conformance.json carries those asked for. */
  failOn: 'SCIM_HARNESS_FAIL_ON',
  /** Playwright workers (`--concurrency`). */
  workers: 'SCIM_HARNESS_WORKERS',
  /**
   * The selected profiles, comma-separated (`rfc7644,entra`): the suites run every check of these once and count its
   * outcome for each profile it belongs to. Unset: {@link DEFAULT_PROFILES}.
   */
  profiles: 'SCIM_HARNESS_PROFILES',
  /**
   * `tty` when the run command's stderr is a terminal (one progress line rewritten in place), `plain` otherwise (a
   * pipe, a file, a CI log: plain lines). Set: the terminal reporter replaces Playwright's `list`. Playwright's output
   * reaches the user through the run command, so the suites never see a TTY of their own: the command says what its
   * stderr is.
   */
  terminal: 'SCIM_HARNESS_TERMINAL',
  /** The terminal's width in columns, so the progress line never wraps (which would break rewriting it). */
  columns: 'SCIM_HARNESS_COLUMNS',
  /** `1` for `run --verbose`: a line per check (id, status, duration) instead of the progress line. */
  verbose: 'SCIM_HARNESS_VERBOSE',
} as const;

/** What a check needs to know of its target. */
export interface TargetEnv {
  url: string;
  token: string | undefined;
  runId: string;
  runDir: string;
  adminOrigin: string | undefined;
  timeoutMs: number;
  seed: number;
}

/** What the terminal reporter is told about the terminal; `undefined` terminal: keep Playwright's `list`. */
export interface TerminalEnv {
  terminal: 'tty' | 'plain' | undefined;
  columns: number | undefined;
  verbose: boolean;
}

type EnvName = (typeof RUN_ENV)[keyof typeof RUN_ENV];

function present(env: NodeJS.ProcessEnv, name: EnvName): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Runs a config parser on a variable's value; its refusal names the variable. Never used for the token, whose value
 * must not reach a message.
 */
function parsed<T>(env: NodeJS.ProcessEnv, name: EnvName, parse: (value: string) => T): T | undefined {
  const value = present(env, name);
  if (value === undefined) return undefined;
  try {
    return parse(value);
  } catch (error) {
    if (error instanceof HarnessError && error.code === 'CONFIG_INVALID')
      throw new HarnessError('CONFIG_INVALID', `${name}: ${error.message}`, {
        cause: error,
        hint: 'it is set by `scim-harness run`; unset it to take the default',
      });
    throw error;
  }
}

/** A numeric setting under the variable's name, so its refusal reads "SCIM_HARNESS_TIMEOUT_MS must be …". */
function numberFrom(env: NodeJS.ProcessEnv, name: EnvName, option: NumericOption): number | undefined {
  const value = present(env, name);
  return value === undefined ? undefined : parseNumber({ ...option, flag: name }, value);
}

/** The request timeout; `--request-timeout`'s default when unset. */
export function timeoutFrom(env: NodeJS.ProcessEnv): number {
  return (
    numberFrom(env, RUN_ENV.timeoutMs, NUMERIC_OPTIONS.requestTimeoutMs) ??
    NUMERIC_OPTIONS.requestTimeoutMs.default
  );
}

/** The run's seed; 0 when unset (only a developer running one spec file by hand gets there). */
export function seedFrom(env: NodeJS.ProcessEnv): number {
  return numberFrom(env, RUN_ENV.seed, NUMERIC_OPTIONS.seed) ?? 0;
}

/** The fail-on level; `must` (resolveConfig's default) when unset. */
export function failOnFrom(env: NodeJS.ProcessEnv): FailOn {
  return parsed(env, RUN_ENV.failOn, (value) => parseFailOn(value, RUN_ENV.failOn)) ?? FAIL_ON_LEVELS[0];
}

/** Playwright workers (`--concurrency`); undefined when unset. */
export function workersFrom(env: NodeJS.ProcessEnv): number | undefined {
  return numberFrom(env, RUN_ENV.workers, NUMERIC_OPTIONS.concurrency);
}

/**
 * The profiles named in {@link RUN_ENV.profiles}, in the order of {@link PROFILES}, else the default ones. An unknown
 * name is refused: a typo must not silently run fewer checks.
 */
export function selectedProfilesFrom(env: NodeJS.ProcessEnv): Profile[] {
  const names = parsed(env, RUN_ENV.profiles, (value) => parseProfileList(value, PROFILES)) ?? [];
  if (names.length === 0) return [...DEFAULT_PROFILES];
  return PROFILES.filter((profile) => names.includes(profile));
}

/** A terminal width: any whole number of columns (a narrow one is the reporter's to handle). */
const COLUMNS_OPTION: NumericOption = {
  flag: RUN_ENV.columns,
  integer: true,
  min: 1,
  max: 100_000,
  default: undefined,
};

/** What the run command said about its terminal. */
export function terminalFrom(env: NodeJS.ProcessEnv): TerminalEnv {
  const terminal = parsed(env, RUN_ENV.terminal, (value) => {
    if (value === 'tty' || value === 'plain') return value;
    throw new HarnessError('CONFIG_INVALID', `"${value}" is not one of: tty, plain`);
  });
  const verbose = parsed(env, RUN_ENV.verbose, (value) => {
    if (value === '1' || value === '0') return value === '1';
    throw new HarnessError('CONFIG_INVALID', `"${value}" is not one of: 1, 0`);
  });
  return { terminal, columns: numberFrom(env, RUN_ENV.columns, COLUMNS_OPTION), verbose: verbose ?? false };
}

/** The run id and run directory, which the global setup fills in when the suites are started by hand. */
function runOf(env: NodeJS.ProcessEnv): { runId: string | undefined; runDir: string | undefined } {
  return { runId: parsed(env, RUN_ENV.runId, parseRunId), runDir: present(env, RUN_ENV.runDir) };
}

/**
 * The target and run of a worker. The URL, run id and run directory are required (the global setup sets them); every
 * value present is checked.
 */
export function readTargetEnv(env: NodeJS.ProcessEnv = process.env): TargetEnv {
  const url = parsed(env, RUN_ENV.url, (value) => parseTenantUrl(value).href);
  const { runId, runDir } = runOf(env);
  if (!url || !runId || !runDir) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `The suites need ${RUN_ENV.url}, ${RUN_ENV.runId} and ${RUN_ENV.runDir}; the global setup sets them`,
      { hint: 'Run the suites with `npx scim-harness run`, or `npx playwright test -c suites`' },
    );
  }
  return {
    url,
    token: env[RUN_ENV.token] || undefined,
    runId,
    runDir,
    adminOrigin: present(env, RUN_ENV.adminOrigin),
    timeoutMs: timeoutFrom(env),
    seed: seedFrom(env),
  };
}

/** The run id alone (a quirk-matrix worker's target comes from elsewhere); refused when absent. */
export function runIdFrom(env: NodeJS.ProcessEnv = process.env): string {
  const { runId } = runOf(env);
  if (!runId) throw new HarnessError('CONFIG_INVALID', `The suites need ${RUN_ENV.runId}`);
  return runId;
}
