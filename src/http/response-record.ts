import type { SecretRedactor } from '../secrets/redaction.js';
import type { RecordedResponse } from './exchange.js';
import type { AttemptResponse } from './send-attempt.js';

/**
 * Turns a raw response into evidence: decoded text, parsed JSON, secrets redacted, body cut to the evidence
 * limit. Parsing is lenient on purpose (a SCIM body sent as text/plain is still read) so that suites can grade
 * the Content-Type separately from the body.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.1
 */

/** The media type without parameters, lower-cased: `application/scim+json; charset=utf-8` → `application/scim+json`. */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

/** True for `application/json`, `application/scim+json` and any other `+json` type. */
export function isJsonMediaType(contentType: string | null | undefined): boolean {
  const media = mediaTypeOf(contentType);
  return media === 'application/json' || /^[a-z]+\/[\w.-]+\+json$/.test(media);
}

/**
 * True for the two media types a SCIM body may be labelled with: `application/scim+json` and `application/json`
 * (RFC 7644 §3.8). Other JSON types (`application/problem+json`, …) and unlabelled bodies are not SCIM answers.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.8
 */
export function isScimMediaType(contentType: string | null | undefined): boolean {
  const media = mediaTypeOf(contentType);
  return media === 'application/scim+json' || media === 'application/json';
}

/** What {@link recordResponse} needs from the client's options. */
export interface RecordOptions {
  redactor: SecretRedactor;
  evidenceBodyChars: number;
  /** Parse the body as JSON even if its Content-Type does not say JSON. */
  expectJson: boolean;
  maxBodyBytes: number;
}

const decoder = new TextDecoder('utf-8');

/** Decodes, parses, redacts and cuts one response. */
export function recordResponse(attempt: AttemptResponse, options: RecordOptions): RecordedResponse {
  const { redactor } = options;
  const contentType = attempt.headers.get('content-type') ?? '';
  const rawText = decoder.decode(attempt.body.bytes);
  const text = redactor.redact(rawText);
  const record: RecordedResponse = {
    status: attempt.status,
    statusText: attempt.statusText,
    headers: redactor.redactHeaders(attempt.headers),
    contentType,
    bodyText: text.length > options.evidenceBodyChars ? text.slice(0, options.evidenceBodyChars) : text,
    bodyBytes: attempt.body.receivedBytes,
    bodyTruncated: attempt.body.overLimit || text.length > options.evidenceBodyChars,
  };
  if (attempt.body.overLimit) {
    record.jsonError = `body not parsed: it is larger than the ${options.maxBodyBytes}-byte limit`;
    return record;
  }
  if (rawText.trim() === '' || !(options.expectJson || isJsonMediaType(contentType))) return record;
  try {
    const parsed: unknown = JSON.parse(rawText);
    // `text` is `rawText` redacted: when redaction left it unchanged the body holds no secret (what containsSecret
    // would have computed with a second pass over the body).
    record.json = text !== rawText ? redactor.redactJson(parsed) : parsed;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const media = mediaTypeOf(contentType) || 'no Content-Type';
    record.jsonError = redactor.redact(`body is not valid JSON (${media}): ${reason}`);
  }
  return record;
}
