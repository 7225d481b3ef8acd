/**
 * A check runs once for all its selected profiles, except under a profile it declares a variant for (check.ts
 * `separately`): that variant runs beside it. The report holds the check once. Runs of one check should agree; when
 * they do not, the worst outcome is kept and its message says under which profiles each outcome came, so nothing is
 * hidden.
 */
import type { TestCase } from '@playwright/test/reporter';
import {
  type CheckResult,
  type CheckStatus,
  PROFILE_VARIANT_ANNOTATION,
  type Profile,
} from '../../src/run-contract/index.js';
import { profilesOfTags } from '../support/selected-profiles.js';
import { capMessage } from './failure-message.js';

/** One run of a check, with the selected profiles it ran for ("rfc7644 and datadog", or a variant's "entra"). */
export interface CheckRun {
  profile: string;
  result: CheckResult;
}

/**
 * The selected profiles a test ran for, as its merged result names them ("passed under rfc7644 and datadog"): a
 * per-profile variant's own profile, else every selected profile among its tags. Empty for a test no selected profile
 * has (not a run of this report).
 */
export function runProfilesOf(
  test: Pick<TestCase, 'tags' | 'annotations'>,
  selected: readonly Profile[],
): string[] {
  const variant = test.annotations.find((a) => a.type === PROFILE_VARIANT_ANNOTATION)?.description;
  const tagged = profilesOfTags(test.tags, selected);
  return variant === undefined ? tagged : tagged.filter((profile) => profile === variant);
}

/**
 * How bad an outcome is: a broken requirement first, then one that could not be evaluated, then a feature the target
 * declined (it fails the profiles that need it), then not run.
 */
export function statusSeverity(status: CheckStatus): number {
  switch (status) {
    case 'failed':
      return 4;
    case 'error':
      return 3;
    case 'unsupported':
      return 2;
    case 'skipped':
      return 1;
    case 'passed':
      return 0;
    default: {
      const unreachable: never = status;
      throw new Error(`unknown check status ${String(unreachable)}`);
    }
  }
}

/** Merges the runs of each check by id, in first-seen order of the ids. */
export function mergeCheckRuns(runs: readonly CheckRun[]): CheckResult[] {
  const byId = new Map<string, CheckRun[]>();
  for (const run of runs) {
    const list = byId.get(run.result.id);
    if (list) list.push(run);
    else byId.set(run.result.id, [run]);
  }
  return [...byId.values()].map(mergeOne);
}

function mergeOne(runs: readonly CheckRun[]): CheckResult {
  const [first, ...rest] = runs;
  if (!first) throw new Error('mergeOne needs at least one run');
  let worst = first;
  for (const run of rest)
    if (statusSeverity(run.result.status) > statusSeverity(worst.result.status)) worst = run;
  const durationMs = runs.reduce((sum, run) => sum + (run.result.durationMs ?? 0), 0);
  const statuses = new Set(runs.map((run) => run.result.status));
  if (statuses.size === 1) return { ...worst.result, durationMs };
  const others = runs
    .filter((run) => run.result.status !== worst.result.status)
    .map((run) => `${run.result.status} under ${run.profile}`)
    .join(', ');
  const said = worst.result.message ? `: ${worst.result.message}` : '';
  return {
    ...worst.result,
    durationMs,
    message: capMessage(`${worst.result.status} under profile ${worst.profile} (${others})${said}`),
  };
}
