/**
 * Attribute names are case-insensitive (RFC 7643 §2.1), JSON Schema property names are not. Before a
 * resource is validated its keys are rewritten to the names the schema uses, so `UserName` is checked as
 * `userName` instead of being reported as unknown; the renames are returned so a strict check can still
 * mention them.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.1
 */
import { isJsonObject } from '../filter/attribute-access.js';
import type { AttributeDefinition } from './attribute-definition.js';

/** The names a JSON object may hold: attributes, and for a resource `schemas` and extension URNs. */
export interface KeyShape {
  attributes: readonly AttributeDefinition[];
  extensions?: readonly { id: string; attributes: readonly AttributeDefinition[] }[];
  extraNames?: readonly string[];
}

export interface KeyRename {
  /** Where the key was, with its original spelling. */
  path: string;
  from: string;
  to: string;
}

export interface CanonicalKeys {
  value: unknown;
  renamed: KeyRename[];
}

function childPath(parent: string, key: string, afterUrn: boolean): string {
  if (parent === '') return key;
  return afterUrn ? `${parent}:${key}` : `${parent}.${key}`;
}

/**
 * A copy of `value` whose keys are spelled as `shape` spells them. Keys the shape does not know are kept
 * as they are. When two keys differ only in case, the first is kept and the second is left unrenamed, so
 * validation reports it as unknown.
 */
export function canonicalizeKeys(value: unknown, shape: KeyShape): CanonicalKeys {
  const renamed: KeyRename[] = [];
  const visitObject = (
    object: Record<string, unknown>,
    attributes: readonly AttributeDefinition[],
    path: string,
    afterUrn: boolean,
    top?: KeyShape,
  ): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(object)) {
      const lower = key.toLowerCase();
      const definition = attributes.find((candidate) => candidate.name.toLowerCase() === lower);
      const extension = top?.extensions?.find((candidate) => candidate.id.toLowerCase() === lower);
      const extra = top?.extraNames?.find((name) => name.toLowerCase() === lower);
      const canonical = definition?.name ?? extension?.id ?? extra ?? key;
      const target = Object.hasOwn(result, canonical) ? key : canonical;
      const here = childPath(path, key, afterUrn);
      if (target !== key) renamed.push({ path: here, from: key, to: target });
      if (extension !== undefined && isJsonObject(child)) {
        result[target] = visitObject(child, extension.attributes, here, true);
      } else if (definition?.subAttributes !== undefined) {
        result[target] = visitComplex(child, definition.subAttributes, here);
      } else {
        result[target] = child;
      }
    }
    return result;
  };
  const visitComplex = (
    child: unknown,
    subAttributes: readonly AttributeDefinition[],
    path: string,
  ): unknown => {
    if (isJsonObject(child)) return visitObject(child, subAttributes, path, false);
    if (Array.isArray(child)) {
      return child.map((item, index) =>
        isJsonObject(item) ? visitObject(item, subAttributes, `${path}[${index}]`, false) : item,
      );
    }
    return child;
  };
  if (!isJsonObject(value)) return { value, renamed };
  return { value: visitObject(value, shape.attributes, '', false, shape), renamed };
}
