import { setFlagsFromString } from 'node:v8';

/** How far past the live data V8 may grow the heap of a replay before it collects: 30%. */
export const REPLAY_HEAP_GROWING_PERCENT = 30;

/** What {@link applyReplayHeapPolicy} did; the benchmarks name it in their reports. */
export type ReplayHeapPolicy =
  | { kind: 'applied'; growingPercent: number }
  | { kind: 'left-to-operator'; flag: string };

const OPERATOR_FLAGS = ['--heap-growing-percent', '--heap_growing_percent'] as const;

/**
 * Makes V8 grow this process's heap by at most 30% over the live data between collections, the factor V8 itself
 * uses when it is told to favour memory, instead of its default of up to 4× on a machine with a large heap limit.
 *
 * Why: a replay holds its directory and per-object state for the whole run (about 100 MB at 100k users) while it
 * allocates short-lived request, response and log objects at hundreds of requests per second. With V8's default
 * growth the heap ran to several times the live data: a 100k-user initial cycle peaked at 802.7 MB RSS where the
 * live heap after a full collection was about 100 MB; with this policy it peaks under 300 MB, and the 10k cycle took the same time (the
 * collections it adds are of a young, mostly dead heap). `--max-old-space-size` would bound the heap too, but V8
 * reads it only when the process starts and a run that outgrows it dies; `--heap-growing-percent` is read at every
 * collection, so setting it from within the process takes effect, and it never makes a run fail.
 *
 * Process-wide, so only the CLI's `replay` command calls it (and the benchmark that measures that command). An
 * operator who gives the flag on node's command line (`node --heap-growing-percent=N …`; Node refuses it in
 * `NODE_OPTIONS`) keeps it; `--heap-growing-percent=0` restores V8's own growth.
 * @see docs/decisions/0004-replay-heap-growth.md (the options measured)
 */
export function applyReplayHeapPolicy(
  execArgv: readonly string[] = process.execArgv,
  setFlags: (flags: string) => void = setFlagsFromString,
): ReplayHeapPolicy {
  const given = execArgv.find((arg) =>
    OPERATOR_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)),
  );
  if (given !== undefined) return { kind: 'left-to-operator', flag: given };
  setFlags(`--heap-growing-percent=${REPLAY_HEAP_GROWING_PERCENT}`);
  return { kind: 'applied', growingPercent: REPLAY_HEAP_GROWING_PERCENT };
}
