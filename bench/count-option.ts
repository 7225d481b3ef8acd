import { HarnessError } from '../src/errors/harness-error.js';

/**
 * Reads a non-negative integer command-line value (`1000`, `10k`, `100_000`, `1m`), or fails with CONFIG_INVALID
 * naming the option and what was given.
 */
export function readCount(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const match = /^(\d[\d_]*)([km]?)$/i.exec(text.trim());
  const unit = match?.[2]?.toLowerCase();
  const scale = unit === 'k' ? 1000 : unit === 'm' ? 1_000_000 : 1;
  const value = match ? Number(match[1]!.replaceAll('_', '')) * scale : Number.NaN;
  if (!Number.isSafeInteger(value) || value > max) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `--${name} must be an integer from 0 to ${max}, got ${JSON.stringify(text)}.`,
    );
  }
  return value;
}

/** A comma-separated list of counts, e.g. `--sizes 1k,10k,100k`. */
export function readCounts(
  name: string,
  text: string | undefined,
  fallback: readonly number[],
  max: number,
): number[] {
  if (text === undefined) return [...fallback];
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `--${name} must be a comma-separated list of integers, got ${JSON.stringify(text)}.`,
    );
  }
  return items.map((item) => readCount(name, item, 0, max));
}
