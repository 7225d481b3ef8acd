import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { REDACTED, SecretRegistry } from '../secrets/redaction.js';
import { buildRedactPaths } from './redact-paths.js';

export type { Logger } from 'pino';

/** Log levels accepted by {@link createLogger}, most to least severe. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number] & LevelWithSilent;

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

/** Where log lines go: anything with a synchronous `write`; `isTTY` decides `pretty: 'auto'`. */
export interface LogDestination {
  write(line: string): unknown;
  isTTY?: boolean;
}

export interface LoggerOptions {
  /** Default `info`. */
  level?: LogLevel;
  /** `'auto'` (default): human-readable when the destination is a terminal, JSON lines otherwise. */
  pretty?: boolean | 'auto';
  /** Default: standard error, so that standard output stays free for a command's own output. */
  destination?: LogDestination;
  /** Runtime secrets to scrub from every line; pass the same registry to report writers. */
  secrets?: SecretRegistry;
  /** Fixed bindings on every line (e.g. `{ runId }`). */
  base?: Record<string, unknown>;
}

/**
 * The one logger factory. Secrets are removed in two stages:
 *
 * 1. pino `redact` censors credential keys at known paths (`headers.authorization`, `*.token`,
 *    `adminToken`, `DD-API-KEY`, …) before serialisation;
 * 2. a `streamWrite` hook redacts the finished line with the registry (`src/secrets/redaction.ts`):
 *    registered secret values, credential-shaped `Bearer …` inside strings, `token=…` in URLs,
 *    credential keys nested deeper than the paths reach. Path redaction alone cannot see a token
 *    that is part of a string such as an error message.
 *
 * Components get `logger.child({ component: 'reference-server' })`.
 * @see https://getpino.io/#/docs/redaction
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = options.secrets ?? new SecretRegistry();
  const destination = options.destination ?? process.stderr;
  const pretty =
    options.pretty === 'auto' || options.pretty === undefined ? destination.isTTY === true : options.pretty;
  return pino(
    {
      level: options.level ?? 'info',
      base: options.base ?? null,
      redact: { paths: buildRedactPaths(), censor: REDACTED },
      hooks: { streamWrite: (line) => secrets.redact(line) },
    },
    pretty ? prettyDestination(destination) : destination,
  );
}

/**
 * pino-pretty's formatter applied in-line (no worker thread), so that lines reach the destination
 * synchronously and in order, already scrubbed by the hook above.
 */
function prettyDestination(destination: LogDestination): DestinationStream {
  const prettify = prettyFactory({ colorize: destination.isTTY === true, ignore: 'pid,hostname' });
  return { write: (line: string) => void destination.write(prettify(line)) };
}
