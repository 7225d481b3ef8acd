export type { ConfigFs } from './config-fs.js';
export { nodeConfigFs } from './config-fs.js';
export { formatDuration, parseDuration } from './duration.js';
export type { NumericOption, NumericOptionName } from './numeric-options.js';
export {
  COMMAND_NUMERIC_OPTIONS,
  describeBounds,
  NUMERIC_OPTIONS,
  parseNumber,
  parseNumericOption,
} from './numeric-options.js';
export type {
  EmbeddedTarget,
  FailOn,
  RawConfigInput,
  ResolveContext,
  ResolvedConfig,
  Target,
  TenantTarget,
} from './resolve-config.js';
export { FAIL_ON_LEVELS, parseFailOn, parseProfileList, resolveConfig } from './resolve-config.js';
export { generateRunId, parseRunId, RUN_ID_PATTERN, seedFromRunId } from './run-id.js';
export type { Shard } from './shard.js';
export { parseShard } from './shard.js';
export type { EntraMode, QueryItem, TenantUrl } from './tenant-url.js';
export {
  ENTRA_MODE_FLAGS,
  ENTRA_MODES,
  entraModeFromQuery,
  parseQueryItems,
  parseTenantUrl,
  resourceUrl,
} from './tenant-url.js';
export type { TokenInput, TokenSource } from './token-source.js';
export { assertNoSecretsInArgv, DEFAULT_TOKEN_ENV, resolveToken, SECRET_FLAGS } from './token-source.js';
