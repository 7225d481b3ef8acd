import { expect, test } from '@playwright/test';
import { ExchangeRecorder } from './exchange-recorder.js';
import { exchangeWith } from './test-support/exchange-factory.js';

test('keeps the last N exchanges, oldest first, and counts all', () => {
  const recorder = new ExchangeRecorder(3);
  const statuses = [200, 201, 204, 400, 404];
  for (const status of statuses) recorder.record(exchangeWith({ status }));
  expect(recorder.list().map((e) => e.response?.status)).toEqual([204, 400, 404]);
  expect(recorder.total).toBe(5);
  recorder.clear();
  expect(recorder.list()).toEqual([]);
  expect(recorder.total).toBe(0);
});

test('the list is a copy: callers cannot change what was recorded', () => {
  const recorder = new ExchangeRecorder(2);
  recorder.record(exchangeWith({ status: 200 }));
  (recorder.list() as unknown[]).pop();
  expect(recorder.list()).toHaveLength(1);
});

test('a limit below 1 is a configuration error', () => {
  expect(() => new ExchangeRecorder(0)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
});
