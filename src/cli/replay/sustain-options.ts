import type { InferredOptionTypes, Options } from 'yargs';
import { COMMAND_NUMERIC_OPTIONS, parseDuration, parseNumber } from '../../config/index.js';
import { numberOption } from '../shared-options.js';

const { sustainRate, sustainSeconds, maxInFlight } = COMMAND_NUMERIC_OPTIONS;

/**
 * The options of `replay --sustain [RPS] --for DURATION`: a sustained load at a fixed rate after the initial cycle.
 * `--sustain` alone is 25 requests per second, `--for` alone is refused (it belongs to `--sustain`), and without
 * `--for` the load runs 10 minutes. Numbers are checked while parsing against their rows of the numeric tables
 * (src/config/numeric-options.ts), a duration by `parseDuration`, so a bad value is a usage error (exit 2).
 * 25 is the floor both IPSIE AL SCIM 2.0 profile §4.3 ("The Application MUST support at least 25 SCIM requests per
 * second.") and Entra's gallery checklist ("Support at least 25 requests per second per tenant") name; the ten
 * minutes are the harness's own choice, which neither document sets.
 */
export const SUSTAIN_OPTIONS = {
  sustain: {
    type: 'number',
    describe: `Hold RPS requests per second of a realistic Entra mix after the initial cycle, judged per 10 s window (${sustainRate.min}–${sustainRate.max}, decimals allowed)`,
    defaultDescription: `off; ${sustainRate.default} when given without RPS`,
    // `--sustain` with no value reaches coerce as undefined: the default rate.
    coerce: (value: unknown): number =>
      value === undefined ? sustainRate.default : parseNumber(sustainRate, value),
    conflicts: ['scenario', 'shard', 'rate'],
  },
  for: {
    type: 'string',
    requiresArg: true,
    describe: 'How long --sustain holds its rate: 90s, 10m, 1h, 1h30m (1s to 24h)',
    defaultDescription: '10m',
    implies: 'sustain',
    coerce: (value: unknown): number => parseDuration(sustainSeconds, value),
  },
  'max-in-flight': numberOption(
    maxInFlight,
    'Most --sustain requests in flight at once; an arrival beyond it is not sent and counts as missed',
  ),
} as const satisfies Record<string, Options>;

/** What yargs hands over for {@link SUSTAIN_OPTIONS}: `for` already in seconds. */
export type SustainArgs = Omit<InferredOptionTypes<typeof SUSTAIN_OPTIONS>, 'for'> & { for?: number };

/** The sustained load the options ask for, or `undefined` without `--sustain`. */
export function sustainFromArgs(
  args: Partial<SustainArgs>,
): { rps: number; durationMs: number; maxInFlight: number } | undefined {
  if (args.sustain === undefined) return undefined;
  return {
    rps: args.sustain,
    durationMs: (args.for ?? sustainSeconds.default) * 1000,
    maxInFlight: args['max-in-flight'] ?? maxInFlight.default,
  };
}
