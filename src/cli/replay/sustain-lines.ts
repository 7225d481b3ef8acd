import type { ReplaySustain, ReplaySustainWindow } from '../../run-contract/index.js';

/**
 * What the terminal says of a sustained load (`replay --sustain`): a line per window as it closes (beside the
 * progress bar or the plain progress lines), and the verdict block under the replay's last line, each rule with what
 * the load came to. Counts and rates only: nothing of the target's answers is shown.
 */

/** `25`, `24.8`. */
function rate(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** One closed window: `sustain 10–20 s: achieved 250 of 250 offered (25 req/s), 0 missed, 0 errors, 0 429, p50/p95/p99 1.2/3.4/8.1 ms`. */
export function formatSustainWindowLine(window: ReplaySustainWindow): string {
  const end = Math.round((window.startS + window.durationS) * 10) / 10;
  const achievedRps = window.durationS > 0 ? window.achieved / window.durationS : 0;
  const noRetryAfter =
    window.throttledWithoutRetryAfter > 0
      ? ` (${window.throttledWithoutRetryAfter} without Retry-After)`
      : '';
  const { p50, p95, p99 } = window.latencyMs;
  return `sustain ${window.startS}–${end} s: achieved ${window.achieved} of ${window.offered} offered (${rate(achievedRps)} req/s), ${window.missed} missed, ${window.errors} errors, ${window.throttled} 429${noRetryAfter}, p50/p95/p99 ${p50}/${p95}/${p99} ms\n`;
}

/** The verdict block: the load, HELD or NOT HELD, then each rule on its own line. */
export function formatSustainVerdict(sustain: ReplaySustain): string {
  const { verdict, totals } = sustain;
  const head = `Sustained load: ${sustain.targetRps} req/s for ${sustain.ranS} s of ${sustain.durationS} s in ${sustain.series.length} window(s) of ${sustain.windowS} s, ${totals.sent} requests sent, ${totals.achievedRps} req/s achieved, p50/p95/p99 ${totals.latencyMs.p50}/${totals.latencyMs.p95}/${totals.latencyMs.p99} ms: ${verdict.held ? 'HELD' : 'NOT HELD'}`;
  const lines = verdict.checks.map(
    (check) => `  ${check.held ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`,
  );
  return `${[head, ...lines].join('\n')}\n`;
}
