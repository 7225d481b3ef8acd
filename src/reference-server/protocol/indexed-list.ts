import type { AttributeResolver, AttrPath, Filter } from '../../scim/filter/ast.js';
import { matchesFilter } from '../../scim/filter/filter-evaluator.js';
import { sortKeyOf } from '../../scim/schemas/index.js';
import type { SchemaRegistry } from '../../scim/schemas/schema-registry.js';
import { filterView } from '../resources/resource-renderer.js';
import { RESOURCE_TYPE_CONFIGS } from '../resources/resource-type-config.js';
import {
  MemoryResourceStore,
  type SortKeyFunction,
  sequenceOf,
  type TieBreak,
} from '../store/memory-resource-store.js';
import { planQuery } from '../store/query-planner.js';
import type { ResourceTypeName, ScimObject, StoredResource } from '../store/resource-store.js';
import { compareSortKeys, type ReadonlySortedIndex, type SortKey } from '../store/sorted-index.js';
import { type CursorState, type KeysetPosition, queryDigest } from './cursor.js';
import {
  cursorListResponse,
  cursorPlan,
  filterNamesDerived,
  indexListResponse,
  keyValue,
  type ListDeps,
  namesDerived,
  pageWindow,
  readCursorState,
} from './list-execution.js';
import { filterPaths, type ListQuery } from './list-query.js';
import { normalizeSortValue, type SortAttribute, sortAttributeOf } from './sort-indexes.js';

type Resource = Readonly<StoredResource>;

/** Matches in ascending (key, id) order: a range of an index, or arrays collected from one. */
interface Sequence {
  readonly length: number;
  keyAt(position: number): SortKey;
  valueAt(position: number): Resource;
  /** The first position whose key is ≥ `key` (> when `after`). */
  boundOfKey(key: SortKey, after: boolean): number;
  /** The first position whose (key, value) is > (`key`, a resource with id `id`); only in orders tied by id. */
  positionAfter(key: SortKey, id: string): number;
}

/** A probe for the id tie-break: the indexes compare values by id alone. */
const probe = (id: string): Resource => ({ id }) as Resource;

function indexRange(index: ReadonlySortedIndex<Resource>, from: number, to: number): Sequence {
  const clamp = (position: number) => Math.min(Math.max(position - from, 0), to - from);
  return {
    length: to - from,
    keyAt: (position) => index.keyAt(from + position),
    valueAt: (position) => index.valueAt(from + position)!,
    boundOfKey: (key, after) => clamp(index.boundOfKey(key, after)),
    positionAfter: (key, id) => clamp(index.positionAfter(key, probe(id))),
  };
}

function arraySequence(
  keys: readonly SortKey[],
  values: readonly Resource[],
  tiebreak: (a: Resource, b: Resource) => number,
): Sequence {
  const partition = (before: (position: number) => boolean): number => {
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(middle)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    length: keys.length,
    keyAt: (position) => keys[position],
    valueAt: (position) => values[position]!,
    boundOfKey: (key, after) =>
      partition((position) => {
        const order = compareSortKeys(keys[position], key);
        return after ? order <= 0 : order < 0;
      }),
    positionAfter: (key, id) =>
      partition(
        (position) => (compareSortKeys(keys[position], key) || tiebreak(values[position]!, probe(id))) <= 0,
      ),
  };
}

/**
 * The ascending position of the resource at `position` in the requested order. Descending order reverses the keys but
 * keeps equal keys in ascending id (as `compareSortValues` negates only the value comparison), so a position maps into
 * its group of equal keys, found by two binary searches (cached across a page: consecutive positions share groups).
 */
function ascendingPosition(
  sequence: Sequence,
  position: number,
  descending: boolean,
  group: { from: number; to: number },
): number {
  if (!descending) return position;
  const mirrored = sequence.length - 1 - position;
  if (mirrored < group.from || mirrored >= group.to) {
    const key = sequence.keyAt(mirrored);
    group.from = sequence.boundOfKey(key, false);
    group.to = sequence.boundOfKey(key, true);
  }
  return group.from + group.to - 1 - mirrored;
}

