import { type ConformanceResult, parseConformanceResult } from '../run-contract/index.js';
import { type RedactionOptions, redact } from '../secrets/redaction.js';

/** Options every renderer takes. */
export interface RenderOptions extends RedactionOptions {}

/**
 * `conformance.json`: the result, redacted, checked against the schema, pretty-printed with a final newline.
 * @see CONFORMANCE_SCHEMA
 */
export function renderJson(result: ConformanceResult, options: RenderOptions = {}): string {
  const clean = parseConformanceResult(redact(result, options));
  return `${JSON.stringify(clean, null, 2)}\n`;
}
