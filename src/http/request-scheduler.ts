import { HarnessError } from '../errors/harness-error.js';
import { type Clock, systemClock } from './clock.js';
import type { RequestSlots } from './scim-client-options.js';

/**
 * Limits how many requests run at once and how fast they start, as a provisioning client does for one job.
 * Concurrency is a counter; rate is a token bucket (`burst` tokens, refilled at `maxPerSecond`), so a quiet
 * period lets a short burst through and a steady load is held to the rate. Waiters are served first in, first
 * out. Hand-written because no limiter package is installed and this one needs the harness's injectable clock
 * to be tested without sleeping.
 * @see https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
 */
export interface RequestSchedulerOptions {
  /** Requests in flight at once. Default 4. */
  maxConcurrency?: number;
  /** Requests started per second; `Infinity` (default) for no rate limit. */
  maxPerSecond?: number;
  /** Requests that may start back to back after a quiet period. Default 1. */
  burst?: number;
  clock?: Clock;
}

/** A snapshot of the scheduler, for benchmarks and tests. */
export interface SchedulerStats {
  inFlight: number;
  queued: number;
  started: number;
  /** The most requests ever in flight together. */
  peakInFlight: number;
}

interface Waiter {
  start: () => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

function checkLimit(name: string, value: number, integer: boolean): number {
  const ok = value === Number.POSITIVE_INFINITY || (value > 0 && (!integer || Number.isInteger(value)));
  if (!ok)
    throw new HarnessError('CONFIG_INVALID', `${name} must be a positive number, got ${String(value)}`);
  return value;
}

/** A FIFO concurrency limit plus token-bucket rate limit; see {@link RequestSchedulerOptions}. */
export class RequestScheduler implements RequestSlots {
  readonly maxConcurrency: number;
  readonly maxPerSecond: number;
  readonly burst: number;
  readonly #clock: Clock;
  readonly #queue: Waiter[] = [];
  #tokens: number;
  #refilledAt: number;
  #wakePending = false;
  #inFlight = 0;
  #started = 0;
  #peak = 0;

  constructor(options: RequestSchedulerOptions = {}) {
    this.maxConcurrency = checkLimit('maxConcurrency', options.maxConcurrency ?? 4, true);
    this.maxPerSecond = checkLimit('maxPerSecond', options.maxPerSecond ?? Number.POSITIVE_INFINITY, false);
    this.burst = checkLimit('burst', options.burst ?? 1, true);
    this.#clock = options.clock ?? systemClock;
    this.#tokens = this.burst;
    this.#refilledAt = this.#clock.now();
  }

  get stats(): SchedulerStats {
    return {
      inFlight: this.#inFlight,
      queued: this.#queue.length,
      started: this.#started,
      peakInFlight: this.#peak,
    };
  }

  /** Runs `task` when a slot and a token are free. Rejects with the signal's reason if aborted while queued. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const waiter: Waiter = {
        signal,
        onAbort: () => {
          const at = this.#queue.indexOf(waiter);
          if (at !== -1) this.#queue.splice(at, 1);
          reject(signal?.reason);
        },
        start: () => {
          signal?.removeEventListener('abort', waiter.onAbort);
          this.#inFlight += 1;
          this.#started += 1;
          this.#peak = Math.max(this.#peak, this.#inFlight);
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              this.#inFlight -= 1;
              this.#pump();
            });
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  #refill(): void {
    const now = this.#clock.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#refilledAt) * this.maxPerSecond) / 1000);
    this.#refilledAt = now;
  }

  #pump(): void {
    while (this.#queue.length > 0 && this.#inFlight < this.maxConcurrency) {
      if (this.maxPerSecond !== Number.POSITIVE_INFINITY) {
        this.#refill();
        if (this.#tokens < 1 - 1e-9) {
          this.#wakeAfter(((1 - this.#tokens) * 1000) / this.maxPerSecond);
          return;
        }
        this.#tokens -= 1;
      }
      this.#queue.shift()?.start();
    }
  }

  #wakeAfter(ms: number): void {
    if (this.#wakePending) return;
    this.#wakePending = true;
    void this.#clock.sleep(ms).then(() => {
      this.#wakePending = false;
      this.#pump();
    });
  }
}
