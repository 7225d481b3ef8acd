import { expect, test } from '@playwright/test';
import { isControlMessage, isServerMessage } from './bench-messages.js';

const memory = { rssBytes: 1, heapUsedBytes: 2, peakRssBytes: 3 };
const ready = {
  kind: 'ready',
  users: 10,
  groups: 1,
  baseUrl: 'http://127.0.0.1:1/api/v2/scim',
  token: 'secret',
  readyMs: 5,
  memory,
  samples: [{ id: 'a', userName: 'b', externalId: 'c' }],
};

const SERVER_MESSAGES: { name: string; value: unknown; valid: boolean }[] = [
  { name: 'ready', value: ready, valid: true },
  { name: 'ready with no samples', value: { ...ready, samples: [] }, valid: true },
  { name: 'memory', value: { kind: 'memory', memory }, valid: true },
  { name: 'failed', value: { kind: 'failed', message: 'boom' }, valid: true },
  { name: 'ready without a token', value: { ...ready, token: undefined }, valid: false },
  { name: 'ready with a negative user count', value: { ...ready, users: -1 }, valid: false },
  {
    name: 'ready with a sample missing its externalId',
    value: { ...ready, samples: [{ id: 'a', userName: 'b' }] },
    valid: false,
  },
  { name: 'ready without memory', value: { ...ready, memory: undefined }, valid: false },
  {
    name: 'memory with a string figure',
    value: { kind: 'memory', memory: { ...memory, rssBytes: '1' } },
    valid: false,
  },
  {
    name: 'memory with an infinite figure',
    value: { kind: 'memory', memory: { ...memory, rssBytes: Infinity } },
    valid: false,
  },
  { name: 'failed without a message', value: { kind: 'failed' }, valid: false },
  { name: 'an unknown kind', value: { kind: 'hello' }, valid: false },
  { name: 'an array', value: [ready], valid: false },
  { name: 'null', value: null, valid: false },
];

test.describe('isServerMessage', () => {
  for (const { name, value, valid } of SERVER_MESSAGES) {
    test(`${name} is ${valid ? 'accepted' : 'refused'}`, () => {
      expect(isServerMessage(value)).toBe(valid);
    });
  }
});

const CONTROL_MESSAGES: { value: unknown; valid: boolean }[] = [
  { value: { kind: 'measure' }, valid: true },
  { value: { kind: 'stop' }, valid: true },
  { value: { kind: 'ready' }, valid: false },
  { value: 'stop', valid: false },
  { value: undefined, valid: false },
];

test.describe('isControlMessage', () => {
  for (const { value, valid } of CONTROL_MESSAGES) {
    test(`${JSON.stringify(value)} is ${valid ? 'accepted' : 'refused'}`, () => {
      expect(isControlMessage(value)).toBe(valid);
    });
  }
});
