import type { ScimError } from '../../scim/errors/scim-error.js';
import { SCIM_MEDIA_TYPE } from '../../scim/urns.js';
import type { QuirkSet } from '../quirks.js';

/**
 * What a SCIM operation answers, before it becomes an HTTP response. Bulk runs operations and reads
 * these directly, so one code path serves both `/Users` and a bulk `POST /Users`.
 */
export interface ScimResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Renders a ScimError as a result (RFC 7644 §3.12 body), with the error-shape quirks applied. */
export function errorResult(error: ScimError, quirks: QuirkSet): ScimResult {
  if (quirks.has('error-body-not-scim')) {
    return { status: error.status, body: { errors: [error.detail || 'Error'] } };
  }
  const body: Record<string, unknown> = { ...error.toBody() };
  if (quirks.has('numeric-error-status')) body.status = error.status;
  return { status: error.status, body };
}

/**
 * Turns a result into a fetch Response: JSON bodies are labelled application/scim+json
 * (RFC 7644 §3.1, §8.1), or application/json under the `content-type-json` quirk, and error bodies text/plain
 * under `error-content-type-text-plain`.
 */
export function toResponse(result: ScimResult, quirks: QuirkSet): Response {
  const headers = new Headers(result.headers);
  if (result.body === undefined || result.status === 204 || result.status === 304) {
    return new Response(null, { status: result.status, headers });
  }
  const mediaType =
    result.status >= 400 && quirks.has('error-content-type-text-plain')
      ? 'text/plain'
      : quirks.has('content-type-json')
        ? 'application/json'
        : SCIM_MEDIA_TYPE;
  headers.set('Content-Type', `${mediaType}; charset=utf-8`);
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}
