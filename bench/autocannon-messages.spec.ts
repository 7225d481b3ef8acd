import { expect, test } from '@playwright/test';
import { isAutocannonJob, isAutocannonMessage } from './autocannon-messages.js';

const JOB = {
  kind: 'start',
  baseUrl: 'http://127.0.0.1:9/scim/v2',
  token: 't',
  users: 10,
  groups: 1,
  seed: 1,
  runId: 'bench',
  mapping: 'entra-default',
  connections: 8,
};
const PHASE = {
  name: 'users',
  requests: 2,
  durationMs: 3,
  spanMs: 4,
  statuses: { 'POST /Users': { '201': 1 } },
  errors: 0,
  timeouts: 0,
  unresolved: 0,
  idsMissing: 0,
};

const JOBS: { name: string; value: unknown; valid: boolean }[] = [
  { name: 'a full job', value: JOB, valid: true },
  { name: 'an unknown mapping', value: { ...JOB, mapping: 'okta' }, valid: false },
  { name: 'no connection', value: { ...JOB, connections: 0 }, valid: false },
  { name: 'no token', value: { ...JOB, token: undefined }, valid: false },
  { name: 'another kind', value: { ...JOB, kind: 'stop' }, valid: false },
];

for (const row of JOBS) {
  test(`isAutocannonJob: ${row.name}`, () => {
    expect(isAutocannonJob(row.value)).toBe(row.valid);
  });
}

const MESSAGES: { name: string; value: unknown; valid: boolean }[] = [
  {
    name: 'done',
    value: { kind: 'done', planMs: 1, planMix: { 'POST /Users': 1 }, phases: [PHASE] },
    valid: true,
  },
  { name: 'failed', value: { kind: 'failed', message: 'boom' }, valid: true },
  {
    name: 'done with a bad phase',
    value: { kind: 'done', planMs: 1, planMix: {}, phases: [{ ...PHASE, requests: -1 }] },
    valid: false,
  },
  {
    name: 'done with a bad mix',
    value: { kind: 'done', planMs: 1, planMix: { a: 'x' }, phases: [] },
    valid: false,
  },
  { name: 'not a record', value: 'done', valid: false },
];

for (const row of MESSAGES) {
  test(`isAutocannonMessage: ${row.name}`, () => {
    expect(isAutocannonMessage(row.value)).toBe(row.valid);
  });
}
