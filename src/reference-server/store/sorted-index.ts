/**
 * A sorted index: (key, value) pairs kept in order of key, then of a tie-break on the value, with positional access
 * (the k-th pair) and binary search, both in O(log n), and inserts and deletes in O(log n + chunk).
 *
 * Why hand-written: list requests page by position (`startIndex`, RFC 7644 §3.4.2.4), so the index must answer "the
 * pair at position k" without walking k pairs. The maintained npm sorted containers do not: `sorted-btree` (a B+ tree)
 * has no rank or positional access, and `functional-red-black-tree` (which has `at(k)`) is persistent, allocating
 * O(log n) nodes per insert, unmaintained since 2014, and several times larger in memory. This is the layout of
 * Python's `sortedcontainers.SortedList`: a list of sorted chunks of up to {@link MAX_CHUNK} pairs, with keys and values
 * in parallel arrays (no object per pair, so a million entries cost two pointers each), and the start position of each
 * chunk recomputed lazily after a change (one pass over the chunks, about two thousand at a million pairs).
 */

/** A value an index orders by: what {@link compareSortKeys} compares. `undefined` is "no value". */
export type SortKey = string | number | boolean | null | undefined;

/**
 * Orders two keys as RFC 7644 §3.4.2.3 ascending order wants them, and as `compareSortValues`
 * (src/scim/schemas/sort-compare.ts) compares values already normalised (lowercased unless caseExact): a missing value
 * (`undefined`) last; values of one type by value (strings by code unit, `false` before `true`); values of different
 * JSON types by type name; objects (`null` here) all equal.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.3
 */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const typeA = typeof a;
  const typeB = typeof b;
  if (typeA !== typeB) return typeA < typeB ? -1 : 1;
  if (a === null || b === null) return 0;
  if (typeA === 'number') return Math.sign((a as number) - (b as number));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Chunks split above this many pairs. */
const MAX_CHUNK = 1024;
/** A chunk this small is merged into its neighbour when that fits. */
const MIN_CHUNK = 128;

interface Chunk<V> {
  keys: SortKey[];
  values: V[];
}

/** A read-only view of a {@link SortedIndex}: what list execution pages through. */
export interface ReadonlySortedIndex<V> {
  readonly size: number;
  keyAt(position: number): SortKey;
  valueAt(position: number): V | undefined;
  /** The first position whose key is ≥ `key` (or > `key` when `after`). */
  boundOfKey(key: SortKey, after: boolean): number;
  /** The first position whose (key, value) is > (`key`, `value`): where a keyset walk resumes. */
  positionAfter(key: SortKey, value: V): number;
  /** The order of values with equal keys. */
  readonly tiebreak: (a: V, b: V) => number;
  /** Calls `visit` for each pair from `from` (inclusive) to `to` (exclusive), in order; `false` stops. */
  forEach(from: number, to: number, visit: (key: SortKey, value: V) => boolean | undefined): void;
}

/**
 * Pairs ordered by key ({@link compareSortKeys}), then by `tiebreak` on the values. The order must be total over the
 * stored pairs (no two pairs compare equal), so a pair is found again by its key and value alone.
 */
export class SortedIndex<V> implements ReadonlySortedIndex<V> {
  readonly tiebreak: (a: V, b: V) => number;
  #chunks: Chunk<V>[] = [];
  /** `#starts[i]` is the position of `#chunks[i]`'s first pair; stale when `#dirty`. */
  #starts: number[] = [];
  #dirty = false;
  #size = 0;

  constructor(tiebreak: (a: V, b: V) => number) {
    this.tiebreak = tiebreak;
  }

  /** An index of pairs already in order (a bulk load: O(n), where n inserts would cost O(n log n)). */
  static fromSorted<V>(tiebreak: (a: V, b: V) => number, keys: SortKey[], values: V[]): SortedIndex<V> {
    const index = new SortedIndex(tiebreak);
    const size = MAX_CHUNK >>> 1;
    for (let from = 0; from < keys.length; from += size) {
      index.#chunks.push({ keys: keys.slice(from, from + size), values: values.slice(from, from + size) });
    }
    index.#size = keys.length;
    index.#dirty = true;
    return index;
  }

  get size(): number {
    return this.#size;
  }

