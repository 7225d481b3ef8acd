/**
 * The request mix of a load: how many requests of each kind (method, endpoint shape, query parameter names),
 * so the replay's initial cycle and the autocannon load can be shown to send the same requests in the same
 * proportions. Ids and filter values are left out of a kind: two matching queries for different users are
 * the same kind of request.
 */

/** How many requests of each kind, in the order the kinds were first seen. */
export type RequestMix = ReadonlyMap<string, number>;

/** One kind whose count differs between two mixes. */
export interface MixDifference {
  readonly kind: string;
  readonly expected: number;
  readonly actual: number;
}

/** SCIM endpoints; a path segment after one of them is a resource id (RFC 7644 §3.2). */
const ENDPOINTS = [
  'Users',
  'Groups',
  'Bulk',
  'Me',
  'ServiceProviderConfig',
  'ResourceTypes',
  'Schemas',
] as const;
const ENDPOINT_PATH = new RegExp(`/(${ENDPOINTS.join('|')})(/[^/]+)?/?$`);

/**
 * The kind of a request: `GET /Users?filter`, `POST /Users`, `PATCH /Groups/{id}`,
 * `GET /Groups?excludedAttributes&filter`. The tenant's base path is dropped, so requests to
 * `http://host/scim/v2/Users` and `/Users` are the same kind. Accepts an absolute URL or an origin path.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.2
 */
export function requestKind(method: string, url: string): string {
  const parsed = new URL(url, 'http://origin.invalid');
  const match = ENDPOINT_PATH.exec(parsed.pathname);
  const path = match === null ? parsed.pathname : `/${match[1]}${match[2] === undefined ? '' : '/{id}'}`;
  const names = [...new Set(parsed.searchParams.keys())].sort();
  return `${method.toUpperCase()} ${path}${names.length === 0 ? '' : `?${names.join('&')}`}`;
}

/** Counts kinds, keeping the order in which each was first seen. */
export function countKinds(kinds: Iterable<string>): Map<string, number> {
  const mix = new Map<string, number>();
  for (const kind of kinds) mix.set(kind, (mix.get(kind) ?? 0) + 1);
  return mix;
}

/** Adds `count` requests of `kind` to a mix in place. */
export function addToMix(mix: Map<string, number>, kind: string, count = 1): void {
  mix.set(kind, (mix.get(kind) ?? 0) + count);
}

/** All requests of a mix. */
export function mixTotal(mix: RequestMix): number {
  let total = 0;
  for (const count of mix.values()) total += count;
  return total;
}

/** Kinds whose counts differ (a kind missing from one side counts 0 there); empty when the mixes are equal. */
export function compareMixes(expected: RequestMix, actual: RequestMix): MixDifference[] {
  const kinds = new Set([...expected.keys(), ...actual.keys()]);
  const differences: MixDifference[] = [];
  for (const kind of kinds) {
    const a = expected.get(kind) ?? 0;
    const b = actual.get(kind) ?? 0;
    if (a !== b) differences.push({ kind, expected: a, actual: b });
  }
  return differences;
}

/** A mix as a plain record, for IPC (a Map does not survive the channel's serialisation). */
export function mixToRecord(mix: RequestMix): Record<string, number> {
  return Object.fromEntries(mix);
}

/** The inverse of {@link mixToRecord}; `undefined` when the value is not a record of non-negative integers. */
export function mixFromRecord(value: unknown): Map<string, number> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const mix = new Map<string, number>();
  for (const [kind, count] of Object.entries(value)) {
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return undefined;
    mix.set(kind, count);
  }
  return mix;
}
