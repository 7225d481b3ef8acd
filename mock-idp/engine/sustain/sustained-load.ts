/**
 * A sustained load (`replay --sustain RPS --for DURATION`): open-model arrivals at a fixed rate
 * ({@link runArrivals}), each one request drawn from the Entra mix ({@link SustainMix}), sent through the harness's
 * SCIM client with its 429 handling (Retry-After honoured), counted window by window ({@link SustainWindows}) and
 * judged ({@link sustainVerdict}). Memory stays flat over any duration: latencies go into fixed-size histograms and a
 * closed window keeps only its summary.
 */
import { HarnessError } from '../../../src/errors/harness-error.js';
import {
  type Clock,
  parseRetryAfter,
  type ScimClient,
  type ScimExchange,
  systemClock,
} from '../../../src/http/index.js';
import type { ReplaySustain, ReplaySustainWindow } from '../../../src/run-contract/index.js';
import type { RequestDescriptor } from '../../requests/index.js';
import { type Arrival, runArrivals } from './arrival-loop.js';
import { SUSTAIN_MIX, type SustainMix } from './sustain-mix.js';
import {
  type SettledArrival,
  SUSTAIN_THRESHOLDS,
  SUSTAIN_WINDOW_MS,
  SustainWindows,
  sustainVerdict,
} from './sustain-windows.js';

/** What `replay --sustain` asks for. */
export interface SustainOptions {
  /** Requests per second to offer. */
  rps: number;
  /** How long to offer them, in milliseconds. */
  durationMs: number;
  /** Requests in flight at most; default {@link DEFAULT_MAX_IN_FLIGHT}. */
  maxInFlight?: number;
  /** Window length in milliseconds; default {@link SUSTAIN_WINDOW_MS}. */
  windowMs?: number;
  /** Called as each window closes, in order. */
  onWindow?: (window: ReplaySustainWindow) => void;
}

/** The default cap on requests in flight: 25 req/s waiting 10 s each is 250. */
export const DEFAULT_MAX_IN_FLIGHT = 256;

/** Options of {@link runSustainedLoad}. */
export interface SustainedLoadInput extends SustainOptions {
  /** Sends the load's requests; its 429 handling (retries after Retry-After) is the one the load records. */
  client: ScimClient;
  mix: SustainMix;
  clock?: Clock;
  /** Once aborted, no new arrival is offered; the requests in flight finish. */
  signal?: AbortSignal;
  /** After each wake-up of the schedule, with the milliseconds since the start. */
  onTick?: (elapsedMs: number) => void;
}

/** Sends a descriptor as the cycle engine does: the authorization placeholder dropped, the query encoded. */
function send(client: ScimClient, descriptor: RequestDescriptor): Promise<ScimExchange> {
  const { Authorization: _placeholder, ...headers } = descriptor.headers;
  return client.request({
    method: descriptor.method,
    path: descriptor.path,
    ...(descriptor.query === undefined
      ? {}
      : { query: new URLSearchParams(descriptor.query.map(([k, v]) => [k, v])).toString() }),
    ...(descriptor.body === undefined ? {} : { body: descriptor.body }),
    headers,
  });
}

/**
 * What an exchange counts as: a 2xx is a success, a 429 left after the client's retries is throttled, anything else
 * (5xx, another 4xx, a 3xx, no answer at all) an error. Every 429 answer is counted, the retried ones included, with
 * whether its Retry-After could be read.
 */
export function settledArrival(exchange: ScimExchange, now: number): SettledArrival {
  let throttled = 0;
  let without = 0;
  for (const retry of exchange.retries) {
    if (retry.status !== 429) continue;
    throttled++;
    if (retry.requestedMs === undefined) without++;
  }
  const status = exchange.response?.status;
  if (status === 429 && exchange.outcome === 'ok') {
    throttled++;
    if (parseRetryAfter(exchange.response?.headers['retry-after'], now) === undefined) without++;
  }
  const answered = exchange.outcome === 'ok' && status !== undefined;
  const result =
    answered && status >= 200 && status < 300
      ? 'success'
      : answered && status === 429
        ? 'throttled'
        : 'error';
  return {
    result,
    status: answered ? String(status) : exchange.outcome,
    throttled,
    throttledWithoutRetryAfter: without,
    latencyMs: answered ? Math.max(0, exchange.durationMs - exchange.timing.retryWaitMs) : undefined,
  };
}

/** Runs the load and returns its replay.json block; see the module comment. */
export async function runSustainedLoad(input: SustainedLoadInput): Promise<ReplaySustain> {
  const clock = input.clock ?? systemClock;
  const windowMs = input.windowMs ?? SUSTAIN_WINDOW_MS;
  const maxInFlight = input.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  // Typed callers and the command line's bounds keep these sane; a script must not get a load that never ends.
  const check = (name: string, value: number, ok: boolean) => {
    if (!ok) throw new HarnessError('CONFIG_INVALID', `sustain ${name} is out of range: ${String(value)}`);
  };
  check('rps', input.rps, Number.isFinite(input.rps) && input.rps > 0);
  check('durationMs', input.durationMs, Number.isFinite(input.durationMs) && input.durationMs > 0);
  check('maxInFlight', maxInFlight, Number.isInteger(maxInFlight) && maxInFlight >= 1);
  check('windowMs', windowMs, Number.isFinite(windowMs) && windowMs >= 1);
  const windows = new SustainWindows(windowMs, input.onWindow);
  // Windows close as the schedule passes them; one cut short by Ctrl-C closes after the loop, as long as what ran.
  const result = await runArrivals({
    rps: input.rps,
    durationMs: input.durationMs,
    maxInFlight,
    clock,
    ...(input.signal === undefined ? {} : { signal: input.signal }),
    miss: (arrival: Arrival) => windows.offer(arrival.scheduledMs, arrival.startedMs, false),
    send: async (arrival: Arrival) => {
      windows.offer(arrival.scheduledMs, arrival.startedMs, true);
      const request = input.mix.next();
      let exchange: ScimExchange;
      try {
        exchange = await send(input.client, request.descriptor);
      } catch (error) {
        // The client throws only for the harness's own faults; the window must still settle before it ends the load.
        windows.settle(arrival.scheduledMs, {
          result: 'error',
          status: 'harness-error',
          throttled: 0,
          throttledWithoutRetryAfter: 0,
          latencyMs: undefined,
        });
        throw error;
      }
      const settled = settledArrival(exchange, clock.now());
      request.settle(exchange, settled.result === 'success');
      windows.settle(arrival.scheduledMs, settled);
    },
    tick: (elapsedMs) => {
      windows.close(elapsedMs, input.durationMs);
      input.onTick?.(elapsedMs);
    },
  });
  windows.close(Number.POSITIVE_INFINITY, result.ranMs);
  const ranS = Math.round(result.ranMs) / 1000;
  const series = [...windows.closed];
  const totals = windows.totals(ranS, input.mix.counts);
  const durationS = input.durationMs / 1000;
  return {
    targetRps: input.rps,
    durationS,
    ranS,
    windowS: windowMs / 1000,
    maxInFlight,
    thresholds: { ...SUSTAIN_THRESHOLDS },
    mix: { ...SUSTAIN_MIX },
    series,
    totals,
    verdict: sustainVerdict({
      targetRps: input.rps,
      durationS,
      ranS,
      windowS: windowMs / 1000,
      interrupted: result.interrupted,
      series,
      totals,
    }),
    ...(result.interrupted ? { interrupted: true } : {}),
  };
}
