import type { CliIo, OutputStream } from '../cli-io.js';

/** An output stream that keeps what is written and lets a test wait for a pattern to appear. */
export interface CapturedStream extends OutputStream {
  text(): string;
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
}

export function captureStream(): CapturedStream {
  let text = '';
  const waiters: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  const settle = () => {
    for (const waiter of [...waiters]) {
      const match = text.match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  return {
    isTTY: false,
    columns: 100,
    write(chunk: string) {
      text += chunk;
      settle();
      return true;
    },
    text: () => text,
    waitFor: (pattern) =>
      new Promise((resolve) => {
        waiters.push({ pattern, resolve });
        settle();
      }),
  };
}

export interface CapturedIo extends CliIo {
  stdout: CapturedStream;
  stderr: CapturedStream;
  /** Simulates Ctrl-C. */
  interrupt(): void;
}

/** A {@link CliIo} for calling `main` in-process. */
export function captureIo(options: { cwd: string; env?: NodeJS.ProcessEnv }): CapturedIo {
  const shutdown = new AbortController();
  return {
    stdout: captureStream(),
    stderr: captureStream(),
    env: options.env ?? {},
    cwd: options.cwd,
    shutdown: shutdown.signal,
    interrupt: () => shutdown.abort(),
  };
}
