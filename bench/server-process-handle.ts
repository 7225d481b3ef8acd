import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../src/errors/harness-error.js';
import {
  type ControlMessage,
  isServerMessage,
  type MemoryFigures,
  type ServerMessage,
} from './bench-messages.js';

export interface ServerProcessOptions {
  users: number;
  groups: number;
  seed: number;
  samples: number;
  /** Seeding 100k users takes a while; past this the start fails with TARGET_TIMEOUT. */
  readyTimeoutMs: number;
  /** The compiled server-process.js; by default the one beside this file. */
  entry?: string;
}

export type ReadyServer = Omit<Extract<ServerMessage, { kind: 'ready' }>, 'kind'>;

const DEFAULT_ENTRY = fileURLToPath(new URL('./server-process.js', import.meta.url));

/** Waits for the first message `accept` takes; a `failed` message, an exit or the timeout reject. */
function nextMessage<T>(
  child: ChildProcess,
  label: string,
  timeoutMs: number,
  accept: (message: ServerMessage) => T | undefined,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const settle = (outcome: () => void): void => {
      cleanup();
      outcome();
    };
    const onMessage = (message: unknown): void => {
      if (!isServerMessage(message)) return;
      if (message.kind === 'failed') {
        settle(() =>
          reject(new HarnessError('TARGET_UNREACHABLE', `The ${label} failed: ${message.message}`)),
        );
        return;
      }
      const accepted = accept(message);
      if (accepted !== undefined) settle(() => resolve(accepted));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      settle(() =>
        reject(
          new HarnessError(
            'TARGET_UNREACHABLE',
            `The ${label} exited (${signal ?? `code ${String(code)}`}).`,
          ),
        ),
      );
    };
    const onError = (error: Error): void => {
      settle(() =>
        reject(
          new HarnessError('TARGET_UNREACHABLE', `The ${label} could not run: ${error.message}`, {
            cause: error,
          }),
        ),
      );
    };
    const timer = setTimeout(() => {
      settle(() =>
        reject(new HarnessError('TARGET_TIMEOUT', `The ${label} did not answer within ${timeoutMs} ms.`)),
      );
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/**
 * A forked server process (server-process.ts) holding one seeded reference server: a fresh process per
 * directory size, so each size's memory figures start clean.
 */
export class ServerProcess {
  readonly ready: ReadyServer;
  readonly #child: ChildProcess;
  readonly #label: string;

  private constructor(child: ChildProcess, label: string, ready: ReadyServer) {
    this.#child = child;
    this.#label = label;
    this.ready = ready;
  }

  /** The server process's id, for reports that say which process ran what. */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Forks the server process (with --expose-gc, for figures after a full GC) and waits until it has seeded. */
  static async start(options: ServerProcessOptions): Promise<ServerProcess> {
    const args = [
      '--users',
      options.users,
      '--groups',
      options.groups,
      '--seed',
      options.seed,
      '--samples',
      options.samples,
    ];
    const child = fork(options.entry ?? DEFAULT_ENTRY, args.map(String), {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const label = `server process for ${options.users} users`;
    try {
      const ready = await nextMessage(child, label, options.readyTimeoutMs, (message) => {
        if (message.kind !== 'ready') return undefined;
        const { kind: _kind, ...rest } = message;
        return rest;
      });
      return new ServerProcess(child, label, ready);
    } catch (error) {
      child.kill();
      throw error;
    }
  }

  /** The server process's memory now (after a full GC) and its peak so far. */
  async measure(timeoutMs = 60_000): Promise<MemoryFigures> {
    this.#assertConnected();
    const answer = nextMessage(this.#child, this.#label, timeoutMs, (message) =>
      message.kind === 'memory' ? message.memory : undefined,
    );
    this.#send({ kind: 'measure' });
    return answer;
  }

  /** Asks the server to close and waits for the process to exit; kills it if it does not within the timeout. */
  async stop(timeoutMs = 30_000): Promise<void> {
    const child = this.#child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.connected) this.#send({ kind: 'stop' });
    else child.kill();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    if ((await Promise.race([exited, late])) === 'late') {
      child.kill();
      await exited;
    }
    clearTimeout(timer);
  }

  #assertConnected(): void {
    if (!this.#child.connected)
      throw new HarnessError('TARGET_UNREACHABLE', `The ${this.#label} is no longer connected.`);
  }

  #send(message: ControlMessage): void {
    this.#assertConnected();
    this.#child.send(message);
  }
}
