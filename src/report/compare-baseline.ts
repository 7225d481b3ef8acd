import type { CheckStatus, ConformanceResult } from './conformance-result.js';

/** How a run moved against a baseline run; every list holds check ids, sorted. */
export interface BaselineComparison {
  /** Passed or skipped in the baseline, failed now: the target got worse. */
  regressions: string[];
  /** Failed in the baseline, passed now. */
  fixed: string[];
  /**
   * In the baseline with any other status, in `error` now: the harness could not evaluate it this time, which
   * says nothing about the target, so it is kept apart from {@link regressions}.
   */
  errored: string[];
  /** Only in the current run. */
  new: string[];
  /** Only in the baseline. */
  removed: string[];
}

/**
 * Compares two results check by check (keyed on the stable check id), for `scim-harness run --baseline`.
 * Transitions not listed (error → failed, failed → skipped, …) are not a change the target can be blamed or
 * credited for, so they are left out.
 */
export function compareWithBaseline(
  current: ConformanceResult,
  baseline: ConformanceResult,
): BaselineComparison {
  const before = new Map<string, CheckStatus>(baseline.checks.map((check) => [check.id, check.status]));
  const now = new Map<string, CheckStatus>(current.checks.map((check) => [check.id, check.status]));
  const comparison: BaselineComparison = { regressions: [], fixed: [], errored: [], new: [], removed: [] };
  for (const [id, status] of now) {
    const previous = before.get(id);
    if (previous === undefined) comparison.new.push(id);
    else if (status === 'failed' && (previous === 'passed' || previous === 'skipped'))
      comparison.regressions.push(id);
    else if (status === 'passed' && previous === 'failed') comparison.fixed.push(id);
    else if (status === 'error' && previous !== 'error') comparison.errored.push(id);
  }
  for (const id of before.keys()) if (!now.has(id)) comparison.removed.push(id);
  for (const list of Object.values(comparison)) list.sort();
  return comparison;
}
