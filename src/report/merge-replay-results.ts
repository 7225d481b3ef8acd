import { HarnessError } from '../errors/harness-error.js';
import {
  LatencyHistogram,
  REPLAY_SCHEMA_VERSION,
  type ReplayCycle,
  type ReplayQuarantineEvent,
  type ReplayResult,
  replayTotals,
} from '../run-contract/index.js';

function fail(message: string, hint?: string): never {
  throw new HarnessError('CONFIG_INVALID', message, hint === undefined ? {} : { hint });
}

const HINT =
  'Merge only the shards of one replay: the replay.json files written by one `scim-harness replay --shard`.';

/** The shard a replay result stands for, for naming its divergences and quarantine events; undefined when unsharded. */
function shardOf(result: ReplayResult): number | undefined {
  return result.shard?.merged === undefined ? result.shard?.index : undefined;
}

/**
 * Merges cycle `n` of the shards that ran it. Operations and requests are summed; the percentiles come from the sum
 * of the shards' histograms, so they are those of all the cycle's requests, not percentiles of percentiles.
 * Throughput is the requests over the cycle's span: from the earliest start to the latest end among the shards.
 * Shards run side by side (a CI matrix starts them together), so that span is the time the cycle took across
 * machines; a gap where no shard was busy (one started late) counts as time too, which the figure then understates
 * rather than overstates. The cycle converged only when it did in every shard, and was quarantined when it was in any.
 */
function mergeCycle(parts: readonly { cycle: ReplayCycle; shard: number | undefined }[]): ReplayCycle {
  const [first] = parts;
  if (!first) throw new Error('mergeCycle needs a cycle');
  const histogram = new LatencyHistogram();
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const { cycle, shard } of parts) {
    const which = `cycle ${cycle.n}${shard === undefined ? '' : ` of shard ${shard}`}`;
    if (cycle.kind !== first.cycle.kind) fail(`${which} is ${cycle.kind}, not ${first.cycle.kind}`, HINT);
    if (
      cycle.latencyHistogram === undefined ||
      cycle.startedAt === undefined ||
      cycle.finishedAt === undefined
    )
      fail(
        `${which} has no latency histogram or start and end times: its replay.json was written by an older version`,
        'Replay the shards again with this version; percentiles cannot be merged from percentiles.',
      );
    histogram.add(LatencyHistogram.fromJSON(cycle.latencyHistogram));
    start = Math.min(start, Date.parse(cycle.startedAt));
    end = Math.max(end, Date.parse(cycle.finishedAt));
  }
  const { requests, operations } = replayTotals(parts.map((part) => part.cycle));
  const durationMs = Math.max(0, end - start);
  return {
    n: first.cycle.n,
    kind: first.cycle.kind,
    operations,
    requests,
    durationMs,
    latencyMs: histogram.latency(),
    // Rounded as a single run's (cycle-metrics.ts): requests per second to two decimals.
    throughputRps: durationMs === 0 ? 0 : Math.round((requests / durationMs) * 100_000) / 100,
    converged: parts.every((part) => part.cycle.converged),
    divergences: parts.flatMap(({ cycle, shard }) =>
      cycle.divergences.map((divergence) => (shard === undefined ? divergence : { ...divergence, shard })),
    ),
    quarantined: parts.some((part) => part.cycle.quarantined),
    latencyHistogram: histogram.toJSON(),
    startedAt: new Date(start).toISOString(),
    finishedAt: new Date(end).toISOString(),
  };
}

/**
 * Merges the replay.json of the shards of one replay (`replay --shard i/n`, same run id and seed) into one, for
 * `scim-harness report merge DIR…`. Run id, seed, mode and shard count must match. Cycles are merged by number
 * (see {@link mergeCycle}); the totals are recomputed from them; the quarantine timelines are kept, each event
 * naming its shard, in time order; leftovers and incomplete sweeps are concatenated. When any shard was
 * interrupted, so is the merged replay. A scenario verdict is not merged (a verdict over part of a directory says
 * nothing of the whole); the first shard's token-owner finding is kept (every shard asks with the same token).
 * Throws a `CONFIG_INVALID` {@link HarnessError} naming the first inconsistency. Completeness of the shard set
 * (none missing or given twice) is the caller's to check, as for conformance results.
 */
export function mergeReplayResults(results: readonly ReplayResult[]): ReplayResult {
  const [first] = results;
  if (!first) fail('nothing to merge: no replay results were given');
  const byCycle = new Map<number, { cycle: ReplayCycle; shard: number | undefined }[]>();
  const quarantine: ReplayQuarantineEvent[] = [];
  const shards = new Set<number>();
  for (const [index, result] of results.entries()) {
    const which = `replay #${index + 1} (run ${result.runId})`;
    if (result.runId !== first.runId) fail(`${which} does not belong to run ${first.runId}`, HINT);
    if (String(result.seed) !== String(first.seed))
      fail(`${which} has seed ${result.seed}, not ${first.seed}: its directory is another one`, HINT);
    if (result.mode !== first.mode) fail(`${which} ran in mode ${result.mode}, not ${first.mode}`, HINT);
    // A replay written before `idp` existed was Entra's.
    if ((result.idp ?? 'entra') !== (first.idp ?? 'entra'))
      fail(`${which} replayed ${result.idp ?? 'entra'}'s client, not ${first.idp ?? 'entra'}'s`, HINT);
    if (result.shard && first.shard && result.shard.total !== first.shard.total)
      fail(`${which} is a shard of ${result.shard.total}, not of ${first.shard.total}`, HINT);
    const shard = shardOf(result);
    for (const n of result.shard?.merged ?? (result.shard ? [result.shard.index] : [])) shards.add(n);
    for (const cycle of result.cycles) {
      const parts = byCycle.get(cycle.n) ?? [];
      parts.push({ cycle, shard });
      byCycle.set(cycle.n, parts);
    }
    for (const event of result.quarantine ?? [])
      quarantine.push(shard === undefined ? event : { ...event, shard });
  }
  const cycles = [...byCycle.entries()].sort(([a], [b]) => a - b).map(([, parts]) => mergeCycle(parts));
  quarantine.sort((a, b) => a.cycle - b.cycle || Date.parse(a.at) - Date.parse(b.at));
  const leftovers = results.flatMap((result) => result.leftovers ?? []);
  const sweepIncomplete = results.flatMap((result) => result.sweepIncomplete ?? []);
  const total = first.shard?.total;
  return {
    schemaVersion: REPLAY_SCHEMA_VERSION,
    runId: first.runId,
    mode: first.mode,
    ...(first.idp === undefined ? {} : { idp: first.idp }),
    ...(first.clientVariant === undefined ? {} : { clientVariant: first.clientVariant }),
    seed: first.seed,
    cycles,
    quarantine,
    ...(first.tokenOwner === undefined ? {} : { tokenOwner: first.tokenOwner }),
    ...(results.some((result) => result.interrupted === true) ? { interrupted: true } : {}),
    ...(leftovers.length === 0 ? {} : { leftovers }),
    ...(sweepIncomplete.length === 0 ? {} : { sweepIncomplete }),
    ...(total === undefined
      ? {}
      : { shard: { index: Math.min(...shards), total, merged: [...shards].sort((a, b) => a - b) } }),
    totals: replayTotals(cycles),
  };
}
