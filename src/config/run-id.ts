import { randomBytes } from 'node:crypto';
import { HarnessError } from '../errors/harness-error.js';

/**
 * Run ids tag everything a run creates (userName, displayName, report folder), so they must sort by
 * time, stay short and be safe in a SCIM filter string and a path: `sh-20261129-0815-ab12cd`.
 */
export const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,47}$/;

const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh run id from the UTC time and six random characters. */
export function generateRunId(
  now: Date = new Date(),
  random: (size: number) => Uint8Array = randomBytes,
): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  const time = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}`;
  const suffix = [...random(6)].map((byte) => SUFFIX_ALPHABET[byte % SUFFIX_ALPHABET.length]).join('');
  return `sh-${date}-${time}-${suffix}`;
}

/** Accepts a given run id if it fits {@link RUN_ID_PATTERN}. */
export function parseRunId(value: string): string {
  if (!RUN_ID_PATTERN.test(value))
    throw new HarnessError('CONFIG_INVALID', `--run-id "${value}" is not usable as a run id`, {
      hint: 'use 1-48 letters, digits, ".", "_" or "-", starting with a letter or digit',
    });
  return value;
}

/**
 * A seed derived from the run id (FNV-1a, 32 bits), so a run replayed with the same id generates
 * the same data without a separate --seed.
 */
export function seedFromRunId(runId: string): number {
  let hash = 0x811c9dc5;
  for (const char of runId) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
