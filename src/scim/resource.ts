/**
 * A SCIM resource as JSON: core attributes at the top level, each extension's attributes under its schema URN.
 * Only `schemas` is guaranteed; everything else is checked against the schema by whoever reads it.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-3
 */
export interface ScimResource {
  schemas: string[];
  [attribute: string]: unknown;
}

/** Narrows a parsed JSON value to a resource: an object whose `schemas` is an array of strings. */
export function isScimResource(value: unknown): value is ScimResource {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'schemas' in value &&
    Array.isArray(value.schemas) &&
    value.schemas.every((schema) => typeof schema === 'string')
  );
}
