import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HttpResponse, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { createDirectory } from '../../../mock-idp/directory/index.js';
import { type RunningReferenceServer, startReferenceServer } from '../../reference-server/index.js';
import { prepareExternalTenant } from '../../reference-server/test-support/external-tenant.js';
import { filesText } from '../../report/test-support/files-text.js';
import { parseReplayResult, type ReplayResult } from '../../run-contract/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

const OWNER = 'key.owner@example.com';

async function replayJson(dir: string): Promise<ReplayResult> {
  return parseReplayResult(JSON.parse(await readFile(join(dir, 'replay.json'), 'utf8')));
}

// [case, scenario, key in OWNED, --owner, expected outcome, what stderr says]
const SCENARIOS: [string, string, 'user' | 'account', boolean, string, RegExp][] = [
  [
    "key-revocation with the owner's key",
    'key-revocation',
    'user',
    true,
    'key-rejected',
    /will DEACTIVATE user key\.owner@example\.com[\s\S]*Key owner key\.owner@example\.com: set back to active=true/,
  ],
  [
    "service-account-key with a service account's key",
    'service-account-key',
    'account',
    false,
    'kept-provisioning',
    /cycle 4 \(incremental\)/,
  ],
];

for (const [name, scenario, keyKind, withOwner, outcome, stderr] of SCENARIOS) {
  test(`replay --scenario against --tenant-url: ${name} exits 0, the key in no output`, async () => {
    const server = await startReferenceServer();
    try {
      const tenant = await prepareExternalTenant(server, OWNER);
      const key = keyKind === 'user' ? tenant.userKey : tenant.accountKey;
      const cwd = test.info().outputPath();
      const reportDir = join(cwd, 'report');
      const io = captureIo({ cwd, env: { SCIM_TOKEN: server.adminToken, OWNED: key } });
      const argv = ['replay', '--tenant-url', server.baseUrl, '--scenario', scenario];
      argv.push('--owned-token-env', 'OWNED', ...(withOwner ? ['--owner', OWNER] : []));
      argv.push('--users', '5', '--groups', '0', '--run-id', `cli-ext-${keyKind}`, '--report-dir', reportDir);
      expect(await main(argv, io), io.stderr.text()).toBe(0);
      expect(io.stdout.text()).toContain(`Scenario ${scenario}: ${outcome}.`);
      expect(io.stderr.text()).toMatch(stderr);
      const replay = await replayJson(reportDir);
      expect(replay.scenario?.outcome).toBe(outcome);
      expect(replay.tokenOwner).toMatchObject({ kind: 'service-account', severity: 'none' });
      expect(replay.quarantine?.some((e) => e.event === 'entered')).toBe(outcome === 'key-rejected');
      const user = await server.state.store.get('User', tenant.ownerId);
      expect(user?.attributes.active).toBe(true);
      if (withOwner) {
        expect(replay.scenario?.owner).toMatchObject({
          userName: OWNER,
          priorActive: true,
          restore: 'restored',
        });
        expect(replay.scenario?.owner?.status).toMatch(/^2\d\d$/);
      } else expect(replay.scenario).not.toHaveProperty('owner');
      for (const text of [await filesText(reportDir), io.stdout.text(), io.stderr.text()]) {
        expect(text).not.toContain(key);
        expect(text).not.toContain(server.adminToken);
      }
    } finally {
      await server.close();
    }
  });
}

/** Makes the tenant refuse the PATCH that sets the owner's `active` back to true; everything else goes through. */
function refuseRestore(server: RunningReferenceServer, ownerId: string) {
  return setupServer(
    http.patch(`${server.baseUrl}/Users/${ownerId}`, async ({ request }) => {
      const body = await request.clone().text();
      if (!/"value"\s*:\s*(true|"True")/.test(body)) return passthrough();
      return HttpResponse.json(
        { schemas: [SCHEMA_URNS.Error], status: '403', detail: 'reactivation is not allowed' },
        { status: 403, headers: { 'content-type': 'application/scim+json' } },
      );
    }),
  );
}

interface OwnerRow {
  name: string;
  keep: boolean;
  refuseRestore: boolean;
  exit: number;
  restore: string;
  status?: RegExp;
  activeAfter: boolean;
  /** What stderr says of the owner. */
  stderr: RegExp;
}

const OWNER_ROWS: OwnerRow[] = [
  {
    name: 'the owner set back',
    keep: false,
    refuseRestore: false,
    exit: 0,
    restore: 'restored',
    status: /^2\d\d$/,
    activeAfter: true,
    stderr: /Key owner key\.owner@example\.com: set back to active=true/,
  },
  {
    name: '--keep leaves the owner inactive on request',
    keep: true,
    refuseRestore: false,
    exit: 0,
    restore: 'kept',
    activeAfter: false,
    stderr: /Key owner key\.owner@example\.com: left inactive \(--keep\); set active back to true by hand/,
  },
  {
    name: 'a refused restore exits 1 although the key was rejected as expected',
    keep: false,
    refuseRestore: true,
    exit: 1,
    restore: 'failed',
    status: /^403$/,
    activeAfter: false,
    stderr:
      /WARNING: user key\.owner@example\.com is left INACTIVE on the tenant \(the PATCH setting active back to true got 403\): set active back to true on that user by hand\.\n/,
  },
];

