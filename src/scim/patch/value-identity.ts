import { getAttribute, isJsonObject } from '../filter/index.js';
import type { AttributeDefinition } from '../schemas/attribute-definition.js';
import { findSubAttribute } from './attribute-value.js';
import { jsonEqual } from './json-value.js';

/**
 * Whether `candidate` is already among the values: for complex values with a `value` sub-attribute, the same
 * `value` (and `type`, when both have one); otherwise the same JSON, strings compared as `caseExact` says.
 */
export function sameValue(def: AttributeDefinition, element: unknown, candidate: unknown): boolean {
  if (def.type !== 'complex') return sameSimple(def, element, candidate);
  const valueDef = findSubAttribute(def, 'value');
  if (valueDef === undefined || !isJsonObject(element) || !isJsonObject(candidate))
    return jsonEqual(element, candidate);
  const type = [getAttribute(element, 'type'), getAttribute(candidate, 'type')];
  return (
    sameSimple(valueDef, getAttribute(element, 'value'), getAttribute(candidate, 'value')) &&
    (type[0] === undefined || type[1] === undefined || jsonEqual(type[0], type[1]))
  );
}

/** Whether `element` has every sub-attribute value that `probe` lists (the legacy remove-by-value match). */
export function containsValue(def: AttributeDefinition, element: unknown, probe: unknown): boolean {
  if (def.type !== 'complex' || !isJsonObject(probe)) return sameSimple(def, element, probe);
  if (!isJsonObject(element)) return false;
  return Object.entries(probe).every(([name, value]) => {
    const sub = findSubAttribute(def, name);
    return sub !== undefined && sameSimple(sub, getAttribute(element, name), value);
  });
}

/** Equality of simple values; strings ignore case unless the attribute is `caseExact` (RFC 7643 §2.2). */
export function sameSimple(def: AttributeDefinition, a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && !def.caseExact)
    return a.toLowerCase() === b.toLowerCase();
  return jsonEqual(a, b);
}
