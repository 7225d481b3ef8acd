/**
 * Marks each exchange a check makes with its phase (setup, check, cleanup), so the evidence keeps the requests that
 * exercise the requirement apart from creating and deleting what the check needs. The phase belongs to the client a
 * check uses; helpers that create or probe run their requests inside {@link inPhase}.
 */
import type { ScimClient, ScimExchange } from '../../src/http/index.js';

export type ExchangePhase = NonNullable<ScimExchange['phase']>;

const current = new WeakMap<ScimClient, ExchangePhase>();

/** The phase a new exchange of this client belongs to (`check` unless a helper said otherwise). */
export function phaseOf(client: ScimClient): ExchangePhase {
  return current.get(client) ?? 'check';
}

/** Runs `work` with this client's exchanges marked `phase`; the previous phase comes back afterwards. */
export async function inPhase<T>(
  client: ScimClient,
  phase: ExchangePhase,
  work: () => Promise<T>,
): Promise<T> {
  const before = current.get(client);
  current.set(client, phase);
  try {
    return await work();
  } finally {
    if (before === undefined) current.delete(client);
    else current.set(client, before);
  }
}
