import type { ScimExchange } from '../../src/http/index.js';
import { isJsonObject } from '../../src/json/json-guards.js';
import {
  REPLAY_TARGET_ERROR_CHARS,
  type ReplayDivergence,
  type ReplayTargetError,
} from '../../src/run-contract/index.js';
import type { LoggedExchange } from './provisioning-log.js';
import { statusKey } from './reactions.js';

/** `text` on one line (runs of whitespace as one space), cut to {@link REPLAY_TARGET_ERROR_CHARS} with a `…`. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > REPLAY_TARGET_ERROR_CHARS ? `${flat.slice(0, REPLAY_TARGET_ERROR_CHARS - 1)}…` : flat;
}

/**
 * The target's own words in an error answer: the SCIM error's `detail` when the body is one (RFC 7644 §3.12), else
 * the start of the body, else `fallback` (the client's explanation of a timeout or a failed connection). `undefined`
 * when there is nothing to show. The body must already be redacted: the client hands out no other.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 */
export function targetErrorText(body: string | undefined, fallback?: string): string | undefined {
  if (body !== undefined && body.trim() !== '') {
    try {
      const json: unknown = JSON.parse(body);
      if (isJsonObject(json) && typeof json.detail === 'string' && json.detail.trim() !== '') {
        return excerpt(json.detail);
      }
    } catch {
      // Not JSON (an HTML error page, a body cut short in the log): its start is the target's words.
    }
    return excerpt(body);
  }
  return fallback === undefined || fallback.trim() === '' ? undefined : excerpt(fallback);
}

/** The path of a logged URL (`/scim/v2/Users/42`); the URL itself when it does not parse. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * A refused request of the provisioning log as replay.json records it under a divergence; `text` is empty when the
 * target said nothing (an empty 500). `code` is the provisioning log's error code.
 */
export function targetErrorOf(logged: LoggedExchange, code?: string): ReplayTargetError {
  return {
    request: `${logged.method} ${pathOf(logged.url)}`,
    status: String(logged.status),
    ...(code === undefined ? {} : { code }),
    text: targetErrorText(logged.responseBody) ?? '',
  };
}

/**
 * A request of the read-back that did not get the answer it needed, as replay.json records it under its divergence:
 * an error status or no answer at all. `undefined` for a success (a 200 where a 404 was expected: the target kept the
 * resource and said nothing wrong). The exchange's texts are redacted by the client that made it.
 */
export function targetErrorOfExchange(exchange: ScimExchange): ReplayTargetError | undefined {
  const status = exchange.response?.status;
  if (status !== undefined && status < 400) return undefined;
  return {
    request: `${exchange.request.method} ${pathOf(exchange.request.url)}`,
    status: statusKey(exchange),
    text: targetErrorText(exchange.response?.bodyText, exchange.error) ?? '',
  };
}

/** How many objects' refusals {@link TargetRefusals} keeps at most: a cycle that fails everything stays small. */
export const MAX_KEPT_REFUSALS = 10_000;

/**
 * The target's last refusal of each object it currently refuses, by the object's name in the provisioning log
 * (`User alice@example.com`), so that the divergences the read-back finds after a cycle can say why the target holds
 * what it holds. An object leaves the map once the target accepts an operation on it again. At most
 * {@link MAX_KEPT_REFUSALS} objects are kept (the divergences listed are capped far lower); later ones go unrecorded.
 */
export class TargetRefusals {
  readonly #byObject = new Map<string, ReplayTargetError>();

  /** Records the target's refusal of `object`, replacing an earlier one. */
  refused(object: string, error: ReplayTargetError): void {
    if (this.#byObject.size >= MAX_KEPT_REFUSALS && !this.#byObject.has(object)) return;
    this.#byObject.set(object, error);
  }

  /** The target accepted an operation on `object`: what it refused before no longer explains anything. */
  accepted(object: string): void {
    this.#byObject.delete(object);
  }

  /** The last refusal of `object` still standing, if any. */
  of(object: string): ReplayTargetError | undefined {
    return this.#byObject.get(object);
  }

  /**
   * `divergences` with the target's refusal of each object added, where one stands; the read-back's own error (a GET
   * that failed) is kept when the target refused no write of the object.
   */
  explain(divergences: readonly ReplayDivergence[]): ReplayDivergence[] {
    return divergences.map((divergence) => {
      const refusal = this.of(divergence.object);
      return refusal === undefined ? divergence : { ...divergence, targetError: refusal };
    });
  }
}
