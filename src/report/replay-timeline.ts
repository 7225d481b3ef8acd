import type { ReplayQuarantineEvent, ReplayResult } from '../run-contract/index.js';

/** An event of the quarantine timeline with its reason put in words for the page. */
export interface ReplayTimelineEvent extends ReplayQuarantineEvent {
  words: string;
}

/** One cycle of the quarantine timeline: its state after the cycle and what happened during it. */
export interface ReplayTimelineCycle {
  n: number;
  quarantined: boolean;
  events: ReplayTimelineEvent[];
}

/**
 * Entra's quarantine reasons in words. Unknown reasons (a newer replay.json) are shown as they are.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-quarantine-status
 */
const REASON_WORDS: Readonly<Record<string, string>> = {
  EncounteredQuarantineException:
    'invalid credentials: the target rejected the provisioning token (401 or 403), so the job stops regardless of failure counts',
  ScimComplianceIssue:
    'SCIM compliance issue: a query answered 404 where Entra expects 200 with an empty ListResponse',
  EncounteredEscrowProportionThreshold:
    'too many failures: more than 40% of the events (or over 40,000) failed once 5,000 failures were reached',
};

/** One sentence for a timeline event: what happened, why, and what caused it. */
export function describeQuarantineEvent(event: ReplayQuarantineEvent): string {
  const cause = event.cause === undefined ? '' : ` (${event.cause})`;
  const code = event.code === undefined ? '' : `; provisioning log code ${event.code}`;
  switch (event.event) {
    case 'entered': {
      const reason =
        event.reason === undefined
          ? 'for an unrecorded reason'
          : (REASON_WORDS[event.reason] ?? event.reason);
      return `Entered quarantine: ${reason}${cause}${code}.`;
    }
    case 'left':
      return `Left quarantine: the cycle ran without failures${cause}.`;
    case 'escrow':
      return `Failed operations escrowed, to be retried in the next cycle${cause}${code}.`;
    default: {
      const unknown: never = event.event;
      return `Unknown event ${String(unknown)}${cause}.`;
    }
  }
}

/**
 * The timeline the page shows: every cycle, its quarantine state, and the events recorded in it. A replay.json
 * written before the timeline existed has no `quarantine` field: each cycle then shows its state alone.
 */
export function buildQuarantineTimeline(replay: ReplayResult): ReplayTimelineCycle[] {
  const events = replay.quarantine ?? [];
  return replay.cycles.map((cycle) => ({
    n: cycle.n,
    quarantined: cycle.quarantined,
    events: events
      .filter((event) => event.cycle === cycle.n)
      .map((event) => ({ ...event, words: describeQuarantineEvent(event) })),
  }));
}
