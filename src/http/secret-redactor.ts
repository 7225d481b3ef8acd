import { SecretRegistry } from '../logging/secret-registry.js';
import { REDACTED } from '../logging/secret-text.js';

/**
 * Redaction of everything an exchange records (headers, URLs, bodies, parsed JSON, error messages), so evidence
 * can be written to reports and logs as it is. Secret values live in a {@link SecretRegistry} (shared with the
 * logger when the caller passes one); this class adds what only HTTP knows: which headers are credentials.
 */

/** Header names whose values are credentials wherever they appear. */
export const SENSITIVE_HEADER_NAMES = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'dd-api-key',
  'dd-application-key',
] as const;

/** Redacts secret values and credential headers; see the module comment. */
export class SecretRedactor {
  readonly registry: SecretRegistry;
  readonly #sensitiveHeaders = new Set<string>(SENSITIVE_HEADER_NAMES);

  constructor(
    secrets: Iterable<string | undefined> = [],
    sensitiveHeaders: Iterable<string> = [],
    registry: SecretRegistry = new SecretRegistry(),
  ) {
    this.registry = registry;
    for (const secret of secrets) this.addSecret(secret);
    for (const name of sensitiveHeaders) this.#sensitiveHeaders.add(name.toLowerCase());
  }

  /** Registers a secret (matched raw, JSON-escaped and percent-encoded); blank values are ignored. */
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
    return this.redact(text) !== text;
  }

  /** A header value for the record: credentials keep only their scheme (`Bearer [REDACTED]`). */
  redactHeader(name: string, value: string): string {
    if (!this.isSensitiveHeader(name)) return this.redact(value);
    const scheme = /^(Bearer|Basic|Token|SSWS)\s/i.exec(value);
    return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
  }

  redactHeaders(headers: Iterable<[string, string]>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of headers) out[name.toLowerCase()] = this.redactHeader(name, value);
    return out;
  }

  /** A deep copy of parsed JSON with secrets redacted in every string, keys included. */
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
