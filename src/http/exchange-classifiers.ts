import { isJsonObject } from '../json/json-guards.js';
import { isScimType } from '../scim/errors/scim-types.js';
import { SCHEMA_URNS, SCIM_MEDIA_TYPE } from '../scim/urns.js';
import type { ScimExchange } from './exchange.js';
import { mediaTypeOf } from './response-record.js';

/**
 * Reading an exchange the way a SCIM check needs to: did the target answer SCIM JSON, and is the body a
 * SCIM error message? These never judge; they describe, and list what deviates as findings.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 */

/** True when a response arrived with Content-Type `application/scim+json` and a body that parsed as JSON. */
export function isScimJson(exchange: ScimExchange): boolean {
  const response = exchange.response;
  return (
    response !== undefined &&
    mediaTypeOf(response.contentType) === SCIM_MEDIA_TYPE &&
    response.json !== undefined &&
    response.jsonError === undefined
  );
}

/** An error body as the target sent it, read tolerantly. */
export interface ScimErrorReply {
  /** The HTTP status of the response that carried it. */
  httpStatus: number;
  /** The body's `status` as a number, when it is a number or a numeric string. */
  status: number | undefined;
  scimType: string | undefined;
  detail: string | undefined;
  /** Each way the body departs from RFC 7644 §3.12 (empty when it conforms). */
  findings: string[];
}

/**
 * Parses an RFC 7644 §3.12 error body. Returns `undefined` when there is no response or its body has neither the
 * Error schema URN nor a `status` member (e.g. a vendor's own `{"errors": [...]}`). A numeric `status`, a
 * `status` that differs from the HTTP status, a missing URN or an unknown `scimType` are reported as findings,
 * not refused, so a check can grade them.
 */
export function scimErrorOf(exchange: ScimExchange): ScimErrorReply | undefined {
  const response = exchange.response;
  if (!response || !isJsonObject(response.json)) return undefined;
  const body = response.json;
  const schemas = Array.isArray(body.schemas) ? body.schemas : undefined;
  const hasUrn = schemas?.includes(SCHEMA_URNS.Error) ?? false;
  if (!hasUrn && body.status === undefined) return undefined;

  const findings: string[] = [];
  if (!hasUrn) findings.push(`schemas does not contain "${SCHEMA_URNS.Error}"`);
  let status: number | undefined;
  if (typeof body.status === 'string' && /^\d{3}$/.test(body.status.trim())) {
    status = Number(body.status.trim());
  } else if (typeof body.status === 'number' && Number.isInteger(body.status)) {
    status = body.status;
    findings.push('status is a JSON number; RFC 7644 §3.12 says it is a string');
  } else if (body.status === undefined) {
    findings.push('status is missing; RFC 7644 §3.12 requires it');
  } else {
    findings.push(`status ${JSON.stringify(body.status)} is not an HTTP status code`);
  }
  if (status !== undefined && status !== response.status) {
    findings.push(`status ${status} in the body differs from the HTTP status ${response.status}`);
  }
  let scimType: string | undefined;
  if (typeof body.scimType === 'string') {
    scimType = body.scimType;
    if (!isScimType(scimType))
      findings.push(`scimType "${scimType}" is not one of RFC 7644 §3.12 Table 9 or RFC 9865 §2.1`);
  } else if (body.scimType !== undefined) {
    findings.push('scimType is not a string');
  }
  let detail: string | undefined;
  if (typeof body.detail === 'string') detail = body.detail;
  else if (body.detail !== undefined) findings.push('detail is not a string');
  return { httpStatus: response.status, status, scimType, detail, findings };
}
