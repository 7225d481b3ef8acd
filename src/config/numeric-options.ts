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

export type NumericOptionName = keyof typeof NUMERIC_OPTIONS;

/** Parses a number given as a number or decimal text and checks it against an option's bounds. */
export function parseNumber(option: NumericOption, value: number | string): number {
  const text = String(value).trim();
  const parsed = typeof value === 'number' ? value : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  const kind = option.integer ? 'an integer' : 'a number';
  if (
    !Number.isFinite(parsed) ||
    (option.integer && !Number.isInteger(parsed)) ||
    parsed < option.min ||
    parsed > option.max
  )
    throw new HarnessError(
      'CONFIG_INVALID',
      `${option.flag} must be ${kind} from ${option.min} to ${option.max}, got "${text}"`,
    );
  return parsed;
}

/** {@link parseNumber} for one of the {@link NUMERIC_OPTIONS}. */
export function parseNumericOption(name: NumericOptionName, value: number | string): number {
  return parseNumber(NUMERIC_OPTIONS[name], value);
}
