/**
 * Reading attributes out of a SCIM resource by attribute path, the way filters, PATCH and the
 * reference server all need it: case-insensitive names (RFC 7643 §2.1), schema-URN-qualified names
 * (RFC 7644 §3.10), multi-valued attributes flattened.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.10
 */
import { isJsonObject } from '../../json/json-guards.js';
import type { AttrPath } from './ast.js';

/** The prefix of the schema URNs RFC 7643 §8.7.1 defines as core schemas. */
const CORE_SCHEMA_PREFIX = 'urn:ietf:params:scim:schemas:core:';

export { isJsonObject };

/**
 * The key of `obj` that equals `name` ignoring case (RFC 7643 §2.1: attribute names are
 * case-insensitive). An exact match wins over a case-insensitive one.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.1
 */
export function findKey(obj: Record<string, unknown>, name: string): string | undefined {
  if (Object.hasOwn(obj, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((key) => key.toLowerCase() === lower);
}

/** The value of `obj[name]`, matching the name case-insensitively. */
export function getAttribute(obj: Record<string, unknown>, name: string): unknown {
  const key = findKey(obj, name);
  return key === undefined ? undefined : obj[key];
}

/**
 * Whether a value counts as assigned. RFC 7643 §2.5: "Unassigned attributes, the null value, or
 * empty array ... SHALL be considered to be equivalent in 'state'"; RFC 7644 §3.4.2.2 `pr` also wants
 * a non-empty value, and for complex attributes "a non-empty node". So null, `""`, `[]` and objects
 * with no assigned sub-attribute are all unassigned.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.5
 */
export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(hasValue);
  if (isJsonObject(value)) return Object.values(value).some(hasValue);
  return true;
}

/**
 * The object an attribute path's names are looked up in: the resource itself, or the extension
 * object when the path is qualified by an extension schema URN. `undefined` when the URN names a
 * schema the resource does not carry.
 */
function containerFor(resource: Record<string, unknown>, uri: string | undefined, defaultSchema?: string) {
  if (uri === undefined) return resource;
  const extension = getAttribute(resource, uri);
  if (isJsonObject(extension)) return extension;
  const lowerUri = uri.toLowerCase();
  if (defaultSchema !== undefined) {
    return lowerUri === defaultSchema.toLowerCase() ? resource : undefined;
  }
  // Without a declared core schema, any RFC 7643 core schema URN addresses top-level attributes.
  return lowerUri.startsWith(CORE_SCHEMA_PREFIX) ? resource : undefined;
}

function flatten(value: unknown, into: unknown[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, into);
    return;
  }
  into.push(value);
}

/**
 * The values an attribute path selects in a resource, flattened: each element of a multi-valued
 * attribute is one value, and `emails.value` yields the `value` of every element of `emails`.
 * Missing and null values are left out, so an unassigned attribute yields `[]`.
 *
 * A URN-qualified path (`urn:…:enterprise:2.0:User:manager.value`) reads under the resource's
 * extension object of that URN; when the resource has no such key, a URN equal to `defaultSchema`
 * (or, when `defaultSchema` is not given, any `urn:ietf:params:scim:schemas:core:` URN) addresses the
 * top-level attributes (`urn:ietf:params:scim:schemas:core:2.0:User:userName` is `userName`).
 * @param defaultSchema the resource type's core schema URN, e.g. `urn:ietf:params:scim:schemas:core:2.0:User`.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.10
 */
export function readAttribute(resource: unknown, path: AttrPath, defaultSchema?: string): unknown[] {
  if (!isJsonObject(resource)) return [];
  const container = containerFor(resource, path.uri, defaultSchema);
  if (container === undefined) return [];
  const values: unknown[] = [];
  flatten(getAttribute(container, path.attr), values);
  if (path.subAttr === undefined) return values;
  const subValues: unknown[] = [];
  for (const value of values) {
    if (isJsonObject(value)) flatten(getAttribute(value, path.subAttr), subValues);
  }
  return subValues;
}
