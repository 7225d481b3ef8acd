import type { QuarantineReason } from './reactions.js';

/** One change of the job's quarantine state, for the report's timeline. */
export interface QuarantineEvent {
  readonly cycle: number;
  readonly event: 'entered' | 'left';
  readonly reason?: QuarantineReason;
  /** The operation and status that caused it, e.g. `getUser 401`. */
  readonly cause?: string;
}

/**
 * Escrow: evaluation starts at 5,000 failures; quarantine above 40% failed events or 40,000 failures.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-quarantine-status
 */
export const ESCROW_LIMITS = { minimumFailures: 5_000, failureRatio: 0.4, absoluteFailures: 40_000 } as const;

/**
 * The provisioning job's quarantine state. Credentials and SCIM-compliance failures quarantine at once;
 * a cycle that runs without them lets the job out.
 */
export class QuarantineState {
  readonly timeline: QuarantineEvent[] = [];
  #reason: QuarantineReason | undefined;

  get quarantined(): boolean {
    return this.#reason !== undefined;
  }

  get reason(): QuarantineReason | undefined {
    return this.#reason;
  }

  enter(cycle: number, reason: QuarantineReason, cause?: string): void {
    if (this.#reason === reason) return;
    this.#reason = reason;
    this.timeline.push({ cycle, event: 'entered', reason, ...(cause === undefined ? {} : { cause }) });
  }

  leave(cycle: number): void {
    if (this.#reason === undefined) return;
    this.#reason = undefined;
    this.timeline.push({ cycle, event: 'left' });
  }

  /** Applies the escrow thresholds to one cycle's counts. */
  checkEscrow(cycle: number, failures: number, events: number): void {
    const { minimumFailures, failureRatio, absoluteFailures } = ESCROW_LIMITS;
    if (failures < minimumFailures) return;
    if (failures > absoluteFailures || failures / Math.max(1, events) > failureRatio) {
      this.enter(cycle, 'EncounteredEscrowProportionThreshold', `${failures} of ${events} events failed`);
    }
  }
}
