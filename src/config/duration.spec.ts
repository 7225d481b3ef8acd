import { expect, test } from '@playwright/test';
import { formatDuration, parseDuration } from './duration.js';
import { COMMAND_NUMERIC_OPTIONS } from './numeric-options.js';

const FOR = COMMAND_NUMERIC_OPTIONS.sustainSeconds;

test('durations in seconds, minutes, hours and their sums, or bare seconds', () => {
  expect(parseDuration(FOR, '90s')).toBe(90);
  expect(parseDuration(FOR, '10m')).toBe(600);
  expect(parseDuration(FOR, '1h')).toBe(3600);
  expect(parseDuration(FOR, '1h30m')).toBe(5400);
  expect(parseDuration(FOR, '1m30s')).toBe(90);
  expect(parseDuration(FOR, '1.5m')).toBe(90);
  expect(parseDuration(FOR, ' 10M ')).toBe(600);
  expect(parseDuration(FOR, '45')).toBe(45);
  expect(parseDuration(FOR, '24h')).toBe(86_400);
  expect(parseDuration(FOR, '1s')).toBe(1);
});

test('anything else is a usage error naming the flag, the forms and the bounds', () => {
  const message = (value: unknown) => {
    try {
      parseDuration(FOR, value);
    } catch (error) {
      return { code: (error as { code?: string }).code, text: (error as Error).message };
    }
    return undefined;
  };
  const bounds = '--for must be a duration such as 90s, 10m or 1h (from 1s to 24h)';
  expect(message('10x')).toEqual({ code: 'CONFIG_INVALID', text: `${bounds}, got "10x"` });
  expect(message('m10')).toEqual({ code: 'CONFIG_INVALID', text: `${bounds}, got "m10"` });
  expect(message('-5s')).toEqual({ code: 'CONFIG_INVALID', text: `${bounds}, got "-5s"` });
  expect(message('10 m')).toEqual({ code: 'CONFIG_INVALID', text: `${bounds}, got "10 m"` });
  expect(message('')).toEqual({ code: 'CONFIG_INVALID', text: `${bounds}, got nothing` });
  expect(message('24h1s')).toEqual({ code: 'CONFIG_INVALID', text: `${bounds}, got "24h1s"` });
  expect(message('0s')).toEqual({ code: 'CONFIG_INVALID', text: `${bounds}, got "0s"` });
  expect(message(['1m', '2m'])).toEqual({
    code: 'CONFIG_INVALID',
    text: '--for was given 2 times; give it once',
  });
});

test('a duration in seconds reads back in the same units', () => {
  expect(formatDuration(600)).toBe('10m');
  expect(formatDuration(90)).toBe('1m30s');
  expect(formatDuration(86_400)).toBe('24h');
  expect(formatDuration(1)).toBe('1s');
  expect(formatDuration(2.5)).toBe('2.5s');
  expect(formatDuration(0)).toBe('0s');
});
