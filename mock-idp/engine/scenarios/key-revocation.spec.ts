import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../../src/reference-server/index.js';
import { parseReplayResult } from '../../../src/report/index.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import {
  describeRestore,
  EXPECTED_OUTCOMES,
  type KeyOwnerRestore,
  type KeyRevocationScenario,
  runKeyRevocation,
} from './key-revocation.js';

interface Row {
  scenario: KeyRevocationScenario;
  quirks: 'revoked-key-accepted'[];
  outcome: string;
  explanation: RegExp;
  keyOwnerSeverity: string;
}

const ROWS: Row[] = [
  {
    scenario: 'key-revocation',
    quirks: [],
    outcome: 'key-rejected',
    explanation: /belonged to user .*deprovisioned in cycle 3.*service-account key/,
    keyOwnerSeverity: 'danger',
  },
  {
    scenario: 'key-revocation',
    quirks: ['revoked-key-accepted'],
    outcome: 'key-still-accepted',
    explanation: /SECURITY PROBLEM/,
    keyOwnerSeverity: 'danger',
  },
  {
    scenario: 'service-account-key',
    quirks: [],
    outcome: 'kept-provisioning',
    explanation: /service account/,
    keyOwnerSeverity: 'none',
  },
];

for (const row of ROWS) {
  test(`${row.scenario} against a target with quirks [${row.quirks.join(', ')}] → ${row.outcome}`, async () => {
    const server = await startReferenceServer({ quirks: row.quirks });
    try {
      const outcome = await runKeyRevocation(
        row.scenario,
        {
          tenantUrl: server.baseUrl,
          token: server.adminToken,
          users: 8,
          groups: 0,
          seed: 3,
          runId: 'revoke',
          concurrency: 2,
        },
        { kind: 'admin-api', origin: server.origin, adminToken: server.adminToken },
      );
      const scenario = outcome.result.scenario;
      expect(scenario?.outcome).toBe(row.outcome);
      expect(scenario?.explanation).toMatch(row.explanation);
      expect(scenario?.outcome === EXPECTED_OUTCOMES[row.scenario]).toBe(row.quirks.length === 0);
      const quarantined = outcome.result.cycles.map((cycle) => cycle.quarantined);
      expect(quarantined).toEqual(
        row.outcome === 'key-rejected' ? [false, false, false, true] : [false, false, false, false],
      );
      expect(scenario?.keyOwner?.severity).toBe(row.keyOwnerSeverity);
      // The timeline says when and why: credentials rejected in cycle 4, with the provisioning log's code.
      const entered = (outcome.result.quarantine ?? []).filter((event) => event.event === 'entered');
      expect(entered.map((event) => [event.cycle, event.reason, event.code])).toEqual(
        row.outcome === 'key-rejected' ? [[4, 'EncounteredQuarantineException', 'Unauthorized']] : [],
      );
      expect(outcome.cleanup.failed).toBe(0);
    } finally {
      await server.close();
    }
  });
}

/** The embedded server as if it were someone else's tenant: the owner and the keys exist before the run. */
async function externalTenant(server: RunningReferenceServer, ownerName: string) {
  const admin = async (path: string, body: unknown) => {
    const response = await fetch(`${server.origin}/admin/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, string>;
  };
  const created = await fetch(`${server.baseUrl}/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({ schemas: [SCHEMA_URNS.User], userName: ownerName, active: true }),
  });
  const ownerId = ((await created.json()) as { id: string }).id;
  const userKey = (await admin('keys', { owner: { kind: 'user', id: ownerId } })).key ?? '';
  const account = await admin('service-accounts', { name: 'SCIM provisioning' });
  const accountKey = (await admin('keys', { owner: { kind: 'serviceAccount', id: account.id } })).key ?? '';
  const ownerActive = async () => (await server.state.store.get('User', ownerId))?.attributes.active;
  return { ownerId, userKey, accountKey, ownerActive };
}

