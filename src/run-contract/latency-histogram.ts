/**
 * A mergeable latency histogram, so that the shards of one replay (`replay --shard i/n`, each on its own machine) can
 * be merged into percentiles of all their requests, not percentiles of percentiles.
 *
 * It is log-linear, written here rather than taken from `hdr-histogram-js`: the harness needs only to record
 * milliseconds, add histograms and read three percentiles, and this does it in a page with no dependency; its JSON
 * form (bucket index → count) is readable in replay.json and validated by its schema like every other field, where
 * the library's compact form is a deflated, base64-encoded binary (pako) that no schema can check; and the library,
 * a CommonJS package with a WebAssembly build beside its JavaScript one, would be a runtime dependency of the CLI for
 * this one use.
 *
 * Values are counted in units of 0.01 ms (the precision replay.json's percentiles are rounded to). The first
 * 2 × {@link SUB_BUCKETS} units (up to 2.56 ms) each have a bucket of their own: exact. Above, every power of two is
 * cut into {@link SUB_BUCKETS} buckets of equal width, so a bucket is at most 1/128 of its values wide, and the
 * percentile read from it (its midpoint) is within 1/256 of the exact figure plus 0.005 ms (see {@link PRECISION}).
 * Merging is a bucket-wise sum, exact: the merge of histograms is the histogram of all their values.
 */

/** Sub-buckets per power of two: 2^7, so a bucket spans at most 1/128 of its values. */
const SUB_BUCKET_BITS = 7;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
/** Milliseconds per unit: values are counted in hundredths of a millisecond. */
const UNIT_MS = 0.01;

/** The format name replay.json carries, so a reader can tell this bucketing from any later one. */
export const LATENCY_HISTOGRAM_FORMAT = 'log-linear-0.01ms-128';

/**
 * The error bound of a percentile read from a histogram against the same nearest-rank percentile of the exact values
 * (each rounded to 0.01 ms): at most `relative` of the exact figure plus `absoluteMs`.
 */
export const PRECISION = { relative: 1 / (2 * SUB_BUCKETS), absoluteMs: UNIT_MS / 2 } as const;

/** The JSON form of a histogram in replay.json: counts by bucket index, empty buckets left out. */
export interface ReplayLatencyHistogram {
  format: typeof LATENCY_HISTOGRAM_FORMAT;
  /** Values recorded (the sum of `buckets`). */
  count: number;
  /** Counts by bucket index (a decimal string, JSON keys being strings); see {@link LatencyHistogram}. */
  buckets: Record<string, number>;
}

/** JSON Schema of {@link ReplayLatencyHistogram}. */
export const LATENCY_HISTOGRAM_SCHEMA = {
  type: 'object',
  required: ['format', 'count', 'buckets'],
  properties: {
    format: { const: LATENCY_HISTOGRAM_FORMAT },
    count: { type: 'integer', minimum: 0 },
    buckets: {
      type: 'object',
      propertyNames: { pattern: '^(0|[1-9][0-9]*)$' },
      additionalProperties: { type: 'integer', minimum: 1 },
    },
  },
} as const;

/** The bucket of `units` (an integer ≥ 0). */
function bucketOf(units: number): number {
  if (units < 2 * SUB_BUCKETS) return units;
  const shift = Math.floor(Math.log2(units)) - SUB_BUCKET_BITS;
  // log2 of a float can land one off at a power of two: settle on the shift that puts the sub-bucket in [128, 256).
  const exact =
    units / 2 ** shift >= 2 * SUB_BUCKETS ? shift + 1 : units / 2 ** shift < SUB_BUCKETS ? shift - 1 : shift;
  return exact * SUB_BUCKETS + Math.floor(units / 2 ** exact);
}

/** The value, in milliseconds rounded to 0.01, that stands for bucket `index`: the midpoint of its units. */
function bucketValue(index: number): number {
  if (index < 2 * SUB_BUCKETS) return index / 100;
  const shift = Math.floor(index / SUB_BUCKETS) - 1;
  const sub = index - shift * SUB_BUCKETS;
  const width = 2 ** shift;
  const low = sub * width;
  return Math.round(low + (width - 1) / 2) / 100;
}

/** Counts of latencies by log-linear bucket; see the module comment for the bucketing and its precision. */
export class LatencyHistogram {
  readonly #counts = new Map<number, number>();
  #count = 0;

  /** Values recorded. */
  get count(): number {
    return this.#count;
  }

  /** Records one latency in milliseconds; a negative or non-finite value counts as 0. */
  record(ms: number): void {
    // `ms * 100`, not `ms / UNIT_MS`: rounded as `percentile` rounds exact values, so the exact buckets agree with it.
    const units = Number.isFinite(ms) && ms > 0 ? Math.round(ms * 100) : 0;
    const bucket = bucketOf(units);
    this.#counts.set(bucket, (this.#counts.get(bucket) ?? 0) + 1);
    this.#count++;
  }

  /** Adds every count of `other` to this one (exact: bucket by bucket). Returns this histogram. */
  add(other: LatencyHistogram): this {
    for (const [bucket, n] of other.#counts) this.#counts.set(bucket, (this.#counts.get(bucket) ?? 0) + n);
    this.#count += other.#count;
    return this;
  }

  /**
   * The nearest-rank percentile `p` (0–100), as `percentile` in cycle-metrics.ts ranks exact values, read from the
   * bucket that holds that rank; 0 when nothing was recorded.
   */
  percentile(p: number): number {
    if (this.#count === 0) return 0;
    const rank = Math.min(this.#count - 1, Math.max(0, Math.ceil((p / 100) * this.#count) - 1));
    let seen = 0;
    for (const bucket of [...this.#counts.keys()].sort((a, b) => a - b)) {
      seen += this.#counts.get(bucket) ?? 0;
      if (seen > rank) return bucketValue(bucket);
    }
    return 0;
  }

  /** p50, p95 and p99, as replay.json's `latencyMs` holds them. */
  latency(): { p50: number; p95: number; p99: number } {
    return { p50: this.percentile(50), p95: this.percentile(95), p99: this.percentile(99) };
  }

  toJSON(): ReplayLatencyHistogram {
    const buckets: Record<string, number> = {};
    for (const bucket of [...this.#counts.keys()].sort((a, b) => a - b))
      buckets[String(bucket)] = this.#counts.get(bucket) ?? 0;
    return { format: LATENCY_HISTOGRAM_FORMAT, count: this.#count, buckets };
  }

  /** The histogram a {@link ReplayLatencyHistogram} describes (one that passed the replay schema). */
  static fromJSON(json: ReplayLatencyHistogram): LatencyHistogram {
    const histogram = new LatencyHistogram();
    for (const [bucket, n] of Object.entries(json.buckets)) {
      histogram.#counts.set(Number(bucket), n);
      histogram.#count += n;
    }
    return histogram;
  }
}

/** Nearest-rank percentile of sorted values: the exact figure a histogram's percentile approximates. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[rank] ?? 0) * 100) / 100;
}
