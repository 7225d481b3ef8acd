/**
 * Ordering resources by `sortBy` / `sortOrder`.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.3
 */
import type { AttrPath } from '../filter/ast.js';
import { parseAttrPath } from '../filter/attr-path.js';
import { getAttribute, isJsonObject, readAttribute } from '../filter/attribute-access.js';
import { parseDateTime } from '../filter/date-time.js';
import type { AttributeDefinition } from './attribute-definition.js';
import { defaultSchemaRegistry } from './default-registry.js';
import type { SchemaRegistry } from './schema-registry.js';

export const SORT_ORDERS = ['ascending', 'descending'] as const;
/** RFC 7644 §3.4.2.3: "ascending" (the default) or "descending". */
export type SortOrder = (typeof SORT_ORDERS)[number];

/** The resource type a resource belongs to: the one whose core schema its `schemas` lists. */
function resourceTypeOf(resource: unknown, registry: SchemaRegistry): string | undefined {
  const schemas = isJsonObject(resource) && Array.isArray(resource.schemas) ? resource.schemas : [];
  return registry.resourceTypes.find((type) =>
    schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === type.schema.toLowerCase()),
  )?.name;
}

/**
 * The one value a resource is ordered by: for a multi-valued attribute, "the value of the primary
 * attribute, if any, or else the first value in the list" (for a complex value without a sub-attribute
 * named, its `value`). `undefined` when there is none.
 */
export function sortValueOf(
  resource: unknown,
  path: AttrPath,
  coreSchema: string | undefined,
  multiValued: boolean,
): unknown {
  const top = readAttribute(
    resource,
    { ...(path.uri === undefined ? {} : { uri: path.uri }), attr: path.attr },
    coreSchema,
  );
  const element = multiValued
    ? (top.find((value) => isJsonObject(value) && getAttribute(value, 'primary') === true) ?? top[0])
    : top[0];
  const value = isJsonObject(element) ? getAttribute(element, path.subAttr ?? 'value') : element;
  return value === null || value === '' ? undefined : value;
}

function compareValues(a: unknown, b: unknown, definition: AttributeDefinition | undefined): number {
  if (typeof a === 'string' && typeof b === 'string') {
    if (definition?.type === 'dateTime') {
      const left = parseDateTime(a);
      const right = parseDateTime(b);
      if (left !== undefined && right !== undefined) return left < right ? -1 : left > right ? 1 : 0;
    }
    // Case-insensitive unless caseExact, by code point, "with no specific locale implied".
    const left = definition?.caseExact ? a : a.toLowerCase();
    const right = definition?.caseExact ? b : b.toLowerCase();
    return left < right ? -1 : left > right ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  // Values of different JSON types (a server that stores "7" and 7): ordered by type name, stably.
  return typeof a < typeof b ? -1 : typeof a > typeof b ? 1 : 0;
}

/**
 * Compares two resources by a `sortBy` attribute, for `Array.prototype.sort`:
 * - strings case-insensitively unless the attribute is `caseExact`; dateTime chronologically (to the
 *   nanosecond); numbers numerically; `false` before `true`;
 * - multi-valued attributes by their primary value, else their first;
 * - "if there is no data for the specified sortBy value, they are … ordered last if ascending and first
 *   if descending".
 * `resourceType` defaults to the one whose core schema `a` (or `b`) lists in `schemas`.
 * @throws ScimError 400 `invalidPath` when `path` is a malformed string.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.3
 */
export function compareBySortAttribute(
  a: unknown,
  b: unknown,
  path: AttrPath | string,
  registry: SchemaRegistry = defaultSchemaRegistry,
  order: SortOrder = 'ascending',
  resourceType?: string,
): number {
  const attrPath = typeof path === 'string' ? parseAttrPath(path) : path;
  const type = resourceType ?? resourceTypeOf(a, registry) ?? resourceTypeOf(b, registry);
  return compareSortValues(
    sortKeyOf(a, attrPath, registry, type),
    sortKeyOf(b, attrPath, registry, type),
    attrPath,
    registry,
    order,
    type,
  );
}

/**
 * The value {@link compareBySortAttribute} orders a resource by (see {@link sortValueOf}), with the resource type's
 * schema resolved from `registry`. Cursor pagination keeps it in a cursor, to find its place again in a later request
 * without the resource it was read from (which may have been deleted since).
 */
export function sortKeyOf(
  resource: unknown,
  path: AttrPath,
  registry: SchemaRegistry = defaultSchemaRegistry,
  resourceType?: string,
): unknown {
  const type = resourceType ?? resourceTypeOf(resource, registry);
  const top = type === undefined ? undefined : registry.resolve(type, { ...path, subAttr: undefined });
  const coreSchema = type === undefined ? undefined : registry.schemasOf(type).core.id;
  return sortValueOf(resource, path, coreSchema, top?.multiValued ?? false);
}

/**
 * Compares two values {@link sortKeyOf} read, by the rules of {@link compareBySortAttribute} (missing values last when
 * ascending, first when descending).
 */
export function compareSortValues(
  left: unknown,
  right: unknown,
  path: AttrPath,
  registry: SchemaRegistry = defaultSchemaRegistry,
  order: SortOrder = 'ascending',
  resourceType?: string,
): number {
  const definition = resourceType === undefined ? undefined : registry.resolve(resourceType, path);
  let result: number;
  if (left === undefined || right === undefined) {
    result = left === right ? 0 : left === undefined ? 1 : -1;
  } else {
    const valueDefinition =
      definition?.type === 'complex'
        ? definition.subAttributes?.find((sub) => sub.name === 'value')
        : definition;
    result = compareValues(left, right, valueDefinition);
  }
  return order === 'descending' && result !== 0 ? -result : result;
}

/**
 * A sorted copy of `resources` (stable: equal values keep their order).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.3
 */
export function sortResources<T>(
  resources: readonly T[],
  sortBy: AttrPath | string,
  order: SortOrder = 'ascending',
  registry: SchemaRegistry = defaultSchemaRegistry,
  resourceType?: string,
): T[] {
  const path = typeof sortBy === 'string' ? parseAttrPath(sortBy) : sortBy;
  return [...resources].sort((a, b) => compareBySortAttribute(a, b, path, registry, order, resourceType));
}
