/**
 * An interrupted run (Ctrl-C, SIGINT or SIGTERM reaching the suites or the replay) still leaves its reports, marked
 * `interrupted: true`, so what ran is kept and nobody mistakes the part for the whole: every renderer shows
 * {@link INTERRUPTED_NOTICE} above everything else, every profile's verdict is `fail`, and `--baseline` refuses it.
 */

import type { ConformanceResult, ReplayResult } from '../run-contract/index.js';
import { summarizeChecks } from './build-conformance-result.js';

/** What the conformance reports say first when the run was interrupted. */
export const INTERRUPTED_NOTICE =
  'INTERRUPTED: this report covers only the checks that ran before the run was stopped; do not use it as a baseline.';

/** What the replay report says first when the replay was interrupted. */
export const REPLAY_INTERRUPTED_NOTICE =
  'INTERRUPTED: the replay was stopped before all its cycles ran; this report shows only the cycles that completed.';

/** Whether a conformance or replay result records an interrupted run. */
export function isInterrupted(result: Pick<ConformanceResult | ReplayResult, 'interrupted'> | null): boolean {
  return result?.interrupted === true;
}

/**
 * `result` marked interrupted, as a new object: `interrupted: true` and every verdict `fail`. Fields this module does
 * not know are kept. Used by `scim-harness run` when it stopped the suites and their report does not say so yet.
 */
export function markInterrupted(result: ConformanceResult): ConformanceResult {
  return {
    ...result,
    interrupted: true,
    summary: summarizeChecks(result.checks, result.profiles, result.failOn ?? 'must', true),
  };
}