/** Every file the replay wrote, as text, to search for a secret. */
async function allText(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    names
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

// [case, scenario, key, --owner, --keep, outcome, owner active afterwards, restore]
const EXTERNAL: [
  string,
  KeyRevocationScenario,
  'user' | 'account',
  boolean,
  boolean,
  string,
  boolean,
  string,
][] = [
  [
    'a user-owned key, owner restored',
    'key-revocation',
    'user',
    true,
    false,
    'key-rejected',
    true,
    'restored',
  ],
  ['a user-owned key with --keep', 'key-revocation', 'user', true, true, 'key-rejected', false, 'kept'],
  ["a service account's key", 'service-account-key', 'account', false, false, 'kept-provisioning', true, ''],
];

for (const [name, scenario, keyKind, withOwner, keep, expected, activeAfter, restore] of EXTERNAL) {
  test(`external tenant: ${name} → ${expected}`, async () => {
    const server = await startReferenceServer();
    const dir = await mkdtemp(join(tmpdir(), 'key-revocation-'));
    try {
      const ownerName = 'key.owner@example.com';
      const tenant = await externalTenant(server, ownerName);
      const key = keyKind === 'user' ? tenant.userKey : tenant.accountKey;
      const warnings: string[] = [];
      const outcome = await runKeyRevocation(
        scenario,
        {
          tenantUrl: server.baseUrl,
          token: server.adminToken,
          users: 6,
          groups: 0,
          seed: 5,
          runId: `ext-${keyKind}-${keep}`,
          concurrency: 2,
          keep,
          reportDir: dir,
          warn: (text) => warnings.push(text),
        },
        { kind: 'owned-key', key, label: 'the key in OWNED', ...(withOwner ? { owner: ownerName } : {}) },
      );
      const verdict = outcome.result.scenario;
      expect(verdict?.outcome).toBe(expected);
      expect(verdict?.outcome).toBe(EXPECTED_OUTCOMES[scenario]);
      if (scenario === 'key-revocation') {
        expect(verdict?.explanation).toMatch(
          /belonged to user key\.owner@example\.com, deprovisioned in cycle 3.*service-account key/,
        );
        expect(verdict?.keyOwner).toMatchObject({ kind: 'user', userName: ownerName, severity: 'danger' });
        expect(warnings.join('')).toMatch(/will DEACTIVATE user key\.owner@example\.com .*revoke/);
        expect(warnings.join('')).toMatch(
          restore === 'kept'
            ? /left inactive \(--keep\)/
            : /Key owner key\.owner@example\.com: set back to active=true/,
        );
        expect(outcome.owner).toMatchObject({ userName: ownerName, priorActive: true, restore });
      } else {
        expect(outcome.result.cycles.every((cycle) => !cycle.quarantined)).toBe(true);
        expect(verdict?.keyOwner?.severity).toBe('none');
        expect(outcome.owner).toBeUndefined();
      }
      // Never deleted; active as it was unless --keep.
      expect(await tenant.ownerActive()).toBe(activeAfter);
      expect(parseReplayResult(JSON.parse(await readFile(join(dir, 'replay.json'), 'utf8')))).toBeTruthy();
      const written = await allText(dir);
      expect(written).not.toContain(key);
      expect(written).not.toContain(server.adminToken);
      expect(warnings.join('')).not.toContain(key);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
}

// [case, owner given, message]: refused before anything changes.
const REFUSALS: [string, string | undefined, 'user' | 'account', RegExp][] = [
  ['an owner the tenant does not have', 'nobody@example.com', 'user', /--owner nobody@example\.com: no user/],
  [
    'a key /Me says belongs to someone else',
    'other@example.com',
    'user',
    /belongs to key\.owner@example\.com, not to --owner other@example\.com/,
  ],
  ['a service account key with --owner', 'key.owner@example.com', 'account', /belongs to a service account/],
  ['key-revocation without --owner', undefined, 'user', /needs the owner/],
];

for (const [name, owner, keyKind, message] of REFUSALS) {
  test(`external tenant: refuses ${name}, and changes nothing`, async () => {
    const server = await startReferenceServer();
    try {
      const tenant = await externalTenant(server, 'key.owner@example.com');
      await fetch(`${server.baseUrl}/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({ schemas: [SCHEMA_URNS.User], userName: 'other@example.com' }),
      });
      const before = (await server.state.store.scan('User')).length;
      const refused = await runKeyRevocation(
        'key-revocation',
        {
          tenantUrl: server.baseUrl,
          token: server.adminToken,
          users: 4,
          groups: 0,
          seed: 1,
          runId: 'refused',
        },
        {
          kind: 'owned-key',
          key: keyKind === 'user' ? tenant.userKey : tenant.accountKey,
          label: 'the key in OWNED',
          ...(owner === undefined ? {} : { owner }),
        },
      ).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'CONFIG_INVALID' });
      expect(String(refused)).toMatch(message);
      expect((await server.state.store.scan('User')).length).toBe(before);
      expect(await tenant.ownerActive()).toBe(true);
    } finally {
      await server.close();
    }
  });
}

// [restore, the line stderr shows]
const RESTORES: [KeyOwnerRestore, RegExp][] = [
  [
    { userName: 'a@x.example', priorActive: true, restore: 'restored', status: '200' },
    /^Key owner a@x\.example: set back to active=true\./,
  ],
  [{ userName: 'a@x.example', priorActive: true, restore: 'kept' }, /left inactive \(--keep\)/],
  [
    { userName: 'a@x.example', priorActive: true, restore: 'failed', status: '403' },
    /^WARNING: key owner a@x\.example was NOT set back to active=true \(403\): do it by hand/,
  ],
  [{ userName: 'a@x.example', priorActive: true, restore: 'untouched' }, /never deactivated/],
];

for (const [restore, line] of RESTORES) {
  test(`describeRestore: ${restore.restore}`, () => {
    expect(describeRestore(restore)).toMatch(line);
  });
}
