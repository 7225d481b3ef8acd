import { HarnessError } from '../errors/harness-error.js';

/** One slice of a run split across machines: `index` of `total`, both 1-based like Playwright's `--shard`. */
export interface Shard {
  index: number;
  total: number;
}

/** Parses `i/n` with 1 ≤ i ≤ n. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(total))
    throw new HarnessError('CONFIG_INVALID', `--shard "${value}" is not of the form i/n`, {
      hint: 'e.g. --shard 2/4',
    });
  if (total < 1 || index < 1 || index > total)
    throw new HarnessError('CONFIG_INVALID', `--shard ${index}/${total} is out of range: need 1 ≤ i ≤ n`, {
      hint: 'e.g. --shard 2/4',
    });
  return { index, total };
}
