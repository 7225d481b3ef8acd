/**
 * The sorted indexes the reference server keeps, and the keys they order by.
 *
 * A sorted page (`sortBy`, RFC 7644 §3.4.2.3) or a filter on a common attribute (`sw`, `eq`, `pr`) would otherwise
 * read every resource per request. The store keeps one index per attribute listed in {@link SORTED_ATTRIBUTES}, in
 * step with every write; list execution pages through it (see indexed-list.ts). Other attributes still sort per request.
 *
 * A key is the value `sortKeyOf` reads (the primary or first value of a multi-valued attribute; none for null or
 * ""), normalised so that {@link compareSortKeys} orders keys as `compareSortValues` orders the values: lowercased
 * unless the attribute is caseExact (RFC 7643 §2.2: "caseExact … false … case-insensitive"). dateTime attributes are
 * compared parsed, so they are not indexed (none is listed).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.3
 */
import type { AttrPath } from '../../scim/filter/ast.js';
import type { AttributeDefinition } from '../../scim/schemas/attribute-definition.js';
import type { SchemaRegistry } from '../../scim/schemas/schema-registry.js';
import { sortValueOf } from '../../scim/schemas/sort-compare.js';
import type { MemoryResourceStore, SortKeyFunction } from '../store/memory-resource-store.js';
import type { ResourceTypeName } from '../store/resource-store.js';
import type { SortKey } from '../store/sorted-index.js';

/** Attributes with a sorted index, per type: what IdPs sort and filter by most. `id` is the store's own id order. */
export const SORTED_ATTRIBUTES: Record<ResourceTypeName, readonly string[]> = {
  User: [
    'userName',
    'displayName',
    'name.familyName',
    'name.givenName',
    'externalId',
    'title',
    'emails.value',
  ],
  Group: ['displayName', 'externalId'],
};

/** What an attribute path is sorted by: its index name, and the definition of the value compared. */
export interface SortAttribute {
  /** Canonical `attr` or `attr.sub` (a complex attribute's `value` named explicitly). */
  name: string;
  path: AttrPath;
  /** The definition governing the compared value (a complex attribute's `value` sub-attribute). */
  value: AttributeDefinition | undefined;
  /** Whether the attribute (the top-level one) is multi-valued: then only its primary or first value is a key. */
  multiValued: boolean;
}

/**
 * The canonical sort attribute of `path` in `type`'s core schema, or undefined for a path outside it (an extension,
 * an unknown attribute). Attribute names are case-insensitive (RFC 7644 §3.10).
 */
export function sortAttributeOf(
  registry: SchemaRegistry,
  type: ResourceTypeName,
  path: AttrPath,
): SortAttribute | undefined {
  const core = registry.schemasOf(type).core.id;
  if (path.uri !== undefined && path.uri.toLowerCase() !== core.toLowerCase()) return undefined;
  const top = registry.resolve(type, { attr: path.attr });
  if (top === undefined) return undefined;
  const definition =
    path.subAttr === undefined ? top : registry.resolve(type, { attr: path.attr, subAttr: path.subAttr });
  if (definition === undefined) return undefined;
  const value =
    definition.type === 'complex'
      ? definition.subAttributes?.find((sub) => sub.name === 'value')
      : definition;
  const sub = path.subAttr !== undefined ? definition.name : top.type === 'complex' ? 'value' : undefined;
  return {
    name: sub === undefined ? top.name : `${top.name}.${sub}`,
    path: { attr: top.name, ...(sub === undefined ? {} : { subAttr: sub }) },
    value,
    multiValued: top.multiValued ?? false,
  };
}

/** A sort value normalised to its index key (see the module comment). */
export function normalizeSortValue(value: unknown, definition: AttributeDefinition | undefined): SortKey {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return definition?.caseExact ? value : value.toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** The key function of an attribute's index: the stored attributes hold every attribute but `id` and `meta`. */
export function sortKeyFunction(
  registry: SchemaRegistry,
  type: ResourceTypeName,
  attribute: SortAttribute,
): SortKeyFunction {
  const core = registry.schemasOf(type).core.id;
  const { path, value, multiValued } = attribute;
  return (resource) => normalizeSortValue(sortValueOf(resource.attributes, path, core, multiValued), value);
}

/** Defines the store's sorted indexes ({@link SORTED_ATTRIBUTES}); call before seeding, so seeding fills them. */
export function defineSortIndexes(store: MemoryResourceStore, registry: SchemaRegistry): void {
  for (const [type, names] of Object.entries(SORTED_ATTRIBUTES) as [ResourceTypeName, readonly string[]][]) {
    for (const name of names) {
      const [attr = name, subAttr] = name.split('.');
      const attribute = sortAttributeOf(registry, type, subAttr === undefined ? { attr } : { attr, subAttr });
      // A mode's registry without the attribute, or a dateTime (compared parsed, not by its text): no index.
      if (attribute === undefined || attribute.value?.type === 'dateTime') continue;
      store.defineSortedIndex(type, attribute.name, sortKeyFunction(registry, type, attribute));
    }
  }
}
