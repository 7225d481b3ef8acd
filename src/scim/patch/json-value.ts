import { isJsonObject } from '../filter/index.js';

type JsonObject = Record<string, unknown>;

/**
 * A short description of an unexpected JSON value for an error detail. It names the JSON type, never the value:
 * a value can be a secret (a password, a token in an extension attribute).
 */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Structural equality of two JSON values; object member order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
    );
  }
  return false;
}

/** A copy of `object` with `name` set (or removed, for `undefined`) under that exact spelling. */
export function withMember(object: JsonObject, name: string, value: unknown): JsonObject {
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(object)) {
    if (key.toLowerCase() !== name.toLowerCase()) copy[key] = item;
  }
  if (value !== undefined) copy[name] = value;
  return copy;
}
