/**
 * What a finished run means for the exit code: 1 when a selected profile fails at or above --fail-on (a check failed,
 * could not be evaluated, or is unsupported while the profile needs it), or when a check regressed against the
 * baseline (passed → failed, passed → unsupported, …); 0 otherwise. Pure, so the rule is tested without running suites.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../../errors/harness-error.js';
import {
  type BaselineComparison,
  compareWithBaseline,
  profileVerdict,
  REPORT_FILES,
} from '../../report/index.js';
import { type ConformanceResult, type FailOn, parseConformanceResult } from '../../run-contract/index.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';

export interface RunOutcome {
  exitCode: ExitCode;
  /** The selected profiles whose verdict is `fail`. */
  failedProfiles: string[];
  comparison: BaselineComparison | undefined;
}

/** Reads a conformance.json, or the one inside a report folder. */
export function readConformanceFile(file: string, what: string): ConformanceResult {
  let target = file;
  try {
    if (statSync(file).isDirectory()) target = path.join(file, REPORT_FILES.json);
  } catch (cause) {
    throw new HarnessError('CONFIG_INVALID', `${what} ${file} cannot be read`, { cause });
  }
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (cause) {
    throw new HarnessError('CONFIG_INVALID', `${what} ${target} cannot be read`, {
      cause,
      hint: `give a ${REPORT_FILES.json} written by scim-harness run, or its report folder`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new HarnessError('CONFIG_INVALID', `${what} ${target} is not JSON`, { cause });
  }
  try {
    return parseConformanceResult(json, `${what} ${target}`);
  } catch (cause) {
    throw new HarnessError('CONFIG_INVALID', cause instanceof Error ? cause.message : String(cause), {
      cause,
    });
  }
}

/**
 * Reads the `--baseline` file, refusing (usage error, exit 2) the report of an interrupted run: it covers only the
 * checks that ran before the run was stopped, so every check it lacks would read as "new" and a regression in it
 * would go unseen.
 */
export function readBaselineFile(file: string): ConformanceResult {
  const baseline = readConformanceFile(file, '--baseline');
  if (baseline.interrupted === true) {
    const named = statSync(file).isDirectory() ? path.join(file, REPORT_FILES.json) : file;
    throw new HarnessError(
      'CONFIG_INVALID',
      `--baseline ${named} is the report of an interrupted run (run ${baseline.runId}): it covers only the checks that ran before the run was stopped, so it cannot be a baseline`,
      { hint: 'give the conformance.json of a run that ended by itself (no "interrupted": true)' },
    );
  }
  return baseline;
}

/** What a run is about to test, as far as comparing it with a baseline goes. */
export interface RunScope {
  /** The tenant URL as given; undefined for the embedded reference server. */
  tenantUrl: string | undefined;
  profiles: readonly string[];
}

/** A URL compared as a target: scheme and host case-insensitively, without a trailing slash on the path. */
function sameTarget(a: string, b: string): boolean {
  const canonical = (text: string) => {
    try {
      const url = new URL(text);
      return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
    } catch {
      return text;
    }
  };
  return canonical(a) === canonical(b);
}

/**
 * One line for stderr when the baseline was written for another target or another set of profiles than this run's,
 * or undefined when it matches. The comparison still runs (a target may have moved, on purpose), but its "new" and
 * "removed" checks and its regressions are then about two different things, which nobody should learn from the
 * exit code alone. The embedded server counts as one target whatever its port.
 */
export function baselineMismatch(
  baseline: ConformanceResult,
  scope: RunScope,
  file: string,
): string | undefined {
  const reasons: string[] = [];
  const before = baseline.target.embedded === true ? 'the embedded reference server' : baseline.target.url;
  const now = scope.tenantUrl ?? 'the embedded reference server';
  const bothEmbedded = baseline.target.embedded === true && scope.tenantUrl === undefined;
  if (!bothEmbedded && !sameTarget(before, now))
    reasons.push(`ran against ${before}, this run against ${now}`);
  const sorted = (list: readonly string[]) => [...new Set(list)].sort();
  const [was, is] = [sorted(baseline.profiles), sorted(scope.profiles)];
  if (was.join(',') !== is.join(','))
    reasons.push(`covered the profiles ${was.join(', ')}, this run covers ${is.join(', ')}`);
  if (reasons.length === 0) return undefined;
  return `warning: the baseline ${file} ${reasons.join('; it ')}: comparing anyway, but new, removed and regressed checks may be differences between the two, not changes of the target\n`;
}

/** The exit code of a run, with the facts behind it. */
export function runOutcome(
  result: ConformanceResult,
  options: { profiles: readonly string[]; failOn: FailOn; baseline?: ConformanceResult },
): RunOutcome {
  const failedProfiles = options.profiles.filter(
    (profile) =>
      profileVerdict(result.checks, profile, options.failOn, result.interrupted === true) === 'fail',
  );
  const comparison = options.baseline ? compareWithBaseline(result, options.baseline) : undefined;
  const regressed = (comparison?.regressions.length ?? 0) > 0;
  return {
    exitCode: failedProfiles.length > 0 || regressed ? EXIT_CODES.failures : EXIT_CODES.ok,
    failedProfiles,
    comparison,
  };
}

/** The baseline part of the summary: what regressed, what got fixed, what could not be evaluated this time. */
export function formatComparison(comparison: BaselineComparison, baselineFile: string): string {
  const list = (ids: readonly string[]) => ids.map((id) => `  ${id}`).join('\n');
  const lines = [`Compared with the baseline ${baselineFile}:`];
  // passed → unsupported is a regression too; it is listed apart, so nobody reads "declined" as "broken".
  const declined = new Set(comparison.declined);
  const failing = comparison.regressions.filter((id) => !declined.has(id));
  if (failing.length > 0) {
    lines.push(`${failing.length} regression(s), passing before and failing now:`, list(failing));
  }
  if (declined.size > 0) {
    lines.push(
      `${declined.size} regression(s), passing before and unsupported now (the target declines the feature):`,
      list(comparison.declined),
    );
  }
  if (comparison.regressions.length === 0) lines.push('No regressions.');
  if (comparison.fixed.length > 0)
    lines.push(`${comparison.fixed.length} fixed, failing before and passing now:`, list(comparison.fixed));
  if (comparison.errored.length > 0) {
    lines.push(`${comparison.errored.length} could not be evaluated this time:`, list(comparison.errored));
  }
  if (comparison.new.length > 0) lines.push(`${comparison.new.length} check(s) new since the baseline.`);
  if (comparison.removed.length > 0)
    lines.push(`${comparison.removed.length} check(s) of the baseline not run now.`);
  return `${lines.join('\n')}\n`;
}
