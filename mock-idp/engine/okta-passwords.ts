import { createHmac, randomBytes } from 'node:crypto';
import { stableHash } from '../directory/index.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The passwords the mock Okta client sends: on create a placeholder ("a random 8-character alphanumeric string"
 * sent "even if password sync isn't enabled", REF20), and with Sync Password on a new one whenever the Okta user's
 * password changes. Each is derived from the run, the user and the password's generation under a key drawn at random
 * for this process, so nothing is stored but the generation of users whose password changed, and nobody who knows the
 * run id can compute a password the target now holds.
 */
export class OktaPasswords {
  readonly #runId: string;
  readonly #seed: number;
  /** Share of active users whose Okta password changes between two cycles. */
  readonly #pushRate: number;
  readonly #generations = new Map<string, number>();
  readonly #key = randomBytes(32);

  constructor(options: { runId: string; seed: number; pushRate: number }) {
    this.#runId = options.runId;
    this.#seed = options.seed;
    this.#pushRate = options.pushRate;
  }

  /** The password the target should hold for the user now. */
  current(objectId: string): string {
    return this.#derive(objectId, this.#generations.get(objectId) ?? 0);
  }

  /** Whether the user's Okta password changes before `cycle` (never before the first). */
  changesIn(objectId: string, cycle: number): boolean {
    if (cycle <= 1 || this.#pushRate <= 0) return false;
    return stableHash(`password:${this.#seed}:${cycle}:${objectId}`) / 0x1_0000_0000 < this.#pushRate;
  }

  /** The password of generation `cycle`: what a push in that cycle sends. */
  next(objectId: string, cycle: number): string {
    return this.#derive(objectId, cycle);
  }

  /** The push of `cycle` was accepted. */
  pushed(objectId: string, cycle: number): void {
    this.#generations.set(objectId, cycle);
  }

  #derive(objectId: string, generation: number): string {
    const digest = createHmac('sha256', this.#key)
      .update(`${this.#runId}:${objectId}:${generation}`)
      .digest();
    let text = '';
    for (let i = 0; i < 8; i++) text += ALPHANUMERIC[digest[i]! % ALPHANUMERIC.length];
    return text;
  }
}
