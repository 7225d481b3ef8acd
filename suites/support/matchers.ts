/**
 * `expect` matchers that read like the RFC: `toHaveStatus(201)`, `toBeScimError(400, 'invalidFilter')`,
 * `toMatchScimSchema('User')`, `toHaveScimContentType()`. Each takes a recorded exchange and explains a failure with
 * the request line and what the target answered. A transport fault (timeout, reset, …) is not a verdict on the
 * target: the matcher throws a HarnessError instead of failing, and the check is reported as `error`.
 */

import { expect as baseExpect } from '@playwright/test';
import { HarnessError } from '../../src/errors/harness-error.js';
import { isScimMediaType, type ScimExchange } from '../../src/http/index.js';
import { isJsonObject } from '../../src/json/json-guards.js';
import type { ScimType } from '../../src/scim/errors/scim-types.js';
import { formatFindings, hasNoErrors } from '../../src/scim/findings.js';
import type { MessageKind } from '../../src/scim/schemas/index.js';
import { validateMessage, validateResource } from '../../src/scim/schemas/index.js';
import { SCHEMA_URNS, SCIM_MEDIA_TYPE } from '../../src/scim/urns.js';

const BODY_EXCERPT = 600;

/** Redirects (RFC 9110 §15.4), which the harness never follows; 304 Not Modified is an answer like any other. */
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Statuses a gateway or load balancer answers for a service it could not reach (RFC 9110 §15.6.3–15.6.5). */
const GATEWAY_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/**
 * Why an HTTP answer came from the infrastructure in front of the SCIM service rather than from the service itself,
 * or `undefined` when it is the service's answer. Such an answer says nothing about the behaviour a check judges:
 * - 502/503/504: a gateway, load balancer or an overloaded service saying "not now";
 * - a redirect (301, 302, 303, 307, 308), which the harness never follows;
 * - a 2xx whose body is not JSON (an HTML page);
 * - 429 still there after the client honoured Retry-After as far as its policy allows;
 * - any other 5xx whose body is not JSON: a crash page or a proxy's text, not a SCIM error (RFC 7644 §3.12 errors
 *   are JSON; a 500 or 501 with a JSON body stays a verdict, e.g. a 500 for an invalid filter).
 */
export function infrastructureAnswer(response: NonNullable<ScimExchange['response']>): string | undefined {
  const { status } = response;
  const what = `HTTP ${status} ${response.contentType || '(no Content-Type)'}`;
  if (GATEWAY_STATUSES.has(status)) return `${what}: the service or a gateway in front of it is unavailable`;
  // No redirect is followed (it would re-send the request and its body elsewhere): a 3xx is not the service's answer.
  if (REDIRECTS.has(status)) {
    return `${what}: a redirect${response.headers.location ? ` to ${response.headers.location}` : ''}, which the harness does not follow`;
  }
  // A success that is an HTML page (a portal or proxy answering for the service) is not a SCIM answer: no check may
  // pass, or fail, on it. Other bodies that are not JSON (a DELETE's "OK") stay the service's answer, judged as one.
  if (
    status >= 200 &&
    status < 300 &&
    response.json === undefined &&
    (/html/i.test(response.contentType) || /^\s*</.test(response.bodyText))
  ) {
    return `${what} with a body that is not JSON${response.jsonError ? ` (${response.jsonError})` : ''}: not a SCIM answer`;
  }
  if (status === 429) return `${what}: still rate-limited after honouring Retry-After`;
  if (status >= 500 && response.json === undefined) {
    return `${what} with a body that is not JSON${response.jsonError ? ` (${response.jsonError})` : ''}: not a SCIM answer`;
  }
  return undefined;
}

/**
 * Why a check may not pass on what `exchanges` brought back, or undefined when it may: a body that is JSON but labelled
 * with another media type (`text/plain`, `text/html`, none) is not SCIM JSON (RFC 7644 §3.8), however SCIM its
 * content looks. Checks read parsed bodies directly, so this is judged once the check's body has run, over every
 * exchange of its setup and check phases; the offending exchange becomes the decisive one. The Content-Type itself
 * is graded by the media-type checks (`toHaveScimContentType`), which fail on it before this is asked.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.8
 */