function pageOf(sequence: Sequence, start: number, size: number, descending: boolean): Resource[] {
  const group = { from: 0, to: 0 };
  const page: Resource[] = [];
  for (let position = start; position < Math.min(start + size, sequence.length); position += 1) {
    page.push(sequence.valueAt(ascendingPosition(sequence, position, descending, group)));
  }
  return page;
}

/** The position in the requested order right after the keyset position (`key`, `id`): where a cursor walk resumes. */
function seekAfter(sequence: Sequence, key: SortKey, id: string, descending: boolean): number {
  if (!descending) return sequence.positionAfter(key, id);
  // Before it or it, in descending order: every greater key, and the equal keys up to its id.
  return (
    sequence.length -
    sequence.boundOfKey(key, true) +
    (sequence.positionAfter(key, id) - sequence.boundOfKey(key, false))
  );
}

/** An order a list can be served in: an index of the store and the key function it is ordered by. */
interface Order {
  index: ReadonlySortedIndex<Resource>;
  keyOf: SortKeyFunction;
  /** Reads a cursor's keyset value as a key of this index (undefined: the order is not by a sort attribute). */
  attribute?: SortAttribute;
  byId?: boolean;
}

function sortOrder(
  store: MemoryResourceStore,
  registry: SchemaRegistry,
  type: ResourceTypeName,
  sortBy: NonNullable<ListQuery['sortBy']>,
  tiebreak: TieBreak,
): Order | undefined {
  const core = registry.schemasOf(type).core.id;
  const inCore = sortBy.uri === undefined || sortBy.uri.toLowerCase() === core.toLowerCase();
  if (inCore && sortBy.subAttr === undefined && sortBy.attr.toLowerCase() === 'id') {
    // The id order is exact: ids are caseExact (RFC 7643 §3.1).
    if (registry.resolve(type, { attr: 'id' })?.caseExact !== true) return undefined;
    return { index: store.idOrder(type), keyOf: (resource) => resource.id, byId: true };
  }
  const attribute = sortAttributeOf(registry, type, sortBy);
  if (attribute === undefined) return undefined;
  const found = store.sortedIndex(type, attribute.name, tiebreak);
  return found && { index: found.index, keyOf: found.key, attribute };
}

/** Top-level names a list's filter view has beside the stored attributes (or hides from them). */
const VIEW_ONLY = new Set(['schemas', 'id', 'meta', 'password']);

/**
 * The resolver, remembering its answers per path object: a filter's paths are the same objects for every candidate,
 * and resolving one walks the schema registry each time.
 */
function memoized(resolve: AttributeResolver): AttributeResolver {
  const answers = new Map<AttrPath, Map<AttrPath | undefined, ReturnType<AttributeResolver>>>();
  return (path, parent) => {
    let byParent = answers.get(path);
    if (byParent === undefined) {
      // Paths the evaluator builds per candidate (a complex attribute's `value`) are new objects each time: not kept.
      if (answers.size >= 64) return resolve(path, parent);
      byParent = new Map();
      answers.set(path, byParent);
    }
    if (byParent.has(parent)) return byParent.get(parent);
    const answer = resolve(path, parent);
    byParent.set(parent, answer);
    return answer;
  };
}

/** A range of a sorted index holding every match of a filter (and, when `exact`, nothing else). */
interface Range {
  index: ReadonlySortedIndex<Resource>;
  from: number;
  to: number;
  exact: boolean;
}

/** The smallest string greater than every string that starts with `prefix`; undefined when there is none to form. */
function pastPrefix(prefix: string): string | undefined {
  const last = prefix.charCodeAt(prefix.length - 1);
  return last === 0xffff ? undefined : `${prefix.slice(0, -1)}${String.fromCharCode(last + 1)}`;
}

