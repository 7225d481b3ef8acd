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
  /** Origin of the reference server's admin API, when the target is the embedded server. */
  adminOrigin: 'SCIM_HARNESS_ADMIN_ORIGIN',
  /** Set to `1` by the global setup when the target is the embedded server it started. */
  embedded: 'SCIM_HARNESS_EMBEDDED_TARGET',
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
  };
}

function timeoutFrom(env: NodeJS.ProcessEnv): number {
  const timeout = Number(env[TARGET_ENV.timeoutMs] ?? 15_000);
  return Number.isFinite(timeout) && timeout > 0 ? timeout : 15_000;
}