for (const row of OWNER_ROWS) {
  test(`replay --scenario key-revocation --owner: ${row.name} → exit ${row.exit}, replay.json says ${row.restore}`, async () => {
    const server = await startReferenceServer();
    const tenant = await prepareExternalTenant(server, OWNER);
    const msw = row.refuseRestore ? refuseRestore(server, tenant.ownerId) : undefined;
    msw?.listen({ onUnhandledRequest: 'bypass' });
    try {
      const cwd = test.info().outputPath();
      const reportDir = join(cwd, 'report');
      const io = captureIo({ cwd, env: { SCIM_TOKEN: server.adminToken, OWNED: tenant.userKey } });
      const argv = ['replay', '--tenant-url', server.baseUrl, '--scenario', 'key-revocation'];
      argv.push('--owned-token-env', 'OWNED', '--owner', OWNER, ...(row.keep ? ['--keep'] : []));
      argv.push(
        '--users',
        '5',
        '--groups',
        '0',
        '--run-id',
        `cli-owner-${row.restore}`,
        '--report-dir',
        reportDir,
      );
      expect(await main(argv, io), io.stderr.text()).toBe(row.exit);
      // The scenario's own outcome is the expected one: the exit code is the owner's doing.
      expect(io.stdout.text()).toContain('Scenario key-revocation: key-rejected.');
      expect(io.stderr.text()).toMatch(row.stderr);
      // Said again under the verdict on stdout.
      expect(io.stdout.text()).toMatch(row.stderr);
      const replay = await replayJson(reportDir);
      expect(replay.scenario?.owner).toMatchObject({
        userName: OWNER,
        priorActive: true,
        restore: row.restore,
      });
      if (row.status) expect(replay.scenario?.owner?.status).toMatch(row.status);
      else expect(replay.scenario?.owner).not.toHaveProperty('status');
      const html = await readFile(join(reportDir, 'report.html'), 'utf8');
      expect(html).toContain(`class="key-owner-restore restore-${row.restore}"`);
      const user = await server.state.store.get('User', tenant.ownerId);
      expect(user?.attributes.active).toBe(row.activeAfter);
      for (const text of [await filesText(reportDir), io.stdout.text(), io.stderr.text()]) {
        expect(text).not.toContain(tenant.userKey);
        expect(text).not.toContain(server.adminToken);
      }
    } finally {
      msw?.close();
      await server.close();
    }
  });
}

test('Ctrl-C once the owner is deactivated: the owner is set back, replay.json records it, exit 130', async () => {
  const server = await startReferenceServer();
  try {
    const tenant = await prepareExternalTenant(server, OWNER);
    const cwd = test.info().outputPath();
    const reportDir = join(cwd, 'report');
    const io = captureIo({ cwd, env: { SCIM_TOKEN: server.adminToken, OWNED: tenant.userKey } });
    const argv = ['replay', '--tenant-url', server.baseUrl, '--scenario', 'key-revocation'];
    argv.push('--owned-token-env', 'OWNED', '--owner', OWNER);
    argv.push('--users', '5', '--groups', '0', '--run-id', 'cli-owner-abort', '--report-dir', reportDir);
    const exit = main(argv, io);
    await io.stderr.waitFor(/cycle 3: deactivated user key\.owner@example\.com/);
    io.interrupt();
    expect(await exit).toBe(130);
    expect(io.stderr.text()).toMatch(/Key owner key\.owner@example\.com: set back to active=true/);
    expect(io.stdout.text()).toMatch(
      /Replay interrupted after 2 complete cycle\(s\); cleanup deleted \d+, failed 0\. Reports: .*replay\.json/,
    );
    expect(io.stdout.text()).toContain(
      `Run id cli-owner-abort; to remove anything it left: scim-harness cleanup --run-id cli-owner-abort --tenant-url "${server.baseUrl}"`,
    );
    const replay = await replayJson(reportDir);
    expect(replay.interrupted).toBe(true);
    expect(replay.scenario).toMatchObject({
      outcome: 'interrupted',
      owner: { userName: OWNER, priorActive: true, restore: 'restored' },
    });
    expect((await server.state.store.get('User', tenant.ownerId))?.attributes.active).toBe(true);
    expect(await filesText(reportDir)).not.toContain(tenant.userKey);
  } finally {
    await server.close();
  }
});