/**
 * A range for `attr eq "v"`, `attr sw "v"` or `attr pr` on a single-valued attribute with a sorted index, the filter
 * itself or one side of an `and` (any depth). The index's keys are lowercased unless the attribute is caseExact: when
 * the filter compares case-insensitively after all (a resolver seam's override), the range still holds every match; when
 * it compares exactly an attribute the index folds, or folds one the index keeps exact, no range.
 */
function rangeOf(
  filter: Filter,
  node: Filter,
  type: ResourceTypeName,
  store: MemoryResourceStore,
  registry: SchemaRegistry,
  resolve: AttributeResolver,
  tiebreak: TieBreak,
): Range | undefined {
  if (node.kind === 'and') {
    return (
      rangeOf(filter, node.left, type, store, registry, resolve, tiebreak) ??
      rangeOf(filter, node.right, type, store, registry, resolve, tiebreak)
    );
  }
  if (node.kind !== 'present' && node.kind !== 'compare') return undefined;
  const op = node.kind === 'present' ? 'pr' : node.op;
  const value = node.kind === 'compare' ? node.value : undefined;
  if (op !== 'pr' && (op !== 'eq' && op !== 'sw' ? true : typeof value !== 'string' || value === ''))
    return undefined;
  const attribute = sortAttributeOf(registry, type, node.path);
  if (attribute === undefined || attribute.multiValued || attribute.value === undefined) return undefined;
  if (attribute.value.type === 'complex' || attribute.value.type === 'dateTime') return undefined;
  const found = store.sortedIndex(type, attribute.name, tiebreak);
  if (found === undefined) return undefined;
  const indexCaseExact = attribute.value.caseExact;
  const filterCaseExact = resolve(node.path)?.caseExact ?? false;
  if (indexCaseExact && !filterCaseExact) return undefined;
  const { index } = found;
  const exact = node === filter && indexCaseExact === filterCaseExact;
  if (op === 'pr') return { index, from: 0, to: index.boundOfKey(undefined, false), exact };
  const text = value as string;
  const key = indexCaseExact ? text : text.toLowerCase();
  const from = index.boundOfKey(key, false);
  if (op === 'eq') return { index, from, to: index.boundOfKey(key, true), exact };
  const past = pastPrefix(key);
  return past === undefined ? undefined : { index, from, to: index.boundOfKey(past, false), exact };
}

/**
 * Serves a list request over one type from the indexes, or returns undefined for the general path (see the module
 * comment for which requests those are). `filter` is the request's filter as the filter seam left it, already
 * validated; `resolve` the resolver the filter is evaluated with (as the resolver seam left it).
 */
export async function indexedList(
  type: ResourceTypeName,
  query: ListQuery,
  filter: Filter | undefined,
  resolve: AttributeResolver,
  deps: ListDeps,
): Promise<ScimObject | undefined> {
  const { registry } = deps;
  const { store } = deps.render;
  if (!(store instanceof MemoryResourceStore)) return undefined;
  if ((filter !== undefined && filterNamesDerived(filter)) || (query.sortBy && namesDerived(query.sortBy))) {
    return undefined;
  }
  const cursors = query.cursor !== undefined && deps.features.cursor ? deps.cursors : undefined;
  // Offset cursors and unbounded pages take the general path.
  if (cursors !== undefined && !cursorPlan(query, deps).keyset) return undefined;
  const window = pageWindow(query, cursors === undefined ? 'index' : 'cursor', deps);
  if (!Number.isFinite(window.size)) return undefined;
  if (cursors === undefined && window.offset < 0) return undefined;
  // An exact-match lookup (id, userName, externalId, a group's displayName) finds a handful: the general path is as fast.
  if (filter !== undefined && planQuery(filter, type).kind === 'index') return undefined;
  const sortBy = query.sortBy !== undefined && deps.features.sort ? query.sortBy : undefined;
  // Cursor walks tie equal sort values by id (their keyset position names it); startIndex pages by insertion order.
  const tiebreak: TieBreak = cursors === undefined ? 'sequence' : 'id';
  const order: Order | undefined =
    sortBy !== undefined
      ? sortOrder(store, registry, type, sortBy, tiebreak)
      : cursors !== undefined
        ? { index: store.idOrder(type), keyOf: (resource) => resource.id, byId: true }
        : { index: store.insertionOrder(type), keyOf: sequenceOf };
  if (order === undefined) return undefined;
  const descending = sortBy !== undefined && query.sortOrder === 'descending';
  const matchQuery: MatchQuery = { type, filter, resolve, deps, store, order, tiebreak };
  if (cursors === undefined && !descending) {
    const { total, page } = windowOfMatches(matchQuery, window.offset, window.size);
    return indexListResponse(page, total, query, deps);
  }
  const sequence = matchesOf(matchQuery);
  if (cursors !== undefined)
    return cursorPage(type, query, sortBy, sequence, order, descending, deps, cursors, window.size);
  const page = pageOf(sequence, window.offset, window.size, descending);
  return indexListResponse(page, sequence.length, query, deps);
}

