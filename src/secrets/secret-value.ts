import { inspect } from 'node:util';
import { REDACTED } from './redaction.js';

/**
 * A secret (bearer token, admin token) carried through configuration without being printable:
 * `String()`, `JSON.stringify()` and `util.inspect()` all show `[REDACTED]`; only {@link SecretValue.reveal}
 * returns the value, at the one place that puts it in an `Authorization` header.
 */
export class SecretValue {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `SecretValue(${REDACTED})`;
  }
}
