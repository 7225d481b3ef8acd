import { parseTenantUrl, type TenantUrl } from '../config/tenant-url.js';
import { HarnessError } from '../errors/harness-error.js';
import { SCIM_MEDIA_TYPE } from '../scim/urns.js';
import { SecretRedactor, type SecretRegistry } from '../secrets/redaction.js';
import { type Clock, systemClock } from './clock.js';
import type { ScimExchange } from './exchange.js';
import { tenantOrigin } from './request-url.js';
import type { RetryPolicy } from './retry-after.js';

/** Anything that can run a request when a slot is free, e.g. a {@link RequestScheduler}. */
export interface RequestSlots {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** Sent when a request is about to go out (before any queueing); the URL is redacted. */
export interface RequestStartEvent {
  method: string;
  url: string;
  startedAt: number;
}

/** @see https://www.rfc-editor.org/rfc/rfc7644#section-2 */
export interface ScimClientOptions {
  /** The SCIM base URL; may carry tenant query flags such as `?aadOptscim062020`. */
  tenantUrl: string;
  /** Sent as `Authorization: Bearer <token>`, only ever to the tenant's origin. */
  token?: string | undefined;
  /** Per attempt (each retry and redirect hop), covering connect, headers and body. Default 30 s. */
  timeoutMs?: number;
  /** How 429 is retried; `false` returns the first 429. */
  retry429?: Partial<RetryPolicy> | false;
  /**
   * How a 5xx (other than 501) to an idempotent request (GET, HEAD, PUT, DELETE) is sent again: bounded, after a short
   * wait. Default `false`: the answer is handed back as it came. The conformance suites switch it on, so a target's
   * passing failure is not taken for its answer to the requirement under test.
   */
  retry5xx?: ServerErrorRetry | false;
  userAgent?: string;
  /** Extra headers on every request. Sensitive ones (see `sensitiveHeaders`) are redacted and kept same-origin. */
  headers?: Readonly<Record<string, string>>;
  /** Header names to treat like Authorization, beyond the built-in list. */
  sensitiveHeaders?: readonly string[];
  /** More values to redact from every record (e.g. an API key in a custom header). */
  secrets?: readonly (string | undefined)[];
  /** A registry shared with the logger and reports; the token and secret headers are registered in it. */
  secretRegistry?: SecretRegistry;
  /** A larger response body is cut here and the exchange is `too-large`. Default 10 MiB. */
  maxBodyBytes?: number;
  /** How many characters of each body an exchange keeps as evidence (after redaction). Default 65536. */
  evidenceBodyChars?: number;
  /** Redirects followed per request; 0 (the default) returns the 3xx itself: a redirect is an answer. */
  redirects?: number;
  /** The fetch to use (msw, tests); defaults to the global one. */
  fetch?: typeof fetch;
  /** Concurrency and rate limits shared by every request of this client. */
  scheduler?: RequestSlots;
  onExchange?: (exchange: ScimExchange) => void;
  onRequestStart?: (event: RequestStartEvent) => void;
  clock?: Clock;
  /** Content-Type of request bodies. Default `application/scim+json`. */
  contentType?: string;
  accept?: string;
}

/** Options with every default filled in and every value checked; what the client runs on. */
/** See {@link ScimClientOptions.retry5xx}. */
export interface ServerErrorRetry {
  /** How many times one idempotent request may be sent again after a 5xx. */
  maxRetries: number;
  /** The wait before each retry. */
  waitMs: number;
}

export interface ResolvedClientOptions {
  tenant: TenantUrl;
  /** The only origin credentials are sent to. */
  tenantOrigin: string;
  token: string | undefined;
  timeoutMs: number;
  retry: RetryPolicy | false;
  retry5xx: ServerErrorRetry | false;
  userAgent: string;
  headers: Readonly<Record<string, string>>;
  maxBodyBytes: number;
  evidenceBodyChars: number;
  redirects: number;
  fetch: typeof fetch;
  scheduler: RequestSlots | undefined;
  onExchange: ((exchange: ScimExchange) => void) | undefined;
  onRequestStart: ((event: RequestStartEvent) => void) | undefined;
  clock: Clock;
  contentType: string;
  accept: string;
  redactor: SecretRedactor;
}

/** Per attempt; Entra documents no value, 30 s is a common client default. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Far above any sane SCIM page, far below what would hurt the harness. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Enough of a body to read an error or a resource in a report without bloating it. */
export const DEFAULT_EVIDENCE_BODY_CHARS = 64 * 1024;
/**
 * Hops followed before giving up with `redirect-loop`: none by default. A SCIM service has no reason to redirect, and
 * following one re-sends the request (its body included) to wherever the Location points, so a 3xx is handed back as
 * the answer: the preflight reports where it points, and a check that meets one cannot be evaluated.
 */
export const DEFAULT_REDIRECTS = 0;
/** Two retries, each at most 30 s: a rate-limited target gets its pause, a run does not stall for long. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  maxRetryAfterMs: 30_000,
  defaultWaitMs: 1_000,
};
/** Entra's own User-Agent is undocumented, so the harness names itself. */
export const DEFAULT_USER_AGENT = 'scim-harness';

function invalid(message: string, hint?: string): HarnessError {
  return new HarnessError('CONFIG_INVALID', message, hint === undefined ? {} : { hint });
}

function checkNumber(name: string, value: number, min: number, integer: boolean): number {
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw invalid(`${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}, got ${String(value)}`);
  }
  return value;
}