/** A range of another index wider than 1/WIDE_RANGE_SHARE of the table is walked in the order's own index instead. */
const WIDE_RANGE_SHARE = 4;

/** Where a list's matches are looked for: the request's type, filter and order. */
interface MatchQuery {
  type: ResourceTypeName;
  filter: Filter | undefined;
  resolve: AttributeResolver;
  deps: ListDeps;
  store: MemoryResourceStore;
  order: Order;
  tiebreak: TieBreak;
}

/** The matches in ascending order of `order`, as a sequence (see {@link walkMatches}). */
function matchesOf(query: MatchQuery): Sequence {
  const keys: SortKey[] = [];
  const values: Resource[] = [];
  const sequence = walkMatches(query, (key, resource) => {
    keys.push(key);
    values.push(resource);
  });
  return sequence ?? arraySequence(keys, values, query.order.index.tiebreak);
}

/**
 * The total and one ascending page of the matches. Where the matches are walked in order, only the page is kept: a
 * 100k-element array of matches per request lands in V8's large-object space, and under load that grew the server's
 * RSS by about 200 MB before a full collection came round.
 */
function windowOfMatches(
  query: MatchQuery,
  offset: number,
  size: number,
): { total: number; page: Resource[] } {
  let total = 0;
  const page: Resource[] = [];
  const sequence = walkMatches(query, (_key, resource) => {
    if (total >= offset && page.length < size) page.push(resource);
    total += 1;
  });
  if (sequence === undefined) return { total, page };
  return { total: sequence.length, page: pageOf(sequence, offset, size, false) };
}

/**
 * The matches in ascending order of `order`: a range of its index when that is exact (returned as a sequence), else
 * the resources the filter accepts among the candidates (a range of some index, or all), each tested on a shallow view
 * and never copied, handed to `visit` in order (and `undefined` returned), or collected, sorted and returned.
 */
