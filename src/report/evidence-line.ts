import type { CheckResult, EvidenceExchange } from '../run-contract/index.js';

/** `GET http://…/Users/1 -> 404 (note)`: one exchange on one line, for JUnit bodies and summaries. */
export function exchangeLine(exchange: EvidenceExchange): string {
  const answer = exchange.response ? String(exchange.response.status) : 'no response';
  return `${exchange.request.method} ${exchange.request.url} -> ${answer}${exchange.note ? ` (${exchange.note})` : ''}`;
}

/** The exchange that decided a check's outcome, when the recorder marked one (the last so marked). */
export function decisiveExchange(check: Pick<CheckResult, 'evidence'>): EvidenceExchange | undefined {
  return check.evidence.findLast((exchange) => exchange.decisive === true);
}
