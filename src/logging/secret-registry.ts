import { REDACTED, redactSecrets, scrubCredentials } from './secret-text.js';

/**
 * The secret values known at runtime (the target's bearer token, the reference server's admin
 * token, …). The logger consults it on every line it writes, and report writers and the HTTP
 * evidence recorder pass their text through {@link SecretRegistry.redact}, so a value registered
 * once never reaches any output, whatever path or string it travels in.
 */
export class SecretRegistry {
  readonly #secrets = new Set<string>();

  /** Registers a secret; blank values are ignored (they would redact nothing useful). */
  register(secret: string): this {
    if (secret.trim().length > 0) this.#secrets.add(secret);
    return this;
  }

  /** Forgets a secret, e.g. once the server that issued it has stopped. */
  unregister(secret: string): this {
    this.#secrets.delete(secret);
    return this;
  }

  get size(): number {
    return this.#secrets.size;
  }

  /** Registered values and credential-shaped substrings (`Bearer …`, `token=…`) become `[REDACTED]`. */
  redact(text: string): string {
    return scrubCredentials(redactSecrets(text, [...this.#secrets]));
  }

  /** Never shows the values themselves, not even by accident in a debugger or a log line. */
  toJSON(): string {
    return `SecretRegistry(${this.#secrets.size} ${REDACTED})`;
  }
}
