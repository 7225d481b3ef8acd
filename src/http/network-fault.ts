import type { ExchangeOutcome } from './exchange.js';

/**
 * Turns what `fetch` (undici) throws into an {@link ExchangeOutcome} and a sentence a user can act on.
 * undici wraps the system error: `TypeError('fetch failed')` with `cause` carrying the errno-style `code`
 * (`ECONNREFUSED`, `ENOTFOUND`, `ERR_SSL_…`) or its own `UND_ERR_…` code.
 */

export interface NetworkFault {
  outcome: Exclude<ExchangeOutcome, 'ok' | 'too-large' | 'redirect-loop'>;
  error: string;
}

const CODE_OUTCOMES: ReadonlyArray<readonly [RegExp, NetworkFault['outcome']]> = [
  [/^ECONNREFUSED$/, 'connection-refused'],
  [/^(ECONNRESET|EPIPE|ECONNABORTED|UND_ERR_SOCKET|UND_ERR_CLOSED)$/, 'connection-reset'],
  [/^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME|EAI_NODATA)$/, 'dns'],
  [/^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/, 'timeout'],
  [
    /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|EPROTO$|ERR_OSSL_)/,
    'tls',
  ],
];

const HINTS: Readonly<Record<NetworkFault['outcome'], string>> = {
  timeout: 'the target did not answer in time',
  'connection-refused': 'nothing is listening at that host and port',
  'connection-reset': 'the target closed the connection before the response was complete',
  dns: 'the host name could not be resolved',
  tls: 'the TLS handshake failed (certificate, protocol or plain HTTP on an https: URL)',
  aborted: 'the request was cancelled by the harness',
  'other-network': 'the request failed before a response arrived',
};

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function asErrorLike(value: unknown): ErrorLike | undefined {
  return value !== null && typeof value === 'object' ? (value as ErrorLike) : undefined;
}

/** The chain of causes, outermost first; AggregateError members (one per address tried) are included. */
function causeChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 16) {
    const current = asErrorLike(queue.shift());
    if (!current || chain.includes(current)) continue;
    chain.push(current);
    if (current.cause !== undefined) queue.push(current.cause);
    if (Array.isArray(current.errors)) queue.push(...current.errors);
  }
  return chain;
}

function outcomeOfCode(code: string): NetworkFault['outcome'] | undefined {
  return CODE_OUTCOMES.find(([pattern]) => pattern.test(code))?.[1];
}

/** The innermost message worth showing: the system error's, not undici's generic `fetch failed`. */
function specificMessage(chain: ErrorLike[]): string {
  for (const link of [...chain].reverse()) {
    if (typeof link.message === 'string' && link.message.trim() !== '') return link.message.trim();
  }
  return 'unknown error';
}

/** Classifies a transport error thrown by fetch or by reading a response body. */
export function classifyNetworkError(error: unknown, url: string): NetworkFault {
  const chain = causeChain(error);
  for (const link of chain) {
    if (typeof link.code !== 'string') continue;
    const outcome = outcomeOfCode(link.code);
    if (outcome)
      return { outcome, error: `${url}: ${HINTS[outcome]} (${link.code}: ${specificMessage(chain)})` };
  }
  const names = chain.map((link) => link.name);
  if (names.includes('TimeoutError')) return faultFrom('timeout', url, chain);
  if (names.includes('AbortError')) return faultFrom('aborted', url, chain);
  if (
    chain.some(
      (link) => typeof link.message === 'string' && /other side closed|terminated/.test(link.message),
    )
  ) {
    return faultFrom('connection-reset', url, chain);
  }
  return faultFrom('other-network', url, chain);
}

function faultFrom(outcome: NetworkFault['outcome'], url: string, chain: ErrorLike[]): NetworkFault {
  return { outcome, error: `${url}: ${HINTS[outcome]} (${specificMessage(chain)})` };
}

/** A fault the client decided on itself (its own timer or the caller's signal), with the same wording. */
export function describeFault(outcome: NetworkFault['outcome'], url: string, detail: string): NetworkFault {
  return { outcome, error: `${url}: ${HINTS[outcome]} (${detail})` };
}
