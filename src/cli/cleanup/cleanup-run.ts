/**
 * Removes what a run left on the target, and nothing else. Every candidate is read back first and deleted only when
 * its userName (Users) or displayName (Groups) still carries the run id as the harness wrote it: a resource renamed
 * since, or one the run never made, is skipped with the reason.
 * Candidates come from the run's ledger, then from a sweep of the target for anything else tagged with the run id
 * (objects the target created itself, e.g. as a side effect of a Bulk request, are in no ledger). The sweep asks for
 * a `co` filter on the run id, before anything is deleted. Its answer is believed only when something proves the
 * filter finds every match: it returned every resource of the ledger that was still on the target, or the caller
 * knows the target's `co` works (the run's own `filter.co.string` check passed). Otherwise (a declined filter, one
 * that missed a ledger resource, a `co` that nothing proves, which a server may answer 200 with too few matches)
 * every resource is listed (startIndex/count, up to {@link MAX_SWEPT} per endpoint) and the tags read locally.
 * A search that cannot be completed is reported ({@link SweepSearch.incomplete}), never taken for "nothing found".
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.6 (DELETE)
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.4 (pagination)
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ScimClient, ScimExchange } from '../../http/index.js';
import { isJsonObject } from '../../json/json-guards.js';
import {
  appendLedger,
  carriesRunId,
  LEDGER_FILE,
  type LedgerEntry,
  readOutstanding,
} from '../../run-contract/index.js';
import { resourcePath } from '../../scim/resource-path.js';

export interface CleanupOutcome {
  endpoint: string;
  id: string;
  /** The name the resource carries on the target (or was created with, when it could not be read). */
  name: string;
  action: 'deleted' | 'skipped' | 'failed';
  reason: string;
  /** `sweep`: found by searching the target, not listed in the ledger (e.g. created by the target itself). */
  foundBy?: 'ledger' | 'sweep';
}

/** How one endpoint was searched for the run id's tag. */
export interface SweepSearch {
  endpoint: string;
  /** `filter`: the target's answer to the `co` filter was believed; `paging`: every resource was listed and its tag read. */
  method: 'filter' | 'paging';
  /** Why: what proved the filter, or why it was not believed. */
  basis: string;
  /** Resources read. */
  examined: number;
  /** Set when the search could not be completed: what was missing. */
  incomplete?: string;
}

export interface CleanupReport {
  /** Where the first candidates came from: the run's ledger, or (without one) only the sweep. */
  source: 'ledger' | 'search';
  outcomes: CleanupOutcome[];
  /** The sweep's searches, one per endpoint. */
  searches: SweepSearch[];
}

/** A resource the sweep must never delete, whatever it is called (the replay's external key owner). */
export interface SweepExclusion {
  endpoint: string;
  /** Compared case-insensitively with the userName / displayName. */
  name: string;
  reason: string;
}

const NAME_ATTRIBUTE: Readonly<Record<string, string>> = { '/Users': 'userName', '/Groups': 'displayName' };
const ENDPOINTS = ['/Groups', '/Users'] as const;
const PAGE_SIZE = 100;
/** A sweep never reads more than this many resources per endpoint; reaching it is reported as incomplete. */
export const MAX_SWEPT = 100_000;

/** What an exchange came back with, for a reason line. */
function answered(exchange: ScimExchange): string {
  return exchange.response
    ? String(exchange.response.status)
    : `${exchange.outcome}${exchange.error ? ` (${exchange.error})` : ''}`;
}

function nameOf(endpoint: string, resource: unknown): unknown {
  const attribute = NAME_ATTRIBUTE[endpoint];
  if (!attribute || !isJsonObject(resource)) return undefined;
  // Attribute names are case-insensitive (RFC 7643 §2.1).
  const key = Object.keys(resource).find((k) => k.toLowerCase() === attribute.toLowerCase());
  return key === undefined ? undefined : resource[key];
}

