export type { LogDestination, Logger, LoggerOptions, LogLevel } from './create-logger.js';
export { createLogger, isLogLevel, LOG_LEVELS } from './create-logger.js';
export { buildRedactPaths, REDACTED_KEYS } from './redact-paths.js';
export { SecretRegistry } from './secret-registry.js';
export { REDACTED, redactSecrets, SECRET_KEY_NAMES, scrubCredentials } from './secret-text.js';
export { SecretValue } from './secret-value.js';
