export type { LogDestination, Logger, LoggerOptions, LogLevel } from './create-logger.js';
export { createLogger, isLogLevel, LOG_LEVELS } from './create-logger.js';
export { buildRedactPaths, REDACTED_KEYS } from './redact-paths.js';
