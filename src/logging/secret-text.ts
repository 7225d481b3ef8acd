/**
 * Text-level scrubbing of credentials. Pino's `redact` option only censors values at known object
 * paths; a token that ends up inside a string (an error message quoting a request, a URL with
 * `?access_token=…`, a header dump) passes straight through it. These functions work on the final
 * text instead, so they catch what path-based redaction cannot.
 */

/** What every scrubbed secret is replaced with, in logs and reports alike. */
export const REDACTED = '[REDACTED]';

/**
 * Key names whose values are credentials wherever they appear as `key: value`, `key=value` or
 * `"key":"value"` in text. Matched case-insensitively and as whole words, so `tokenEnv` or
 * `token_file` (which name a secret's location, not the secret) are left alone.
 */
export const SECRET_KEY_NAMES = [
  'authorization',
  'proxy-authorization',
  'token',
  'access_token',
  'accessToken',
  'refresh_token',
  'id_token',
  'admin_token',
  'adminToken',
  'api_key',
  'api-key',
  'apiKey',
  'x-api-key',
  'dd-api-key',
  'dd-application-key',
  'client_secret',
] as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const REDACTED_LOOKAHEAD = `(?!${escapeRegExp(REDACTED)})`;

/** `Bearer <token>` / `Basic <credentials>` (RFC 6750 §2.1 token68 characters). */
const SCHEME_CREDENTIALS = new RegExp(
  `\\b(Bearer|Basic)(\\s+)${REDACTED_LOOKAHEAD}[A-Za-z0-9\\-._~+/]+=*`,
  'gi',
);

/**
 * `key: value`, `key=value`, `"key":"value"` (also JSON-escaped, `\"key\":\"value\"`, as a JSON
 * string quoted inside a log line). A quoted key needs a quoted value, so a JSON number, object or
 * array after a credential key is never rewritten into invalid JSON, and a value stops at a
 * backslash so an escape is never cut in half. A scheme credential is left to the rule above.
 */
const KEY_VALUE = new RegExp(
  `(?<![\\w-])(${SECRET_KEY_NAMES.map(escapeRegExp).join('|')})((\\\\?["'])\\s*[:=]\\s*\\3|\\s*[:=]\\s*(?:\\\\?["'])?)` +
    `(?!(?:Bearer|Basic)\\s)${REDACTED_LOOKAHEAD}[^\\s"'&,;{}[\\]\\\\]+`,
  'gi',
);

/**
 * Replaces credentials recognisable by their shape: `Bearer …`/`Basic …` and the value after any
 * {@link SECRET_KEY_NAMES} key. Idempotent: scrubbing scrubbed text changes nothing.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export function scrubCredentials(text: string): string {
  return text.replace(SCHEME_CREDENTIALS, `$1$2${REDACTED}`).replace(KEY_VALUE, `$1$2${REDACTED}`);
}

/** The forms a secret can take once it has been embedded in JSON or a URL. */
function encodedForms(secret: string): string[] {
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  return [...forms];
}

/**
 * Each secret's forms, worked out once: redaction runs on every request and log line, and recomputing them there was
 * most of a replay's allocation churn. Bounded, since the secrets of a process are few.
 */
const formsBySecret = new Map<string, readonly string[]>();
const MAX_CACHED_SECRETS = 64;

function formsOf(secret: string): readonly string[] {
  let forms = formsBySecret.get(secret);
  if (forms === undefined) {
    if (formsBySecret.size >= MAX_CACHED_SECRETS) formsBySecret.clear();
    forms = encodedForms(secret);
    formsBySecret.set(secret, forms);
  }
  return forms;
}

/**
 * Replaces every occurrence of each known secret value (also in its JSON-escaped and URL-encoded
 * forms) with {@link REDACTED}. Longer secrets are replaced first so that a secret containing
 * another is not left half-visible. Empty strings are ignored.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const forms = secrets
    .filter((secret) => secret.length > 0)
    .flatMap(formsOf)
    .sort((a, b) => b.length - a.length);
  let out = text;
  // `includes` first: most texts hold no secret, and split/join would copy them anyway.
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out;
}
