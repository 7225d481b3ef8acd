import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../src/errors/harness-error.js';
import { type AutocannonJob, type AutocannonMessage, isAutocannonMessage } from './autocannon-messages.js';

const DEFAULT_ENTRY = fileURLToPath(new URL('./autocannon-process.js', import.meta.url));

export type AutocannonDone = Omit<Extract<AutocannonMessage, { kind: 'done' }>, 'kind'> & {
  /** The autocannon process's id, for the report's "which process ran what". */
  readonly pid: number | undefined;
};

/**
 * Forks the autocannon process (autocannon-process.ts), hands it the job over IPC and waits for its figures.
 * A failure, an exit without figures or the timeout reject; the child is killed then.
 */
export function runAutocannonProcess(
  job: Omit<AutocannonJob, 'kind'>,
  timeoutMs: number,
  entry = DEFAULT_ENTRY,
): Promise<AutocannonDone> {
  const child = fork(entry, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise<AutocannonDone>((resolve, reject) => {
    const settle = (outcome: () => void): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
      outcome();
    };
    const onMessage = (message: unknown): void => {
      if (!isAutocannonMessage(message)) return;
      if (message.kind === 'failed') {
        settle(() =>
          reject(new HarnessError('INTERNAL', `The autocannon process failed: ${message.message}`)),
        );
        return;
      }
      const { kind: _kind, ...figures } = message;
      settle(() => resolve({ ...figures, pid: child.pid }));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      settle(() =>
        reject(
          new HarnessError(
            'INTERNAL',
            `The autocannon process exited (${signal ?? `code ${String(code)}`}) without figures.`,
          ),
        ),
      );
    };
    const onError = (error: Error): void => {
      settle(() =>
        reject(
          new HarnessError('INTERNAL', `The autocannon process could not run: ${error.message}`, {
            cause: error,
          }),
        ),
      );
    };
    const timer = setTimeout(() => {
      child.kill();
      settle(() =>
        reject(
          new HarnessError('TARGET_TIMEOUT', `The autocannon process took longer than ${timeoutMs} ms.`),
        ),
      );
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onError);
    child.send({ kind: 'start', ...job } satisfies AutocannonJob);
  });
}
