/**
 * The run's ledger: one JSON line per resource the run created, appended the moment the target confirms it, so an
 * interrupted run can be cleaned up (`scim-harness cleanup --run-id`) without touching anything the run did not create.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const LEDGER_FILE = 'ledger.jsonl';

export interface LedgerEntry {
  runId: string;
  /** The resource endpoint, e.g. `/Users`. */
  endpoint: string;
  id: string;
  /** The run-id-tagged name it was created with (userName or displayName), checked again before deletion. */
  name: string;
  createdAt: string;
  /** Set by a later line when the resource was deleted. */
  deleted?: boolean;
}

export function appendLedger(runDir: string, entry: LedgerEntry): void {
  appendFileSync(path.join(runDir, LEDGER_FILE), `${JSON.stringify(entry)}\n`);
}

/** The resources still outstanding: created and not yet recorded as deleted. Malformed lines are skipped. */
export function readOutstanding(runDir: string): LedgerEntry[] {
  const file = path.join(runDir, LEDGER_FILE);
  if (!existsSync(file)) return [];
  const live = new Map<string, LedgerEntry>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let entry: LedgerEntry;
    try {
      entry = JSON.parse(line) as LedgerEntry;
    } catch {
      continue;
    }
    const key = `${entry.endpoint} ${entry.id}`;
    if (entry.deleted) live.delete(key);
    else live.set(key, entry);
  }
  return [...live.values()];
}
