/**
 * Open-model arrivals: request `k` is due `k / rps` seconds after the start, whatever became of the requests before
 * it. A closed loop (send the next request when one answers) lets a slow target lower the offered rate without
 * anyone noticing; here a slow target only fills the requests in flight, and an arrival that finds the cap reached is
 * not sent and is counted missed, so the rate that was not held shows in the figures. Arrivals that fall due while
 * the loop sleeps (a timer's granularity, a busy event loop) are sent at once when it wakes, each with its lag.
 */
import { type Clock, systemClock } from '../../../src/http/index.js';

/** One arrival of the schedule. */
export interface Arrival {
  /** Its place in the schedule, from 0. */
  readonly index: number;
  /** When it was due, in milliseconds from the start. */
  readonly scheduledMs: number;
  /** When the loop got to it, in milliseconds from the start (at or after `scheduledMs`). */
  readonly startedMs: number;
}

/** Options of {@link runArrivals}. */
export interface ArrivalLoopOptions {
  /** Arrivals per second. */
  rps: number;
  /** How long the schedule runs, in milliseconds; the last arrival is the last one due before it ends. */
  durationMs: number;
  /** Requests in flight at most; an arrival beyond it is missed. */
  maxInFlight: number;
  clock?: Clock;
  /** Once aborted, no further arrival is offered; those in flight are waited for. */
  signal?: AbortSignal;
  /** Sends an arrival's request; in flight until the promise settles. A rejection ends the loop with it. */
  send(arrival: Arrival): Promise<void>;
  /** An arrival that found the cap reached: not sent. */
  miss(arrival: Arrival): void;
  /** After each wake-up, with the milliseconds since the start (for progress and closing windows). */
  tick?(elapsedMs: number): void;
}

/** What the loop did. */
export interface ArrivalLoopResult {
  /** Arrivals offered (sent or missed). */
  offered: number;
  missed: number;
  /** Schedule time covered, in milliseconds: the whole duration, or up to the interruption. */
  ranMs: number;
  /** Whether `signal` stopped it before the schedule ran out. */
  interrupted: boolean;
}

/** Runs the schedule; see the module comment. Resolves once every request sent has settled. */
export async function runArrivals(options: ArrivalLoopOptions): Promise<ArrivalLoopResult> {
  const { rps, durationMs, maxInFlight, signal } = options;
  const clock = options.clock ?? systemClock;
  const start = clock.now();
  // Due times are k × 1000 / rps, computed from k each time so that rounding never accumulates.
  const dueMs = (k: number) => (k * 1000) / rps;
  // Every k with k × 1000 / rps < durationMs.
  const total = Math.max(0, Math.ceil((durationMs * rps) / 1000 - 1e-9));
  let next = 0;
  let missed = 0;
  let inFlight = 0;
  let failure: { error: unknown } | undefined;
  let drained: (() => void) | undefined;
  const settle = () => {
    inFlight--;
    if (inFlight === 0) drained?.();
  };
  let interrupted = false;
  while (next < total && failure === undefined) {
    if (signal?.aborted) {
      interrupted = true;
      break;
    }
    const elapsed = clock.now() - start;
    const due = dueMs(next);
    if (due > elapsed) {
      try {
        await clock.sleep(due - elapsed, signal);
      } catch {
        interrupted = true;
        break;
      }
      continue;
    }
    while (next < total && dueMs(next) <= elapsed) {
      const arrival: Arrival = { index: next, scheduledMs: dueMs(next), startedMs: elapsed };
      next++;
      if (inFlight >= maxInFlight) {
        missed++;
        options.miss(arrival);
        continue;
      }
      inFlight++;
      let sending: Promise<void>;
      try {
        sending = options.send(arrival);
      } catch (error) {
        sending = Promise.reject(error);
      }
      sending.then(settle, (error: unknown) => {
        failure ??= { error };
        settle();
      });
    }
    options.tick?.(elapsed);
  }
  const ranMs = interrupted ? Math.min(durationMs, clock.now() - start) : durationMs;
  if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
  options.tick?.(ranMs);
  if (failure !== undefined) throw failure.error;
  return { offered: next, missed, ranMs, interrupted };
}
