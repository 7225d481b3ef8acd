import { HarnessError } from '../../src/errors/harness-error.js';
import type { ScimAttributeValue } from '../mappings/index.js';
import type { JsonValue } from './request-descriptor.js';

/** A mapping target path taken apart: `[urn:]attr[.sub]` or `attr[type eq "x"].sub`. */
export interface TargetPath {
  readonly urn: string | undefined;
  readonly attr: string;
  readonly sub: string | undefined;
  /** The `type` of a value-filtered multi-valued attribute (`emails[type eq "work"]` → `work`). */
  readonly type: string | undefined;
}

const VALUE_PATH = /^([A-Za-z][\w$-]*)\[type eq "([^"]+)"\]\.([A-Za-z][\w$-]*)$/;
const ATTR_PATH = /^([A-Za-z][\w$-]*)(?:\.([A-Za-z][\w$-]*))?$/;

/**
 * Parses a mapping target. Only the forms Entra's attribute mappings can write are accepted;
 * anything else is a configuration error that names the path.
 */
export function parseTargetPath(path: string): TargetPath {
  let urn: string | undefined;
  let rest = path;
  if (path.toLowerCase().startsWith('urn:')) {
    const cut = path.lastIndexOf(':');
    urn = path.slice(0, cut);
    rest = path.slice(cut + 1);
  }
  const valuePath = VALUE_PATH.exec(rest);
  if (valuePath && urn === undefined) {
    return { urn, attr: valuePath[1]!, sub: valuePath[3]!, type: valuePath[2]! };
  }
  const attrPath = ATTR_PATH.exec(rest);
  if (!attrPath) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `mapping target "${path}" is not a path the Entra client can write`,
    );
  }
  return { urn, attr: attrPath[1]!, sub: attrPath[2], type: undefined };
}

type MutableJson = Record<string, JsonValue>;

function childObject(parent: MutableJson, key: string): MutableJson {
  const existing = parent[key];
  if (typeof existing === 'object' && existing !== null && !Array.isArray(existing))
    return existing as MutableJson;
  const created: MutableJson = {};
  parent[key] = created;
  return created;
}

/**
 * Writes a plain value at a target path into a resource under construction. A new
 * `emails[type eq "work"]` entry gets `primary: true`, as the documented create body has it;
 * other multi-valued entries get only `type` (nothing documents more).
 */
export function writeAtPath(resource: MutableJson, path: string, value: JsonValue): void {
  const target = parseTargetPath(path);
  const holder = target.urn === undefined ? resource : childObject(resource, target.urn);
  if (target.type !== undefined) {
    const existing = holder[target.attr];
    const list: MutableJson[] = Array.isArray(existing) ? (existing as MutableJson[]) : [];
    holder[target.attr] = list;
    let entry = list.find((item) => item.type === target.type);
    if (entry === undefined) {
      entry =
        target.attr === 'emails' && target.type === 'work'
          ? { primary: true, type: target.type }
          : { type: target.type };
      list.push(entry);
    }
    entry[target.sub!] = value;
    return;
  }
  if (target.sub === undefined) holder[target.attr] = value;
  else childObject(holder, target.attr)[target.sub] = value;
}

/** A plain (non-reference) attribute value as JSON, or undefined for references. */
export function plainJson(value: ScimAttributeValue): JsonValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  switch (value.kind) {
    case 'roles':
      return value.values.map((role) => ({ value: role }));
    case 'reference':
    case 'references':
      return undefined;
    default: {
      const unknown: never = value;
      return unknown;
    }
  }
}
