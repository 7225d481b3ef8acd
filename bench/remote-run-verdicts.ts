/**
 * What the remote-run benchmark compares between runs: each check's status and each profile's verdict, read from
 * conformance.json. The same target behind a slower network must give the same answers.
 */
import { isJsonObject } from '../src/json/json-guards.js';

export interface RunStatuses {
  /** Check id → status (`passed`, `failed`, `unsupported`, `skipped`, `error`). */
  checks: Map<string, string>;
  /** Profile → verdict. */
  verdicts: Map<string, string>;
  /** Check id → its duration, ms, when the report gives one. */
  durations: Map<string, number>;
}

/** The statuses of a conformance.json; throws on a file of another shape, so a broken run is never "the same". */
export function statusesOf(conformance: unknown): RunStatuses {
  if (!isJsonObject(conformance) || !Array.isArray(conformance.checks) || !isJsonObject(conformance.summary))
    throw new Error('not a conformance.json: no checks or summary');
  const checks = new Map<string, string>();
  const durations = new Map<string, number>();
  for (const check of conformance.checks) {
    if (!isJsonObject(check) || typeof check.id !== 'string' || typeof check.status !== 'string')
      throw new Error('not a conformance.json: a check without id or status');
    checks.set(check.id, check.status);
    if (typeof check.durationMs === 'number') durations.set(check.id, check.durationMs);
  }
  const verdicts = new Map<string, string>();
  const byProfile = conformance.summary.verdicts;
  if (isJsonObject(byProfile))
    for (const [profile, verdict] of Object.entries(byProfile)) verdicts.set(profile, String(verdict));
  return { checks, verdicts, durations };
}

/** Each difference from `reference`, one line each; empty when every check and verdict is the same. */
export function compareStatuses(reference: RunStatuses, other: RunStatuses): string[] {
  const lines: string[] = [];
  for (const [profile, verdict] of reference.verdicts) {
    const got = other.verdicts.get(profile);
    if (got !== verdict) lines.push(`verdict ${profile}: ${verdict} → ${got ?? 'absent'}`);
  }
  for (const [profile, verdict] of other.verdicts)
    if (!reference.verdicts.has(profile)) lines.push(`verdict ${profile}: absent → ${verdict}`);
  for (const [id, status] of reference.checks) {
    const got = other.checks.get(id);
    if (got !== status) lines.push(`${id}: ${status} → ${got ?? 'absent'}`);
  }
  for (const [id, status] of other.checks)
    if (!reference.checks.has(id)) lines.push(`${id}: absent → ${status}`);
  return lines;
}

/** The `count` slowest checks, slowest first: `id 12.3 s`. */
export function slowestChecks(statuses: RunStatuses, count: number): string[] {
  return [...statuses.durations]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([id, ms]) => `${id} ${(ms / 1000).toFixed(1)} s`);
}
