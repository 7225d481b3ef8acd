import { isJsonObject } from '../../src/json/json-guards.js';
import { EVIDENCE_PHASES, type EvidenceExchange, type HeaderMap } from '../../src/run-contract/index.js';

/**
 * Turns the `scim-exchanges` attachment of a check (the client's recorded, already redacted exchanges) into the
 * report's evidence items. The attachment is read back from disk or a buffer, so every field is checked rather than
 * trusted: a malformed item is dropped, never a crash of the reporter.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3 (the requests the evidence shows)
 */

function headerMap(value: unknown): HeaderMap {
  const out: HeaderMap = {};
  if (!isJsonObject(value)) return out;
  for (const [name, text] of Object.entries(value)) if (typeof text === 'string') out[name] = text;
  return out;
}

/** A request body as sent: parsed when it is JSON, else the text itself. */
function parsedBody(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One recorded exchange as an evidence item, or `undefined` when it is not shaped like one. */
export function evidenceOf(value: unknown): EvidenceExchange | undefined {
  if (!isJsonObject(value) || !isJsonObject(value.request)) return undefined;
  const { request, response } = value;
  if (typeof request.method !== 'string' || typeof request.url !== 'string') return undefined;
  const item: EvidenceExchange = {
    request: { method: request.method, url: request.url, headers: headerMap(request.headers) },
  };
  const requestBody = parsedBody(request.body);
  if (requestBody !== undefined) item.request.body = requestBody;
  if (isJsonObject(response) && typeof response.status === 'number') {
    item.response = { status: response.status, headers: headerMap(response.headers) };
    const body =
      response.json !== undefined
        ? response.json
        : typeof response.bodyText === 'string' && response.bodyText !== ''
          ? response.bodyText
          : undefined;
    if (body !== undefined) item.response.body = body;
  }
  const outcome = typeof value.outcome === 'string' ? value.outcome : 'ok';
  if (outcome !== 'ok') {
    item.note = `No usable response: ${outcome}${typeof value.error === 'string' ? ` (${value.error})` : ''}`;
  }
  // Where in the check the exchange was made, and whether it decided the outcome: carried when the recorder said.
  const phase = EVIDENCE_PHASES.find((known) => known === value.phase);
  if (phase !== undefined) item.phase = phase;
  if (typeof value.decisive === 'boolean') item.decisive = value.decisive;
  return item;
}

/** The exchanges of an attachment body (a JSON array); anything else yields none. */
export function parseExchanges(text: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** The evidence items and whether the target dropped a connection, from an attachment body. */
export function evidenceFromAttachment(text: string): {
  evidence: EvidenceExchange[];
  dropped: string | undefined;
} {
  const evidence: EvidenceExchange[] = [];
  let dropped: string | undefined;
  for (const raw of parseExchanges(text)) {
    const item = evidenceOf(raw);
    if (!item) continue;
    evidence.push(item);
    if (
      dropped === undefined &&
      isJsonObject(raw) &&
      typeof raw.outcome === 'string' &&
      raw.outcome !== 'ok' &&
      raw.response === undefined
    ) {
      dropped = `${item.request.method} ${item.request.url} got no response: ${raw.outcome}${
        typeof raw.error === 'string' ? ` (${raw.error})` : ''
      }`;
    }
  }
  return { evidence, dropped };
}
