import type { ReplayQuarantineEventKind } from '../../src/run-contract/index.js';
import { ENTRA_REACTIONS, type QuarantineReason } from './reactions.js';

/** One change of the job's quarantine state, for the report's timeline (replay.json `quarantine`). */
export interface QuarantineEvent {
  readonly cycle: number;
  /** When it happened (ISO 8601). */
  readonly at: string;
  readonly event: ReplayQuarantineEventKind;
  readonly reason?: QuarantineReason;
  /** The provisioning log's error code for the cause, e.g. `Unauthorized`. */
  readonly code?: string;
  /** The operation and status that caused it, e.g. `getUser 401`, or the counts behind an escrow. */
  readonly cause?: string;
}

/**
 * Escrow: evaluation starts at 5,000 failures; quarantine above 40% failed events or 40,000 failures.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-quarantine-status
 */
export const ESCROW_LIMITS = { minimumFailures: 5_000, failureRatio: 0.4, absoluteFailures: 40_000 } as const;

/** The provisioning log's error code of the reaction that quarantines for `reason`, if one does. */
function codeOf(reason: QuarantineReason): string | undefined {
  return Object.values(ENTRA_REACTIONS).find((reaction) => reaction.quarantineReason === reason)?.errorCode;
}

/**
 * The provisioning job's quarantine state. Credentials and SCIM-compliance failures quarantine at once;
 * a cycle that runs without them lets the job out. Failures short of the escrow thresholds are escrowed:
 * retried in the next cycle, and recorded on the timeline.
 */
export class QuarantineState {
  readonly timeline: QuarantineEvent[] = [];
  readonly #now: () => Date;
  #reason: QuarantineReason | undefined;

  /** `now` is the clock the events are stamped with (a test passes a fixed one). */
  constructor(now: () => Date = () => new Date()) {
    this.#now = now;
  }

  get quarantined(): boolean {
    return this.#reason !== undefined;
  }

  get reason(): QuarantineReason | undefined {
    return this.#reason;
  }

  enter(cycle: number, reason: QuarantineReason, cause?: string): void {
    if (this.#reason === reason) return;
    this.#reason = reason;
    const code = codeOf(reason);
    this.timeline.push({
      cycle,
      at: this.#now().toISOString(),
      event: 'entered',
      reason,
      ...(code === undefined ? {} : { code }),
      ...(cause === undefined ? {} : { cause }),
    });
  }

  leave(cycle: number): void {
    if (this.#reason === undefined) return;
    this.#reason = undefined;
    this.timeline.push({ cycle, at: this.#now().toISOString(), event: 'left' });
  }

  /**
   * Applies the escrow thresholds to one cycle's counts: above them the job is quarantined; below them, failures
   * of a job that is not quarantined are escrowed for the next cycle.
   */
  checkEscrow(cycle: number, failures: number, events: number): void {
    const { minimumFailures, failureRatio, absoluteFailures } = ESCROW_LIMITS;
    const counts = `${failures} of ${events} events failed`;
    const overThreshold =
      failures >= minimumFailures &&
      (failures > absoluteFailures || failures / Math.max(1, events) > failureRatio);
    if (overThreshold) {
      this.enter(cycle, 'EncounteredEscrowProportionThreshold', counts);
      return;
    }
    if (failures > 0 && !this.quarantined)
      this.timeline.push({ cycle, at: this.#now().toISOString(), event: 'escrow', cause: counts });
  }
}
