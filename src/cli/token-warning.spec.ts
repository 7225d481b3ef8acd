import { expect, test } from '@playwright/test';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createScimClient } from '../http/index.js';
import { type RunningReferenceServer, startReferenceServer } from '../reference-server/index.js';
import { SCHEMA_URNS } from '../scim/urns.js';
import { formatTokenReminder, formatTokenWarning, warnAboutTokenOwner } from './token-warning.js';

// [severity, what the console line must say, lines]
const FORMATS: ['none' | 'unverified' | 'caution' | 'danger', RegExp, number][] = [
  ['none', /^Token owner \(the run's token\): msg\n$/, 1],
  ['unverified', /^Token owner UNVERIFIED \(the run's token\): msg\n$/, 1],
  ['caution', /^WARNING, token owner \(the run's token\): msg\n$/, 1],
  ['danger', /^!!! DANGER, token owner \(the run's token\): msg\n.*Ctrl-C/, 2],
];

for (const [severity, pattern, lines] of FORMATS) {
  test(`formatTokenWarning: ${severity}`, () => {
    const text = formatTokenWarning({ severity, message: 'msg' });
    expect(text).toMatch(pattern);
    expect(text.trimEnd().split('\n')).toHaveLength(lines);
  });
}

test("formatTokenReminder: one line for a person's key (caution, danger), nothing otherwise", () => {
  expect(formatTokenReminder({ severity: 'none', message: 'msg' })).toBeUndefined();
  expect(formatTokenReminder({ severity: 'unverified', message: 'msg' })).toBeUndefined();
  for (const severity of ['caution', 'danger'] as const) {
    const line = formatTokenReminder({ severity, message: 'msg' }) ?? '';
    expect(line).toMatch(/a person's key.*start of the run\.\n$/);
    expect(line.trimEnd().split('\n')).toHaveLength(1);
    expect(line).not.toContain('msg');
  }
});

let server: RunningReferenceServer;
let userKey = '';

test.beforeAll(async () => {
  server = await startReferenceServer();
  const created = await fetch(`${server.baseUrl}/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({ schemas: [SCHEMA_URNS.User], userName: 'grace@example.com' }),
  });
  const id = ((await created.json()) as { id: string }).id;
  const minted = await fetch(`${server.origin}/admin/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ owner: { kind: 'user', id } }),
  });
  userKey = ((await minted.json()) as { key: string }).key;
});

test.afterAll(async () => {
  await server.close();
});

// [case, whose key, the run's scope, severity, what the warning says]
const EMBEDDED: [string, 'admin' | 'user', string[] | undefined, string, RegExp][] = [
  ["a service account's key", 'admin', undefined, 'none', /service account scim-harness admin/],
  ["a person's key", 'user', undefined, 'caution', /^WARNING.*grace@example\.com.*revoke/],
  [
    "a person's key, that person in scope",
    'user',
    ['GRACE@example.com'],
    'danger',
    /^!!! DANGER.*grace@example\.com/,
  ],
];

for (const [name, whose, scope, severity, pattern] of EMBEDDED) {
  test(`warnAboutTokenOwner against the reference server: ${name} → ${severity}`, async () => {
    const token = whose === 'admin' ? server.adminToken : userKey;
    const written: string[] = [];
    const finding = await warnAboutTokenOwner(
      createScimClient({ tenantUrl: server.baseUrl, token }),
      (text) => written.push(text),
      scope,
    );
    expect(finding.severity).toBe(severity);
    expect(written.join('')).toMatch(pattern);
    expect(written.join('')).not.toContain(token);
  });
}

test('warnAboutTokenOwner: a target without /Me (404, msw) is unverified, not safe', async () => {
  const msw = setupServer(
    http.get('https://scim.test/scim/v2/Me', () =>
      HttpResponse.json({ detail: 'not found', status: '404' }, { status: 404 }),
    ),
  );
  msw.listen({ onUnhandledRequest: 'error' });
  try {
    const written: string[] = [];
    const finding = await warnAboutTokenOwner(
      createScimClient({ tenantUrl: 'https://scim.test/scim/v2', token: 'msw-token-123456' }),
      (text) => written.push(text),
    );
    expect(finding).toMatchObject({ kind: 'unknown', severity: 'unverified' });
    expect(written.join('')).toMatch(/^Token owner UNVERIFIED .*GET \/Me answered 404/);
  } finally {
    msw.close();
  }
});
