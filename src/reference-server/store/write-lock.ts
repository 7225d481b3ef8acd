/**
 * Serialises the server's mutations. Every write (create, replace, patch, delete, and each bulk
 * operation) runs its read-modify-write inside {@link WriteLock.run}, one at a time, in arrival order.
 *
 * One lock for the whole store rather than one per resource: a write can span resources (deleting a user
 * removes it from every group; uniqueness of userName is a property of the whole collection; a bulk
 * operation may touch several), and per-resource locks would need a lock order to avoid deadlock.
 * Reads do not take the lock; they see the state before or after a write, never a half-applied one,
 * because a write's `await`s only happen inside the lock.
 */
export class WriteLock {
  #tail: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(work);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
