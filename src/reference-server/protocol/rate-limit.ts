/**
 * A per-credential rate limit: a token bucket of `burst` requests refilled at `perSecond`. A request over it is
 * answered `429 Too Many Requests` with `Retry-After` (RFC 6585 §4, RFC 9110 §10.2.3), as the IPSIE AL SCIM 2.0
 * profile (draft 00 §4.3) requires of every SCIM endpoint; its floor of 25 requests per second stays far below
 * `perSecond`. Off unless the server is started with a limit, so benchmarks and replays are not throttled.
 */
import { ScimError } from '../../scim/errors/scim-error.js';
import { errorResult, type ScimResult } from '../http/scim-result.js';
import type { ComposedSeams } from '../seams.js';

export interface RateLimit {
  /** Requests one credential may send at once before it is limited. */
  burst: number;
  /** Requests per second the bucket refills. */
  perSecond: number;
}

/** The limit the conformance suites start their embedded servers with: generous for checks, reachable by a burst. */
export const SUITES_RATE_LIMIT: RateLimit = { burst: 2000, perSecond: 200 };

export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #limit: RateLimit;

  constructor(limit: RateLimit) {
    this.#limit = limit;
  }

  /** Takes one request from `key`'s bucket; returns the seconds to wait when it is empty, else `undefined`. */
  take(key: string, now = Date.now()): number | undefined {
    const { burst, perSecond } = this.#limit;
    const bucket = this.#buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }
}

/** The 429 answer, with the seconds to wait in `Retry-After`. */
export function rateLimitedResult(retryAfterSeconds: number, seams: ComposedSeams): ScimResult {
  const result = errorResult(
    new ScimError(429, undefined, 'Too many requests for this credential; retry later.'),
    seams,
  );
  return seams.status(
    { ...result, headers: { ...result.headers, 'Retry-After': String(retryAfterSeconds) } },
    { event: 'rate-limited' },
  );
}
