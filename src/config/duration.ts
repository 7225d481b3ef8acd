import { HarnessError } from '../errors/harness-error.js';
import type { NumericOption } from './numeric-options.js';

/** Seconds per unit of a duration: `s`, `m`, `h`. */
const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

/** One or more `<number><unit>` parts, largest first by convention (`1h30m`, `90s`, `1.5m`), or bare seconds. */
const DURATION = /^(?:\d+(?:\.\d+)?[hms])+$/;
const PART = /(\d+(?:\.\d+)?)([hms])/g;

/** `600` → `10m`, `90` → `1m30s`, `3600` → `1h`: how a duration in seconds reads in messages and reports. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '0s';
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = Math.round((seconds - h * 3600 - m * 60) * 10) / 10;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 ? `${s}s` : ''].join('');
  return parts === '' ? '0s' : parts;
}

/**
 * Reads a duration as the command line writes it, `90s`, `10m`, `1h`, `1h30m` (or a bare number of seconds), and
 * checks it against `option`'s bounds (in seconds, a row of the numeric tables); returns seconds. Anything else is
 * a `CONFIG_INVALID` {@link HarnessError} (exit 2) naming the flag, the forms it takes and its bounds.
 */
export function parseDuration(option: NumericOption, value: unknown): number {
  const bounds = `from ${formatDuration(option.min)} to ${formatDuration(option.max)}`;
  const expected = `${option.flag} must be a duration such as 90s, 10m or 1h (${bounds})`;
  if (Array.isArray(value))
    throw new HarnessError('CONFIG_INVALID', `${option.flag} was given ${value.length} times; give it once`);
  const text = value === undefined ? '' : String(value).trim().toLowerCase();
  let seconds: number;
  if (/^\d+(\.\d+)?$/.test(text)) seconds = Number(text);
  else if (DURATION.test(text)) {
    seconds = 0;
    for (const [, amount, unit] of text.matchAll(PART))
      seconds += Number(amount) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
  } else {
    throw new HarnessError(
      'CONFIG_INVALID',
      `${expected}, got ${text === '' ? 'nothing' : `"${String(value).trim()}"`}`,
    );
  }
  if (!Number.isFinite(seconds) || seconds < option.min || seconds > option.max)
    throw new HarnessError('CONFIG_INVALID', `${expected}, got "${String(value).trim()}"`);
  return seconds;
}
