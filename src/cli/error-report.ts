import { isHarnessError } from '../errors/harness-error.js';
import { SecretRegistry } from '../secrets/redaction.js';
import type { OutputStream } from './cli-io.js';
import { EXIT_CODES, type ExitCode, exitCodeFor } from './exit-codes.js';

/** A command-line usage error found by the parser (unknown option, missing command, bad choice). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Writes what went wrong to stderr and returns the exit code it stands for. Known errors show their
 * message and hint; anything else a one-line message, with the stack only under `--debug`. All of it
 * passes through the secret registry first.
 */
export function reportError(
  error: unknown,
  stderr: OutputStream,
  options: { debug?: boolean; secrets?: SecretRegistry } = {},
): ExitCode {
  const secrets = options.secrets ?? new SecretRegistry();
  const write = (line: string) => stderr.write(`${secrets.redact(line)}\n`);
  if (error instanceof UsageError) {
    write(`scim-harness: ${error.message}`);
    write('Run "scim-harness --help" for usage.');
    return EXIT_CODES.usage;
  }
  if (isHarnessError(error)) {
    write(`scim-harness: ${error.message}`);
    if (error.hint !== undefined) write(`hint: ${error.hint}`);
    if (options.debug && error.stack !== undefined) write(error.stack);
    return exitCodeFor(error.code);
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`scim-harness: internal error: ${message}`);
  if (options.debug && error instanceof Error && error.stack !== undefined) write(error.stack);
  else write('Run again with --debug for the stack trace.');
  return EXIT_CODES.failures;
}
