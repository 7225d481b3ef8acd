import { HarnessError } from '../../src/errors/harness-error.js';
import type { Shard } from './entra-objects.js';

/**
 * FNV-1a (32-bit) of a string: stable across processes and Node versions, unlike anything keyed on
 * object identity or insertion order, so every shard process computes the same partition.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The 1-based shard an objectId belongs to when the directory is cut into `total` parts. */
export function shardIndexOf(objectId: string, total: number): number {
  return (stableHash(objectId.toLowerCase()) % total) + 1;
}

/** Whether `objectId` falls in `shard`; everything is in the absent (whole) shard. */
export function isInShard(objectId: string, shard: Shard | undefined): boolean {
  return shard === undefined || shard.total === 1 || shardIndexOf(objectId, shard.total) === shard.index;
}

/** Checks a shard's numbers; throws `CONFIG_INVALID` with what is wrong. */
export function validateShard(shard: Shard): Shard {
  const { index, total } = shard;
  if (!Number.isInteger(total) || total < 1) {
    throw new HarnessError('CONFIG_INVALID', `shard total must be a positive integer, got ${String(total)}`);
  }
  if (!Number.isInteger(index) || index < 1 || index > total) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `shard index must be an integer from 1 to ${total}, got ${String(index)}`,
      { hint: 'shards are 1-based, as in --shard 1/4' },
    );
  }
  return { index, total };
}

/** Parses `--shard i/n` (1-based, like Playwright's `--shard`). */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) {
    throw new HarnessError('CONFIG_INVALID', `shard must look like "index/total" (e.g. 2/4), got "${text}"`);
  }
  return validateShard({ index: Number(match[1]), total: Number(match[2]) });
}
