/**
 * Which injected faults hit which check: a check's evidence lists every request it sent (teardown included), and the
 * proxy logs every request it faulted, so a fault belongs to the checks whose evidence holds the same method and URL.
 * Pure, so the self-test's verdicts on the run can be tested on plain data.
 */

import type { CheckResult, EvidenceExchange } from '../../../src/run-contract/index.js';
import type { FaultKind, InjectedFault } from './fault-proxy.js';

/** A check and the faults the proxy injected into its requests. */
export interface AttributedCheck {
  check: CheckResult;
  faults: FaultKind[];
}

/** `METHOD /path?query` of an absolute or origin-relative URL, in the form the proxy saw it. */
export function requestLine(method: string, url: string): string {
  let target = url;
  if (URL.canParse(url)) {
    const parsed = new URL(url);
    target = `${parsed.pathname}${parsed.search}`;
  } else if (URL.canParse(url, 'http://127.0.0.1')) {
    const parsed = new URL(url, 'http://127.0.0.1');
    target = `${parsed.pathname}${parsed.search}`;
  }
  return `${method.toUpperCase()} ${target}`;
}

/** What identifies a request across the proxy's log and a check's evidence: method, path, query and body. */
export function requestIdentity(method: string, url: string, body: unknown): string {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return `${requestLine(method, url)}\n${text}`;
}

/**
 * The faults an exchange's own outcome points to: no response (a reset or a stall, by the note), a 503 or a 500. A 429
 * leaves no trace: the retry's answer is what was recorded.
 */
export function symptomsOf(exchange: EvidenceExchange): FaultKind[] {
  if (!exchange.response) {
    const note = exchange.note ?? '';
    if (/timeout/.test(note)) return ['stall'];
    if (/connection-reset/.test(note)) return ['connection-reset'];
    return ['connection-reset', 'stall'];
  }
  if (exchange.response.status === 503) return ['html-503'];
  if (exchange.response.status === 500) return ['non-json-500', 'scim-500'];
  return [];
}

/**
 * Each check with the kinds of fault injected into the requests its evidence shows, each kind once. Requests are
 * matched on method, URL and body, so a create is matched to the check whose run-tagged name it carries. Evidence
 * bodies are redacted (a password), so a request whose body differs still matches on method and URL when its own
 * outcome shows that kind of fault.
 */
export function attributeFaults(
  checks: readonly CheckResult[],
  faults: readonly InjectedFault[],
): AttributedCheck[] {
  const byRequest = new Map<string, Set<FaultKind>>();
  const byLine = new Map<string, Set<FaultKind>>();
  for (const fault of faults) {
    const identity = requestIdentity(fault.method, fault.url, fault.body);
    byRequest.set(identity, (byRequest.get(identity) ?? new Set()).add(fault.kind));
    const line = requestLine(fault.method, fault.url);
    byLine.set(line, (byLine.get(line) ?? new Set()).add(fault.kind));
  }
  return checks.map((check) => {
    const kinds = new Set<FaultKind>();
    for (const exchange of check.evidence) {
      const { request } = exchange;
      for (const kind of byRequest.get(requestIdentity(request.method, request.url, request.body)) ?? []) {
        kinds.add(kind);
      }
      const onLine = byLine.get(requestLine(request.method, request.url)) ?? new Set<FaultKind>();
      for (const kind of symptomsOf(exchange)) if (onLine.has(kind)) kinds.add(kind);
    }
    return { check, faults: [...kinds].sort() };
  });
}

/**
 * Words an `error` message must contain to say what went wrong with the transport or the answer: a reset or dropped
 * connection, a timeout, a 5xx or 429 status, a body that is not JSON, or no answer at all.
 */
export const FAULT_WORDING =
  /reset|dropped|closed|timed? ?out|timeout|no answer|no response|not JSON|non-JSON|not a SCIM|\b5\d\d\b|\b429\b/i;
