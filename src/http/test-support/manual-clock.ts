import type { Clock } from '../clock.js';

/**
 * A clock whose sleeps return at once and move time forward, recording each wait. Time moves when the sleep
 * resolves (a microtask later), not when it is asked for, so work already queued still sees the earlier time.
 */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  #now: number;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.sleeps.push(ms);
    return Promise.resolve().then(() => {
      this.#now += ms;
    });
  }
}
