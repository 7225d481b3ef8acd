/**
 * The one redaction of the harness: what a log line, a recorded exchange, an error message or a report may not
 * show. It removes secrets and nothing else, so evidence stays what the target said:
 *
 * - every registered secret value, also JSON-escaped, percent-encoded, form-encoded and base64-encoded (at any
 *   alignment, so a secret inside a longer base64 blob is caught too);
 * - the values of credential headers (`Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie`, API-key
 *   headers), keeping only the auth scheme;
 * - a header value that is itself a credential (`Bearer <token68>`), whatever header carries it;
 * - credentials in structured text: `"apiKey":"…"`, `?access_token=…`, `DD-API-KEY: …`, and `Bearer <token>` where
 *   the token has the shape of a credential (digits, inner `.`/`_`/`/`/`+`/`~`, padding, or length);
 * - credential fields of JSON values (`authorization`, `apiKey`, `client_secret`, …), and `token`/`key`/`secret`
 *   when their value has the shape of a credential (the `key` a server returns for a freshly minted key).
 *
 * It never touches ordinary words: "An unknown bearer token answers 401", `WWW-Authenticate: Bearer
 * error="invalid_token"`, "Invalid bearer token", "OAuth Bearer Token" are kept as they are. An unknown token a
 * check sends is registered before it is sent, so an echo of it is caught exactly, not by guessing.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc7235#section-2.1
 */

/** What every redacted secret is replaced with, in logs and reports alike. */
export const REDACTED = '[REDACTED]';

/** Header names whose value is a credential whatever it looks like. Compared case-insensitively. */
export const CREDENTIAL_HEADER_NAMES = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'dd-api-key',
  'dd-application-key',
] as const;

/**
 * Field names that hold a credential whenever they hold a string. None is an English word, so `name=value`,
 * `name: value` and `"name":"value"` after them are credentials wherever they appear.
 */
export const CREDENTIAL_FIELD_NAMES = [
  'x-api-key',
  'dd-api-key',
  'dd-application-key',
  'access_token',
  'accessToken',
  'refresh_token',
  'refreshToken',
  'id_token',
  'admin_token',
  'adminToken',
  'api_key',
  'api-key',
  'apiKey',
  'client_secret',
  'clientSecret',
] as const;

/**
 * Field names that are also ordinary words. Their value is a credential only when it has a credential's shape: the
 * reference server's admin API answers a minted key as `{"id", "name", "owner", …, "key": "<40 hex>"}`, and
 * Datadog's key APIs answer `attributes.key`.
 */
export const WORD_CREDENTIAL_FIELD_NAMES = ['token', 'key', 'secret'] as const;

/** Every name whose value is a credential: headers, fields, and the word-like fields. */
export const CREDENTIAL_NAMES = [
  ...CREDENTIAL_HEADER_NAMES,
  ...CREDENTIAL_FIELD_NAMES,
  ...WORD_CREDENTIAL_FIELD_NAMES,
] as const;

/** Auth schemes whose credential follows them in a header value (`Bearer <token>`). */
const HEADER_SCHEMES = /^(Bearer|Basic|Token|SSWS)(\s+)(.*)$/is;

const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;
const TOKEN68_CHARS = 'A-Za-z0-9\\-._~+/';

/**
 * Whether a word has the shape of a credential rather than of prose: token68 characters only, at least 6 of them,
 * and a digit, a `.`/`_`/`~`/`+`/`/` inside it, base64 `=` padding, an inner lower-to-upper change (random letters), or
 * 32 characters or more. "token", "token.", "application-key", "Token" never qualify; "abc.def", "eyJhb…",
 * "dXNlcjpwYXNz", "tk_9f8e…" do.
 */
