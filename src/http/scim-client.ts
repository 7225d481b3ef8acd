import type { TenantUrl } from '../config/tenant-url.js';
import { HarnessError, isHarnessError } from '../errors/harness-error.js';
import type { SecretRedactor } from '../secrets/redaction.js';
import {
  type ExchangeOutcome,
  type HttpMethod,
  isHttpMethod,
  type RecordedRequest,
  type RecordedResponse,
  type RedirectHop,
  type RetryRecord,
  type ScimExchange,
} from './exchange.js';
import { describeFault } from './network-fault.js';
import {
  nextHop,
  REDIRECT_STATUSES,
  resolveLocation,
  sameOrigin,
  type WireRequest,
} from './redirect-policy.js';
import { type QueryParams, requestUrl } from './request-url.js';
import { recordResponse } from './response-record.js';
import { parseRetryAfter, retryWaitMs } from './retry-after.js';
import {
  checkHeader,
  type ResolvedClientOptions,
  resolveClientOptions,
  type ScimClientOptions,
} from './scim-client-options.js';
import { type AttemptResult, sendAttempt } from './send-attempt.js';

/** Methods a retry cannot turn into a second change (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/** One logical SCIM request. `path` is relative to the tenant URL (or absolute, e.g. a `meta.location`). */
export interface ScimRequest {
  method: HttpMethod;
  path: string;
  query?: QueryParams | string;
  /** A string is sent as is; anything else is sent as JSON. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  /** Try to parse the body as JSON whatever its Content-Type (default true). */
  expectJson?: boolean;
  /** Overrides the client's token for this request; `null` sends no Authorization (for 401 checks). */
  token?: string | null;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Options of the `get`/`post`/… shorthands. */
export type ScimRequestOptions = Omit<ScimRequest, 'method' | 'path' | 'body'>;

/**
 * A SCIM client that never throws for anything the target does: every answer and every transport fault comes
 * back as a {@link ScimExchange}. It throws a HarnessError only for the harness's own mistakes (bad options,
 * a body that cannot be serialized, a failing hook).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3
 */
export interface ScimClient {
  readonly tenant: TenantUrl;
  request(request: ScimRequest): Promise<ScimExchange>;
  get(path: string, options?: ScimRequestOptions): Promise<ScimExchange>;
  post(path: string, body: unknown, options?: ScimRequestOptions): Promise<ScimExchange>;
  put(path: string, body: unknown, options?: ScimRequestOptions): Promise<ScimExchange>;
  patch(path: string, body: unknown, options?: ScimRequestOptions): Promise<ScimExchange>;
  delete(path: string, options?: ScimRequestOptions): Promise<ScimExchange>;
  /** The full URL of a path under the tenant, unredacted. */
  url(path: string, query?: QueryParams | string): string;
  /** Registers another value to redact from every later exchange. */
  addSecret(secret: string | undefined): void;
  /** Redacts registered secrets from any text (for callers building their own messages). */
  redact(text: string): string;
}

/** Builds a client; throws a `CONFIG_INVALID` HarnessError for bad options, never for the target. */
export function createScimClient(options: ScimClientOptions): ScimClient {
  const resolved = resolveClientOptions(options);
  const client: ScimClient = {
    tenant: resolved.tenant,
    request: (request) => runExchange(resolved, request),
    get: (path, opts) => client.request({ ...opts, method: 'GET', path }),
    post: (path, body, opts) => client.request({ ...opts, method: 'POST', path, body }),
    put: (path, body, opts) => client.request({ ...opts, method: 'PUT', path, body }),
    patch: (path, body, opts) => client.request({ ...opts, method: 'PATCH', path, body }),
    delete: (path, opts) => client.request({ ...opts, method: 'DELETE', path }),
    url: (path, query) => requestUrl(resolved.tenant, path, query),
    addSecret: (secret) => resolved.redactor.addSecret(secret),
    redact: (text) => resolved.redactor.redact(text),
  };
  return client;
}

function serializeBody(body: unknown): string | undefined {
  if (body === undefined || typeof body === 'string') return body;
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new HarnessError('INTERNAL', 'The request body cannot be serialized as JSON', { cause: error });
  }
}

