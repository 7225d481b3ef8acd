/** A text sink such as `process.stdout`; tests pass a collector. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * Everything a command may touch of its process, injected so that `main(argv, io)` runs the same
 * in a test as from the `scim-harness` binary.
 */
export interface CliIo {
  /** The command's own output (URLs, tables, summaries). */
  stdout: OutputStream;
  /** Diagnostics and logs. */
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM: long-running commands stop cleanly and return. */
  shutdown: AbortSignal;
}
