import type { IndexName, ResourceStore, ResourceTypeName, StoredResource } from './resource-store.js';
import { compareSortKeys, type ReadonlySortedIndex, SortedIndex, type SortKey } from './sorted-index.js';

/**
 * Where a stored resource stands in insertion order (its first `put`; a replace keeps it). A symbol, so the store's
 * own objects carry it and the copies handed out (`structuredClone` skips symbol keys) do not.
 */
const SEQUENCE = Symbol('sequence');

type Sequenced = StoredResource & { [SEQUENCE]?: number };

/** Insertion-order position of one of the store's own resources (as `scanReadonly` and the sorted indexes hand out). */
export function sequenceOf(resource: Readonly<StoredResource>): number {
  return (resource as Sequenced)[SEQUENCE] ?? 0;
}

/** A tie-break of the sorted indexes: equal keys in order of id (as RFC 9865 cursor walks order them). */
export function byId(a: Readonly<StoredResource>, b: Readonly<StoredResource>): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A tie-break of the sorted indexes: equal keys in insertion order (as a stable sort of a scan leaves them). */
export function bySequence(a: Readonly<StoredResource>, b: Readonly<StoredResource>): number {
  return sequenceOf(a) - sequenceOf(b);
}

/** Which tie-break a sorted index orders equal keys by. */
export type TieBreak = 'sequence' | 'id';

/** The key a sorted index orders a resource by (normalised, see {@link SortKey}). */
export type SortKeyFunction = (resource: Readonly<StoredResource>) => SortKey;

interface SortedIndexEntry {
  key: SortKeyFunction;
  /** Equal keys in insertion order: what `startIndex` pages walk. */
  bySequence: SortedIndex<Readonly<StoredResource>>;
  /** Equal keys by id: what cursor walks seek in; built on the first sorted cursor request, then kept. */
  byId?: SortedIndex<Readonly<StoredResource>>;
}

/** The ordered views of one resource type's table. */
interface Orders {
  /** Key: the insertion sequence (the order of a scan). */
  insertion: SortedIndex<Readonly<StoredResource>>;
  /** Key: the id. */
  id: SortedIndex<Readonly<StoredResource>>;
  /** By name (see {@link MemoryResourceStore.defineSortedIndex}). */
  sorted: Map<string, SortedIndexEntry>;
}

function newOrders(): Orders {
  return { insertion: new SortedIndex(bySequence), id: new SortedIndex(byId), sorted: new Map() };
}

/** How the store was used, so tests can prove that indexed lookups do not scan. */
export interface StoreStats {
  scans: number;
  indexLookups: number;
}

/**
 * The ids under one index key: a lone id as the string itself, several as a Set. Most keys (a userName, an externalId,
 * a displayName) name one resource, and a one-element Set costs about 150 bytes more than the string: a million users
 * with three such indexes would spend over 400 MB on them.
 */
type Postings = string | Set<string>;

type Index = Map<string, Postings>;

/** The ids under `key`, in the order they were last indexed. */
function idsAt(index: Index, key: string): Iterable<string> {
  const postings = index.get(key);
  if (postings === undefined) return [];
  return typeof postings === 'string' ? [postings] : postings;
}

function indexKey(index: IndexName, value: string): string {
  return index === 'userName' || index === 'displayName' ? value.toLowerCase() : value;
}

function indexedValue(resource: StoredResource, index: IndexName): string | undefined {
  if (index === 'id') return resource.id;
  const value = resource.attributes[index];
  return typeof value === 'string' ? value : undefined;
}

function memberValues(resource: StoredResource): string[] {
  const members = resource.attributes.members;
  if (!Array.isArray(members)) return [];
  const values: string[] = [];
  for (const member of members) {
    if (
      typeof member === 'object' &&
      member !== null &&
      'value' in member &&
      typeof member.value === 'string'
    ) {
      values.push(member.value);
    }
  }
  return values;
}

function addTo(index: Index, key: string, id: string): void {
  const postings = index.get(key);
  if (postings === undefined) index.set(key, id);
  else if (typeof postings === 'string') {
    if (postings !== id) index.set(key, new Set([postings, id]));
  } else postings.add(id);
}

function removeFrom(index: Index, key: string, id: string): void {
  const postings = index.get(key);
  if (postings === undefined) return;
  if (typeof postings === 'string') {
    if (postings === id) index.delete(key);
    return;
  }
  postings.delete(id);
  if (postings.size > 1) return;
  const [last] = postings;
  if (last === undefined) index.delete(key);
  else index.set(key, last);
}

