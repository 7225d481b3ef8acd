export type { BodyRead } from './body-reader.js';
export type { Clock } from './clock.js';
export { systemClock } from './clock.js';
export type {
  ExchangeOutcome,
  ExchangeTiming,
  HttpMethod,
  RecordedHeaders,
  RecordedRequest,
  RecordedResponse,
  RedirectHop,
  RetryRecord,
  ScimExchange,
} from './exchange.js';
export { EXCHANGE_OUTCOMES, HTTP_METHODS, isExchangeOutcome, isHttpMethod } from './exchange.js';
export type { ScimErrorReply } from './exchange-classifiers.js';
export { isScimJson, scimErrorOf } from './exchange-classifiers.js';
export { ExchangeRecorder } from './exchange-recorder.js';
export type { NetworkFault } from './network-fault.js';
export { classifyNetworkError } from './network-fault.js';
export type { PreflightResult } from './preflight.js';
export { preflight, preflightError } from './preflight.js';
export type { RequestSchedulerOptions, SchedulerStats } from './request-scheduler.js';
export { RequestScheduler } from './request-scheduler.js';
export type { QueryParams, QueryValue } from './request-url.js';
export { isAbsoluteHttpUrl, requestUrl } from './request-url.js';
export { isJsonMediaType, isScimMediaType, mediaTypeOf } from './response-record.js';
export type { RetryPolicy } from './retry-after.js';
export { parseRetryAfter } from './retry-after.js';
export type { ScimClient, ScimRequest, ScimRequestOptions } from './scim-client.js';
export { createScimClient } from './scim-client.js';
export type {
  RequestSlots,
  RequestStartEvent,
  ResolvedClientOptions,
  ScimClientOptions,
} from './scim-client-options.js';
export {
  DEFAULT_EVIDENCE_BODY_CHARS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_REDIRECTS,
  DEFAULT_RETRY_POLICY,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  resolveClientOptions,
} from './scim-client-options.js';
export type {
  TokenFindingSeverity,
  TokenOwner,
  TokenOwnerFinding,
  TokenRisk,
  TokenRiskSeverity,
} from './token-owner.js';
export {
  assessTokenOwner,
  describeTokenRisk,
  SERVICE_ACCOUNT_USER_TYPES,
  TOKEN_FINDING_SEVERITIES,
  TOKEN_RISK_SEVERITIES,
  tokenOwnerFinding,
  whoOwnsToken,
} from './token-owner.js';
