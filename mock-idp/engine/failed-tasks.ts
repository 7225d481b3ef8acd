/** A task that failed: the cycle it failed in and the error code it shows. */
export interface FailedTask {
  readonly cycle: number;
  readonly errorCode: string;
}

/**
 * Okta's Dashboard > Tasks: objects whose provisioning operation failed and waits for an admin's "Retry Selected".
 * Okta sends nothing more for such an object by itself, so the passes skip it; `retryAll` is the admin's click.
 * Entra has no such list (its escrow retries by itself), so its engine leaves this empty.
 * @see https://help.okta.com/oie/en-us/Content/Topics/Provisioning/lcm/troubleshooting.htm
 */
export class FailedTasks {
  readonly #tasks = new Map<string, FailedTask>();

  fail(sourceId: string, cycle: number, errorCode: string): void {
    this.#tasks.set(sourceId, { cycle, errorCode });
  }

  has(sourceId: string): boolean {
    return this.#tasks.has(sourceId);
  }

  get size(): number {
    return this.#tasks.size;
  }

  /** The admin retries every failed task: the next cycle provisions those objects again. */
  retryAll(): number {
    const count = this.#tasks.size;
    this.#tasks.clear();
    return count;
  }
}
