import { expect, test } from '@playwright/test';
import yargs from 'yargs';
import { SUSTAIN_OPTIONS, sustainFromArgs } from './sustain-options.js';

/** Parses `argv` with the sustain options alone (and the options they conflict with), as `replay` does. */
function parse(argv: string[]) {
  return yargs(argv)
    .options(SUSTAIN_OPTIONS)
    .options({ scenario: { type: 'string' }, shard: { type: 'string' }, rate: { type: 'number' } })
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new Error(message);
    })
    .strict()
    .parseSync();
}

test('--sustain alone is 25 req/s for 10 minutes, with the default in-flight cap', () => {
  expect(sustainFromArgs(parse(['--sustain']))).toEqual({ rps: 25, durationMs: 600_000, maxInFlight: 256 });
  expect(sustainFromArgs(parse(['--sustain', '--for', '90s']))).toEqual({
    rps: 25,
    durationMs: 90_000,
    maxInFlight: 256,
  });
});

test('a rate, a duration and a cap given are used', () => {
  expect(sustainFromArgs(parse(['--sustain', '200', '--for', '1h', '--max-in-flight', '64']))).toEqual({
    rps: 200,
    durationMs: 3_600_000,
    maxInFlight: 64,
  });
  expect(sustainFromArgs(parse(['--for', '20s', '--sustain', '2.5']))?.rps).toBe(2.5);
});

test('without --sustain there is no load, whatever the cap says', () => {
  expect(sustainFromArgs(parse([]))).toBeUndefined();
  expect(sustainFromArgs(parse(['--max-in-flight', '8']))).toBeUndefined();
});

test('bad values and combinations are refused while parsing', () => {
  expect(() => parse(['--sustain', 'fast'])).toThrow(
    '--sustain must be a number from 0.1 to 10000, got something that is not a number',
  );
  expect(() => parse(['--sustain', '20000'])).toThrow(
    '--sustain must be a number from 0.1 to 10000, got "20000"',
  );
  expect(() => parse(['--sustain', '--for', '5 minutes'])).toThrow('--for must be a duration such as 90s');
  expect(() => parse(['--for', '1m'])).toThrow(/Implications failed:\s+for -> sustain/);
  expect(() => parse(['--sustain', '--shard', '1/2'])).toThrow(
    'Arguments sustain and shard are mutually exclusive',
  );
  expect(() => parse(['--sustain', '--max-in-flight', '1.5'])).toThrow(
    '--max-in-flight must be an integer from 1 to 10000, got "1.5"',
  );
});
