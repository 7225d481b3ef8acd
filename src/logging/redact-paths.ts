/**
 * The object paths pino censors before a line is serialised. Pino's path redaction is exact and
 * case-sensitive with single-level wildcards, so the list is generated from key names × spellings ×
 * the places those keys turn up (top level, one level down, inside `headers`). Anything deeper or
 * inside a string is caught later by the line redaction of `src/secrets/redaction.ts`.
 * @see https://getpino.io/#/docs/redaction
 */
import { CREDENTIAL_FIELD_NAMES, CREDENTIAL_HEADER_NAMES } from '../secrets/redaction.js';

/**
 * Keys whose values are secrets in log objects: credentials themselves, never their locations (`tokenEnv`). Of the
 * word-like names only `token` is censored at these paths; a `key` field is redacted by its shape, on the line.
 */
export const REDACTED_KEYS = [...CREDENTIAL_HEADER_NAMES, ...CREDENTIAL_FIELD_NAMES, 'token'] as const;

/** Where those keys are looked for; `*` matches one level of any key. */
export const REDACTED_KEY_PARENTS = [
  '',
  '*.',
  'headers.',
  '*.headers.',
  '*.*.headers.',
  'req.headers.',
  'res.headers.',
  'request.headers.',
  'response.headers.',
] as const;

function titleCaseWords(key: string): string {
  return key.replace(/(^|[-_])([a-z])/g, (_match, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** `authorization` → authorization, AUTHORIZATION, Authorization; `dd-api-key` → … Dd-Api-Key. */
export function spellingsOf(key: string): string[] {
  const lower = key.toLowerCase();
  return [...new Set([key, lower, key.toUpperCase(), titleCaseWords(lower), titleCaseWords(key)])];
}

function segment(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
}

function join(parent: string, key: string): string {
  const seg = segment(key);
  if (seg.startsWith('[')) return parent.endsWith('.') ? `${parent.slice(0, -1)}${seg}` : seg;
  return `${parent}${seg}`;
}

/** Every redact path for {@link REDACTED_KEYS} in every spelling under every {@link REDACTED_KEY_PARENTS}. */
export function buildRedactPaths(): string[] {
  const paths = new Set<string>();
  for (const key of REDACTED_KEYS)
    for (const spelling of spellingsOf(key))
      for (const parent of REDACTED_KEY_PARENTS) paths.add(join(parent, spelling));
  return [...paths];
}
