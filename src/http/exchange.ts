/**
 * What one logical SCIM request produced on the wire: the request as sent (redacted), the final response if
 * one arrived, and an outcome that names the transport fault when none did. Suites grade the target on
 * `response`; a non-`ok` outcome means the harness could not get an answer, which is never a protocol verdict.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3
 */

/** Every way an exchange can end. `ok` means an HTTP response was received, whatever its status. */
export const EXCHANGE_OUTCOMES = [
  'ok',
  'timeout',
  'connection-refused',
  'connection-reset',
  'dns',
  'tls',
  'too-large',
  'redirect-loop',
  'aborted',
  'other-network',
] as const;

/** How an exchange ended. `too-large`, `redirect-loop` and some `other-network` ends still carry the last response. */
export type ExchangeOutcome = (typeof EXCHANGE_OUTCOMES)[number];

/** The methods RFC 7644 §3.2 uses (plus HEAD/OPTIONS, which probes may send). */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** @see https://www.rfc-editor.org/rfc/rfc7644#section-3.2 */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Header names lower-cased; values with secrets replaced by `[REDACTED]`. */
export type RecordedHeaders = Readonly<Record<string, string>>;

/** The request as it left the harness (first hop), fit for a report. */
export interface RecordedRequest {
  method: HttpMethod;
  /** The URL of the first hop, secrets redacted. Later hops are in {@link ScimExchange.redirects}. */
  url: string;
  headers: RecordedHeaders;
  /** The body as sent (JSON text for objects), redacted and cut to the evidence limit. */
  body?: string;
}

/** The final response, fit for a report. @see https://www.rfc-editor.org/rfc/rfc7644#section-3.1 */
export interface RecordedResponse {
  status: number;
  statusText: string;
  headers: RecordedHeaders;
  /** The media type with its parameters, as the target sent it; `''` when there was no Content-Type. */
  contentType: string;
  /** The body text, redacted and cut to the evidence limit (see `bodyTruncated`). */
  bodyText: string;
  /** Bytes of body actually read from the wire. */
  bodyBytes: number;
  /** True when `bodyText` is shorter than what was read, or reading stopped at `maxBodyBytes`. */
  bodyTruncated: boolean;
  /** The parsed body, with secrets redacted inside strings. Absent for an empty or unparseable body. */
  json?: unknown;
  /** Why the body could not be parsed as JSON, when parsing was attempted and failed. */
  jsonError?: string;
}

/** One 429 answered by waiting and sending again. */
export interface RetryRecord {
  status: number;
  /** What the client actually waited before the next attempt. */
  waitedMs: number;
  /** The wait the target asked for, when its Retry-After could be read. */
  requestedMs?: number;
  /** The Retry-After header as received, if any. */
  retryAfter?: string;
}

/** One redirect the client followed (or refused to follow). */
export interface RedirectHop {
  status: number;
  from: string;
  to: string;
  /** False when the hop crossed origins and credentials were withheld from `to`. */
  authorizationSent: boolean;
}

/**
 * Where the time went. `serverMs` is time spent waiting on the network and the target (from handing a request to
 * fetch until its body was read); `clientMs` is everything else the harness spent; the difference is what
 * benchmarks call harness overhead. Times are milliseconds; `startedAt`/`endedAt` are epoch milliseconds.
 */
export interface ExchangeTiming {
  startedAt: number;
  endedAt: number;
  serverMs: number;
  /** Time spent sleeping for Retry-After. */
  retryWaitMs: number;
  /** Time spent queued in a {@link RequestScheduler} before a slot was granted. */
  queuedMs: number;
  clientMs: number;
  attempts: number;
}

/** One logical request and everything that happened to it. Already redacted: safe to log and store. */
export interface ScimExchange {
  request: RecordedRequest;
  response?: RecordedResponse;
  outcome: ExchangeOutcome;
  /** A specific explanation when `outcome` is not `ok`. */
  error?: string;
  durationMs: number;
  retries: RetryRecord[];
  redirects: RedirectHop[];
  timing: ExchangeTiming;
  /**
   * Where a conformance check made it: `setup` (resources and probes the check needs), `check` (the requests that
   * exercise the requirement) or `cleanup` (deleting what it created). Absent outside the suites.
   */
  phase?: 'setup' | 'check' | 'cleanup';
  /** Set on the exchange that decided a check's outcome (a failed assertion's subject, the declining answer). */
  decisive?: boolean;
}

/** Guard for values read back from stored evidence. */
export function isExchangeOutcome(value: unknown): value is ExchangeOutcome {
  return typeof value === 'string' && (EXCHANGE_OUTCOMES as readonly string[]).includes(value);
}

/** Guard for methods given by callers outside the type system (CLI, replay files). */
export function isHttpMethod(value: unknown): value is HttpMethod {
  return typeof value === 'string' && (HTTP_METHODS as readonly string[]).includes(value);
}