export function looksLikeCredential(word: string): boolean {
  if (word.length < 6 || !TOKEN68.test(word) || word === REDACTED) return false;
  if (/\d/.test(word) || word.length >= 32 || (/=$/.test(word) && word.length % 4 === 0)) return true;
  if (/[._~+/]/.test(word.slice(0, -1))) return true;
  return word.length >= 12 && /[a-z][A-Z]/.test(word);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const lower = (names: readonly string[]) => new Set(names.map((name) => name.toLowerCase()));
const credentialHeaders = lower(CREDENTIAL_HEADER_NAMES);
const credentialFields = lower([...CREDENTIAL_HEADER_NAMES, ...CREDENTIAL_FIELD_NAMES]);
const wordFields = lower(WORD_CREDENTIAL_FIELD_NAMES);

const alternation = (names: readonly string[]) => names.map(escapeRegExp).join('|');
const NOT_REDACTED = `(?!${escapeRegExp(REDACTED)})`;

/**
 * `Bearer <token68>` / `Basic <token68>` in text. The lookahead keeps an auth-param (`Bearer error="…"`,
 * `Bearer realm=scim`) out; the replacement keeps prose (`bearer token`) out via {@link looksLikeCredential}.
 */
const SCHEME_IN_TEXT = new RegExp(
  `\\b(Bearer|Basic)(\\s+)([${TOKEN68_CHARS}]+=*)(?![${TOKEN68_CHARS}=]|(?<==)")`,
  'gi',
);

/** `"name": "value"`, also single-quoted and JSON-escaped (`\"name\":\"value\"`, a JSON string inside a log line). */
const QUOTED_MEMBER = new RegExp(
  `(\\\\?["'])(${alternation([...CREDENTIAL_HEADER_NAMES, ...CREDENTIAL_FIELD_NAMES, ...WORD_CREDENTIAL_FIELD_NAMES])})\\1(\\s*:\\s*)(\\\\?["'])${NOT_REDACTED}((?:(?:Bearer|Basic|Token|SSWS)\\s+)?)([^"'\\\\]+)(?=\\4)`,
  'gi',
);

/** `name=value` / `name: value` for names that are never prose; also `Authorization: <credential>`. */
const UNQUOTED_MEMBER = new RegExp(
  `(?<![\\w-])(${alternation(CREDENTIAL_FIELD_NAMES)})(\\s*[:=]\\s*)${NOT_REDACTED}([^\\s"'&,;{}[\\]\\\\]+)`,
  'gi',
);

/** `?token=…`, `&key=…` in a URL or form body: a query parameter named like a credential. */
const QUERY_PARAM = new RegExp(
  `(?<=[?&])(${alternation([...WORD_CREDENTIAL_FIELD_NAMES, 'authorization'])})=${NOT_REDACTED}([^\\s&#"'<>]+)`,
  'gi',
);

/** `token=…`, `key=…` outside a URL (a log line, a message): a credential only when the value has the shape of one. */
const WORD_PARAM = new RegExp(
  `(?<![\\w-])(${alternation(WORD_CREDENTIAL_FIELD_NAMES)})=${NOT_REDACTED}([${TOKEN68_CHARS}]+=*)(?![${TOKEN68_CHARS}=])`,
  'gi',
);

/** `Authorization: <bare credential>` in a header dump (with a scheme, {@link SCHEME_IN_TEXT} applies). */
const AUTHORIZATION_LINE = new RegExp(
  `(?<![\\w-])((?:proxy-)?authorization)(\\s*:\\s*)([${TOKEN68_CHARS}]+=*)(?![${TOKEN68_CHARS}=])`,
  'gi',
);

/**
 * Replaces credentials recognisable by their shape in structured text (see the module comment). Idempotent, and
 * leaves prose alone: only a credential-shaped value after an auth scheme, or any value after a credential field.
 */
function scrubShapes(text: string): string {
  return text
    .replace(SCHEME_IN_TEXT, (match, scheme: string, space: string, token: string) =>
      looksLikeCredential(token) ? `${scheme}${space}${REDACTED}` : match,
    )
    .replace(
      QUOTED_MEMBER,
      (match, quote: string, name: string, colon: string, open: string, scheme: string, value: string) => {
        if (wordFields.has(name.toLowerCase()) && (scheme !== '' || !looksLikeCredential(value)))
          return match;
        return `${quote}${name}${quote}${colon}${open}${scheme}${REDACTED}`;
      },
    )
    .replace(UNQUOTED_MEMBER, `$1$2${REDACTED}`)
    .replace(QUERY_PARAM, `$1=${REDACTED}`)
    .replace(WORD_PARAM, (match, name: string, value: string) =>
      looksLikeCredential(value) ? `${name}=${REDACTED}` : match,
    )
    .replace(AUTHORIZATION_LINE, (match, name: string, colon: string, value: string) =>
      looksLikeCredential(value) ? `${name}${colon}${REDACTED}` : match,
    );
}

/** Base64 of `secret` wherever it sits in a longer encoded blob: the characters it alone decides, per alignment. */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  if (bytes.length < 8) return [];
  const forms = [bytes.toString('base64'), bytes.toString('base64url')];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
    forms.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return forms;
}

/** The forms a secret takes once embedded in JSON, a URL, a form body or base64. */
function encodedForms(secret: string): string[] {
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const forms = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), form];
  return [...new Set([...forms, ...base64Forms(secret)])].filter((f) => f.length > 0);
}

/** An auth-scheme name alone (a malformed `Authorization: Bearer`) carries no secret; registering it would hide prose. */
const BARE_SCHEME = /^\s*(Bearer|Basic|Token|SSWS|Digest|Negotiate)\s*$/i;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The secret values known at runtime (the target's token, the reference server's admin token, a minted key, an
 * unknown token a check sends). The logger consults it on every line, the HTTP client on every exchange, the CLI on
 * every message, so a value registered once never reaches any output.
 */
