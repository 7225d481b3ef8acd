import { HarnessError } from '../errors/harness-error.js';
import {
  type CheckResult,
  CONFORMANCE_SCHEMA_VERSION,
  type ConformanceResult,
  type ConformanceSummary,
  countsTowardsVerdict,
  type FailOn,
  parseConformanceResult,
  type ReportNote,
  type ShardInfo,
  type Verdict,
} from '../run-contract/index.js';

/** What the Playwright reporter collected; {@link buildConformanceResult} derives the rest. */
export interface ConformanceRunInput {
  runId: string;
  /** The run's seed (see ConformanceResult.seed). */
  seed?: number;
  tool: { name: string; version: string };
  target: { url: string; embedded?: boolean };
  /** The profiles the run was asked for; when absent, every profile a check names, in first-seen order. */
  profiles?: readonly string[];
  startedAt: string | Date;
  finishedAt: string | Date;
  /** Defaults to `must`. */
  failOn?: FailOn;
  shard?: ShardInfo;
  /** The run was stopped before it ended: recorded as `interrupted: true`, and every verdict is `fail`. */
  interrupted?: boolean;
  checks: readonly CheckResult[];
  /** Notes on the selected profiles (see ConformanceResult.notes); kept only for profiles of the result. */
  notes?: readonly ReportNote[];
}

/**
 * A profile's verdict and what it rests on: checks at or above the fail-on level that failed, were not evaluated, or
 * whose feature the profile needs and the target declined.
 */
export interface ProfileOutcome {
  verdict: Verdict;
  /** Applicable checks at or above the fail-on level that `failed`. */
  failed: number;
  /** Applicable checks at or above the fail-on level in `error` (could not be evaluated). */
  unevaluated: number;
  /** Applicable checks at or above the fail-on level `unsupported` with the profile in their `neededBy`. */
  unsupported: number;
  /** Present (`true`) when the run was interrupted, which fails the profile whatever its checks say. */
  interrupted?: true;
}

/** Whether `check` being `unsupported` fails `profile`: only when the profile's client needs the feature. */
export function unsupportedFails(check: Pick<CheckResult, 'neededBy'>, profile: string): boolean {
  return check.neededBy?.includes(profile) ?? false;
}

/**
 * The verdict of one profile over `checks` (only the checks naming the profile count), with its causes.
 * `interrupted`: the run was stopped early, so the verdict is `fail` whatever the checks say.
 * @see VERDICTS in src/run-contract/check-vocabulary.ts for the rule and why `error` yields `fail`.
 */
export function profileOutcome(
  checks: readonly CheckResult[],
  profile: string,
  failOn: FailOn,
  interrupted = false,
): ProfileOutcome {
  let failed = 0;
  let unevaluated = 0;
  let unsupported = 0;
  for (const check of checks) {
    if (!check.profiles.includes(profile) || !countsTowardsVerdict(check.level, failOn)) continue;
    if (check.status === 'failed') failed += 1;
    if (check.status === 'error') unevaluated += 1;
    if (check.status === 'unsupported' && unsupportedFails(check, profile)) unsupported += 1;
  }
  return {
    verdict: interrupted || failed + unevaluated + unsupported > 0 ? 'fail' : 'pass',
    failed,
    unevaluated,
    unsupported,
    ...(interrupted ? { interrupted: true as const } : {}),
  };
}

/** The verdict of one profile over `checks`; `fail` whatever they say when the run was `interrupted`. */
export function profileVerdict(
  checks: readonly CheckResult[],
  profile: string,
  failOn: FailOn,
  interrupted = false,
): Verdict {
  return profileOutcome(checks, profile, failOn, interrupted).verdict;
}

/**
 * Why a failing profile fails, beyond broken requirements, as words for the verdict: `run interrupted`,
 * `2 needed features unsupported`, `1 could not be evaluated`, joined with `, `, and then also how many checks
 * `failed` (`71 failed, 2 could not be evaluated`); empty when only failures (or nothing) are among the causes.
 */
export function verdictCauses(
  outcome: Pick<ProfileOutcome, 'unevaluated' | 'unsupported' | 'interrupted'> &
    Partial<Pick<ProfileOutcome, 'failed'>>,
): string {
  const causes: string[] = [];
  if (outcome.interrupted === true) causes.push('run interrupted');
  // Only beside another cause: a failure alone reads `fail`, and "2 could not be evaluated" must not look like the
  // whole reason when checks failed too.
  const other = outcome.interrupted === true || outcome.unsupported > 0 || outcome.unevaluated > 0;
  if (other && (outcome.failed ?? 0) > 0) causes.push(`${outcome.failed} failed`);
  if (outcome.unsupported > 0) {
    causes.push(`${outcome.unsupported} needed feature${outcome.unsupported === 1 ? '' : 's'} unsupported`);
  }
  if (outcome.unevaluated > 0) causes.push(`${outcome.unevaluated} could not be evaluated`);
  return causes.join(', ');
}

