/**
 * Type guards for parsed JSON (`JSON.parse` returns `unknown`): one set for every layer, from the redactor to the
 * benchmarks, so "is this a JSON object" means the same everywhere.
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-4
 */

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array of strings. */
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
