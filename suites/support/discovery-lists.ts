/**
 * Reading the discovery lists (RFC 7644 §4) inside a check: the entries of `/Schemas` or `/ResourceTypes`, and the
 * key each is addressed by. A check that cannot read the list it builds on fails its precondition (reported `error`),
 * since the list itself is graded by its own checks.
 */
import { HarnessError } from '../../src/errors/harness-error.js';
import type { ScimClient } from '../../src/http/index.js';
import { resourcesOf, stringMember } from './case-insensitive-json.js';

export type DiscoveryList = '/Schemas' | '/ResourceTypes';

/** GET the list; throws CHECK_PRECONDITION unless it answers 200 with at least one entry. */
export async function discoveryEntries(scim: ScimClient, list: DiscoveryList): Promise<unknown[]> {
  const exchange = await scim.get(list);
  const entries = resourcesOf(exchange.response?.json);
  if (exchange.response?.status !== 200 || entries.length === 0) {
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `GET ${list} answered ${exchange.response?.status ?? exchange.outcome} with ${entries.length} entries`,
    );
  }
  return entries;
}

/** How an entry is addressed: its `id`, or for a ResourceType without one (RFC 7643 §6: id OPTIONAL) its `name`. */
export function entryKey(entry: unknown): string | undefined {
  return stringMember(entry, 'id') ?? stringMember(entry, 'name');
}
