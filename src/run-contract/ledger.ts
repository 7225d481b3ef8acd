/**
 * The run's ledger: one JSON line per resource the run created, appended the moment the target confirms it, so an
 * interrupted run can be cleaned up (`scim-harness cleanup --run-id`) without touching anything the run did not create.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
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

/**
 * Open append-mode descriptors by ledger file: opening and closing the file for every line cost more than the write.
 * Each line still reaches the file (the OS's page cache) before appendLedger returns, so a killed worker loses none,
 * and O_APPEND keeps the lines of parallel workers whole.
 */
const descriptors = new Map<string, number>();

/** The open descriptor of `file`, reopened when the file it points at was removed or replaced since. */
function descriptorOf(file: string): number {
  const open = descriptors.get(file);
  if (open !== undefined) {
    try {
      if (fstatSync(open).nlink > 0) return open;
    } catch {
      // Closed under us: open it again below.
    }
    descriptors.delete(file);
    closeQuietly(open);
  }
  const fd = openSync(file, 'a');
  descriptors.set(file, fd);
  return fd;
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to release.
  }
}

export function appendLedger(runDir: string, entry: LedgerEntry): void {
  const line = Buffer.from(`${JSON.stringify(entry)}\n`);
  const fd = descriptorOf(path.join(runDir, LEDGER_FILE));
  for (let written = 0; written < line.length; ) written += writeSync(fd, line, written);
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
