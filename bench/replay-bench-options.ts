/**
 * The options the replay benchmarks share (directory size, pacing, seed, mapping), parsed once: the throughput and
 * memory benchmarks must describe the same replay the same way.
 */
import { MAPPING_PRESET_NAMES, type MappingPresetName } from '../mock-idp/index.js';
import { HarnessError } from '../src/errors/harness-error.js';
import { readCount } from './count-option.js';

export interface ReplayBenchOptions {
  users: number;
  groups: number;
  concurrency: number;
  seed: number;
  mapping: MappingPresetName;
}

/** The `parseArgs` declarations of those options. */
export const REPLAY_BENCH_ARGS = {
  users: { type: 'string' },
  groups: { type: 'string' },
  concurrency: { type: 'string' },
  seed: { type: 'string' },
  mapping: { type: 'string' },
} as const;

/** Reads them, with `defaultUsers` when `--users` is absent; groups default to one per hundred users. */
export function readReplayBenchOptions(
  values: { [K in keyof typeof REPLAY_BENCH_ARGS]?: string | undefined },
  defaultUsers: number,
): ReplayBenchOptions {
  const users = readCount('users', values.users, defaultUsers, 100_000);
  const mapping = values.mapping ?? 'entra-default';
  const preset = MAPPING_PRESET_NAMES.find((name) => name === mapping);
  if (preset === undefined) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `--mapping must be one of ${MAPPING_PRESET_NAMES.join(', ')}, got ${JSON.stringify(mapping)}.`,
    );
  }
  return {
    users,
    groups: readCount('groups', values.groups, Math.floor(users / 100), 100_000),
    concurrency: Math.max(1, readCount('concurrency', values.concurrency, 8, 256)),
    seed: readCount('seed', values.seed, 1, Number.MAX_SAFE_INTEGER),
    mapping: preset,
  };
}