export function notScimJson(exchanges: readonly ScimExchange[]): string | undefined {
  const mislabelled = exchanges.find(
    (e) =>
      e.phase !== 'cleanup' && e.response?.json !== undefined && !isScimMediaType(e.response.contentType),
  );
  if (mislabelled?.response === undefined) return undefined;
  mislabelled.decisive = true;
  const label = mislabelled.response.contentType
    ? `labelled ${mislabelled.response.contentType}`
    : 'with no Content-Type';
  return `${mislabelled.request.method} ${mislabelled.request.url} answered ${mislabelled.response.status} with a JSON body ${label}: not SCIM JSON (application/scim+json or application/json, RFC 7644 §3.8), so no check passes on it`;
}

/**
 * The HTTP answer of an exchange. Throws HarnessError when there is none (timeout, reset, …) or when it came from the
 * infrastructure rather than the SCIM service ({@link infrastructureAnswer}): the check cannot be evaluated.
 */
export function answered(exchange: ScimExchange): NonNullable<ScimExchange['response']> {
  const request = `${exchange.request.method} ${exchange.request.url}`;
  if (
    exchange.outcome !== 'ok' ||
    !exchange.response ||
    infrastructureAnswer(exchange.response) !== undefined
  ) {
    exchange.decisive = true;
  }
  if (exchange.outcome === 'ok' && exchange.response) {
    const infrastructure = infrastructureAnswer(exchange.response);
    if (infrastructure === undefined) return exchange.response;
    throw new HarnessError('TARGET_RESPONSE_UNUSABLE', `${request} got no SCIM answer (${infrastructure})`);
  }
  const code = exchange.outcome === 'timeout' ? 'TARGET_TIMEOUT' : 'TARGET_UNREACHABLE';
  throw new HarnessError(
    code,
    `${request} got no answer (${exchange.outcome}${exchange.error ? `: ${exchange.error}` : ''})`,
  );
}

/** `GET https://…/Users/1 → 404 application/scim+json {"schemas":…}` for failure messages. */
export function describeExchange(exchange: ScimExchange): string {
  const response = exchange.response;
  const head = `${exchange.request.method} ${exchange.request.url}`;
  if (!response) return `${head} → no answer (${exchange.outcome})`;
  const body =
    response.bodyText.length > BODY_EXCERPT
      ? `${response.bodyText.slice(0, BODY_EXCERPT)}…`
      : response.bodyText;
  return `${head} → ${response.status} ${response.contentType || '(no Content-Type)'} ${body}`;
}

/** Marks the exchange an assertion failed on as the decisive evidence of its check. */
export function markDecisive(exchange: ScimExchange, passed: boolean): void {
  if (!passed) exchange.decisive = true;
}

function isExchange(value: unknown): value is ScimExchange {
  return isJsonObject(value) && isJsonObject(value.request) && typeof value.outcome === 'string';
}