/**
 * The in-memory {@link ResourceStore}: one Map per type keyed by id (insertion-ordered, so a scan is
 * oldest first), secondary indexes from lowercased userName / displayName and from externalId, and a
 * membership index from member id to group ids. Values are cloned in and out, so callers never alias
 * stored state.
 */
export class MemoryResourceStore implements ResourceStore {
  readonly stats: StoreStats = { scans: 0, indexLookups: 0 };
  readonly #byId = new Map<ResourceTypeName, Map<string, StoredResource>>([
    ['User', new Map()],
    ['Group', new Map()],
  ]);
  readonly #indexes = new Map<string, Index>();
  readonly #membership: Index = new Map();
  readonly #orders = new Map<ResourceTypeName, Orders>([
    ['User', newOrders()],
    ['Group', newOrders()],
  ]);
  #nextSequence = 1;
  /** Inside {@link loadInBulk}: the ordered indexes are rebuilt once at the end instead of kept per put. */
  #bulk = false;

  #table(type: ResourceTypeName): Map<string, StoredResource> {
    return this.#byId.get(type)!;
  }

  #index(type: ResourceTypeName, index: IndexName): Index {
    const name = `${type}:${index}`;
    let found = this.#indexes.get(name);
    if (!found) {
      found = new Map();
      this.#indexes.set(name, found);
    }
    return found;
  }

  #unindex(resource: StoredResource): void {
    const orders = this.#orders.get(resource.resourceType)!;
    if (this.#bulk) {
      this.#unindexHashes(resource);
      return;
    }
    orders.insertion.delete(sequenceOf(resource), resource);
    orders.id.delete(resource.id, resource);
    for (const entry of orders.sorted.values()) {
      const key = entry.key(resource);
      entry.bySequence.delete(key, resource);
      entry.byId?.delete(key, resource);
    }
    this.#unindexHashes(resource);
  }

  #unindexHashes(resource: StoredResource): void {
    for (const index of ['userName', 'externalId', 'displayName'] as const) {
      const value = indexedValue(resource, index);
      if (value !== undefined)
        removeFrom(this.#index(resource.resourceType, index), indexKey(index, value), resource.id);
    }
    if (resource.resourceType === 'Group') {
      for (const value of memberValues(resource)) removeFrom(this.#membership, value, resource.id);
    }
  }

  #reindex(resource: StoredResource): void {
    const orders = this.#orders.get(resource.resourceType)!;
    if (this.#bulk) {
      this.#reindexHashes(resource);
      return;
    }
    orders.insertion.insert(sequenceOf(resource), resource);
    orders.id.insert(resource.id, resource);
    for (const entry of orders.sorted.values()) {
      const key = entry.key(resource);
      entry.bySequence.insert(key, resource);
      entry.byId?.insert(key, resource);
    }
    this.#reindexHashes(resource);
  }

  #reindexHashes(resource: StoredResource): void {
    for (const index of ['userName', 'externalId', 'displayName'] as const) {
      const value = indexedValue(resource, index);
      if (value !== undefined)
        addTo(this.#index(resource.resourceType, index), indexKey(index, value), resource.id);
    }
    if (resource.resourceType === 'Group') {
      for (const value of memberValues(resource)) addTo(this.#membership, value, resource.id);
    }
  }

  async get(type: ResourceTypeName, id: string): Promise<StoredResource | undefined> {
    const found = this.#table(type).get(id);
    return found ? structuredClone(found) : undefined;
  }

  async put(resource: StoredResource): Promise<void> {
    this.putOwned(structuredClone(resource));
  }

  /**
   * {@link put} without the copy: the store keeps `resource` itself, so the caller must hold no other reference to it
   * (seeding a million fresh objects would otherwise copy each once more, strings included).
   */
  putOwned(resource: StoredResource): void {
    const table = this.#table(resource.resourceType);
    const previous = table.get(resource.id);
    if (previous) this.#unindex(previous);
    (resource as Sequenced)[SEQUENCE] = previous === undefined ? this.#nextSequence++ : sequenceOf(previous);
    table.set(resource.id, resource);
    this.#reindex(resource);
  }

  /**
   * Runs `load` (puts of many new resources, as seeding makes) with the ordered indexes set aside, then rebuilds each
   * with one sort: O(n log n) in native sorting instead of n inserts into every index.
   */
  async loadInBulk(load: () => Promise<void> | void): Promise<void> {
    this.#bulk = true;
    try {
      await load();
    } finally {
      this.#bulk = false;
      for (const [type, orders] of this.#orders) {
        orders.insertion = this.#buildIndex(type, sequenceOf, bySequence);
        orders.id = this.#buildIndex(type, (resource) => resource.id, byId);
        for (const entry of orders.sorted.values()) {
          entry.bySequence = this.#buildIndex(type, entry.key, bySequence);
          if (entry.byId !== undefined) entry.byId = this.#buildIndex(type, entry.key, byId);
        }
      }
    }
  }

  /**
   * Keeps a sorted index of a type's resources by `key`, from now on and for those already stored, in step with every
   * put and delete. List requests sort and page through it instead of sorting per request.
   */
  defineSortedIndex(type: ResourceTypeName, name: string, key: SortKeyFunction): void {
    this.#orders.get(type)!.sorted.set(name, { key, bySequence: this.#buildIndex(type, key, bySequence) });
  }

  /** Every resource of `type` in order of (key, tiebreak), loaded in bulk. */
  #buildIndex(
    type: ResourceTypeName,
    key: SortKeyFunction,
    tiebreak: (a: Readonly<StoredResource>, b: Readonly<StoredResource>) => number,
  ): SortedIndex<Readonly<StoredResource>> {
    const pairs = [...this.#table(type).values()].map((resource) => ({ key: key(resource), resource }));
    pairs.sort((a, b) => compareSortKeys(a.key, b.key) || tiebreak(a.resource, b.resource));
    return SortedIndex.fromSorted(
      tiebreak,
      pairs.map((pair) => pair.key),
      pairs.map((pair) => pair.resource),
    );
  }

  /**
   * A sorted index {@link defineSortedIndex} defined, with its key function, its equal keys in insertion order or by
   * id; undefined when there is none.
   */
  sortedIndex(
    type: ResourceTypeName,
    name: string,
    tiebreak: TieBreak = 'sequence',
  ): { key: SortKeyFunction; index: ReadonlySortedIndex<Readonly<StoredResource>> } | undefined {
    const entry = this.#orders.get(type)!.sorted.get(name);
    if (entry === undefined) return undefined;
    if (tiebreak === 'sequence') return { key: entry.key, index: entry.bySequence };
    entry.byId ??= this.#buildIndex(type, entry.key, byId);
    return { key: entry.key, index: entry.byId };
  }

  /** A type's resources in insertion order (the order of {@link scan}), keyed by {@link sequenceOf}. */
  insertionOrder(type: ResourceTypeName): ReadonlySortedIndex<Readonly<StoredResource>> {
    return this.#orders.get(type)!.insertion;
  }

  /** A type's resources in order of id, keyed by id. */
  idOrder(type: ResourceTypeName): ReadonlySortedIndex<Readonly<StoredResource>> {
    return this.#orders.get(type)!.id;
  }

  async delete(type: ResourceTypeName, id: string): Promise<boolean> {
    const table = this.#table(type);
    const previous = table.get(id);
    if (!previous) return false;
    this.#unindex(previous);
    table.delete(id);
    return true;
  }

  async findByIndex(type: ResourceTypeName, index: IndexName, value: string): Promise<StoredResource[]> {
    this.stats.indexLookups += 1;
    const table = this.#table(type);
    if (index === 'id') {
      const found = table.get(value);
      return found ? [structuredClone(found)] : [];
    }
    return [...idsAt(this.#index(type, index), indexKey(index, value))].flatMap((id) => {
      const found = table.get(id);
      return found ? [structuredClone(found)] : [];
    });
  }

  async scan(type: ResourceTypeName): Promise<StoredResource[]> {
    this.stats.scans += 1;
    return [...this.#table(type).values()].map((resource) => structuredClone(resource));
  }

  async scanReadonly(type: ResourceTypeName): Promise<readonly Readonly<StoredResource>[]> {
    this.stats.scans += 1;
    return [...this.#table(type).values()];
  }

  async groupsWithMember(memberId: string): Promise<StoredResource[]> {
    const groups = this.#table('Group');
    return [...idsAt(this.#membership, memberId)].flatMap((id) => {
      const found = groups.get(id);
      return found ? [structuredClone(found)] : [];
    });
  }
}
