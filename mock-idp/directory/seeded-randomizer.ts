import type { Faker, Randomizer } from '@faker-js/faker';
import { createEnglishFaker } from '../../src/faker/english-faker.js';

/**
 * A small-state pseudo-random generator (sfc32) behind faker's `Randomizer` contract.
 *
 * Faker's default Mersenne Twister costs ~50 µs per re-seed; the directory re-seeds once per user so
 * that any user can be generated on its own (shards, joiners) from `[seed, kind, serial]`, and 100k
 * re-seeds must stay cheap. sfc32 re-seeds in a few multiplications and passes PractRand for the
 * sample sizes used here; this is test data, not cryptography.
 * @see https://fakerjs.dev/api/faker#constructor (the `randomizer` option)
 */
export class SeededRandomizer implements Randomizer {
  #a = 0;
  #b = 0;
  #c = 0;
  #d = 0;

  constructor(seed: number | readonly number[] = 0) {
    this.seed([...(typeof seed === 'number' ? [seed] : seed)]);
  }

  // Arrow properties: faker calls `next` and `seed` detached from the instance.
  readonly seed = (seed: number | number[]): void => {
    const parts = typeof seed === 'number' ? [seed] : seed;
    // Mix every part (both 32-bit halves, so seeds above 2^32 still differ) into four lanes.
    let h1 = 0x9e3779b9;
    let h2 = 0x85ebca6b;
    let h3 = 0xc2b2ae35;
    let h4 = 0x27d4eb2f;
    for (const part of parts) {
      const value = Number.isFinite(part) ? Math.trunc(part) : 0;
      for (const word of [value >>> 0, Math.floor(value / 0x1_0000_0000) >>> 0]) {
        h1 = Math.imul(h1 ^ word, 0x85ebca6b);
        h2 = Math.imul(h2 ^ (h1 >>> 13), 0xc2b2ae35);
        h3 = Math.imul(h3 ^ (h2 >>> 16), 0x27d4eb2f);
        h4 = Math.imul(h4 ^ (h3 >>> 15), 0x9e3779b9);
      }
    }
    this.#a = h1 >>> 0;
    this.#b = h2 >>> 0;
    this.#c = h3 >>> 0;
    this.#d = (h4 ^ parts.length) >>> 0;
    // Discard the first outputs: they still carry the structure of the mixing above.
    for (let i = 0; i < 12; i++) this.#nextUint32();
  };

  readonly next = (): number => this.#nextUint32() / 0x1_0000_0000;

  #nextUint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }
}

/** A dedicated English faker on a {@link SeededRandomizer}; never the shared global instance. */
export function createSeededFaker(seed: number | readonly number[]): Faker {
  return createEnglishFaker({ randomizer: new SeededRandomizer(seed) });
}

/** Seed domains, so that users, groups, change cycles and a sustained load's mix never draw from the same stream. */
export const SEED_DOMAINS = { user: 1, group: 2, changes: 3, probe: 4, sustain: 5 } as const;
