/**
 * Where the time of a whole conformance run goes, from Playwright's JSON report: per worker, the wall time its
 * tests spanned, the time its requests spent waiting on the server (`timing.serverMs` of the recorded exchanges),
 * and the rest, the harness's own overhead (fixtures, matchers, schema validation, client work, process set-up).
 * Pure: the tests feed it a synthetic report.
 * @see ../src/http/exchange.ts ExchangeTiming for what serverMs covers
 */
import { isJsonObject } from '../src/json/json-guards.js';
import { EXCHANGES_ATTACHMENT } from '../src/run-contract/index.js';

export interface WorkerOverhead {
  /** Playwright's parallel index: one row per worker slot. */
  worker: number;
  tests: number;
  requests: number;
  /** From the first test's start to the last test's end on this worker. */
  wallMs: number;
  serverMs: number;
  overheadMs: number;
}

export interface SuiteOverhead {
  workers: WorkerOverhead[];
  tests: number;
  requests: number;
  wallMs: number;
  serverMs: number;
  overheadMs: number;
  /** overheadMs / wallMs summed over the workers; 0 when nothing ran. */
  overheadShare: number;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Every test result in a Playwright JSON report, however deep its suites nest. */
function results(report: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (suite: unknown) => {
    if (!isJsonObject(suite)) return;
    for (const spec of list(suite.specs)) {
      if (!isJsonObject(spec)) continue;
      for (const t of list(spec.tests)) {
        if (!isJsonObject(t)) continue;
        for (const r of list(t.results)) if (isJsonObject(r)) out.push(r);
      }
    }
    for (const child of list(suite.suites)) walk(child);
  };
  for (const suite of list(isJsonObject(report) ? report.suites : undefined)) walk(suite);
  return out;
}

/** The `timing.serverMs` of each exchange in an attachment body (base64 in a JSON report). */
function serverTimes(attachment: Record<string, unknown>): number[] {
  if (typeof attachment.body !== 'string') return [];
  let exchanges: unknown;
  try {
    exchanges = JSON.parse(Buffer.from(attachment.body, 'base64').toString('utf8'));
  } catch {
    return [];
  }
  return list(exchanges).map((e) =>
    isJsonObject(e) && isJsonObject(e.timing) && typeof e.timing.serverMs === 'number'
      ? e.timing.serverMs
      : 0,
  );
}

/** The overhead table of one run, from the report of `playwright test --reporter=json`. */
export function suiteOverhead(report: unknown): SuiteOverhead {
  const byWorker = new Map<
    number,
    { start: number; end: number; tests: number; requests: number; serverMs: number }
  >();
  for (const result of results(report)) {
    const worker = typeof result.parallelIndex === 'number' ? result.parallelIndex : 0;
    const start = typeof result.startTime === 'string' ? Date.parse(result.startTime) : Number.NaN;
    const duration = typeof result.duration === 'number' ? result.duration : 0;
    if (!Number.isFinite(start)) continue;
    const row = byWorker.get(worker) ?? { start, end: start, tests: 0, requests: 0, serverMs: 0 };
    row.start = Math.min(row.start, start);
    row.end = Math.max(row.end, start + duration);
    row.tests += 1;
    for (const attachment of list(result.attachments)) {
      if (!isJsonObject(attachment) || attachment.name !== EXCHANGES_ATTACHMENT) continue;
      const times = serverTimes(attachment);
      row.requests += times.length;
      row.serverMs += times.reduce((sum, ms) => sum + ms, 0);
    }
    byWorker.set(worker, row);
  }
  const workers = [...byWorker]
    .sort(([a], [b]) => a - b)
    .map(([worker, row]) => {
      const wallMs = row.end - row.start;
      return {
        worker,
        tests: row.tests,
        requests: row.requests,
        wallMs,
        serverMs: row.serverMs,
        overheadMs: Math.max(0, wallMs - row.serverMs),
      };
    });
  const sum = (pick: (w: WorkerOverhead) => number) => workers.reduce((total, w) => total + pick(w), 0);
  const wallMs = sum((w) => w.wallMs);
  const overheadMs = sum((w) => w.overheadMs);
  return {
    workers,
    tests: sum((w) => w.tests),
    requests: sum((w) => w.requests),
    wallMs,
    serverMs: sum((w) => w.serverMs),
    overheadMs,
    overheadShare: wallMs > 0 ? overheadMs / wallMs : 0,
  };
}
