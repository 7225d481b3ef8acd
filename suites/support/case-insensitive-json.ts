/**
 * Reading SCIM JSON the way RFC 7643 §2.1 says it is written: attribute names are case-insensitive, so a check looks
 * `Resources`, `resources` and `RESOURCES` up alike and never fails a target for its spelling.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.1
 */
import { isJsonObject } from '../../src/json/json-guards.js';

/** The member of `value` named `name`, compared case-insensitively; undefined when `value` is not an object. */
export function member(value: unknown, name: string): unknown {
  if (!isJsonObject(value)) return undefined;
  if (name in value) return value[name];
  const lower = name.toLowerCase();
  const key = Object.keys(value).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : value[key];
}

/** A string member, or undefined. */
export function stringMember(value: unknown, name: string): string | undefined {
  const found = member(value, name);
  return typeof found === 'string' ? found : undefined;
}

/** The `Resources` of a ListResponse (RFC 7644 §3.4.2); empty when absent, which the RFC allows for no results. */
export function resourcesOf(listResponse: unknown): unknown[] {
  const resources = member(listResponse, 'Resources');
  return Array.isArray(resources) ? resources : [];
}

/** The `schemas` URNs of a resource or message, lower-cased (URNs compare case-insensitively). */
export function schemaUrnsOf(value: unknown): string[] {
  const schemas = member(value, 'schemas');
  return Array.isArray(schemas)
    ? schemas.filter((urn): urn is string => typeof urn === 'string').map((urn) => urn.toLowerCase())
    : [];
}

/** The last path segment of a resource URL (`…/Users/2819c223` → `2819c223`), decoded; undefined when unusable. */
export function idFromLocation(location: unknown): string | undefined {
  if (typeof location !== 'string' || location === '') return undefined;
  let pathname: string;
  try {
    pathname = new URL(location, 'http://location.invalid').pathname;
  } catch {
    return undefined;
  }
  const last = pathname
    .split('/')
    .filter((segment) => segment !== '')
    .pop();
  if (last === undefined) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return undefined;
  }
}
