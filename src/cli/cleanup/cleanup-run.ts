/**
 * Removes what an interrupted run left on the target, and nothing else. Every candidate is read back first and
 * deleted only when its userName (Users) or displayName (Groups) still carries the run id as the run's resource
 * factory wrote it: a resource renamed since, or one the run never made, is skipped with the reason.
 * Candidates come from the run's ledger; without one, from a `sw` filter on the run id, whose matches are checked
 * the same way (a target that ignores filters answers with everything, which must not be deleted).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.6 (DELETE)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  appendLedger,
  LEDGER_FILE,
  type LedgerEntry,
  readOutstanding,
} from '../../../suites/support/ledger.js';
import type { ScimClient, ScimExchange } from '../../http/index.js';

export interface CleanupOutcome {
  endpoint: string;
  id: string;
  /** The name the resource carries on the target (or was created with, when it could not be read). */
  name: string;
  action: 'deleted' | 'skipped' | 'failed';
  reason: string;
}

export interface CleanupReport {
  /** Where the candidates came from. */
  source: 'ledger' | 'search';
  outcomes: CleanupOutcome[];
}

const NAME_ATTRIBUTE: Readonly<Record<string, string>> = { '/Users': 'userName', '/Groups': 'displayName' };
const PAGE_SIZE = 100;
/** A search never walks more than this many pages: a target ignoring startIndex would otherwise loop forever. */
const MAX_PAGES = 50;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether `name` carries `runId` as the resource factory writes it: `<runId>.<…>` for a userName,
 * `<runId> <…>` for a group's displayName. Exact and case-sensitive, so a look-alike never qualifies.
 */
export function carriesRunId(name: unknown, runId: string): name is string {
  return typeof name === 'string' && (name.startsWith(`${runId}.`) || name.startsWith(`${runId} `));
}

function answered(exchange: ScimExchange): string {
  return exchange.response
    ? String(exchange.response.status)
    : `${exchange.outcome}${exchange.error ? ` (${exchange.error})` : ''}`;
}

function nameOf(endpoint: string, resource: unknown): unknown {
  const attribute = NAME_ATTRIBUTE[endpoint];
  if (!attribute || !isRecord(resource)) return undefined;
  // Attribute names are case-insensitive (RFC 7643 §2.1).
  const key = Object.keys(resource).find((k) => k.toLowerCase() === attribute.toLowerCase());
  return key === undefined ? undefined : resource[key];
}

async function deleteIfTagged(
  client: ScimClient,
  runId: string,
  endpoint: string,
  id: string,
  known: unknown,
): Promise<CleanupOutcome> {
  const url = `${endpoint}/${encodeURIComponent(id)}`;
  const read = await client.get(url);
  const status = read.response?.status;
  const fallbackName = typeof known === 'string' ? known : '';
  if (status === 404)
    return { endpoint, id, name: fallbackName, action: 'skipped', reason: 'already gone (404)' };
  if (status !== 200) {
    return {
      endpoint,
      id,
      name: fallbackName,
      action: 'failed',
      reason: `could not read it: GET answered ${answered(read)}`,
    };
  }
  const name = nameOf(endpoint, read.response?.json);
  if (!carriesRunId(name, runId)) {
    return {
      endpoint,
      id,
      name: typeof name === 'string' ? name : fallbackName,
      action: 'skipped',
      reason: `its ${NAME_ATTRIBUTE[endpoint] ?? 'name'} no longer carries the run id`,
    };
  }
  const removed = await client.delete(url);
  const code = removed.response?.status;
  if (code !== undefined && (code < 300 || code === 404)) {
    return { endpoint, id, name, action: 'deleted', reason: `DELETE answered ${code}` };
  }
  return { endpoint, id, name, action: 'failed', reason: `DELETE answered ${answered(removed)}` };
}

async function search(
  client: ScimClient,
  endpoint: string,
  runId: string,
): Promise<{ id: string; name: unknown }[]> {
  const attribute = NAME_ATTRIBUTE[endpoint] ?? 'userName';
  const found = new Map<string, unknown>();
  for (let page = 0, startIndex = 1; page < MAX_PAGES; page += 1) {
    const exchange = await client.get(endpoint, {
      query: {
        filter: `${attribute} sw "${runId}"`,
        startIndex: String(startIndex),
        count: String(PAGE_SIZE),
      },
    });
    const json = exchange.response?.json;
    const resources = isRecord(json) && Array.isArray(json.Resources) ? json.Resources : [];
    const before = found.size;
    for (const resource of resources) {
      if (isRecord(resource) && typeof resource.id === 'string')
        found.set(resource.id, nameOf(endpoint, resource));
    }
    if (resources.length < PAGE_SIZE || found.size === before) break;
    startIndex += resources.length;
  }
  return [...found].map(([id, name]) => ({ id, name }));
}

/**
 * Deletes the run's leftovers: from `<runDir>/ledger.jsonl` when it exists (and records each deletion there), else
 * from a search on the run id. Never deletes a resource whose name does not carry the run id.
 */
export async function cleanupRun(options: {
  client: ScimClient;
  runId: string;
  runDir: string;
}): Promise<CleanupReport> {
  const { client, runId, runDir } = options;
  const outcomes: CleanupOutcome[] = [];
  if (existsSync(path.join(runDir, LEDGER_FILE))) {
    const entries: LedgerEntry[] = readOutstanding(runDir).filter((entry) => entry.runId === runId);
    // Newest first: groups are made after the users they hold.
    for (const entry of entries.reverse()) {
      const outcome = await deleteIfTagged(client, runId, entry.endpoint, entry.id, entry.name);
      if (outcome.action !== 'failed') {
        appendLedger(runDir, { ...entry, createdAt: new Date().toISOString(), deleted: true });
      }
      outcomes.push(outcome);
    }
    return { source: 'ledger', outcomes };
  }
  for (const endpoint of ['/Groups', '/Users']) {
    for (const { id, name } of await search(client, endpoint, runId)) {
      if (!carriesRunId(name, runId)) {
        outcomes.push({
          endpoint,
          id,
          name: typeof name === 'string' ? name : '',
          action: 'skipped',
          reason: 'matched the search but does not carry the run id',
        });
        continue;
      }
      outcomes.push(await deleteIfTagged(client, runId, endpoint, id, name));
    }
  }
  return { source: 'search', outcomes };
}
