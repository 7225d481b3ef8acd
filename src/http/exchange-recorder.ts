import { HarnessError } from '../errors/harness-error.js';
import type { ScimExchange } from './exchange.js';

/**
 * Keeps the last N exchanges as evidence for reports. Exchanges are already redacted by the client, so what is
 * kept here can be written out as it is. Pass `recorder.record` as a client's `onExchange`.
 */
export class ExchangeRecorder {
  readonly limit: number;
  #items: ScimExchange[] = [];
  #seen = 0;

  constructor(limit = 100) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new HarnessError('CONFIG_INVALID', `Recorder limit must be an integer >= 1, got ${limit}`);
    this.limit = limit;
  }

  /** Bound to the instance, so it can be handed over as a hook. */
  readonly record = (exchange: ScimExchange): void => {
    this.#seen += 1;
    this.#items.push(exchange);
    if (this.#items.length > this.limit) this.#items.splice(0, this.#items.length - this.limit);
  };

  /** Oldest first. */
  list(): readonly ScimExchange[] {
    return [...this.#items];
  }

  /** How many exchanges were recorded in all, including those dropped from the window. */
  get total(): number {
    return this.#seen;
  }

  clear(): void {
    this.#items = [];
    this.#seen = 0;
  }
}