function walkMatches(
  { type, filter, resolve, deps, store, order, tiebreak }: MatchQuery,
  visit: (key: SortKey, resource: Resource) => void,
): Sequence | undefined {
  const { seams } = deps;
  // A read seam may hide resources: then every candidate is screened, and no index range is exact.
  const screened = seams.overridden.has('read');
  if (filter === undefined && !screened) return indexRange(order.index, 0, order.index.size);
  const options = { resolve: memoized(resolve), defaultSchema: RESOURCE_TYPE_CONFIGS[type].core.id };
  // The stored attributes are the view minus `schemas`, `id`, `meta` (and the hidden password): a filter naming none of
  // them is evaluated on the stored object itself, with nothing built per candidate.
  const onStored =
    filter !== undefined && !filterPaths(filter).some((path) => VIEW_ONLY.has(path.attr.toLowerCase()));
  const range =
    filter === undefined ? undefined : rangeOf(filter, filter, type, store, deps.registry, resolve, tiebreak);
  const exact = range?.exact === true && !screened;
  if (exact && range?.index === order.index) return indexRange(order.index, range.from, range.to);
  const { index } = order;
  // A range of another index that holds a large share of the table (`name.familyName pr`, `title sw "a"`) is cheaper
  // walked in the order's own index, testing the filter on each resource, than collected and sorted into that order:
  // the sort allocates a pair per match and keeps all of them alive at once, which at 100k users grew the heap by
  // hundreds of MB under load. A narrow range is still collected and sorted.
  const wide =
    range !== undefined && range.index !== index && (range.to - range.from) * WIDE_RANGE_SHARE > index.size;
  const walkOwn = range === undefined || range.index === index || wide;
  const shortcut = exact && !wide;
  const accepts = (resource: Resource): boolean =>
    (!screened || seams.read(resource, {}) !== undefined) &&
    (shortcut ||
      filter === undefined ||
      matchesFilter(onStored ? resource.attributes : filterView(resource, deps.render), filter, options));
  if (range === undefined || wide) store.stats.scans += 1;
  if (walkOwn) {
    // Walking the order's own index keeps the matches in order.
    const from = wide ? 0 : (range?.from ?? 0);
    const to = wide ? index.size : (range?.to ?? index.size);
    index.forEach(from, to, (key, resource) => {
      if (accepts(resource)) visit(key, resource);
      return undefined;
    });
    return undefined;
  }
  const found: { key: SortKey; resource: Resource }[] = [];
  range.index.forEach(range.from, range.to, (_key, resource) => {
    if (accepts(resource)) found.push({ key: order.keyOf(resource), resource });
    return undefined;
  });
  found.sort((a, b) => compareSortKeys(a.key, b.key) || index.tiebreak(a.resource, b.resource));
  return arraySequence(
    found.map((match) => match.key),
    found.map((match) => match.resource),
    index.tiebreak,
  );
}

/** One page of an RFC 9865 cursor walk over the matches (as list-execution's `cursorPage`, with a keyset seek). */
async function cursorPage(
  type: ResourceTypeName,
  query: ListQuery,
  sortBy: ListQuery['sortBy'],
  sequence: Sequence,
  order: Order,
  descending: boolean,
  deps: ListDeps,
  cursors: NonNullable<ListDeps['cursors']>,
  pageSize: number,
): Promise<ScimObject> {
  const { registry } = deps;
  const digest = queryDigest({
    types: [type],
    filter: query.filter ?? null,
    sortBy: sortBy ?? null,
    order: query.sortOrder,
  });
  const state: CursorState | undefined = readCursorState(query, deps, cursors, digest);
  let start = 0;
  if (state?.offset !== undefined) start = Math.min(Math.max(0, state.offset), sequence.length);
  else if (state?.after !== undefined) {
    const { after } = state;
    const key: SortKey =
      sortBy === undefined
        ? after.id
        : order.attribute === undefined
          ? (after.value ?? undefined)
          : normalizeSortValue(after.value ?? undefined, order.attribute.value);
    start = seekAfter(sequence, key, after.id, descending);
  }
  const slice = pageOf(sequence, start, pageSize, descending);
  const last = slice.at(-1);
  const keyOf = (resource: Resource): KeysetPosition => ({
    ...(sortBy === undefined
      ? {}
      : { value: keyValue(sortKeyOf(filterView(resource, deps.render), sortBy, registry, type)) }),
    type,
    id: resource.id,
  });
  return cursorListResponse({
    page: slice,
    total: sequence.length,
    remaining: sequence.length - start - slice.length,
    after: () => (last === undefined ? { offset: start } : { after: keyOf(last) }),
    state,
    digest,
    query,
    deps,
    cursors,
  });
}
