/**
 * Reading what a target returned the way RFC 7643 says it must be read: attribute names case-insensitively
 * (§2.1), multi-valued attributes as unordered sets (§2.4), extension attributes under their schema URN (§3.3).
 * Checks use these so that a target is never failed for a difference the RFC allows.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.1
 */
import { getAttribute, hasValue, isJsonObject } from '../../src/scim/filter/index.js';

export type JsonObject = Record<string, unknown>;

/** The body of a response as an object, or an empty object when it is not one (the matchers report why). */
export function bodyOf(json: unknown): JsonObject {
  return isJsonObject(json) ? json : {};
}

/**
 * The value at a dotted path (`name.givenName`, `meta.created`), case-insensitively. A path starting with a
 * schema URN reads under that extension: `urn:…:enterprise:2.0:User:manager.value`.
 */
export function attributeAt(resource: JsonObject, path: string): unknown {
  let container: unknown = resource;
  let rest = path;
  if (path.toLowerCase().startsWith('urn:')) {
    // The URN alone names the extension object; after it, `:` introduces the attribute path.
    const whole = getAttribute(resource, path);
    if (whole !== undefined) return whole;
    const cut = path.lastIndexOf(':');
    container = getAttribute(resource, path.slice(0, cut));
    rest = path.slice(cut + 1);
  }
  for (const name of rest.split('.')) {
    if (!isJsonObject(container)) return undefined;
    container = getAttribute(container, name);
  }
  return container;
}

/** Whether the attribute at `path` is assigned (RFC 7643 §2.5: null, "" and [] are unassigned). */
export function isAssigned(resource: JsonObject, path: string): boolean {
  return hasValue(attributeAt(resource, path));
}

/** The values of a multi-valued complex attribute (`emails`), each an object; unassigned → []. */
export function valuesOf(resource: JsonObject, name: string): JsonObject[] {
  const value = attributeAt(resource, name);
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

/** The `value` sub-attributes of a multi-valued attribute, lower-cased (emails are caseExact=false). */
export function valueSet(resource: JsonObject, name: string): string[] {
  return valuesOf(resource, name)
    .map((item) => getAttribute(item, 'value'))
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.toLowerCase())
    .sort();
}

/** The element of a multi-valued attribute whose `value` equals `value` (case-insensitively). */
export function valueEntry(resource: JsonObject, name: string, value: string): JsonObject | undefined {
  return valuesOf(resource, name).find((item) => {
    const v = getAttribute(item, 'value');
    return typeof v === 'string' && v.toLowerCase() === value.toLowerCase();
  });
}

/** Whether the `schemas` attribute lists `urn` (URNs compare case-insensitively, RFC 8141). */
export function listsSchema(resource: JsonObject, urn: string): boolean {
  const schemas = getAttribute(resource, 'schemas');
  return (
    Array.isArray(schemas) &&
    schemas.some((s) => typeof s === 'string' && s.toLowerCase() === urn.toLowerCase())
  );
}

/** The instant a SCIM dateTime names, in ms, or undefined when it is not an xsd:dateTime (RFC 7643 §2.3.5). */
export function instantOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  // xsd:dateTime: date, "T", time, optional fraction, optional zone.
  if (!/^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Whether a dateTime carries a fraction of a second (then two of them can be ordered within a second). */
export function hasSubSecondPrecision(value: unknown): boolean {
  return typeof value === 'string' && /T\d{2}:\d{2}:\d{2}\.\d+/.test(value);
}
