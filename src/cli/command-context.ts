import type { ResolvedConfig } from '../config/index.js';
import { createLogger, type Logger } from '../logging/index.js';
import type { SecretRegistry } from '../secrets/redaction.js';
import type { CliIo } from './cli-io.js';
import type { ExitCode } from './exit-codes.js';

/** What `main` hands every command: the process surface, the run's secrets, and where to put the exit code. */
export interface CommandContext {
  io: CliIo;
  /** Every secret a command learns is registered here; logs and error output are scrubbed with it. */
  secrets: SecretRegistry;
  /** Commands finish by reporting their exit code here; only the bin turns it into `process.exitCode`. */
  finish(code: ExitCode): void;
}

/**
 * The command's logger: on stderr, pretty on a terminal, at the level `resolveConfig` resolved from `--log-level`
 * (debug under `--debug`). Every command makes its logger here, after resolving its configuration, and says at debug
 * what it resolved (never the token: the target is named by its URL, and the registry scrubs whatever else is secret).
 */
export function createCommandLogger(
  context: CommandContext,
  command: string,
  config: Pick<ResolvedConfig, 'logLevel' | 'runId' | 'target' | 'reportDir'>,
): Logger {
  const logger = createLogger({
    level: config.logLevel,
    pretty: 'auto',
    destination: context.io.stderr,
    secrets: context.secrets,
  }).child({ command });
  logger.debug(
    {
      runId: config.runId,
      target: config.target.kind === 'tenant' ? config.target.tenant.href : 'embedded',
      reportDir: config.reportDir,
      logLevel: config.logLevel,
    },
    'configuration resolved',
  );
  return logger;
}
