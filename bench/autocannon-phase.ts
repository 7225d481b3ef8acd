/**
 * Sends one phase of a planned initial cycle with autocannon. Connections take whole jobs from one shared
 * queue (a matching query and its create go back to back on one connection, as in the cycle engine). autocannon
 * gives each connection a fixed share of `amount`, so a phase of two-request jobs runs as one autocannon run
 * where every connection gets the same number of jobs, then a short one for the remainder, each connection one job.
 */
import autocannon from 'autocannon';
import type { PlannedJob, PlannedRequest, PlanPhase } from './initial-cycle-plan.js';
import { fillTemplate, inJsonString, inPath } from './reference-template.js';

/** What one phase sent and got back. */
export interface PhaseOutcome {
  readonly name: string;
  readonly requests: number;
  /**
   * The sum over the phase's autocannon runs of each run's time from its first request to its last answer: the time
   * autocannon was sending. Neither the wait between runs nor autocannon's own teardown is in it.
   */
  readonly durationMs: number;
  /**
   * The figure before: from the first autocannon call to the last answer of the phase. It also counts the wait between
   * the phase's runs, as autocannon resolves a run only at its next 1 s tick after the last answer.
   */
  readonly spanMs: number;
  /** Answers by request kind and status. */
  readonly statuses: Record<string, Record<string, number>>;
  /** Connection errors and timeouts autocannon counted. */
  readonly errors: number;
  readonly timeouts: number;
  /** References that had no target id when their request was sent (the request went with the placeholder). */
  readonly unresolved: number;
  /** Creates whose answer carried no id. */
  readonly idsMissing: number;
}

export interface PhaseTarget {
  /** `http://127.0.0.1:port`. */
  readonly origin: string;
  readonly token: string;
  readonly connections: number;
  /** objectId → target id; creates add to it, later phases read it. */
  readonly ids: Map<string, string>;
}

/** Splits `jobs` jobs over at most `connections` connections into runs where every connection gets as many. */
export function phaseRuns(jobs: number, connections: number): { connections: number; jobsEach: number }[] {
  if (jobs <= 0) return [];
  const width = Math.min(connections, jobs);
  const jobsEach = Math.floor(jobs / width);
  const rest = jobs - width * jobsEach;
  const runs = [{ connections: width, jobsEach }];
  if (rest > 0) runs.push({ connections: rest, jobsEach: 1 });
  return runs;
}

function idOf(body: string): string | undefined {
  try {
    const json: unknown = JSON.parse(body);
    if (typeof json !== 'object' || json === null) return undefined;
    const id: unknown = Reflect.get(json, 'id');
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

interface Tally {
  statuses: Record<string, Record<string, number>>;
  unresolved: number;
  idsMissing: number;
  lastAnswer: number;
  /** When the current run built its first request; reset before each run. */
  runFirstRequest: number | undefined;
}

/** Runs one phase against the target; resolves when every planned request has been answered or failed. */
export async function runPhase(phase: PlanPhase, target: PhaseTarget): Promise<PhaseOutcome> {
  const tally: Tally = {
    statuses: {},
    unresolved: 0,
    idsMissing: 0,
    lastAnswer: 0,
    runFirstRequest: undefined,
  };
  const authorization = `Bearer ${target.token}`;
  let next = 0;
  let errors = 0;
  let timeouts = 0;
  let requests = 0;
  const started = performance.now();
  tally.lastAnswer = started;

  const plannedAt = (context: object, step: number): PlannedRequest | undefined => {
    const job: PlannedJob | undefined = phase.jobs[Number(Reflect.get(context, 'job'))];
    return job?.[step];
  };
  const stepOf = (step: number): autocannon.Request => ({
    method: 'GET' as const,
    setupRequest: (request: autocannon.Request, context: object): autocannon.Request => {
      tally.runFirstRequest ??= performance.now();
      // The context is the connection's own: step 0 claims the next job, later steps send the rest of it.
      if (step === 0) Reflect.set(context, 'job', next++);
      const planned = plannedAt(context, step);
      if (planned === undefined)
        throw new Error(`phase ${phase.name}: no request ${step} of the claimed job`);
      const path = fillTemplate(planned.path, target.ids, inPath);
      const body =
        planned.body === undefined ? undefined : fillTemplate(planned.body, target.ids, inJsonString);
      tally.unresolved += path.missing.length + (body?.missing.length ?? 0);
      return {
        ...request,
        method: planned.method,
        path: path.text,
        headers: { ...planned.headers, authorization },
        ...(body === undefined ? {} : { body: body.text }),
      };
    },
    onResponse: (status: number, body: string, context: object): void => {
      tally.lastAnswer = performance.now();
      const planned = plannedAt(context, step);
      if (planned === undefined) return;
      tally.statuses[planned.kind] ??= {};
      const byStatus = tally.statuses[planned.kind];
      byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
      if (planned.creates === undefined || status >= 300) return;
      const id = idOf(body);
      if (id === undefined) tally.idsMissing++;
      else target.ids.set(planned.creates, id);
    },
  });
  const steps = Array.from({ length: phase.jobLength }, (_, step) => stepOf(step));

  let activeMs = 0;
  for (const run of phaseRuns(phase.jobs.length, target.connections)) {
    tally.runFirstRequest = undefined;
    const result = await autocannon({
      url: target.origin,
      connections: run.connections,
      amount: run.connections * run.jobsEach * phase.jobLength,
      requests: steps,
    });
    errors += result.errors;
    timeouts += result.timeouts;
    requests += result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
    if (tally.runFirstRequest !== undefined)
      activeMs += Math.max(0, tally.lastAnswer - tally.runFirstRequest);
  }
  return {
    name: phase.name,
    requests,
    durationMs: activeMs,
    spanMs: tally.lastAnswer - started,
    statuses: tally.statuses,
    errors,
    timeouts,
    unresolved: tally.unresolved,
    idsMissing: tally.idsMissing,
  };
}
