/**
 * The running suites: a child process whose output goes to the command's stderr (stdout is kept for the summary),
 * and which can be interrupted exactly once, the way a Ctrl-C reaches Playwright: one SIGINT lets it stop the
 * workers and run fixture teardown, which deletes what the checks created.
 */
import { spawn } from 'node:child_process';
import type { OutputStream } from '../cli-io.js';
import type { SuitesInvocation } from './suites-invocation.js';

export interface SuitesProcess {
  /** The exit code, or `null` when the child ended by a signal. */
  exited: Promise<number | null>;
  /** Asks the child to stop cleanly (SIGINT). */
  interrupt(): void;
}

/** Starts the suites; injectable so the run command can be tested without spending minutes on real suites. */
export type SpawnSuites = (invocation: SuitesInvocation, output: OutputStream) => SuitesProcess;

/** How long a child may take to finish its teardown after the interrupt before it is terminated. */
const TEARDOWN_GRACE_MS = 120_000;

export const spawnSuites: SpawnSuites = (invocation, output) => {
  const child = spawn(invocation.command, invocation.args, {
    cwd: invocation.cwd,
    env: invocation.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a terminal's Ctrl-C then reaches only the harness, which forwards a single SIGINT.
    // A second one would make Playwright exit at once, skipping the teardown that deletes the run's resources.
    detached: true,
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.write(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.write(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  let interrupted = false;
  return {
    exited,
    interrupt() {
      if (interrupted || child.exitCode !== null) return;
      interrupted = true;
      child.kill('SIGINT');
      const force = setTimeout(() => child.kill('SIGTERM'), TEARDOWN_GRACE_MS);
      force.unref();
      const clear = () => clearTimeout(force);
      exited.then(clear, clear);
    },
  };
};