  #compare(keyA: SortKey, valueA: V, keyB: SortKey, valueB: V): number {
    return compareSortKeys(keyA, keyB) || this.tiebreak(valueA, valueB);
  }

  /** The first chunk whose last pair is ≥ (key, value); `#chunks.length` when every pair is smaller. */
  #chunkFor(key: SortKey, value: V): number {
    let low = 0;
    let high = this.#chunks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const chunk = this.#chunks[middle]!;
      const last = chunk.keys.length - 1;
      if (this.#compare(chunk.keys[last], chunk.values[last]!, key, value) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The first position in `chunk` whose pair is ≥ (key, value). */
  #inChunk(chunk: Chunk<V>, key: SortKey, value: V): number {
    let low = 0;
    let high = chunk.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#compare(chunk.keys[middle], chunk.values[middle]!, key, value) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  insert(key: SortKey, value: V): void {
    this.#size += 1;
    this.#dirty = true;
    if (this.#chunks.length === 0) {
      this.#chunks.push({ keys: [key], values: [value] });
      return;
    }
    const index = Math.min(this.#chunkFor(key, value), this.#chunks.length - 1);
    const chunk = this.#chunks[index]!;
    const at = this.#inChunk(chunk, key, value);
    if (at === chunk.keys.length) {
      chunk.keys.push(key);
      chunk.values.push(value);
    } else {
      chunk.keys.splice(at, 0, key);
      chunk.values.splice(at, 0, value);
    }
    if (chunk.keys.length > MAX_CHUNK) {
      const half = chunk.keys.length >>> 1;
      this.#chunks.splice(index + 1, 0, { keys: chunk.keys.splice(half), values: chunk.values.splice(half) });
    }
  }

  /** Removes the pair (key, value); false when it is not there. */
  delete(key: SortKey, value: V): boolean {
    const index = this.#chunkFor(key, value);
    const chunk = this.#chunks[index];
    if (chunk === undefined) return false;
    const at = this.#inChunk(chunk, key, value);
    if (at >= chunk.keys.length || this.#compare(chunk.keys[at], chunk.values[at]!, key, value) !== 0)
      return false;
    chunk.keys.splice(at, 1);
    chunk.values.splice(at, 1);
    this.#size -= 1;
    this.#dirty = true;
    if (chunk.keys.length === 0) {
      this.#chunks.splice(index, 1);
    } else if (chunk.keys.length < MIN_CHUNK) {
      const next = this.#chunks[index + 1];
      if (next !== undefined && chunk.keys.length + next.keys.length <= MAX_CHUNK) {
        chunk.keys.push(...next.keys);
        chunk.values.push(...next.values);
        this.#chunks.splice(index + 1, 1);
      }
    }
    return true;
  }

  #refreshStarts(): void {
    if (!this.#dirty) return;
    const starts = new Array<number>(this.#chunks.length);
    let position = 0;
    for (let index = 0; index < this.#chunks.length; index += 1) {
      starts[index] = position;
      position += this.#chunks[index]!.keys.length;
    }
    this.#starts = starts;
    this.#dirty = false;
  }

  /** The index of the chunk holding `position` and the offset in it, or undefined out of range. */
  #locate(position: number): [number, number] | undefined {
    if (position < 0 || position >= this.#size || !Number.isInteger(position)) return undefined;
    this.#refreshStarts();
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.#starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return [low, position - this.#starts[low]!];
  }

  keyAt(position: number): SortKey {
    const found = this.#locate(position);
    return found === undefined ? undefined : this.#chunks[found[0]]!.keys[found[1]];
  }

  valueAt(position: number): V | undefined {
    const found = this.#locate(position);
    return found === undefined ? undefined : this.#chunks[found[0]]!.values[found[1]];
  }

  /** The position of the first pair for which `before` is false (pairs for which it is true come first). */
  #partition(before: (key: SortKey, value: V) => boolean): number {
    let low = 0;
    let high = this.#chunks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const chunk = this.#chunks[middle]!;
      const last = chunk.keys.length - 1;
      if (before(chunk.keys[last], chunk.values[last]!)) low = middle + 1;
      else high = middle;
    }
    if (low === this.#chunks.length) return this.#size;
    const chunk = this.#chunks[low]!;
    let from = 0;
    let to = chunk.keys.length;
    while (from < to) {
      const middle = (from + to) >>> 1;
      if (before(chunk.keys[middle], chunk.values[middle]!)) from = middle + 1;
      else to = middle;
    }
    this.#refreshStarts();
    return this.#starts[low]! + from;
  }

  boundOfKey(key: SortKey, after: boolean): number {
    return this.#partition((candidate) => {
      const order = compareSortKeys(candidate, key);
      return after ? order <= 0 : order < 0;
    });
  }

  positionAfter(key: SortKey, value: V): number {
    return this.#partition(
      (candidateKey, candidateValue) => this.#compare(candidateKey, candidateValue, key, value) <= 0,
    );
  }

  /** The first position whose key is a string ≥ `prefix`: where the keys starting with `prefix` begin. */
  boundOfPrefix(prefix: string): number {
    return this.#partition((candidate) => compareSortKeys(candidate, prefix) < 0);
  }

  forEach(from: number, to: number, visit: (key: SortKey, value: V) => boolean | undefined): void {
    const end = Math.min(to, this.#size);
    if (from >= end) return;
    const found = this.#locate(Math.max(0, from));
    if (found === undefined) return;
    let [chunkIndex, offset] = found;
    let remaining = end - Math.max(0, from);
    while (remaining > 0 && chunkIndex < this.#chunks.length) {
      const chunk = this.#chunks[chunkIndex]!;
      for (; offset < chunk.keys.length && remaining > 0; offset += 1, remaining -= 1) {
        if (visit(chunk.keys[offset], chunk.values[offset]!) === false) return;
      }
      chunkIndex += 1;
      offset = 0;
    }
  }

  /** Every pair in order (for tests and checks). */
  entries(): [SortKey, V][] {
    const pairs: [SortKey, V][] = [];
    this.forEach(0, this.#size, (key, value) => {
      pairs.push([key, value]);
      return undefined;
    });
    return pairs;
  }
}
