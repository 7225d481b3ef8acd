/**
 * "Will it work with Entra / with Okta?": for each client variant (run-contract CLIENT_VARIANTS), which of that client's
 * documented requests the target refused or mishandled, read from the checks that send them (a check's `clients`).
 * A variant works when every such check that counts at the run's fail-on level passed; it breaks on each that failed,
 * or that found a feature the client needs declined (`unsupported` with the client's profile in `neededBy`); it is
 * unknown when nothing broke but some could not be evaluated; and it was not tested when its profile was not run.
 */
import {
  type CheckResult,
  CLIENT_VARIANT_INFO,
  CLIENT_VARIANTS,
  type ClientVariant,
  type ConformanceResult,
  countsTowardsVerdict,
  levelRank,
} from '../run-contract/index.js';
import { unsupportedFails } from './build-conformance-result.js';

export const COMPATIBILITY_OUTCOMES = ['works', 'breaks', 'unknown', 'not-tested'] as const;
export type CompatibilityOutcome = (typeof COMPATIBILITY_OUTCOMES)[number];

export interface ClientCompatibility {
  variant: ClientVariant;
  /** e.g. "Microsoft Entra ID, ?aadOptscim062020". */
  name: string;
  outcome: CompatibilityOutcome;
  /** The checks of this client's requests the target refused or mishandled, most severe first. */
  broken: CheckResult[];
  /** Checks of this client's requests that could not be evaluated. */
  unevaluated: CheckResult[];
  /** Checks of this client's requests that were judged (passed, failed or declined), at the fail-on level. */
  judged: number;
}

function bySeverityThenId(a: CheckResult, b: CheckResult): number {
  return levelRank(b.level) - levelRank(a.level) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One row per client variant, in CLIENT_VARIANTS order. */
export function clientCompatibility(result: ConformanceResult): ClientCompatibility[] {
  return CLIENT_VARIANTS.map((variant) => {
    const { name, profile } = CLIENT_VARIANT_INFO[variant];
    // A report-only run (`--fail-on none`) still answers the question, at the default level (MUST).
    const level = result.failOn === 'none' || result.failOn === undefined ? 'must' : result.failOn;
    const checks = result.checks.filter(
      (check) => check.clients?.includes(variant) && countsTowardsVerdict(check.level, level),
    );
    const broken = checks
      .filter(
        (check) =>
          check.status === 'failed' || (check.status === 'unsupported' && unsupportedFails(check, profile)),
      )
      .sort(bySeverityThenId);
    const unevaluated = checks.filter((check) => check.status === 'error').sort(bySeverityThenId);
    const judged = checks.filter((check) => check.status !== 'error' && check.status !== 'skipped').length;
    const outcome: CompatibilityOutcome = !result.profiles.includes(profile)
      ? 'not-tested'
      : broken.length > 0
        ? 'breaks'
        : unevaluated.length > 0 || judged === 0
          ? 'unknown'
          : 'works';
    return { variant, name, outcome, broken, unevaluated, judged };
  });
}

/** The row's answer in words, e.g. "breaks: 2 of its requests refused or mishandled". */
export function describeCompatibility(row: ClientCompatibility): string {
  switch (row.outcome) {
    case 'works':
      return `works: all ${row.judged} checks of its requests passed`;
    case 'breaks':
      return `breaks: ${row.broken.length} of its requests refused or mishandled`;
    case 'unknown':
      return row.judged === 0
        ? 'unknown: none of its requests could be judged'
        : `unknown: nothing broke, but ${row.unevaluated.length} could not be evaluated`;
    case 'not-tested':
      return `not tested (run with --profile ${CLIENT_VARIANT_INFO[row.variant].profile})`;
    default: {
      const unreachable: never = row.outcome;
      throw new TypeError(`unknown outcome ${String(unreachable)}`);
    }
  }
}
