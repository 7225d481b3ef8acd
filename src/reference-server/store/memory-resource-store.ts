import type { IndexName, ResourceStore, ResourceTypeName, StoredResource } from './resource-store.js';

/** How the store was used, so tests can prove that indexed lookups do not scan. */
export interface StoreStats {
  scans: number;
  indexLookups: number;
}

type Index = Map<string, Set<string>>;

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
  let ids = index.get(key);
  if (!ids) {
    ids = new Set();
    index.set(key, ids);
  }
  ids.add(id);
}

function removeFrom(index: Index, key: string, id: string): void {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
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
    const table = this.#table(resource.resourceType);
    const previous = table.get(resource.id);
    if (previous) this.#unindex(previous);
    const copy = structuredClone(resource);
    table.set(copy.id, copy);
    this.#reindex(copy);
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
    const ids = this.#index(type, index).get(indexKey(index, value)) ?? new Set<string>();
    return [...ids].flatMap((id) => {
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
    const ids = this.#membership.get(memberId) ?? new Set<string>();
    const groups = this.#table('Group');
    return [...ids].flatMap((id) => {
      const found = groups.get(id);
      return found ? [structuredClone(found)] : [];
    });
  }
}
