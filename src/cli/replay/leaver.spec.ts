import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  type QuirkName,
  type RunningReferenceServer,
  startReferenceServer,
} from '../../reference-server/index.js';
import { scimClient } from '../../reference-server/test-support/scim-call.js';
import { filesText } from '../../report/test-support/files-text.js';
import { LEAVER_SHAPES, parseReplayResult, type ReplayResult } from '../../run-contract/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';
import { leaverOwnerNames, leaverSettings } from './leaver-options.js';

async function replayJson(dir: string): Promise<ReplayResult> {
  return parseReplayResult(JSON.parse(await readFile(join(dir, 'replay.json'), 'utf8')));
}

/** A small budget for tests; the command's default is IPSIE's 300 s. */
const FAST = ['--revoke-budget', '1.5', '--probe-interval', '0.1'];

test('replay --scenario leaver against the embedded server: every shape revoked within budget, exit 0', async () => {
  const cwd = test.info().outputPath();
  const reportDir = join(cwd, 'report');
  const io = captureIo({ cwd });
  const argv = [
    'replay',
    '--scenario',
    'leaver',
    ...FAST,
    '--run-id',
    'cli-leaver',
    '--report-dir',
    reportDir,
  ];
  expect(await main(argv, io), io.stderr.text()).toBe(0);
  const out = io.stdout.text();
  expect(out).toContain('Scenario leaver: all-revoked-within-budget.');
  expect(out).toMatch(/Shape +Request +Revoked after +Within budget +Restored on reactivation/);
  for (const shape of LEAVER_SHAPES) expect(out).toMatch(new RegExp(`^${shape} .* yes `, 'm'));
  expect(out).toMatch(/^delete .*not applicable \(DELETE: nothing to reactivate\)$/m);
  expect(out).toContain('5 shape(s) tested, 0 untested');
  const replay = await replayJson(reportDir);
  expect(replay.scenario).toMatchObject({ name: 'leaver', revokeBudgetMs: 1500, probeIntervalMs: 100 });
  expect(replay.scenario?.shapes?.map((s) => [s.shape, s.withinBudget, s.restoredOnReactivation])).toEqual([
    ['entra-legacy', true, false],
    ['entra-compliant', true, false],
    ['okta-path-less', true, false],
    ['full-put', true, false],
    ['delete', true, null],
  ]);
  // The sweep found nothing: no leftovers recorded.
  expect(replay.leftovers).toBeUndefined();
  const page = await readFile(join(reportDir, 'report.html'), 'utf8');
  expect(page).toContain('Leaver matrix');
});

/** Disposable owners on a "tenant" (a reference server), each with a key it owns in env var KEY_i. */
async function tenantWithOwners(
  server: RunningReferenceServer,
  count: number,
): Promise<{ env: Record<string, string>; pairs: string[]; keys: string[]; ids: string[] }> {
  const scim = scimClient(server.baseUrl, server.adminToken);
  const admin = scimClient(server.origin, server.adminToken);
  const env: Record<string, string> = { SCIM_TOKEN: server.adminToken };
  const pairs: string[] = [];
  const keys: string[] = [];
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const userName = `owner${i}@example.com`;
    const created = await scim('POST', '/Users', { body: { schemas: [SCHEMA_URNS.User], userName } });
    const id = String(created.json.id);
    const minted = await admin('POST', '/admin/keys', { body: { owner: { kind: 'user', id } } });
    env[`KEY_${i}`] = String(minted.json.key);
    keys.push(String(minted.json.key));
    pairs.push('--leaver', `${userName}=KEY_${i}`);
    ids.push(id);
  }
  return { env, pairs, keys, ids };
}

