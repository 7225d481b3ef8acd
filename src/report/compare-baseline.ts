import type { CheckStatus, ConformanceResult } from '../run-contract/index.js';

/** How a run moved against a baseline run; every list holds check ids, sorted. */
export interface BaselineComparison {
  /**
   * The target got worse: passed, skipped or unsupported in the baseline and failed now, or passed in the baseline
   * and `unsupported` now (it declines a feature it used to offer, which fails every profile that needs it, like a
   * failure would).
   */
  regressions: string[];
  /**
   * Of {@link regressions}, those that passed in the baseline and are `unsupported` now, so the summary can say the
   * target declines them rather than breaks them. Every id here is in {@link regressions} too.
   */
  declined: string[];
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
 * passed → unsupported is a regression, like passed → failed. Transitions not listed (error → failed, failed →
 * skipped, skipped → unsupported, failed → unsupported, unsupported → passed, …) are not a broken or repaired
 * requirement the target can be blamed or credited for, so they are left out. A version-1 baseline has no
 * `unsupported` checks; it compares the same way.
 */
export function compareWithBaseline(
  current: ConformanceResult,
  baseline: ConformanceResult,
): BaselineComparison {
  const before = new Map<string, CheckStatus>(baseline.checks.map((check) => [check.id, check.status]));
  const now = new Map<string, CheckStatus>(current.checks.map((check) => [check.id, check.status]));
  const comparison: BaselineComparison = {
    regressions: [],
    declined: [],
    fixed: [],
    errored: [],
    new: [],
    removed: [],
  };
  for (const [id, status] of now) {
    const previous = before.get(id);
    if (previous === undefined) comparison.new.push(id);
    else if (
      status === 'failed' &&
      (previous === 'passed' || previous === 'skipped' || previous === 'unsupported')
    )
      comparison.regressions.push(id);
    else if (status === 'unsupported' && previous === 'passed') {
      comparison.regressions.push(id);
      comparison.declined.push(id);
    } else if (status === 'passed' && previous === 'failed') comparison.fixed.push(id);
    else if (status === 'error' && previous !== 'error') comparison.errored.push(id);
  }
  for (const id of before.keys()) if (!now.has(id)) comparison.removed.push(id);
  for (const list of Object.values(comparison)) list.sort();
  return comparison;
}
