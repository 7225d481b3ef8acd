import { HarnessError } from '../errors/harness-error.js';
import type { CheckResult, ConformanceResult } from '../run-contract/index.js';
import { buildConformanceResult } from './build-conformance-result.js';

function fail(message: string, hint?: string): never {
  throw new HarnessError('CONFIG_INVALID', message, hint === undefined ? {} : { hint });
}

/** The shard indexes a result stands for: those it merged, its own, or none when unsharded. */
function shardIndexes(result: ConformanceResult): number[] {
  if (!result.shard) return [];
  return result.shard.merged ?? [result.shard.index];
}

/**
 * Merges the results of one sharded run (`--shard i/n`) into one, for `scim-harness report merge DIR…`.
 * The checks are the union; the same check in two shards must agree on its status; run id, target, tool and
 * fail-on level must match; the run spans the earliest start to the latest finish. Summary and verdicts are
 * recomputed. When any shard was interrupted, so is the merged result (`interrupted: true`, every verdict `fail`):
 * a part of the run is missing from it. Throws a `CONFIG_INVALID` {@link HarnessError} naming the first inconsistency.
 */
export function mergeResults(results: readonly ConformanceResult[]): ConformanceResult {
  const [first] = results;
  if (!first) fail('nothing to merge: no conformance results were given');
  const hint =
    'Merge only the shards of one run: the conformance.json files written by one `scim-harness run --shard`.';
  const checks = new Map<string, { check: CheckResult; runIndex: number }>();
  const profiles = new Set<string>();
  const shards = new Set<number>();
  let startedAt = first.startedAt;
  let finishedAt = first.finishedAt;
  for (const [runIndex, result] of results.entries()) {
    const which = `result #${runIndex + 1} (run ${result.runId})`;
    if (result.runId !== first.runId) fail(`${which} does not belong to run ${first.runId}`, hint);
    // Shards against the embedded server each start their own, on its own port: the same target.
    const sameEmbedded = result.target.embedded === true && first.target.embedded === true;
    if (result.target.url !== first.target.url && !sameEmbedded) {
      fail(`${which} ran against ${result.target.url}, not ${first.target.url}`, hint);
    }
    if (result.tool.version !== first.tool.version) {
      fail(
        `${which} was produced by ${result.tool.name} ${result.tool.version}, not ${first.tool.version}`,
        hint,
      );
    }
    if ((result.failOn ?? 'must') !== (first.failOn ?? 'must')) {
      fail(`${which} used fail-on ${result.failOn ?? 'must'}, not ${first.failOn ?? 'must'}`, hint);
    }
    if (result.shard && first.shard && result.shard.total !== first.shard.total) {
      fail(`${which} is a shard of ${result.shard.total}, not of ${first.shard.total}`, hint);
    }
    for (const profile of result.profiles) profiles.add(profile);
    for (const index of shardIndexes(result)) shards.add(index);
    if (Date.parse(result.startedAt) < Date.parse(startedAt)) startedAt = result.startedAt;
    if (Date.parse(result.finishedAt) > Date.parse(finishedAt)) finishedAt = result.finishedAt;
    for (const check of result.checks) {
      const known = checks.get(check.id);
      if (!known) checks.set(check.id, { check, runIndex });
      else if (known.check.status !== check.status) {
        fail(
          `check ${check.id} is ${known.check.status} in result #${known.runIndex + 1} but ${check.status} in ${which}; ` +
            'the same check cannot have two outcomes in one run',
          hint,
        );
      }
    }
  }
  const total = first.shard?.total;
  // Shards of one run share its seed (`run` derives it from the run id unless --seed is given); a shard with another
  // seed drew other data, so its seed is not the merged run's.
  const seeds = new Set(results.map((result) => result.seed));
  const seed = seeds.size === 1 ? first.seed : undefined;
  return buildConformanceResult({
    runId: first.runId,
    ...(seed === undefined ? {} : { seed }),
    tool: first.tool,
    target: first.target,
    profiles: [...profiles],
    startedAt,
    finishedAt,
    failOn: first.failOn ?? 'must',
    ...(results.some((result) => result.interrupted === true) ? { interrupted: true } : {}),
    ...(total === undefined
      ? {}
      : { shard: { index: Math.min(...shards), total, merged: [...shards].sort((a, b) => a - b) } }),
    checks: [...checks.values()].map((entry) => entry.check),
    // Every shard attaches the same notes for the same profiles: one copy of each.
    notes: [
      ...new Map(
        results
          .flatMap((result) => result.notes ?? [])
          .map((note) => [`${note.profile}\n${note.text}`, note]),
      ).values(),
    ],
  });
}
