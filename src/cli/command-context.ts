import { createLogger, isLogLevel, type Logger } from '../logging/index.js';
import type { SecretRegistry } from '../secrets/redaction.js';
import type { CliIo } from './cli-io.js';
import type { ExitCode } from './exit-codes.js';
import type { GlobalArgs } from './shared-options.js';

/** What `main` hands every command: the process surface, the run's secrets, and where to put the exit code. */
export interface CommandContext {
  io: CliIo;
  /** Every secret a command learns is registered here; logs and error output are scrubbed with it. */
  secrets: SecretRegistry;
  /** Commands finish by reporting their exit code here; only the bin turns it into `process.exitCode`. */
  finish(code: ExitCode): void;
}

/** The command's logger: on stderr, pretty on a terminal, at --log-level (debug under --debug). */
export function createCommandLogger(context: CommandContext, args: Partial<GlobalArgs>): Logger {
  const requested = args['log-level'];
  const level = args.debug && (requested === undefined || requested === 'info') ? 'debug' : requested;
  return createLogger({
    level: isLogLevel(level) ? level : 'info',
    pretty: 'auto',
    destination: context.io.stderr,
    secrets: context.secrets,
  });
}