export const expect = baseExpect.extend({
  toHaveStatus(exchange: ScimExchange, ...statuses: number[]) {
    const response = answered(exchange);
    // A request the check meant to be valid (it expects a success) that the target answered with a server error
    // (retried already, if idempotent) says the target failed, not how it meets the requirement under test. 501 is a
    // statement ("not implemented"), judged as one.
    if (
      !this.isNot &&
      statuses.every((status) => status < 400) &&
      response.status >= 500 &&
      response.status !== 501
    ) {
      exchange.decisive = true;
      throw new HarnessError(
        'TARGET_RESPONSE_UNUSABLE',
        `the target failed: ${exchange.request.method} ${exchange.request.url} answered ${response.status} to a request meant to be valid (expected ${statuses.join(' or ')})${
          exchange.retries.length > 0
            ? `, also after ${exchange.retries.length} retr${exchange.retries.length === 1 ? 'y' : 'ies'}`
            : ''
        }`,
      );
    }
    const pass = statuses.includes(response.status);
    markDecisive(exchange, pass !== this.isNot);
    return {
      pass,
      name: 'toHaveStatus',
      message: () =>
        `expected ${this.isNot ? 'no ' : ''}HTTP ${statuses.join(' or ')}\n  ${describeExchange(exchange)}`,
    };
  },

  toHaveScimContentType(exchange: ScimExchange) {
    const response = answered(exchange);
    const mediaType = response.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    markDecisive(exchange, (mediaType === SCIM_MEDIA_TYPE) !== this.isNot);
    return {
      pass: mediaType === SCIM_MEDIA_TYPE,
      name: 'toHaveScimContentType',
      message: () => `expected Content-Type ${SCIM_MEDIA_TYPE}, got ${JSON.stringify(response.contentType)}`,
    };
  },

  /**
   * RFC 7644 §3.12: the status, a body with the Error schema, `status` as a string equal to the HTTP status, and the
   * scimType when one is given.
   */
  toBeScimError(exchange: ScimExchange, status: number, scimType?: ScimType) {
    const response = answered(exchange);
    const problems: string[] = [];
    if (response.status !== status) problems.push(`HTTP status ${response.status}, expected ${status}`);
    const body = response.json;
    if (!isJsonObject(body)) {
      problems.push(`body is not a JSON object${response.jsonError ? ` (${response.jsonError})` : ''}`);
    } else {
      const schemas = Array.isArray(body.schemas) ? body.schemas : [];
      if (!schemas.includes(SCHEMA_URNS.Error))
        problems.push(`schemas does not contain ${SCHEMA_URNS.Error}`);
      if (body.status !== String(response.status)) {
        problems.push(`"status" is ${JSON.stringify(body.status)}, expected the string "${response.status}"`);
      }
      if (scimType !== undefined && body.scimType !== scimType) {
        problems.push(`scimType is ${JSON.stringify(body.scimType)}, expected "${scimType}"`);
      }
    }
    markDecisive(exchange, (problems.length === 0) !== this.isNot);
    return {
      pass: problems.length === 0,
      name: 'toBeScimError',
      message: () =>
        this.isNot
          ? `expected no SCIM error ${status}${scimType ? ` ${scimType}` : ''}\n  ${describeExchange(exchange)}`
          : `expected a SCIM error ${status}${scimType ? ` ${scimType}` : ''} (RFC 7644 §3.12): ${problems.join(
              '; ',
            )}\n  ${describeExchange(exchange)}`,
    };
  },

  /**
   * Validates the body (or a value) against RFC 7643/7644's schemas: a resource kind (`User`, `Group`,
   * `ServiceProviderConfig`, …) or a message kind (`ListResponse`, `Error`, …). Warnings do not fail.
   */
  toMatchScimSchema(
    subject: ScimExchange | unknown,
    kind: string,
    options: { listOf?: string; mode?: 'response' | 'partialResponse' } = {},
  ) {
    let value: unknown = subject;
    if (isExchange(subject)) value = answered(subject).json;
    const messageKinds = ['ListResponse', 'PatchOp', 'SearchRequest', 'BulkRequest', 'BulkResponse', 'Error'];
    const findings = messageKinds.includes(kind)
      ? validateMessage(
          kind as MessageKind,
          value,
          options.listOf ? { resources: { kind: options.listOf, mode: options.mode ?? 'response' } } : {},
        )
      : validateResource(kind as Parameters<typeof validateResource>[0], value, {
          mode: options.mode ?? 'response',
        });
    if (isExchange(subject)) markDecisive(subject, hasNoErrors(findings) !== this.isNot);
    return {
      pass: hasNoErrors(findings),
      name: 'toMatchScimSchema',
      message: () =>
        `expected a valid ${kind}:\n${formatFindings(findings.filter((f) => f.severity === 'error'))}`,
    };
  },
});
