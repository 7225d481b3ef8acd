/**
 * The options the replay benchmarks share (directory size, pacing, seed, mapping), parsed once: the throughput and
 * memory benchmarks must describe the same replay the same way.
 */
import { applyReplayHeapPolicy, MAPPING_PRESET_NAMES, type MappingPresetName } from '../mock-idp/index.js';
import { HarnessError, isHarnessError } from '../src/errors/harness-error.js';
import { readCount } from './count-option.js';

export interface ReplayBenchOptions {
  users: number;
  groups: number;
  concurrency: number;
  seed: number;
  mapping: MappingPresetName;
  /** `--v8-default-heap`: leave V8's heap growth as it is, for a before/after comparison with the CLI's policy. */
  v8DefaultHeap: boolean;
}

/** The `parseArgs` declarations of those options. */
export const REPLAY_BENCH_ARGS = {
  users: { type: 'string' },
  groups: { type: 'string' },
  concurrency: { type: 'string' },
  seed: { type: 'string' },
  mapping: { type: 'string' },
  'v8-default-heap': { type: 'boolean' },
} as const;

/** Reads them, with `defaultUsers` when `--users` is absent; groups default to one per hundred users. */
export function readReplayBenchOptions(
  values: {
    [K in keyof typeof REPLAY_BENCH_ARGS]?: (typeof REPLAY_BENCH_ARGS)[K]['type'] extends 'boolean'
      ? boolean | undefined
      : string | undefined;
  },
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
    v8DefaultHeap: values['v8-default-heap'] === true,
  };
}

/**
 * Sets the heap policy `scim-harness replay` sets (`applyReplayHeapPolicy`), so the benchmark measures the replay as
 * the command runs it, unless `--v8-default-heap`; returns the words for the report's first line.
 */
export function applyCliHeapPolicy(options: Pick<ReplayBenchOptions, 'v8DefaultHeap'>): string {
  if (options.v8DefaultHeap) return "V8's default heap growth (--v8-default-heap)";
  const policy = applyReplayHeapPolicy();
  return policy.kind === 'applied'
    ? `heap growth ${policy.growingPercent}% as \`scim-harness replay\` sets it`
    : `heap growth as given (${policy.flag})`;
}

/**
 * Runs a replay benchmark's `main`: a failure is one line on stderr naming the benchmark, and exit code 2 for
 * invalid options, 1 for anything else (the benchmark could not run).
 */
export function runReplayBench(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = isHarnessError(error)
      ? `${error.code}: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
    process.stderr.write(`${name} failed: ${message}\n`);
    process.exitCode = isHarnessError(error) && error.code === 'CONFIG_INVALID' ? 2 : 1;
  });
}