// [case, argv after `replay`, env besides SCIM_TOKEN, the error]: exit 2 before anything changes.
const USAGE: [string, string[], NodeJS.ProcessEnv, RegExp][] = [
  [
    'a scenario against a tenant without --owned-token-env',
    ['--scenario', 'key-revocation'],
    {},
    /needs --owned-token-env VAR/,
  ],
  [
    'key-revocation against a tenant without --owner',
    ['--scenario', 'key-revocation', '--owned-token-env', 'OWNED'],
    { OWNED: 'k' },
    /needs --owner USERNAME/,
  ],
  [
    'service-account-key with --owner',
    ['--scenario', 'service-account-key', '--owned-token-env', 'OWNED', '--owner', OWNER],
    { OWNED: 'k' },
    /takes no --owner/,
  ],
  [
    '--owner without a scenario',
    ['--owner', OWNER],
    {},
    /belong to --scenario key-revocation or service-account-key/,
  ],
  [
    'an unset variable',
    ['--scenario', 'key-revocation', '--owned-token-env', 'MISSING', '--owner', OWNER],
    {},
    /^(?![\s\S]*MISSING)[\s\S]*the environment variable --owned-token-env names is not set or empty/,
  ],
  [
    'a variable name that is not one',
    ['--scenario', 'key-revocation', '--owned-token-env', 'not a name', '--owner', OWNER],
    {},
    /expects the NAME of an environment variable/,
  ],
  [
    'an owner the tenant does not have',
    ['--scenario', 'key-revocation', '--owned-token-env', 'OWNED', '--owner', 'nobody@example.com'],
    { OWNED: 'owned' },
    /--owner nobody@example\.com: no user has this userName/,
  ],
];

for (const [name, argv, env, message] of USAGE) {
  test(`replay refuses ${name} with exit 2`, async () => {
    const server = await startReferenceServer();
    try {
      const tenant = await prepareExternalTenant(server, OWNER);
      const filled = Object.fromEntries(
        Object.entries(env).map(([k, v]) => [k, v === 'owned' ? tenant.userKey : v]),
      );
      const cwd = test.info().outputPath();
      const io = captureIo({ cwd, env: { SCIM_TOKEN: server.adminToken, ...filled } });
      const before = (await server.state.store.scan('User')).length;
      expect(await main(['replay', '--tenant-url', server.baseUrl, '--users', '3', ...argv], io)).toBe(2);
      expect(io.stderr.text()).toMatch(message);
      expect(io.stderr.text()).not.toContain(tenant.userKey);
      expect((await server.state.store.scan('User')).length).toBe(before);
    } finally {
      await server.close();
    }
  });
}

test('--owned-token-env against the embedded server is refused: it mints its own keys', async () => {
  const io = captureIo({ cwd: test.info().outputPath(), env: { OWNED: 'k' } });
  const argv = ['replay', '--scenario', 'key-revocation', '--owned-token-env', 'OWNED', '--owner', OWNER];
  expect(await main(argv, io)).toBe(2);
  expect(io.stderr.text()).toMatch(/for an external tenant: the embedded server mints its own keys/);
});

// [case, whose token, severity in replay.json, what stderr says]
const OWNERS: [string, 'admin' | 'outsider' | 'in-directory', string, RegExp][] = [
  ["a service account's token", 'admin', 'none', /^Token owner \(the run's token\): .*service account/m],
  ["a person's token", 'outsider', 'caution', /^WARNING, token owner \(the run's token\): .*key\.owner@/m],
  [
    'the token of a user the directory holds',
    'in-directory',
    'danger',
    /^!!! DANGER, token owner \(the run's token\): .*may deactivate or delete that user/m,
  ],
];

for (const [name, whose, severity, stderr] of OWNERS) {
  test(`replay warns who owns the run's token before changing anything: ${name} → ${severity}`, async () => {
    const server = await startReferenceServer();
    try {
      const runId = `owner-${whose}`;
      const directory = createDirectory({ seed: 9, users: 4, groups: 0, runId });
      const [first] = directory.users.values();
      const userName = whose === 'in-directory' ? (first?.userPrincipalName ?? '') : OWNER;
      const tenant = await prepareExternalTenant(server, userName);
      const token = whose === 'admin' ? server.adminToken : tenant.userKey;
      const cwd = test.info().outputPath();
      const reportDir = join(cwd, 'report');
      const io = captureIo({ cwd, env: { SCIM_TOKEN: token } });
      const argv = ['replay', '--tenant-url', server.baseUrl, '--users', '4', '--groups', '0', '--seed', '9'];
      await main([...argv, '--cycles', '1', '--run-id', runId, '--report-dir', reportDir], io);
      expect(io.stderr.text()).toMatch(stderr);
      // Said before the first cycle's summary.
      expect(io.stderr.text().search(stderr)).toBeLessThan(io.stderr.text().indexOf('cycle 1 ('));
      const replay = await replayJson(reportDir);
      expect(replay.tokenOwner?.severity).toBe(severity);
      expect(replay.quarantine).toEqual([]);
      expect(await filesText(reportDir)).not.toContain(token);
    } finally {
      await server.close();
    }
  });
}