function memberOf(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

/** A ledger resource's outcome, and whether the read-back found it on the target carrying the run id. */
interface LedgerOutcome {
  outcome: CleanupOutcome;
  present: boolean;
}

async function deleteIfTagged(
  client: ScimClient,
  runId: string,
  endpoint: string,
  id: string,
  known: unknown,
): Promise<CleanupOutcome> {
  return (await deleteIfStillTagged(client, runId, endpoint, id, known)).outcome;
}

async function deleteIfStillTagged(
  client: ScimClient,
  runId: string,
  endpoint: string,
  id: string,
  known: unknown,
): Promise<LedgerOutcome> {
  const url = resourcePath(endpoint, id);
  const read = await client.get(url);
  const status = read.response?.status;
  const fallbackName = typeof known === 'string' ? known : '';
  if (status === 404) {
    return {
      outcome: { endpoint, id, name: fallbackName, action: 'skipped', reason: 'already gone (404)' },
      present: false,
    };
  }
  if (status !== 200) {
    return {
      outcome: {
        endpoint,
        id,
        name: fallbackName,
        action: 'failed',
        reason: `could not read it: GET answered ${answered(read)}`,
      },
      present: false,
    };
  }
  const name = nameOf(endpoint, read.response?.json);
  if (!carriesRunId(name, runId)) {
    return {
      outcome: {
        endpoint,
        id,
        name: typeof name === 'string' ? name : fallbackName,
        action: 'skipped',
        reason: `its ${NAME_ATTRIBUTE[endpoint] ?? 'name'} no longer carries the run id`,
      },
      present: false,
    };
  }
  const removed = await client.delete(url);
  const code = removed.response?.status;
  if (code !== undefined && (code < 300 || code === 404)) {
    return {
      outcome: { endpoint, id, name, action: 'deleted', reason: `DELETE answered ${code}` },
      present: true,
    };
  }
  return {
    outcome: { endpoint, id, name, action: 'failed', reason: `DELETE answered ${answered(removed)}` },
    present: true,
  };
}

interface Listing {
  found: Map<string, unknown>;
  /** The first page's answer was not a 200 ListResponse: the caller may try another way. */
  declined?: string;
  incomplete?: string;
}

/**
 * Pages through `endpoint` (with `filter` when given), collecting id → name. Stops at totalResults, at an empty page,
 * when a page brings nothing new (a target ignoring startIndex), or after {@link MAX_SWEPT} resources.
 */
async function listAll(client: ScimClient, endpoint: string, filter: string | undefined): Promise<Listing> {
  const found = new Map<string, unknown>();
  let startIndex = 1;
  for (let page = 0; ; page += 1) {
    if (found.size >= MAX_SWEPT)
      return { found, incomplete: `stopped after ${MAX_SWEPT} resources; there may be more` };
    const query: Record<string, string> = { startIndex: String(startIndex), count: String(PAGE_SIZE) };
    if (filter !== undefined) query.filter = filter;
    const exchange = await client.get(endpoint, { query });
    const json = exchange.response?.json;
    const resources = isJsonObject(json) ? memberOf(json, 'Resources') : undefined;
    const total = isJsonObject(json) ? memberOf(json, 'totalResults') : undefined;
    const usable =
      exchange.response?.status === 200 &&
      isJsonObject(json) &&
      (Array.isArray(resources) || (resources === undefined && total === 0));
    if (!usable) {
      const why =
        exchange.response?.status === 200
          ? `GET ${endpoint} answered 200 without a ListResponse`
          : `GET ${endpoint}${filter === undefined ? '' : ' with a filter'} answered ${answered(exchange)}`;
      return page === 0
        ? { found, declined: why }
        : { found, incomplete: `${why} at startIndex ${startIndex}` };
    }
    const items = Array.isArray(resources) ? resources : [];
    const before = found.size;
    for (const resource of items) {
      if (isJsonObject(resource) && typeof resource.id === 'string')
        found.set(resource.id, nameOf(endpoint, resource));
    }
    const read = startIndex - 1 + items.length;
    if (typeof total === 'number') {
      if (read >= total) return { found };
      if (items.length === 0 || found.size === before)
        return {
          found,
          incomplete: `totalResults is ${total} but paging stopped yielding resources after ${found.size}`,
        };
    } else if (items.length === 0 || found.size === before) {
      return { found };
    }
    startIndex += items.length;
  }
}

/** The sweep's endpoints whose `co` filter the caller knows to work, with what proves it. */
export type ProvenFilters = Partial<Record<(typeof ENDPOINTS)[number], string>>;

/**
 * Settles how `endpoint` is searched for the run id's tag, given the `co` filter's answer (asked before anything was
 * deleted) and the ledger resources found on the target then. The filter's answer is kept only when proven (see the
 * module comment); otherwise everything is listed, and what the filter found is kept too.
 */
async function settleSearch(
  client: ScimClient,
  endpoint: (typeof ENDPOINTS)[number],
  filtered: Listing,
  presentInLedger: readonly string[],
  proven: string | undefined,
): Promise<{ search: SweepSearch; found: Map<string, unknown> }> {
  const missed = presentInLedger.filter((id) => !filtered.found.has(id));
  let doubt: string | undefined;
  let basis = '';
  if (filtered.declined !== undefined) doubt = `the co filter was declined: ${filtered.declined}`;
  else if (missed.length > 0)
    doubt = `the co filter missed ${missed.length} of the ${presentInLedger.length} resource(s) the ledger lists`;
  else if (presentInLedger.length > 0)
    basis = `the co filter found all ${presentInLedger.length} resource(s) the ledger lists`;
  else if (proven !== undefined) basis = `the co filter is proven: ${proven}`;
  else doubt = 'nothing proves that the co filter finds every match (it may answer 200 with too few)';
  if (doubt === undefined) {
    const search: SweepSearch = { endpoint, method: 'filter', basis, examined: filtered.found.size };
    if (filtered.incomplete !== undefined) search.incomplete = filtered.incomplete;
    return { search, found: filtered.found };
  }
  const listed = await listAll(client, endpoint, undefined);
  const found = new Map([...(filtered.declined === undefined ? filtered.found : []), ...listed.found]);
  const search: SweepSearch = { endpoint, method: 'paging', basis: doubt, examined: listed.found.size };
  const incomplete = listed.declined ?? listed.incomplete;
  if (incomplete !== undefined) search.incomplete = `${incomplete} (${doubt})`;
  return { search, found };
}

/**
 * Deletes the run's leftovers: first what `<runDir>/ledger.jsonl` lists (recording each deletion there), then
 * whatever else the sweep finds tagged with the run id (groups first), except the `exclude`d ones. Never deletes a
 * resource whose name does not carry the run id. `provenFilters`: endpoints whose `co` filter is known to work.
 */
export async function cleanupRun(options: {
  client: ScimClient;
  runId: string;
  runDir: string;
  exclude?: readonly SweepExclusion[];
  provenFilters?: ProvenFilters;
}): Promise<CleanupReport> {
  const { client, runId, runDir } = options;
  const ledger = existsSync(path.join(runDir, LEDGER_FILE));
  // Asked before anything is deleted, so that the ledger's resources still on the target can test the answer.
  const filtered = new Map<string, Listing>();
  for (const endpoint of ENDPOINTS) {
    filtered.set(endpoint, await listAll(client, endpoint, `${NAME_ATTRIBUTE[endpoint]} co "${runId}"`));
  }

  const outcomes: CleanupOutcome[] = [];
  const present: { endpoint: string; id: string }[] = [];
  if (ledger) {
    const entries: LedgerEntry[] = readOutstanding(runDir).filter((entry) => entry.runId === runId);
    // Newest first: groups are made after the users they hold.
    for (const entry of entries.reverse()) {
      const { outcome, present: found } = await deleteIfStillTagged(
        client,
        runId,
        entry.endpoint,
        entry.id,
        entry.name,
      );
      if (outcome.action !== 'failed') {
        appendLedger(runDir, { ...entry, createdAt: new Date().toISOString(), deleted: true });
      }
      if (found) present.push({ endpoint: entry.endpoint, id: entry.id });
      outcomes.push({ ...outcome, foundBy: 'ledger' });
    }
  }
  const handled = new Set(outcomes.map((o) => `${o.endpoint} ${o.id}`));

  const searches: SweepSearch[] = [];
  for (const endpoint of ENDPOINTS) {
    const { search, found } = await settleSearch(
      client,
      endpoint,
      filtered.get(endpoint) ?? { found: new Map() },
      present.filter((p) => p.endpoint === endpoint).map((p) => p.id),
      options.provenFilters?.[endpoint],
    );
    searches.push(search);
    for (const [id, name] of found) {
      if (handled.has(`${endpoint} ${id}`)) continue;
      const label = typeof name === 'string' ? name : '';
      if (!carriesRunId(name, runId)) {
        // A listing holds the whole tenant: only a filter's answer is worth a line.
        if (search.method === 'filter') {
          outcomes.push({
            endpoint,
            id,
            name: label,
            action: 'skipped',
            reason: 'matched the search but does not carry the run id',
            foundBy: 'sweep',
          });
        }
        continue;
      }
      const excluded = options.exclude?.find(
        (e) => e.endpoint === endpoint && e.name.toLowerCase() === label.toLowerCase(),
      );
      if (excluded) {
        outcomes.push({
          endpoint,
          id,
          name: label,
          action: 'skipped',
          reason: excluded.reason,
          foundBy: 'sweep',
        });
        continue;
      }
      outcomes.push({ ...(await deleteIfTagged(client, runId, endpoint, id, name)), foundBy: 'sweep' });
    }
  }
  return { source: ledger ? 'ledger' : 'search', outcomes, searches };
}

/** What is still on the target tagged with the run id: every resource the cleanup could not delete. */
export function remainingAfter(report: CleanupReport): CleanupOutcome[] {
  return report.outcomes.filter((o) => o.action === 'failed');
}

/** The searches that could not be completed: while any is, the cleanup cannot say that nothing is left. */
export function incompleteSearches(report: CleanupReport): SweepSearch[] {
  return report.searches.filter((s) => s.incomplete !== undefined);
}

/** Whether the target is known to hold nothing tagged with the run id. */
export function isClean(report: CleanupReport): boolean {
  return remainingAfter(report).length === 0 && incompleteSearches(report).length === 0;
}
