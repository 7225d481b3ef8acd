import { HarnessError } from '../errors/harness-error.js';

/** A numeric setting: its flag, bounds and default, so that a new one is a new row. */
export interface NumericOption {
  flag: string;
  integer: boolean;
  min: number;
  max: number;
  /** Undefined: the setting is off unless given (e.g. no rate limit). */
  default: number | undefined;
}

/**
 * Numeric settings of a run. Timeouts in milliseconds; `rate` in requests per second across all
 * workers (unset: unthrottled); `concurrency` defaults low because a real tenant rate-limits.
 */
export const NUMERIC_OPTIONS = {
  requestTimeoutMs: { flag: '--request-timeout', integer: true, min: 100, max: 600_000, default: 30_000 },
  testTimeoutMs: { flag: '--test-timeout', integer: true, min: 1_000, max: 3_600_000, default: 120_000 },
  concurrency: { flag: '--concurrency', integer: true, min: 1, max: 64, default: 2 },
  rate: { flag: '--rate', integer: false, min: 0.01, max: 10_000, default: undefined },
  retries: { flag: '--retries', integer: true, min: 0, max: 10, default: 2 },
  seed: { flag: '--seed', integer: true, min: 0, max: 0xffff_ffff, default: undefined },
} as const satisfies Record<string, NumericOption>;

/**
 * Numeric options of `serve` and `replay` that are not a run's settings, in the same shape, so that every number
 * the command line takes is checked by {@link parseNumber} against a row of a table.
 */
export const COMMAND_NUMERIC_OPTIONS = {
  port: { flag: '--port', integer: true, min: 0, max: 65_535, default: 0 },
  serveUsers: { flag: '--users', integer: true, min: 0, max: 1_000_000, default: 0 },
  serveGroups: { flag: '--groups', integer: true, min: 0, max: 1_000_000, default: 0 },
  serveSeed: { ...NUMERIC_OPTIONS.seed, default: 1 },
  replayUsers: { flag: '--users', integer: true, min: 0, max: 1_000_000, default: 30 },
  replayGroups: { flag: '--groups', integer: true, min: 0, max: 1_000_000, default: 5 },
  cycles: { flag: '--cycles', integer: true, min: 1, max: 10_000, default: 5 },
  interval: { flag: '--interval', integer: false, min: 0, max: 86_400, default: 0 },
  churn: { flag: '--churn', integer: false, min: 0, max: 1, default: 0.1 },
  replayConcurrency: { ...NUMERIC_OPTIONS.concurrency, default: 8 },
  /**
   * `run --tenant-url` without `--concurrency`: checks at once against a tenant. A tenant's checks wait on its round
   * trips, not on local cores, so the pool is sized for latency (docs/decisions/0009-checks-in-parallel-against-a-tenant.md);
   * against the embedded server the run keeps {@link NUMERIC_OPTIONS.concurrency}'s default, as the checks and the
   * server share the machine's cores there.
   */
  tenantRunConcurrency: { ...NUMERIC_OPTIONS.concurrency, default: 8 },
  /**
   * `replay --sustain [RPS]`: the request rate to hold. The default, 25, is the floor both IPSIE ("The Application
   * MUST support at least 25 SCIM requests per second.") and Entra's gallery checklist ("Support at least 25
   * requests per second per tenant") name. Given without a value it is this default; never on unless given.
   */
  sustainRate: { flag: '--sustain', integer: false, min: 0.1, max: 10_000, default: 25 },
  /** `replay --for DURATION`, in seconds (parsed from `90s`, `10m`, `1h` by parseDuration): 1 s to 24 h, 10 minutes by default. */
  sustainSeconds: { flag: '--for', integer: false, min: 1, max: 86_400, default: 600 },
  /**
   * `replay --max-in-flight`: the sustained load's cap on requests in flight. An arrival that finds the cap reached is
   * not sent and is counted missed, so a slow target shows as a rate not held rather than a silently lower rate.
   */
  maxInFlight: { flag: '--max-in-flight', integer: true, min: 1, max: 10_000, default: 256 },
  /**
   * `replay --scenario leaver --revoke-budget SECONDS`: how long a deprovisioned user's credential may keep working.
   * The default is IPSIE AL SCIM profile §5.1's "Revocation SHOULD occur within 5 minutes of receiving the
   * deactivation request."
   */
  revokeBudget: { flag: '--revoke-budget', integer: false, min: 1, max: 86_400, default: 300 },
  /** `replay --scenario leaver --probe-interval SECONDS`: the wait between two probes of the credential. */
  probeInterval: { flag: '--probe-interval', integer: false, min: 0.1, max: 600, default: 5 },
} as const satisfies Record<string, NumericOption>;

export type NumericOptionName = keyof typeof NUMERIC_OPTIONS;

/** "an integer from 0 to 65535": what an option accepts, for messages and --help. */
export function describeBounds(option: NumericOption): string {
  return `${option.integer ? 'an integer' : 'a number'} from ${option.min} to ${option.max}`;
}

/**
 * Checks a number given as a number (yargs' `type: 'number'`, which turns text that is no number into NaN) or as
 * decimal text (configuration from elsewhere) against an option's bounds. The one place numeric options are
 * validated: the command line's parser calls it for every numeric option, and `resolveConfig` for its input.
 */
export function parseNumber(option: NumericOption, value: unknown): number {
  if (Array.isArray(value))
    throw new HarnessError('CONFIG_INVALID', `${option.flag} was given ${value.length} times; give it once`);
  const text = String(value).trim();
  const parsed = typeof value === 'number' ? value : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(parsed) || (typeof value === 'string' && text === ''))
    throw new HarnessError(
      'CONFIG_INVALID',
      `${option.flag} must be ${describeBounds(option)}, got ${typeof value === 'number' ? 'something that is not a number' : `"${text}"`}`,
    );
  if (
    !Number.isFinite(parsed) ||
    (option.integer && !Number.isInteger(parsed)) ||
    parsed < option.min ||
    parsed > option.max
  )
    throw new HarnessError(
      'CONFIG_INVALID',
      `${option.flag} must be ${describeBounds(option)}, got "${text}"`,
    );
  return parsed;
}

/** {@link parseNumber} for one of the {@link NUMERIC_OPTIONS}. */
export function parseNumericOption(name: NumericOptionName, value: number | string): number {
  return parseNumber(NUMERIC_OPTIONS[name], value);
}