// [case, quirks of the tenant, pairs, exit, what stdout says]
const TENANTS: [string, QuirkName[], number, number, RegExp[]][] = [
  [
    'fewer pairs than shapes: the rest untested, DELETE never run',
    [],
    2,
    0,
    [
      /^okta-path-less .*untested \(no owner\/key given\)/m,
      /^full-put .*untested \(no owner\/key given\)/m,
      /^delete .*untested \(DELETE would delete its owner/m,
      /2 shape\(s\) tested, 3 untested/,
      /Key owner owner1@example\.com: set back to active=true/,
    ],
  ],
  [
    'a tenant whose PUT leaves the key working',
    ['keys-survive-put-deactivate'],
    4,
    1,
    [
      /Scenario leaver: credential-outlived-owner\. SECURITY PROBLEM/,
      /^full-put .*still accepted after the budget \(1\.5 s\) +NO/m,
    ],
  ],
];

for (const [name, quirks, count, exit, says] of TENANTS) {
  test(`replay --scenario leaver against --tenant-url: ${name} → exit ${exit}`, async () => {
    const server = await startReferenceServer({ quirks });
    try {
      const tenant = await tenantWithOwners(server, count);
      const cwd = test.info().outputPath();
      const reportDir = join(cwd, 'report');
      const io = captureIo({ cwd, env: tenant.env });
      const argv = [
        'replay',
        '--tenant-url',
        server.baseUrl,
        '--scenario',
        'leaver',
        ...FAST,
        ...tenant.pairs,
      ];
      expect(
        await main([...argv, '--run-id', 'cli-leaver-ext', '--report-dir', reportDir], io),
        io.stderr.text(),
      ).toBe(exit);
      for (const text of says) expect(io.stdout.text()).toMatch(text);
      for (const id of tenant.ids)
        expect((await server.state.store.get('User', id))?.attributes.active).toBe(true);
      const everything = `${io.stdout.text()}${io.stderr.text()}${await filesText(reportDir)}`;
      for (const key of [...tenant.keys, server.adminToken]) expect(everything).not.toContain(key);
    } finally {
      await server.close();
    }
  });
}

// [case, argv after `replay`, env, the error]: exit 2, nothing changed.
const USAGE: [string, string[], Record<string, string>, RegExp][] = [
  [
    '--leaver against the embedded server',
    ['--scenario', 'leaver', '--leaver', 'a@x.com=K'],
    { K: 'k' },
    /embedded server mints an owner and a key per shape/,
  ],
  [
    '--revoke-budget without the scenario',
    ['--revoke-budget', '60'],
    {},
    /--revoke-budget belongs to --scenario leaver/,
  ],
  [
    '--shape with another scenario',
    ['--scenario', 'key-revocation', '--shape', 'delete'],
    {},
    /--shape belongs to --scenario leaver/,
  ],
  [
    'a budget out of bounds',
    ['--scenario', 'leaver', '--revoke-budget', '0'],
    {},
    /--revoke-budget must be a number from 1 to 86400/,
  ],
  [
    'an interval longer than the budget',
    ['--scenario', 'leaver', '--revoke-budget', '2', '--probe-interval', '5'],
    {},
    /longer than --revoke-budget/,
  ],
  ['an unknown shape', ['--scenario', 'leaver', '--shape', 'soap'], {}, /Invalid values|Choices/],
];

for (const [name, argv, env, message] of USAGE) {
  test(`replay refuses ${name} with exit 2`, async () => {
    const io = captureIo({ cwd: test.info().outputPath(), env });
    expect(await main(['replay', ...argv], io)).toBe(2);
    expect(io.stderr.text()).toMatch(message);
  });
}

// [case, --leaver values, env, the error]: against a tenant, exit 2 before anything changes; no key in stderr.
const TENANT_USAGE: [string, string[], Record<string, string>, RegExp][] = [
  ['no --leaver', [], {}, /needs --leaver OWNER=VAR/],
  ['a pair without "="', ['--leaver', 'owner0@example.com'], {}, /--leaver expects OWNER=VAR/],
  [
    'a key on the command line',
    ['--leaver', 'owner0@example.com=abc def'],
    {},
    /expects the NAME of an environment variable/,
  ],
  [
    'an unset variable',
    ['--leaver', 'owner0@example.com=NOPE'],
    {},
    /^(?![\s\S]*NOPE)[\s\S]*--leaver owner0@example\.com=…: the environment variable named after "=" is not set or empty/,
  ],
  [
    'the same key twice',
    ['--leaver', 'owner0@example.com=KEY_0', '--leaver', 'owner1@example.com=KEY_0'],
    {},
    /hold the same key/,
  ],
  [
    '--owner with leaver',
    ['--owner', 'owner0@example.com'],
    {},
    /--owner and --owned-token-env belong to the key-revocation scenarios/,
  ],
  [
    'an owner the tenant does not have',
    ['--leaver', 'nobody@example.com=KEY_0'],
    {},
    /--leaver nobody@example\.com: no user/,
  ],
];

for (const [name, pairs, env, message] of TENANT_USAGE) {
  test(`replay --scenario leaver --tenant-url refuses ${name} with exit 2`, async () => {
    const server = await startReferenceServer();
    try {
      const tenant = await tenantWithOwners(server, 1);
      const io = captureIo({ cwd: test.info().outputPath(), env: { ...tenant.env, ...env } });
      const argv = ['replay', '--tenant-url', server.baseUrl, '--scenario', 'leaver', ...FAST, ...pairs];
      expect(await main(argv, io)).toBe(2);
      expect(io.stderr.text()).toMatch(message);
      for (const key of tenant.keys) expect(io.stderr.text()).not.toContain(key);
      for (const id of tenant.ids)
        expect((await server.state.store.get('User', id))?.attributes.active).not.toBe(false);
    } finally {
      await server.close();
    }
  });
}

test("leaverSettings: IPSIE's 300 s and a 5 s interval by default; seconds become milliseconds", () => {
  expect(leaverSettings({})).toEqual({ budgetMs: 300_000, intervalMs: 5000, shapes: undefined });
  expect(leaverSettings({ 'revoke-budget': 10, 'probe-interval': 0.5, shape: ['delete'] })).toEqual({
    budgetMs: 10_000,
    intervalMs: 500,
    shapes: ['delete'],
  });
});

test('leaverOwnerNames: the owners the sweep must never delete', () => {
  expect(leaverOwnerNames(['a@x.com=K', 'b=c@x.com=V', 'bad'])).toEqual(['a@x.com', 'b=c@x.com']);
});
