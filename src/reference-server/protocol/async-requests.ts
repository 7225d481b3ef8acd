/**
 * RFC 9967 asynchronous requests: a write (POST, PUT, PATCH, DELETE) sent with `Prefer: respond-async` to a server
 * whose ServiceProviderConfig says `securityEvents.asyncRequest: "request"` is answered `202 Accepted` with no body,
 * a `Set-Txn` naming the transaction, `Preference-Applied: respond-async`, and a `Location` where the completion event
 * is read (§2.5.1.1, §3). The server performs the operation at once and keeps its completion event (§2.5.1.2) for the
 * key owner that sent it; reading it needs authorization, as §5 requires of that endpoint.
 *
 * The completion event is served as the claims of its Security Event Token, in SCIM JSON: this server signs nothing,
 * so an unsecured JWT would add an encoding and no assurance.
 * @see https://www.rfc-editor.org/rfc/rfc9967#section-2.5.1
 */
import { randomUUID } from 'node:crypto';
import type { ScimResult } from '../http/scim-result.js';
import type { ComposedSeams } from '../seams.js';

/** RFC 9967 §2.5.1.2: the event URI of an asynchronous request's completion. */
export const ASYNC_RESPONSE_EVENT_URI = 'urn:ietf:params:scim:event:misc:asyncresp';

/** The endpoint (below the SCIM base) where completion events are read: `/AsyncResults/{txn}`. */
export const ASYNC_RESULTS_ENDPOINT = 'AsyncResults';

/** Completion events kept per server; the oldest are dropped beyond this many. */
const KEPT_RESULTS = 1000;

const ASYNC_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether a request asks for asynchronous processing (RFC 7240 `Prefer: respond-async`, among other preferences). */
export function prefersAsync(method: string, prefer: string | null): boolean {
  if (!ASYNC_METHODS.has(method) || prefer === null) return false;
  return prefer
    .split(',')
    .some((preference) => preference.split(';')[0]?.trim().toLowerCase() === 'respond-async');
}

interface Completion {
  owner: string;
  event: Record<string, unknown>;
}

/** The completion events of one server, by transaction id. */
export class AsyncResults {
  readonly #results = new Map<string, Completion>();

  /**
   * Records the completion of an operation already performed and answers the 202 of §2.5.1.1. `owner` identifies the
   * credential's principal: only it reads the event back.
   */
  accept(
    request: { method: string; path: string; owner: string; baseUrl: string; accept: string | null },
    result: ScimResult,
    seams: ComposedSeams,
  ): ScimResult {
    const txn = randomUUID();
    const location = result.headers?.Location ?? result.headers?.location;
    const failed = result.status >= 400;
    this.#results.set(txn, {
      owner: request.owner,
      event: {
        iss: request.baseUrl,
        iat: Math.floor(Date.now() / 1000),
        jti: randomUUID(),
        txn,
        events: {
          [ASYNC_RESPONSE_EVENT_URI]: {
            method: request.method,
            status: String(result.status),
            ...(location ? { location } : {}),
            // §2.5.1.2: a failed operation's event carries the error response.
            ...(failed && result.body !== undefined ? { response: result.body } : {}),
          },
        },
      },
    });
    while (this.#results.size > KEPT_RESULTS) {
      const oldest = this.#results.keys().next().value;
      if (oldest === undefined) break;
      this.#results.delete(oldest);
    }
    const headers: Record<string, string> = {
      Location: `${request.baseUrl}/${ASYNC_RESULTS_ENDPOINT}/${txn}`,
      'Set-Txn': txn,
      'Preference-Applied': 'respond-async',
    };
    return seams.status(
      { status: 202, headers },
      { event: 'async-accepted', completed: result, accept: request.accept },
    );
  }

  /** The completion event of `txn`, for its owner (`undefined` owner: a request served without credentials). */
  read(txn: string, owner: string | undefined): Record<string, unknown> | undefined {
    const found = this.#results.get(txn);
    if (found === undefined || (owner !== undefined && found.owner !== owner)) return undefined;
    return found.event;
  }
}
