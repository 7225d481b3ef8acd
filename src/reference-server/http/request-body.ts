import { ScimError } from '../../scim/errors/scim-error.js';
import { SCIM_MEDIA_TYPE } from '../../scim/urns.js';

/** Media types a request body may be labelled with (RFC 7644 §3.1: SCIM media type, or plain JSON). */
export const ACCEPTED_MEDIA_TYPES = [SCIM_MEDIA_TYPE, 'application/json'] as const;

/** Deeper JSON than this is refused before parsing: nothing SCIM sends nests beyond a handful of levels. */
export const MAX_JSON_DEPTH = 32;

export function payloadTooLarge(limit: number): ScimError {
  return new ScimError(413, undefined, `The request body is larger than maxPayloadSize (${limit} bytes).`);
}

/**
 * Checks the `Content-Type` of a request that has a body. A missing label is taken as JSON (many clients
 * omit it); any other media type is refused with 415, so a form post or XML is never half-understood.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.8
 */
export function checkContentType(contentType: string | null): void {
  if (contentType === null || contentType.trim() === '') return;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (!(ACCEPTED_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    throw new ScimError(
      415,
      undefined,
      `Unsupported Content-Type "${mediaType.slice(0, 100)}": send application/scim+json or application/json.`,
    );
  }
}

/**
 * Reads a request body as UTF-8 text, refusing it with 413 as soon as it passes `limit` bytes
 * (by `Content-Length` when announced, else while streaming), so a huge body is never buffered whole.
 * Returns undefined for no body or an empty one.
 */
export async function readBodyText(request: Request, limit: number): Promise<string | undefined> {
  const announced = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(announced) && announced > limit) throw payloadTooLarge(limit);
  if (request.body === null) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Not awaited: some body sources (msw's interceptor) never settle a cancel.
      reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  if (total === 0) return undefined;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw ScimError.invalidSyntax('The request body is not valid UTF-8.');
  }
}

/** Refuses text that nests arrays/objects deeper than `maxDepth`, scanning outside strings only. */
function checkDepth(text: string, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > maxDepth) {
        throw ScimError.invalidSyntax(`The request body nests deeper than ${maxDepth} levels.`);
      }
    } else if (char === 0x5d || char === 0x7d) {
      depth -= 1;
    }
  }
}

/**
 * Parses a JSON request body: 400 invalidSyntax for malformed JSON or excessive nesting.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  checkDepth(text, maxDepth);
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unparsable';
    throw ScimError.invalidSyntax(`The request body is not valid JSON: ${reason}`);
  }
}
