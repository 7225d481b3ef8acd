/**
 * The contract between whoever starts the suites (the `run` command, the self-test, or a developer running
 * `npx playwright test -c suites`) and the fixtures: environment variables only, so the Playwright configuration stays
 * pure and the token never appears on a command line.
 */
import { HarnessError } from '../../src/errors/harness-error.js';
import { quirkTargetOf } from './quirk-matrix.js';

export const TARGET_ENV = {
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
  /** The embedded reference server's mode (`full` or `minimal`, see server-modes.ts); default `full`. */
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
  /** Request timeout for checks, milliseconds. */
  timeoutMs: 'SCIM_HARNESS_TIMEOUT_MS',
} as const;

export interface TargetEnv {
  url: string;
  token: string | undefined;
  runId: string;
  runDir: string;
  adminOrigin: string | undefined;
  timeoutMs: number;
  seed: number;
}

/** The target of one quirk's copies in a quirk-matrix run (see quirk-matrix.ts). */
export function quirkTargetEnv(quirk: string, env: NodeJS.ProcessEnv = process.env): TargetEnv {
  const target = quirkTargetOf(quirk, env);
  const runId = env[TARGET_ENV.runId];
  if (!runId) throw new HarnessError('CONFIG_INVALID', `The suites need ${TARGET_ENV.runId}`);
  return {
    url: target.url,
    token: target.token,
    runId,
    runDir: target.runDir,
    adminOrigin: target.adminOrigin,
    timeoutMs: timeoutFrom(env),
    seed: seedFrom(env),
  };
}

export function readTargetEnv(env: NodeJS.ProcessEnv = process.env): TargetEnv {
  const url = env[TARGET_ENV.url];
  const runId = env[TARGET_ENV.runId];
  const runDir = env[TARGET_ENV.runDir];
  if (!url || !runId || !runDir) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `The suites need ${TARGET_ENV.url}, ${TARGET_ENV.runId} and ${TARGET_ENV.runDir}; the global setup sets them`,
      { hint: 'Run the suites with `npx scim-harness run`, or `npx playwright test -c suites`' },
    );
  }
  return {
    url,
    token: env[TARGET_ENV.token] || undefined,
    runId,
    runDir,
    adminOrigin: env[TARGET_ENV.adminOrigin] || undefined,
    timeoutMs: timeoutFrom(env),
    seed: seedFrom(env),
  };
}

/** The run's seed; 0 when unset (only a developer running one spec file by hand gets there). */
export function seedFrom(env: NodeJS.ProcessEnv): number {
  const seed = Number(env[TARGET_ENV.seed] ?? 0);
  return Number.isSafeInteger(seed) && seed >= 0 ? seed : 0;
}

function timeoutFrom(env: NodeJS.ProcessEnv): number {
  const timeout = Number(env[TARGET_ENV.timeoutMs] ?? 15_000);
  return Number.isFinite(timeout) && timeout > 0 ? timeout : 15_000;
}