export class SecretRegistry {
  readonly #secrets = new Set<string>();
  #forms: readonly string[] | undefined;

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const secret of secrets) if (secret !== undefined) this.register(secret);
  }

  /** Registers a secret; blank values and a bare auth-scheme name are ignored (they would hide prose). */
  register(secret: string): this {
    if (secret.trim().length > 0 && !BARE_SCHEME.test(secret) && !this.#secrets.has(secret)) {
      this.#secrets.add(secret);
      this.#forms = undefined;
    }
    return this;
  }

  /** Forgets a secret, e.g. once the server that issued it has stopped. */
  unregister(secret: string): this {
    if (this.#secrets.delete(secret)) this.#forms = undefined;
    return this;
  }

  get size(): number {
    return this.#secrets.size;
  }

  /** Registered values in every encoding, and credential shapes in structured text, become `[REDACTED]`. */
  redact(text: string): string {
    // Longest first, so a secret containing another is replaced whole.
    this.#forms ??= [...this.#secrets].flatMap(encodedForms).sort((a, b) => b.length - a.length);
    let out = text;
    // `includes` first: most texts hold no secret, and split/join would copy them anyway.
    for (const form of this.#forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return scrubShapes(out);
  }

  /** True when redaction would change the text. */
  containsSecret(text: string): boolean {
    return this.redact(text) !== text;
  }

  /**
   * A deep copy of a JSON-like value with every credential removed: each string and key through
   * {@link SecretRegistry.redact}, and the value of every credential header or field (see the module comment).
   */
  redactValue<T>(value: T): T {
    const walk = (node: unknown): unknown => {
      if (typeof node === 'string') return this.redact(node);
      if (Array.isArray(node)) return node.map(walk);
      if (!isPlainObject(node)) return node;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) {
        out[this.redact(key)] =
          typeof child === 'string' && isCredentialField(key, child) ? REDACTED : walk(child);
      }
      return out;
    };
    return walk(value) as T;
  }

  /** Never shows the values themselves, not even by accident in a debugger or a log line. */
  toJSON(): string {
    return `SecretRegistry(${this.#secrets.size} ${REDACTED})`;
  }
}

/** Whether a string under `key` is a credential: a credential header or field, or a credential-shaped `key`/`token`. */
export function isCredentialField(key: string, value: string): boolean {
  const name = key.toLowerCase();
  if (value === '' || value === REDACTED) return false;
  return credentialFields.has(name) || (wordFields.has(name) && looksLikeCredential(value));
}

/**
 * Redaction of what an HTTP exchange records (headers, URLs, bodies, parsed JSON, error messages): a
 * {@link SecretRegistry} (shared with the logger when the caller passes one) plus the header names that are
 * credentials for this client. Parsed bodies keep their fields (a check reads the `key` of a key it minted); only
 * the secrets and credential shapes in their strings are removed. Reports add the field rules on top.
 */
export class SecretRedactor {
  readonly registry: SecretRegistry;
  readonly #sensitiveHeaders = new Set<string>(credentialHeaders);

  constructor(
    secrets: Iterable<string | undefined> = [],
    sensitiveHeaders: Iterable<string> = [],
    registry: SecretRegistry = new SecretRegistry(),
  ) {
    this.registry = registry;
    for (const secret of secrets) this.addSecret(secret);
    for (const name of sensitiveHeaders) this.#sensitiveHeaders.add(name.toLowerCase());
  }

  /** Registers a secret (matched in every encoding); blank values are ignored. */
  addSecret(secret: string | undefined): void {
    if (secret !== undefined) this.registry.register(secret);
  }

  isSensitiveHeader(name: string): boolean {
    return this.#sensitiveHeaders.has(name.toLowerCase());
  }

  redact(text: string): string {
    return this.registry.redact(text);
  }

  /** True when redaction would change the text. */
  containsSecret(text: string): boolean {
    return this.registry.containsSecret(text);
  }

  /**
   * A header value for the record. A credential header keeps only its scheme (`Bearer [REDACTED]`); any other
   * header whose whole value is `<scheme> <token68>` (a target echoing the credential) is treated the same;
   * challenges such as `Bearer realm="scim", error="invalid_token"` are auth-params, not credentials, and kept.
   */
  redactHeader(name: string, value: string): string {
    const scheme = HEADER_SCHEMES.exec(value.trim());
    if (this.isSensitiveHeader(name)) return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
    const clean = this.redact(value);
    const echoed = HEADER_SCHEMES.exec(clean.trim());
    return echoed && TOKEN68.test(echoed[3] ?? '') ? `${echoed[1]} ${REDACTED}` : clean;
  }

  redactHeaders(headers: Iterable<[string, string]>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of headers) out[name.toLowerCase()] = this.redactHeader(name, value);
    return out;
  }

  /** A deep copy of parsed JSON with secrets redacted in every string, keys included; fields are kept. */
  redactJson(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.redactJson(item));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[this.redact(key)] = this.redactJson(item);
      return out;
    }
    return value;
  }
}

export interface RedactionOptions {
  /** Literal values (tokens, passwords) removed wherever they appear: values, keys, inside longer strings. */
  secrets?: readonly string[];
}

/**
 * A deep copy of `value` with every credential removed: the last pass before a report or replay record is written
 * (the recorder redacts already). See {@link SecretRegistry.redactValue}.
 */
export function redact<T>(value: T, options: RedactionOptions = {}): T {
  return new SecretRegistry(options.secrets ?? []).redactValue(value);
}