function buildHeaders(
  opts: ResolvedClientOptions,
  request: ScimRequest,
  url: string,
  body: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = { accept: opts.accept, 'user-agent': opts.userAgent };
  if (body !== undefined) headers['content-type'] = opts.contentType;
  Object.assign(headers, opts.headers);
  const token = request.token === undefined ? opts.token : request.token;
  if (token) headers.authorization = `Bearer ${token}`;
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    checkHeader(name, value);
    headers[name.toLowerCase()] = value;
    if (opts.redactor.isSensitiveHeader(name)) opts.redactor.addSecret(value);
  }
  // Credentials only ever go to the tenant's own origin (an absolute path may point elsewhere).
  if (!sameOrigin(url, opts.tenantOrigin)) stripSensitive(headers, opts.redactor);
  return headers;
}

/** Removes credentials (Authorization, cookies, API-key headers) before a request leaves the tenant's origin. */
function stripSensitive(headers: Record<string, string>, redactor: SecretRedactor): void {
  for (const name of Object.keys(headers)) {
    if (redactor.isSensitiveHeader(name)) delete headers[name];
  }
}

function cut(text: string, limit: number): string {
  return text.length > limit ? text.slice(0, limit) : text;
}

async function runExchange(opts: ResolvedClientOptions, request: ScimRequest): Promise<ScimExchange> {
  const { clock, redactor } = opts;
  const startedAt = clock.now();
  let invalidUrl = false;
  if (!isHttpMethod(request.method)) {
    throw new HarnessError('INTERNAL', `Unknown HTTP method ${JSON.stringify(request.method)}`);
  }
  if (typeof request.token === 'string') redactor.addSecret(request.token);
  const timeoutMs = request.timeoutMs ?? opts.timeoutMs;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new HarnessError('CONFIG_INVALID', `timeoutMs must be a positive number, got ${String(timeoutMs)}`);
  }
  const body = serializeBody(request.body);
  let firstUrl: string;
  try {
    firstUrl = requestUrl(opts.tenant, request.path, request.query);
  } catch (error) {
    // A path with a query in it is the caller's mistake; an absolute URL that does not parse is the target's.
    if (isHarnessError(error)) throw error;
    firstUrl = request.path;
    invalidUrl = true;
  }
  let wire: WireRequest = {
    url: firstUrl,
    method: request.method,
    headers: buildHeaders(opts, request, firstUrl, body),
    body,
  };
  const recordedRequest: RecordedRequest = {
    method: request.method,
    url: redactor.redact(firstUrl),
    headers: redactor.redactHeaders(Object.entries(wire.headers)),
  };
  if (body !== undefined) recordedRequest.body = cut(redactor.redact(body), opts.evidenceBodyChars);
  try {
    opts.onRequestStart?.({ method: request.method, url: recordedRequest.url, startedAt });
  } catch (hookError) {
    throw new HarnessError('INTERNAL', 'The onRequestStart hook threw', { cause: hookError });
  }

  const retries: RetryRecord[] = [];
  const redirects: RedirectHop[] = [];
  const visited = new Set<string>();
  let authorizationWithheld = !sameOrigin(firstUrl, opts.tenantOrigin);
  let serverMs = 0;
  let retryWaitTotal = 0;
  let serverErrorRetries = 0;
  let queuedMs = 0;
  let attempts = 0;

  const finish = (outcome: ExchangeOutcome, response: RecordedResponse | undefined, error?: string) => {
    const endedAt = clock.now();
    const durationMs = endedAt - startedAt;
    const exchange: ScimExchange = {
      request: recordedRequest,
      outcome,
      durationMs,
      retries,
      redirects,
      timing: {
        startedAt,
        endedAt,
        serverMs,
        retryWaitMs: retryWaitTotal,
        queuedMs,
        clientMs: Math.max(0, durationMs - serverMs - retryWaitTotal - queuedMs),
        attempts,
      },
    };
    if (response !== undefined) exchange.response = response;
    if (error !== undefined) exchange.error = redactor.redact(error);
    if (opts.onExchange) {
      try {
        opts.onExchange(exchange);
      } catch (hookError) {
        throw new HarnessError('INTERNAL', 'The onExchange hook threw', { cause: hookError });
      }
    }
    return exchange;
  };

  if (invalidUrl) return finish('other-network', undefined, `${recordedRequest.url}: not a valid URL`);

  for (;;) {
    visited.add(`${wire.method} ${wire.url}`);
    const shownUrl = redactor.redact(wire.url);
    const current = wire;
    const send = async (): Promise<AttemptResult> => {
      const sentAt = clock.now();
      attempts += 1;
      try {
        return await sendAttempt({
          fetch: opts.fetch,
          url: current.url,
          shownUrl,
          method: current.method,
          headers: current.headers,
          body: current.body,
          timeoutMs,
          maxBodyBytes: opts.maxBodyBytes,
          signal: request.signal,
        });
      } finally {
        serverMs += clock.now() - sentAt;
      }
    };
    let result: AttemptResult;
    if (opts.scheduler) {
      const queuedAt = clock.now();
      const scheduler = opts.scheduler;
      try {
        result = await scheduler.run(() => {
          queuedMs += clock.now() - queuedAt;
          return send();
        }, request.signal);
      } catch (error) {
        if (!request.signal?.aborted)
          throw new HarnessError('INTERNAL', 'The request scheduler failed', { cause: error });
        const fault = describeFault('aborted', shownUrl, 'cancelled while waiting for a scheduler slot');
        return finish(fault.outcome, undefined, fault.error);
      }
    } else {
      result = await send();
    }
    if (result.kind === 'fault') return finish(result.fault.outcome, undefined, result.fault.error);

    const expectJson = request.expectJson ?? true;
    const response = recordResponse(result, { ...opts, expectJson });
    if (result.body.overLimit) {
      return finish(
        'too-large',
        response,
        `${shownUrl}: the response body passed the ${opts.maxBodyBytes}-byte limit; reading stopped there`,
      );
    }

    if (REDIRECT_STATUSES.has(result.status) && opts.redirects > 0) {
      const target = resolveLocation(result.headers.get('location'), wire.url);
      if (!(target instanceof URL)) {
        const why = target.unusable;
        return finish(
          'other-network',
          response,
          `${shownUrl}: ${result.status} redirect cannot be followed (${why})`,
        );
      }
      if (redirects.length >= opts.redirects) {
        return finish(
          'redirect-loop',
          response,
          `${shownUrl}: more than ${opts.redirects} redirects (${redirects.map((hop) => hop.to).join(' → ')})`,
        );
      }
      const next = nextHop(wire, result.status, target);
      // Once withheld, credentials stay withheld, even if a later hop comes back to the tenant.
      if (!sameOrigin(wire.url, next.url)) authorizationWithheld = true;
      if (authorizationWithheld) stripSensitive(next.headers, redactor);
      redirects.push({
        status: result.status,
        from: shownUrl,
        to: redactor.redact(next.url),
        authorizationSent: !authorizationWithheld && 'authorization' in next.headers,
      });
      if (visited.has(`${next.method} ${next.url}`)) {
        return finish(
          'redirect-loop',
          response,
          `${shownUrl}: redirect loop back to ${redactor.redact(next.url)}`,
        );
      }
      wire = next;
      continue;
    }

    if (
      result.status >= 500 &&
      result.status !== 501 &&
      opts.retry5xx !== false &&
      IDEMPOTENT_METHODS.has(wire.method) &&
      serverErrorRetries < opts.retry5xx.maxRetries
    ) {
      serverErrorRetries += 1;
      retries.push({ status: result.status, waitedMs: opts.retry5xx.waitMs });
      const sleptFrom = clock.now();
      try {
        await clock.sleep(opts.retry5xx.waitMs, request.signal);
      } catch {
        const fault = describeFault(
          'aborted',
          shownUrl,
          `cancelled while waiting to retry after ${result.status}`,
        );
        return finish(fault.outcome, response, fault.error);
      } finally {
        retryWaitTotal += clock.now() - sleptFrom;
      }
      continue;
    }

    if (result.status === 429 && opts.retry !== false && retries.length < opts.retry.maxRetries) {
      const header = result.headers.get('retry-after');
      const requestedMs =
        opts.retry.integerSecondsOnly === true && !/^\s*\d+\s*$/.test(header ?? '')
          ? undefined
          : parseRetryAfter(header, clock.now());
      const throttled = retries.filter((retry) => retry.status === 429).length;
      const waitMs = retryWaitMs(requestedMs, opts.retry, throttled);
      const record: RetryRecord = { status: result.status, waitedMs: waitMs };
      if (requestedMs !== undefined) record.requestedMs = requestedMs;
      if (header !== null) record.retryAfter = redactor.redact(header);
      retries.push(record);
      const sleptFrom = clock.now();
      try {
        await clock.sleep(waitMs, request.signal);
      } catch {
        const fault = describeFault('aborted', shownUrl, 'cancelled while waiting to retry after 429');
        return finish(fault.outcome, response, fault.error);
      } finally {
        retryWaitTotal += clock.now() - sleptFrom;
      }
      continue;
    }

    return finish('ok', response);
  }
}
