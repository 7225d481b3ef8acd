import type { ScimError } from '../../scim/errors/scim-error.js';
import { SCIM_MEDIA_TYPE } from '../../scim/urns.js';
import type { ComposedSeams } from '../seams.js';

/**
 * What a SCIM operation answers, before it becomes an HTTP response. Bulk runs operations and reads
 * these directly, so one code path serves both `/Users` and a bulk `POST /Users`.
 */
export interface ScimResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Renders a ScimError as a result (RFC 7644 §3.12 body), through the status seam. */
export function errorResult(error: ScimError, seams: ComposedSeams): ScimResult {
  return seams.status({ status: error.status, body: { ...error.toBody() } }, { event: 'error', error });
}

/**
 * Turns a result into a fetch Response: JSON bodies are labelled application/scim+json (RFC 7644 §3.1, §8.1).
 * The labelled result passes the status seam (`send`) last.
 */
export function toResponse(result: ScimResult, seams: ComposedSeams): Response {
  if (result.body === undefined || result.status === 204 || result.status === 304) {
    return new Response(null, { status: result.status, headers: new Headers(result.headers) });
  }
  const labelled = seams.status(
    { ...result, headers: { ...result.headers, 'Content-Type': `${SCIM_MEDIA_TYPE}; charset=utf-8` } },
    { event: 'send' },
  );
  return new Response(JSON.stringify(labelled.body), {
    status: labelled.status,
    headers: new Headers(labelled.headers),
  });
}
