import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What a replay stage asks of every pool run inside it, without threading it through each caller:
 * progress counts for the progress bar, and a signal that stops starting new items (Ctrl-C).
 */
export interface PoolObserver {
  /** Called when a pool starts, with the number of items it will work through. */
  planned?(count: number): void;
  /** Called after each item's work ends, whether it succeeded or not. */
  settled?(): void;
  /** Once aborted, no new item starts; items already running finish. */
  signal?: AbortSignal;
}

const observers = new AsyncLocalStorage<PoolObserver>();

/**
 * Runs `stage` with `observer` watching every {@link runPool} started inside it (however deep). Only a
 * caller that wants progress or interruption pays for the async context.
 */
export function observePools<T>(observer: PoolObserver, stage: () => Promise<T>): Promise<T> {
  return observers.run(observer, stage);
}

/**
 * Runs `work` over `items` with at most `concurrency` at once, in order of start; stops starting new
 * items once `halted()` says so (a quarantined job stops its cycle) or the observing stage's signal is
 * aborted.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  halted: () => boolean = () => false,
): Promise<void> {
  const observer = observers.getStore();
  observer?.planned?.(items.length);
  const stopped = (): boolean => halted() || observer?.signal?.aborted === true;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stopped()) {
      const item = items[next++] as T;
      try {
        await work(item);
      } finally {
        observer?.settled?.();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
