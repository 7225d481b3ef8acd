/**
 * Reading `Retry-After`: either delay-seconds or an HTTP-date.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
 * @see https://www.rfc-editor.org/rfc/rfc6585#section-4
 */

/**
 * The wait in milliseconds the header asks for, measured from `nowMs` (epoch ms); `undefined` when the header
 * is absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // HTTP-date has a weekday name and a zone; a bare number or ISO string is not one.
  if (!/^[A-Za-z]{3},?\s/.test(value) && !/^[A-Za-z]+day,\s/.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** How 429 answers are retried. @see https://www.rfc-editor.org/rfc/rfc6585#section-4 */
export interface RetryPolicy {
  /** How many times one request may be sent again after a 429. */
  maxRetries: number;
  /** The longest single wait; a longer Retry-After is cut to this. */
  maxRetryAfterMs: number;
  /** The wait when a 429 has no readable Retry-After. */
  defaultWaitMs: number;
  /**
   * Each further 429 multiplies the wait by this (Okta doubles: CONCEPT's 429 section). Absent or 1: every wait is
   * what that answer asked for.
   */
  backoffFactor?: number;
  /** Read only delay-seconds; an HTTP-date counts as no Retry-After (Okta: "integer seconds", else the default). */
  integerSecondsOnly?: boolean;
}

/**
 * The wait before the next attempt: what the target asked for (or the default), grown by the backoff factor for each
 * 429 already retried, bounded by the policy.
 */
export function retryWaitMs(requestedMs: number | undefined, policy: RetryPolicy, retried = 0): number {
  const growth = (policy.backoffFactor ?? 1) ** retried;
  return Math.min((requestedMs ?? policy.defaultWaitMs) * growth, policy.maxRetryAfterMs);
}