const HEADER_NAME = /^[!#$%&'*+.^`|~\w-]+$/;

/** Header values must not smuggle a line break (request splitting); the value is never echoed. */
export function checkHeader(name: string, value: string): void {
  if (!HEADER_NAME.test(name)) throw invalid(`Header name ${JSON.stringify(name)} is not a valid HTTP token`);
  if (/[\r\n\0]/.test(value)) throw invalid(`The value of header ${name} contains a line break or NUL`);
}

/**
 * Fills defaults and checks every option, in one pure function. Throws a `CONFIG_INVALID` HarnessError naming the
 * offending option; secret values never appear in the message.
 */
export function resolveClientOptions(options: ScimClientOptions): ResolvedClientOptions {
  const tenant = parseTenantUrl(options.tenantUrl);
  const token = options.token === '' ? undefined : options.token;
  if (token !== undefined && /[\s\0]/.test(token)) {
    throw invalid(
      'The token contains whitespace or a line break',
      'Check for a trailing newline in the token file',
    );
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    checkHeader(name, value);
    headers[name.toLowerCase()] = value;
  }
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  checkHeader('user-agent', userAgent);
  const redactor = new SecretRedactor(
    [token, ...(options.secrets ?? [])],
    options.sensitiveHeaders ?? [],
    options.secretRegistry,
  );
  for (const [name, value] of Object.entries(headers)) {
    if (redactor.isSensitiveHeader(name)) redactor.addSecret(value);
  }
  let retry: RetryPolicy | false = false;
  if (options.retry429 !== false) {
    const given = options.retry429 ?? {};
    retry = {
      maxRetries: checkNumber(
        'retry429.maxRetries',
        given.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
        0,
        true,
      ),
      maxRetryAfterMs: checkNumber(
        'retry429.maxRetryAfterMs',
        given.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs,
        0,
        false,
      ),
      defaultWaitMs: checkNumber(
        'retry429.defaultWaitMs',
        given.defaultWaitMs ?? DEFAULT_RETRY_POLICY.defaultWaitMs,
        0,
        false,
      ),
      ...(given.backoffFactor === undefined
        ? {}
        : { backoffFactor: checkNumber('retry429.backoffFactor', given.backoffFactor, 1, false) }),
      ...(given.integerSecondsOnly === undefined ? {} : { integerSecondsOnly: given.integerSecondsOnly }),
    };
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function')
    throw invalid('No fetch implementation is available (Node 20+ has one)');
  return {
    tenant,
    tenantOrigin: tenantOrigin(tenant),
    token,
    timeoutMs: checkNumber('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, false),
    retry,
    retry5xx:
      options.retry5xx === undefined || options.retry5xx === false
        ? false
        : {
            maxRetries: checkNumber('retry5xx.maxRetries', options.retry5xx.maxRetries, 0, true),
            waitMs: checkNumber('retry5xx.waitMs', options.retry5xx.waitMs, 0, false),
          },
    userAgent,
    headers,
    maxBodyBytes: checkNumber('maxBodyBytes', options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, 1, true),
    evidenceBodyChars: checkNumber(
      'evidenceBodyChars',
      options.evidenceBodyChars ?? DEFAULT_EVIDENCE_BODY_CHARS,
      0,
      true,
    ),
    redirects: checkNumber('redirects', options.redirects ?? DEFAULT_REDIRECTS, 0, true),
    fetch: fetchImpl,
    scheduler: options.scheduler,
    onExchange: options.onExchange,
    onRequestStart: options.onRequestStart,
    clock: options.clock ?? systemClock,
    contentType: options.contentType ?? SCIM_MEDIA_TYPE,
    accept: options.accept ?? `${SCIM_MEDIA_TYPE}, application/json;q=0.9`,
    redactor,
  };
}
