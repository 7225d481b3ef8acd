import { HarnessError } from '../src/errors/harness-error.js';
import { createEnglishFaker } from '../src/faker/english-faker.js';
import type { BenchScenario, ScenarioPick, UserSample } from './bench-scenarios.js';
import { PAGE_SIZE } from './bench-scenarios.js';
import type { KeepAliveClient } from './keep-alive-client.js';
import { type LatencySummary, summarizeLatencies } from './latency-stats.js';

/** How many requests a scenario sends to each target, and the time it may take. */
export interface ScenarioPlan {
  /** Timed requests wanted per target. */
  requests: number;
  /** Untimed requests per target first (JIT, connection, caches), each target's bounded by a quarter of the budget. */
  warmup: number;
  /** Past this many ms of timed requests (all targets together) the scenario stops early, never below `minRequests`. */
  budgetMs: number;
  minRequests: number;
  /** Requests to one target before moving on to the next. */
  roundSize: number;
}

/** One server under load: its size, a client on its own kept-alive connection, and its random picks. */
export interface ScenarioTarget {
  users: number;
  client: KeepAliveClient;
  pick: () => ScenarioPick;
}

export interface ScenarioRun {
  scenarioId: string;
  users: number;
  summary: LatencySummary;
  /** Timed requests wanted; `summary.count` is lower when the budget ran out. */
  planned: number;
}

/** A seeded source of random picks: the same seed gives the same requests, so a run can be replayed. */
export function createPicker(
  samples: readonly UserSample[],
  users: number,
  seed: number,
): () => ScenarioPick {
  if (samples.length === 0)
    throw new HarnessError('INTERNAL', 'The server process sent no user samples to look up.');
  const faker = createEnglishFaker({ seed });
  const lastStart = Math.max(1, users - PAGE_SIZE + 1);
  return () => ({
    sample: faker.helpers.arrayElement(samples),
    startIndex: faker.number.int({ min: 1, max: lastStart }),
    users,
  });
}

async function send(target: ScenarioTarget, scenario: BenchScenario): Promise<number> {
  const pick = target.pick();
  const path = scenario.path(pick);
  const response = await target.client.get(path);
  const where = `${scenario.id} at ${target.users} users: GET ${path}`;
  if (response.status !== 200) {
    throw new HarnessError('TARGET_RESPONSE_UNUSABLE', `${where} answered ${response.status}, expected 200.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch (error) {
    throw new HarnessError('TARGET_RESPONSE_UNUSABLE', `${where} answered a body that is not JSON.`, {
      cause: error,
    });
  }
  const problem = scenario.problem(body, pick);
  if (problem !== undefined) throw new HarnessError('TARGET_RESPONSE_UNUSABLE', `${where}: ${problem}.`);
  return response.ms;
}

/**
 * Untimed requests of every scenario to every target in turn for `durationMs` (at least one round), before
 * anything is timed. V8 optimises hot code on background threads; on a busy host that takes wall-clock time
 * rather than a number of requests, and without this the first scenario timed would pay for it alone.
 */
export async function warmUp(
  targets: readonly ScenarioTarget[],
  scenarios: readonly BenchScenario[],
  durationMs: number,
): Promise<number> {
  const deadline = performance.now() + durationMs;
  let sent = 0;
  do {
    for (const target of targets) {
      for (const scenario of scenarios) {
        await send(target, scenario);
        sent += 1;
      }
    }
  } while (performance.now() < deadline);
  return sent;
}

interface Tally {
  target: ScenarioTarget;
  samples: number[];
  /** Wall time of this target's timed requests alone. */
  wallMs: number;
}

/**
 * Sends one scenario's requests, one at a time: a warm-up per target, then rounds of `roundSize` timed
 * requests to each target in turn. Interleaving the targets means a burst of load from elsewhere on the
 * machine lands on every size alike, so the ratio between sizes stays meaningful on a busy host. Every
 * answer is checked; a wrong one stops the benchmark (TARGET_RESPONSE_UNUSABLE).
 */
export async function runScenario(
  targets: readonly ScenarioTarget[],
  scenario: BenchScenario,
  plan: ScenarioPlan,
): Promise<ScenarioRun[]> {
  for (const target of targets) {
    const warmupEnd = performance.now() + plan.budgetMs / 4;
    for (let index = 0; index < plan.warmup && performance.now() < warmupEnd; index += 1)
      await send(target, scenario);
  }
  const tallies: Tally[] = targets.map((target) => ({ target, samples: [], wallMs: 0 }));
  const deadline = performance.now() + plan.budgetMs;
  const wantsMore = (tally: Tally): boolean =>
    tally.samples.length < plan.requests &&
    (tally.samples.length < plan.minRequests || performance.now() < deadline);
  while (tallies.some(wantsMore)) {
    for (const tally of tallies) {
      const started = performance.now();
      for (let index = 0; index < plan.roundSize && wantsMore(tally); index += 1) {
        tally.samples.push(await send(tally.target, scenario));
      }
      tally.wallMs += performance.now() - started;
    }
  }
  return tallies.map((tally) => ({
    scenarioId: scenario.id,
    users: tally.target.users,
    summary: summarizeLatencies(tally.samples, tally.wallMs),
    planned: plan.requests,
  }));
}