/**
 * The verdict as the summaries word it: `pass`, `fail`, or with its causes when they are not (only) broken
 * requirements: `fail (2 needed features unsupported)`, `fail (1 could not be evaluated)`,
 * `fail (1 needed feature unsupported, 2 could not be evaluated)`, so a reader does not blame the target for a
 * check the harness could not evaluate, and sees when the target declined what the profile needs.
 */
export function describeVerdict(result: ConformanceResult, profile: string): string {
  const outcome = profileOutcome(
    result.checks,
    profile,
    result.failOn ?? 'must',
    result.interrupted === true,
  );
  const verdict = result.summary.verdicts[profile] ?? outcome.verdict;
  const causes = verdictCauses(outcome);
  return verdict === 'fail' && causes !== '' ? `fail (${causes})` : verdict;
}

/** Counts by status and a verdict per profile (each `fail` when the run was `interrupted`). */
export function summarizeChecks(
  checks: readonly CheckResult[],
  profiles: readonly string[],
  failOn: FailOn,
  interrupted = false,
): ConformanceSummary {
  const summary: ConformanceSummary = {
    total: checks.length,
    passed: 0,
    failed: 0,
    skipped: 0,
    errored: 0,
    unsupported: 0,
    verdicts: {},
  };
  for (const check of checks) {
    switch (check.status) {
      case 'passed':
        summary.passed += 1;
        break;
      case 'failed':
        summary.failed += 1;
        break;
      case 'skipped':
        summary.skipped += 1;
        break;
      case 'error':
        summary.errored += 1;
        break;
      case 'unsupported':
        summary.unsupported += 1;
        break;
      default: {
        const unreachable: never = check.status;
        throw new HarnessError('INTERNAL', `check ${check.id} has unknown status ${String(unreachable)}`);
      }
    }
  }
  for (const profile of profiles)
    summary.verdicts[profile] = profileVerdict(checks, profile, failOn, interrupted);
  return summary;
}

function toIso(value: string | Date, field: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    throw new HarnessError('INTERNAL', `${field} is not a valid date: ${String(value)}`);
  }
  return date.toISOString();
}

function profilesOf(checks: readonly CheckResult[]): string[] {
  const seen = new Set<string>();
  for (const check of checks) for (const profile of check.profiles) seen.add(profile);
  return [...seen];
}

/**
 * Builds a complete, schema-valid conformance result: checks sorted by id (workers finish in any order; a
 * stable order keeps reports diffable), summary counted, verdicts computed.
 * Throws a {@link HarnessError} when a check id repeats or the result would break the schema.
 */
export function buildConformanceResult(input: ConformanceRunInput): ConformanceResult {
  const failOn = input.failOn ?? 'must';
  const seen = new Set<string>();
  for (const check of input.checks) {
    if (seen.has(check.id)) {
      throw new HarnessError('INTERNAL', `check id ${check.id} was reported twice; check ids must be unique`);
    }
    seen.add(check.id);
  }
  const checks = [...input.checks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const profiles = input.profiles ? [...new Set(input.profiles)] : profilesOf(checks);
  const result: ConformanceResult = {
    schemaVersion: CONFORMANCE_SCHEMA_VERSION,
    runId: input.runId,
    ...(input.seed === undefined ? {} : { seed: input.seed }),
    tool: { ...input.tool },
    target: { ...input.target },
    profiles,
    startedAt: toIso(input.startedAt, 'startedAt'),
    finishedAt: toIso(input.finishedAt, 'finishedAt'),
    failOn,
    ...(input.shard ? { shard: input.shard } : {}),
    ...(input.interrupted === true ? { interrupted: true } : {}),
    summary: summarizeChecks(checks, profiles, failOn, input.interrupted === true),
    checks,
  };
  const notes = (input.notes ?? []).filter((note) => profiles.includes(note.profile));
  if (notes.length > 0) result.notes = notes.map((note) => ({ ...note }));
  try {
    return parseConformanceResult(result, `conformance result of run ${input.runId}`);
  } catch (cause) {
    // The input comes from the suites' own annotations: a shape the schema refuses is a harness bug.
    throw new HarnessError('INTERNAL', cause instanceof Error ? cause.message : String(cause), { cause });
  }
}
