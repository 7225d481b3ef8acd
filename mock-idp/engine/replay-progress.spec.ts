import { expect, test } from '@playwright/test';
import type { RecordedRequest, ScimExchange } from '../../src/http/index.js';
import { ProgressTracker, provisioningPhaseOf, type ReplayProgress } from './replay-progress.js';

const PHASE_ROWS: { request: RecordedRequest; phase: ReturnType<typeof provisioningPhaseOf> }[] = [
  { request: { method: 'GET', url: 'http://127.0.0.1/scim/v2/Users?filter=x', headers: {} }, phase: 'users' },
  {
    request: { method: 'PATCH', url: 'http://127.0.0.1/scim/v2/Users/1', headers: {}, body: '{"members":1}' },
    phase: 'users',
  },
  {
    request: { method: 'POST', url: 'http://127.0.0.1/scim/v2/Groups', headers: {}, body: '{}' },
    phase: 'groups',
  },
  {
    request: {
      method: 'GET',
      url: 'http://127.0.0.1/scim/v2/Groups?filter=displayName%20eq%20%22members%22',
      headers: {},
    },
    phase: 'groups',
  },
  {
    request: {
      method: 'PATCH',
      url: 'http://127.0.0.1/scim/v2/Groups/abc',
      headers: {},
      body: '{"Operations":[{"op":"Add","path":"members","value":[{"value":"u1"}]}]}',
    },
    phase: 'memberships',
  },
  {
    request: {
      method: 'PATCH',
      url: 'http://127.0.0.1/scim/v2/Groups/abc',
      headers: {},
      body: '{"Operations":[{"op":"Replace","path":"displayName","value":"x"}]}',
    },
    phase: 'groups',
  },
  { request: { method: 'DELETE', url: 'http://127.0.0.1/scim/v2/Groups/abc', headers: {} }, phase: 'groups' },
  {
    request: {
      method: 'PATCH',
      url: 'http://127.0.0.1/scim/v2/Groups/abc',
      headers: {},
      body: '{"Operations":[{"op":"replace","value":{"displayName":"members of staff"}}]}',
    },
    phase: 'groups',
  },
  {
    request: {
      method: 'PATCH',
      url: 'http://127.0.0.1/scim/v2/Groups/abc',
      headers: {},
      body: '{"Operations":[{"op":"add","value":{"members":[{"value":"u1"}]}}]}',
    },
    phase: 'memberships',
  },
  {
    request: {
      method: 'PATCH',
      url: 'http://127.0.0.1/scim/v2/Groups/abc',
      headers: {},
      body: '{"Operations":[{"op":"Remove","path":"members[value eq \\"u1\\"]"}]}',
    },
    phase: 'memberships',
  },
  {
    request: { method: 'GET', url: 'http://127.0.0.1/scim/v2/GroupsArchive/1', headers: {} },
    phase: 'users',
  },
];

for (const row of PHASE_ROWS) {
  test(`provisioningPhaseOf ${row.request.method} ${row.request.url} ${row.request.body ?? ''} → ${row.phase}`, () => {
    expect(provisioningPhaseOf(row.request)).toBe(row.phase);
  });
}

function exchange(method: RecordedRequest['method'], path: string, status?: number): ScimExchange {
  return {
    request: { method, url: `http://127.0.0.1/scim/v2${path}`, headers: {} },
    ...(status === undefined
      ? {}
      : {
          response: {
            status,
            statusText: '',
            headers: {},
            contentType: 'application/scim+json',
            bodyText: '',
            bodyBytes: 0,
            bodyTruncated: false,
          },
        }),
    outcome: status === undefined ? 'connection-refused' : 'ok',
    durationMs: 1,
    retries: [],
    redirects: [],
    timing: { startedAt: 0, endedAt: 1, serverMs: 1, retryWaitMs: 0, queuedMs: 0, clientMs: 0, attempts: 1 },
  };
}

const ERROR_ROWS: { phase: 'users' | 'convergence' | 'cleanup'; status?: number; error: boolean }[] = [
  { phase: 'users', status: 201, error: false },
  { phase: 'users', status: 404, error: true },
  { phase: 'users', status: 409, error: true },
  { phase: 'users', status: 500, error: true },
  { phase: 'users', error: true },
  { phase: 'convergence', status: 404, error: false },
  { phase: 'convergence', status: 500, error: true },
  { phase: 'cleanup', status: 404, error: false },
  { phase: 'cleanup', status: 403, error: true },
];

for (const row of ERROR_ROWS) {
  test(`an exchange ending ${row.status ?? 'without a response'} during ${row.phase} ${row.error ? 'is' : 'is not'} an error`, () => {
    const seen: ReplayProgress[] = [];
    const tracker = new ProgressTracker(3, (progress) => seen.push(progress));
    tracker.stage(row.phase, 5, 2);
    tracker.exchange(exchange('DELETE', '/Users/1', row.status));
    expect(seen.at(-1)).toMatchObject({ requests: 1, errors: row.error ? 1 : 0 });
  });
}

test('the tracker counts per stage and per cycle, and follows requests through the provisioning phases', () => {
  const seen: ReplayProgress[] = [];
  const tracker = new ProgressTracker(2, (progress) => seen.push(progress));
  tracker.stage('test-connection', 2);
  tracker.exchange(exchange('GET', '/Users?filter=x', 200));
  tracker.exchange(exchange('GET', '/Groups?filter=x', 200));
  expect(seen.at(-1)).toMatchObject({ cycle: 1, phase: 'test-connection', done: 2, total: 2, requests: 2 });

  tracker.stage('users', 4, 1);
  tracker.exchange(exchange('POST', '/Users', 500));
  tracker.advance();
  tracker.exchange(exchange('POST', '/Groups', 201));
  tracker.advance();
  // The cycle's requests include Test Connection's: they share cycle 1.
  expect(seen.at(-1)).toMatchObject({ phase: 'groups', done: 2, total: 4, requests: 4, errors: 1 });

  tracker.stage('convergence', 0);
  tracker.planned(3);
  expect(seen.at(-1)).toMatchObject({ phase: 'convergence', done: 0, total: 0 });
  tracker.advance();
  expect(seen.at(-1)).toMatchObject({ phase: 'convergence', done: 1, total: 3, requests: 4, errors: 1 });

  tracker.stage('waiting', 1500, 2);
  expect(seen.at(-1)).toMatchObject({
    cycle: 2,
    phase: 'waiting',
    done: 0,
    total: 1500,
    requests: 0,
    errors: 0,
  });
  tracker.advance(1000);
  expect(seen.at(-1)).toMatchObject({ done: 1000 });

  tracker.stage('users', 2, 2);
  tracker.exchange(exchange('GET', '/Users/1', 200));
  tracker.stage('cleanup', 5);
  expect(seen.at(-1)).toMatchObject({ cycle: 2, phase: 'cleanup', total: 5, requests: 0 });
  // Reports are copies: a listener that keeps them sees each as it was.
  expect(seen[0]).toMatchObject({ phase: 'test-connection', done: 0 });
});

test('planned work never lowers a total set up front', () => {
  const seen: ReplayProgress[] = [];
  const tracker = new ProgressTracker(1, (progress) => seen.push(progress));
  tracker.stage('users', 10);
  tracker.planned(5);
  tracker.advance();
  expect(seen.at(-1)).toMatchObject({ done: 1, total: 10 });
  tracker.planned(20);
  tracker.advance();
  expect(seen.at(-1)).toMatchObject({ done: 2, total: 21 });
});
