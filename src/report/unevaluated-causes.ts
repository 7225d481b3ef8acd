import type { CheckResult } from '../run-contract/index.js';
/**
 * Why checks could not be evaluated, counted by cause, so a reader sees at once whether the target failed (a server
 * error to a request meant to be valid), the way to it failed (a gateway, a redirect, a dropped connection), or the
 * run did. Read from the messages the suites write ("Could not evaluate: <CODE>: …"): the first cause that fits wins.
 */

export const UNEVALUATED_CAUSES = [
  { cause: 'target errors (a 5xx to a request meant to be valid)', test: /the target failed/i },
  { cause: 'no SCIM answer (a gateway, a redirect, a body that is not JSON)', test: /got no SCIM answer/i },
  {
    cause: 'no answer at all (timeout, reset, unreachable)',
    test: /got no answer|timed out|TARGET_TIMEOUT|TARGET_UNREACHABLE|dropped the connection/i,
  },
  { cause: 'the run was interrupted', test: /interrupted/i },
  { cause: 'a step the check needed did not succeed', test: /CHECK_PRECONDITION/ },
] as const;

const OTHER = 'other';

/** Counts of the `error` checks by cause, largest first; empty when every check was evaluated. */
export function unevaluatedCauses(checks: readonly CheckResult[]): { cause: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const check of checks) {
    if (check.status !== 'error') continue;
    const cause = UNEVALUATED_CAUSES.find((row) => row.test.test(check.message))?.cause ?? OTHER;
    counts.set(cause, (counts.get(cause) ?? 0) + 1);
  }
  return [...counts].map(([cause, count]) => ({ cause, count })).sort((a, b) => b.count - a.count);
}

/** `3 target errors (…), 1 no answer at all (…)`, or '' when every check was evaluated. */
export function describeUnevaluatedCauses(checks: readonly CheckResult[]): string {
  return unevaluatedCauses(checks)
    .map(({ cause, count }) => `${count} ${cause}`)
    .join(', ');
}
