import type { ConformanceResult, Leftover, ReplayResult } from '../run-contract/index.js';
/**
 * What the sweep after a run or a replay found, in the words every report uses: resources still carrying the run id
 * after the checks' (or the replay's) own cleanup, and searches the sweep could not complete. Either is a safety
 * failure (exit 1), whatever the verdicts say, so report.html shows it above the checks and junit.xml as a failing
 * test case.
 */

/** One sweep's findings, ready to show. */
export interface SafetyFinding {
  /** Whose sweep: `run` (after the conformance checks) or `replay` (after the mock-IdP replay). */
  source: 'run' | 'replay';
  /** A one-line title, e.g. `Safety: 2 resource(s) carrying the run id were left after the run`. */
  heading: string;
  /** What the entries are and why they matter: they carried the run id after the cleanup, a safety failure. */
  notice: string;
  leftovers: Leftover[];
  /** The searches that could not be completed, one line each; empty when the sweep searched the whole target. */
  incomplete: string[];
}

/** A leftover in one line: `/Groups/42 "Side effect sh-…": deleted by the sweep` or `…: NOT deleted, still on the target`. */
export function describeLeftover(leftover: Leftover): string {
  const state = leftover.deleted === true ? 'deleted by the sweep' : 'NOT deleted, still on the target';
  return `${leftover.endpoint}/${leftover.id} ${JSON.stringify(leftover.name)}: ${state}`;
}

/** The advice under a list holding anything the sweep could not delete. */
function removeHint(leftovers: readonly Leftover[], runId: string): string {
  return leftovers.some((l) => l.deleted !== true)
    ? ` What was NOT deleted is still on the target: scim-harness cleanup --run-id ${runId} removes it.`
    : '';
}

/**
 * A sweep's findings in the words every report uses, or `null` when it found nothing and searched the whole target.
 * `after` names what ran before the sweep (`the run`, `the replay`); `exit` what the process exits with.
 */
function sweepFinding(
  source: SafetyFinding['source'],
  leftovers: Leftover[],
  incomplete: string[],
  runId: string,
  exit: string,
): SafetyFinding | null {
  if (leftovers.length === 0 && incomplete.length === 0) return null;
  const after = source === 'run' ? 'the run' : 'the replay';
  const whose = source === 'run' ? "the checks' own cleanup" : "the replay's own cleanup";
  const parts: string[] = [];
  if (leftovers.length > 0) {
    parts.push(
      `These resources carried the run id after ${whose}, and the sweep after ${after} found them. This is a safety failure: ${exit}.${removeHint(leftovers, runId)}`,
    );
  }
  if (incomplete.length > 0) {
    parts.push(
      `The sweep after ${after} could not search the whole target, so it cannot say that nothing carrying the run id is left (${incomplete.length === 1 ? 'the search below' : 'the searches below'}). This is a safety failure${leftovers.length > 0 ? ' too' : `: ${exit}`}.`,
    );
  }
  return {
    source,
    heading:
      leftovers.length > 0
        ? `Safety: ${leftovers.length} resource(s) carrying the run id were left after ${after}`
        : `Safety: the sweep after ${after} could not search the whole target`,
    notice: parts.join(' '),
    leftovers,
    incomplete,
  };
}

/**
 * The conformance run's sweep findings (`leftovers` and `sweepIncomplete` of conformance.json), or `null` when it found
 * nothing and searched the whole target (or did not run).
 */
export function runSafetyFinding(result: ConformanceResult): SafetyFinding | null {
  const exit = `the run exits ${result.interrupted === true ? '130, as it was interrupted' : '1'}`;
  return sweepFinding('run', result.leftovers ?? [], result.sweepIncomplete ?? [], result.runId, exit);
}

/**
 * The replay's sweep findings (`leftovers` and `sweepIncomplete` of replay.json), or `null` when it found nothing and
 * searched the whole target (or did not run).
 */
export function replaySafetyFinding(replay: ReplayResult): SafetyFinding | null {
  // An interrupted replay exits 130 whatever the sweep found; the finding is no less a safety failure.
  const exit = `the replay exits ${replay.interrupted === true ? '130, as it was interrupted' : '1'}`;
  return sweepFinding('replay', replay.leftovers ?? [], replay.sweepIncomplete ?? [], replay.runId, exit);
}
