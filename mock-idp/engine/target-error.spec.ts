import { expect, test } from '@playwright/test';
import { createScimClient } from '../../src/http/index.js';
import { REPLAY_TARGET_ERROR_CHARS, type ReplayDivergence } from '../../src/run-contract/index.js';
import { createDirectory } from '../directory/index.js';
import { ENTRA_DEFAULT_USER_MAPPING } from '../mappings/index.js';
import { checkConvergence } from './convergence.js';
import type { ObjectState } from './object-state.js';
import type { LoggedExchange } from './provisioning-log.js';
import { MAX_KEPT_REFUSALS, TargetRefusals, targetErrorOf, targetErrorText } from './target-error.js';

const SCIM_ERROR = JSON.stringify({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
  status: '409',
  scimType: 'uniqueness',
  detail: 'userName\n  is already taken',
});

test("a SCIM error's detail is the target's words, on one line", () => {
  expect(targetErrorText(SCIM_ERROR)).toBe('userName is already taken');
});

test('a body that is no SCIM error (HTML, a vendor shape, cut short) is shown from its start', () => {
  expect(targetErrorText('<h1>Bad Gateway</h1>')).toBe('<h1>Bad Gateway</h1>');
  expect(targetErrorText('{"errors":[{"title":"nope"}]}')).toBe('{"errors":[{"title":"nope"}]}');
  expect(targetErrorText('{"detail": "cut sh')).toBe('{"detail": "cut sh');
  expect(targetErrorText('{"detail": ""}')).toBe('{"detail": ""}');
});

test(`a long answer is cut to ${REPLAY_TARGET_ERROR_CHARS} characters, ending in …`, () => {
  const text = targetErrorText('x'.repeat(5000));
  expect(text).toHaveLength(REPLAY_TARGET_ERROR_CHARS);
  expect(text?.endsWith('…')).toBe(true);
  expect(targetErrorText(JSON.stringify({ detail: 'y'.repeat(1000) }))).toHaveLength(
    REPLAY_TARGET_ERROR_CHARS,
  );
});

test("no body: the client's explanation, else nothing", () => {
  expect(targetErrorText(undefined, 'no answer within 200 ms')).toBe('no answer within 200 ms');
  expect(targetErrorText('  ', '')).toBeUndefined();
  expect(targetErrorText(undefined)).toBeUndefined();
});

const LOGGED: LoggedExchange = {
  operation: 'createUser',
  method: 'POST',
  url: 'https://target.example/scim/v2/Users',
  status: 409,
  durationMs: 3,
  responseBody: SCIM_ERROR,
};

test('a refused request of the log becomes the record replay.json keeps', () => {
  expect(targetErrorOf(LOGGED, 'EntryConflict')).toEqual({
    request: 'POST /scim/v2/Users',
    status: '409',
    code: 'EntryConflict',
    text: 'userName is already taken',
  });
  const { responseBody: _body, ...empty } = LOGGED;
  expect(targetErrorOf({ ...empty, status: 500 })).toEqual({
    request: 'POST /scim/v2/Users',
    status: '500',
    text: '',
  });
});

const divergence = (object: string): ReplayDivergence => ({
  object,
  attribute: 'displayName',
  expected: 'Ada',
  found: 'Bob',
});

test('refusals explain the divergences of the objects they name, until the target accepts the object again', () => {
  const refusals = new TargetRefusals();
  const error = targetErrorOf(LOGGED, 'EntryConflict');
  refusals.refused('User ada@example.com', error);
  const readBack = { ...divergence('User bob@example.com'), targetError: { ...error, request: 'GET /x' } };
  expect(refusals.explain([divergence('User ada@example.com'), readBack])).toEqual([
    { ...divergence('User ada@example.com'), targetError: error },
    readBack,
  ]);
  refusals.accepted('User ada@example.com');
  expect(refusals.of('User ada@example.com')).toBeUndefined();
  expect(refusals.explain([divergence('User ada@example.com')])).toEqual([
    divergence('User ada@example.com'),
  ]);
});

test(`at most ${MAX_KEPT_REFUSALS} objects' refusals are kept; a known object's is still replaced`, () => {
  const refusals = new TargetRefusals();
  const error = targetErrorOf(LOGGED);
  for (let i = 0; i < MAX_KEPT_REFUSALS + 5; i++) refusals.refused(`User ${i}`, error);
  expect(refusals.of(`User ${MAX_KEPT_REFUSALS}`)).toBeUndefined();
  const later = { ...error, status: '500' };
  refusals.refused('User 0', later);
  expect(refusals.of('User 0')).toBe(later);
});

test('a read-back the target refuses carries its words; one it answers 200 where 404 was due carries none', async () => {
  const directory = createDirectory({ seed: 3, users: 1, groups: 0, runId: 'words', assignedUserRatio: 1 });
  const [user] = directory.users.values();
  if (user === undefined) throw new Error('the directory has a user');
  const token = 'tok_0123456789abcdefABCDEF';
  const fetchStub: typeof fetch = async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/Users/t-1'))
      return new Response(JSON.stringify({ detail: `database on fire; Bearer ${token}` }), {
        status: 500,
        headers: { 'content-type': 'application/scim+json' },
      });
    return new Response(JSON.stringify({ id: 't-gone', userName: 'x' }), {
      status: 200,
      headers: { 'content-type': 'application/scim+json' },
    });
  };
  const client = createScimClient({ tenantUrl: 'https://target.example/scim', token, fetch: fetchStub });
  const state = (targetId: string): ObjectState => ({ targetId, applied: {}, anchorLost: false });
  const { divergences } = await checkConvergence({
    client,
    directory,
    userMapping: ENTRA_DEFAULT_USER_MAPPING,
    groupMapping: undefined,
    users: new Map([
      [user.objectId, state('t-1')],
      ['gone', state('t-gone')],
    ]),
    groups: new Map(),
    resolve: () => undefined,
    concurrency: 1,
  });
  expect(divergences).toEqual([
    {
      object: `User ${user.userPrincipalName}`,
      attribute: '(resource)',
      expected: 'present (200)',
      found: 500,
      targetError: {
        request: 'GET /scim/Users/t-1',
        status: '500',
        text: 'database on fire; Bearer [REDACTED]',
      },
    },
    { object: 'User gone', attribute: '(resource)', expected: 'deleted (404)', found: 200 },
  ]);
});
