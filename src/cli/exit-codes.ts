import type { HarnessErrorCode } from '../errors/harness-error.js';

/**
 * The process exit codes, the CLI's contract with CI. A harness crash is reported as 1 with an
 * "internal error" message on stderr: scripts that only tell success from failure still stop, and
 * the message says it is not the target's fault.
 */
export const EXIT_CODES = {
  /** Everything ran and nothing failed at or above --fail-on. */
  ok: 0,
  /** Checks failed (or the harness hit an internal error). */
  failures: 1,
  /** The command line or configuration is wrong; nothing was run. */
  usage: 2,
  /** The target could not be reached or refused the credentials. */
  unreachable: 3,
  /** Stopped by Ctrl-C (128 + SIGINT, as shells report it), after cleaning up what the run created. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The exit code a {@link HarnessError} that reaches the top level stands for. */
export function exitCodeFor(code: HarnessErrorCode): ExitCode {
  switch (code) {
    case 'CONFIG_INVALID':
    case 'SECRET_EXPOSED':
      return EXIT_CODES.usage;
    case 'TARGET_UNREACHABLE':
    case 'CREDENTIALS_REJECTED':
    case 'TARGET_TIMEOUT':
    case 'TARGET_RESPONSE_UNUSABLE':
      return EXIT_CODES.unreachable;
    // Per-check faults, normally recorded in the report; should one reach the top, the run did not pass.
    case 'CHECK_PRECONDITION':
    case 'IO_FAILED':
    case 'INTERNAL':
      return EXIT_CODES.failures;
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}
