#!/usr/bin/env node
/**
 * The `scim-harness` executable: the only place that reads process state and sets
 * `process.exitCode`. Secrets on the command line are refused before anything else is loaded.
 */
import { assertNoSecretsInArgv } from '../config/token-source.js';
import { reportError } from './error-report.js';

const argv = process.argv.slice(2);

async function run(): Promise<number> {
  try {
    assertNoSecretsInArgv(argv);
  } catch (error) {
    return reportError(error, process.stderr);
  }
  // The first Ctrl-C asks the command to stop cleanly; listeners are `once`, so a second one kills.
  const shutdown = new AbortController();
  const stop = () => shutdown.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const { main } = await import('./main.js');
    return await main(argv, {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      shutdown: shutdown.signal,
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

process.exitCode = await run();
