/** Values a client sent that a conformant server ignores (readOnly `id` and `meta.created`), and a value cut. */
import { isJsonObject } from '../../scim/filter/index.js';
import { findCoreAttribute, type ResourceTypeConfig } from '../resources/resource-type-config.js';
import type { ScimObject } from '../store/resource-store.js';

/** `read-only-meta-honoured`: the `meta.created` a client sent, when it is a string. */
export function clientCreated(body: unknown): string | undefined {
  if (!isJsonObject(body) || !isJsonObject(body.meta)) return undefined;
  const created = body.meta.created;
  return typeof created === 'string' && !Number.isNaN(Date.parse(created))
    ? new Date(created).toISOString()
    : undefined;
}

/** `client-id-honoured`: the `id` a client sent in a body, when it is a non-empty string. */
export function clientId(body: unknown): string | undefined {
  return isJsonObject(body) && typeof body.id === 'string' && body.id !== '' ? body.id : undefined;
}

/**
 * The top-level attribute names of a body that are among `names` (compared without case, as attribute names are:
 * RFC 7643 §2.1).
 */
export function sentAttributes(body: unknown, names: readonly string[]): string[] {
  if (!isJsonObject(body)) return [];
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  return Object.keys(body).filter((key) => wanted.has(key.toLowerCase()));
}

/** `multi-valued-keeps-first`: every multi-valued core attribute keeps only its first value. */
export function keepFirstValues(attributes: ScimObject, config: ResourceTypeConfig): ScimObject {
  const result: ScimObject = { ...attributes };
  for (const [key, value] of Object.entries(attributes)) {
    if (Array.isArray(value) && value.length > 1 && findCoreAttribute(config, key)?.multiValued) {
      result[key] = value.slice(0, 1);
    }
  }
  return result;
}
