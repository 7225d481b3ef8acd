import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { HarnessError } from '../../src/errors/harness-error.js';

/**
 * The actions of Entra's provisioning log.
 * @see https://learn.microsoft.com/en-us/entra/identity/monitoring-health/concept-provisioning-logs
 */
export const PROVISIONING_ACTIONS = ['Create', 'Update', 'Disable', 'Delete', 'Skip', 'Other'] as const;
export type ProvisioningAction = (typeof PROVISIONING_ACTIONS)[number];

export const PROVISIONING_STATUSES = ['Success', 'Failure', 'Skipped'] as const;
export type ProvisioningStatus = (typeof PROVISIONING_STATUSES)[number];

/**
 * One 429 the client answered by waiting as Retry-After asked and sending the same request again.
 * @see https://www.rfc-editor.org/rfc/rfc6585#section-4
 */
export interface LoggedRetry {
  readonly status: number;
  /** The Retry-After header as received, if any. */
  readonly retryAfter?: string;
  /** The wait Retry-After asked for, when it could be read. */
  readonly requestedMs?: number;
  /** The wait the client chose: what was asked, capped by its retry policy. */
  readonly waitedMs: number;
}

/** One request of an operation, with the token already replaced by a placeholder. */
export interface LoggedExchange {
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly requestBody?: unknown;
  readonly status: number | string;
  readonly durationMs: number;
  /** Truncated and redacted. */
  readonly responseBody?: string;
  /** The 429s waited out before `status`, oldest first; absent when the first answer was kept. */
  readonly retries?: readonly LoggedRetry[];
}

/** One line of `provisioning-log.jsonl`. */
export interface ProvisioningLogEntry {
  readonly cycle: number;
  /** `User <userName>` or `Group <displayName>`. */
  readonly object: string;
  readonly sourceId: string;
  readonly targetId?: string;
  readonly action: ProvisioningAction;
  readonly status: ProvisioningStatus;
  readonly errorCode?: string;
  readonly exchanges: readonly LoggedExchange[];
}

/** Where log entries go: a JSONL file, memory in tests, or nowhere. */
export interface ProvisioningLogSink {
  write(entry: ProvisioningLogEntry): void;
  close(): Promise<void>;
}

/** Keeps entries in memory; for tests and small runs. */
export class MemoryProvisioningLog implements ProvisioningLogSink {
  readonly entries: ProvisioningLogEntry[] = [];
  write(entry: ProvisioningLogEntry): void {
    this.entries.push(entry);
  }
  async close(): Promise<void> {}
}

/**
 * Streams entries to a JSONL file as they happen, so memory stays flat however large the replay.
 * `redact` runs over every line before it is written: the last line of defence for secrets.
 *
 * Lines are gathered and written together, at most {@link FLUSH_AFTER_MS} after the first of them or once
 * {@link FLUSH_AT_CHARS} are waiting: one write per operation was, measured with `node --cpu-prof` on the replay's
 * initial cycle (bench/README.md), about a tenth of the replay's own CPU time.
 */
export class JsonlProvisioningLog implements ProvisioningLogSink {
  readonly #stream: WriteStream;
  readonly #redact: (text: string) => string;
  #failure: unknown;
  #pending: string[] = [];
  #pendingChars = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(path: string, redact: (text: string) => string) {
    this.#stream = createWriteStream(path, { flags: 'w', mode: 0o600 });
    this.#stream.on('error', (error) => {
      this.#failure = error;
    });
    this.#redact = redact;
  }

  write(entry: ProvisioningLogEntry): void {
    if (this.#failure !== undefined) return;
    const line = `${this.#redact(JSON.stringify(entry))}\n`;
    this.#pending.push(line);
    this.#pendingChars += line.length;
    if (this.#pendingChars >= FLUSH_AT_CHARS) this.#flush();
    else this.#timer ??= setTimeout(() => this.#flush(), FLUSH_AFTER_MS);
  }

  #flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.length === 0) return;
    const text = this.#pending.join('');
    this.#pending = [];
    this.#pendingChars = 0;
    if (this.#failure === undefined && !this.#stream.destroyed) this.#stream.write(text);
  }

  async close(): Promise<void> {
    this.#flush();
    if (!this.#stream.closed) {
      this.#stream.end();
      await once(this.#stream, 'close').catch(() => undefined);
    }
    if (this.#failure !== undefined) {
      throw new HarnessError('IO_FAILED', 'cannot write the provisioning log', { cause: this.#failure });
    }
  }
}

/** The most a {@link JsonlProvisioningLog} keeps waiting before it writes, in characters and in time. */
export const FLUSH_AT_CHARS = 64 * 1024;
export const FLUSH_AFTER_MS = 200;
