import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startReferenceServer } from '../../../src/reference-server/index.js';
import { prepareExternalTenant } from '../../../src/reference-server/test-support/external-tenant.js';
import { filesText } from '../../../src/report/test-support/files-text.js';
import { parseReplayResult } from '../../../src/run-contract/index.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { ReplayInterruptedError } from '../replay.js';
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

/** A fetch through which the target refuses the PATCH that sets the owner's `active` back to true. */
function refusingRestore(ownerId: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.method === 'PATCH' && new URL(request.url).pathname.endsWith(`/Users/${ownerId}`)) {
      const body = await request.clone().text();
      if (/"value"\s*:\s*(true|"True")/.test(body)) {
        const error = { schemas: [SCHEMA_URNS.Error], status: '403', detail: 'reactivation is not allowed' };
        return new Response(JSON.stringify(error), {
          status: 403,
          headers: { 'content-type': 'application/scim+json' },
        });
      }
    }
    return fetch(request);
  };
}

interface ExternalRow {
  name: string;
  scenario: KeyRevocationScenario;
  key: 'user' | 'account';
  withOwner: boolean;
  keep: boolean;
  /** The target refuses the PATCH that puts the owner back. */
  refuseRestore: boolean;
  outcome: string;
  activeAfter: boolean;
  /** What became of the owner; absent when there is none (a service account's key). */
  restore?: KeyOwnerRestore['restore'];
  /** The restoring PATCH's status in replay.json. */
  status?: RegExp;
  /** What stderr says of the owner at the end. */
  line?: RegExp;
}

const EXTERNAL: ExternalRow[] = [
  {
    name: 'a user-owned key, owner restored',
    scenario: 'key-revocation',
    key: 'user',
    withOwner: true,
    keep: false,
    refuseRestore: false,
    outcome: 'key-rejected',
    activeAfter: true,
    restore: 'restored',
    status: /^2\d\d$/,
    line: /Key owner key\.owner@example\.com: set back to active=true/,
  },
  {
    name: 'a user-owned key with --keep',
    scenario: 'key-revocation',
    key: 'user',
    withOwner: true,
    keep: true,
    refuseRestore: false,
    outcome: 'key-rejected',
    activeAfter: false,
    restore: 'kept',
    line: /left inactive \(--keep\)/,
  },
  {
    name: 'a user-owned key, the target refuses the restoring PATCH',
    scenario: 'key-revocation',
    key: 'user',
    withOwner: true,
    keep: false,
    refuseRestore: true,
    outcome: 'key-rejected',
    activeAfter: false,
    restore: 'failed',
    status: /^403$/,
    line: /WARNING: user key\.owner@example\.com is left INACTIVE on the tenant \(the PATCH setting active back to true got 403\): set active back to true on that user by hand\./,
  },
  {
    name: "a service account's key",
    scenario: 'service-account-key',
    key: 'account',
    withOwner: false,
    keep: false,
    refuseRestore: false,
    outcome: 'kept-provisioning',
    activeAfter: true,
  },
];

for (const row of EXTERNAL) {
  test(`external tenant: ${row.name} → ${row.outcome}`, async () => {
    const server = await startReferenceServer();
    const dir = await mkdtemp(join(tmpdir(), 'key-revocation-'));
    try {
      const ownerName = 'key.owner@example.com';
      const tenant = await prepareExternalTenant(server, ownerName);
      const key = row.key === 'user' ? tenant.userKey : tenant.accountKey;
      const warnings: string[] = [];
      const outcome = await runKeyRevocation(
        row.scenario,
        {
          tenantUrl: server.baseUrl,
          token: server.adminToken,
          users: 6,
          groups: 0,
          seed: 5,
          runId: `ext-${row.key}-${row.keep}-${row.refuseRestore}`,
          concurrency: 2,
          keep: row.keep,
          reportDir: dir,
          warn: (text) => warnings.push(text),
          ...(row.refuseRestore ? { fetch: refusingRestore(tenant.ownerId) } : {}),
        },
        { kind: 'owned-key', key, label: 'the key in OWNED', ...(row.withOwner ? { owner: ownerName } : {}) },
      );
      const verdict = outcome.result.scenario;
      expect(verdict?.outcome).toBe(row.outcome);
      expect(verdict?.outcome).toBe(EXPECTED_OUTCOMES[row.scenario]);
      const replay = parseReplayResult(JSON.parse(await readFile(join(dir, 'replay.json'), 'utf8')));
      if (row.scenario === 'key-revocation') {
        expect(verdict?.explanation).toMatch(
          /belonged to user key\.owner@example\.com, deprovisioned in cycle 3.*service-account key/,
        );
        expect(verdict?.keyOwner).toMatchObject({ kind: 'user', userName: ownerName, severity: 'danger' });
        expect(warnings.join('')).toMatch(/will DEACTIVATE user key\.owner@example\.com .*revoke/);
        expect(outcome.owner).toMatchObject({ userName: ownerName, priorActive: true, restore: row.restore });
        if (row.status) expect(outcome.owner?.status).toMatch(row.status);
        else expect(outcome.owner?.status).toBeUndefined();
        // Written after the restore: replay.json and the outcome say the same, and the restore line is said last.
        expect(replay.scenario?.owner).toEqual(outcome.owner);
        expect(verdict?.owner).toEqual(outcome.owner);
        expect(warnings.at(-1)).toMatch(row.line ?? /^$/);
      } else {
        expect(outcome.result.cycles.every((cycle) => !cycle.quarantined)).toBe(true);
        expect(verdict?.keyOwner?.severity).toBe('none');
        expect(outcome.owner).toBeUndefined();
        expect(replay.scenario).not.toHaveProperty('owner');
      }
      // Never deleted; active as it was unless --keep or the target refused.
      expect(await tenant.ownerActive()).toBe(row.activeAfter);
      const written = await filesText(dir);
      expect(written).not.toContain(key);
      expect(written).not.toContain(server.adminToken);
      expect(warnings.join('')).not.toContain(key);
      expect(warnings.join('')).not.toContain(server.adminToken);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
}

interface StoppedRow {
  /** Ctrl-C once the owner is deactivated in cycle 3, or a fault once cycle 3 is over. */
  how: 'abort' | 'fault';
  keep: boolean;
  restore: KeyOwnerRestore['restore'];
  activeAfter: boolean;
  outcome: string;
  /** The cycles replay.json keeps. */
  cycles: number[];
}

const STOPPED: StoppedRow[] = [
  {
    how: 'abort',
    keep: false,
    restore: 'restored',
    activeAfter: true,
    outcome: 'interrupted',
    cycles: [1, 2],
  },
  { how: 'abort', keep: true, restore: 'kept', activeAfter: false, outcome: 'interrupted', cycles: [1, 2] },
  {
    how: 'fault',
    keep: false,
    restore: 'restored',
    activeAfter: true,
    outcome: 'not-completed',
    cycles: [1, 2, 3],
  },
];

for (const row of STOPPED) {
  test(`external tenant: stopped by ${row.how} after the owner was deactivated (keep ${row.keep}) → replay.json says ${row.restore}`, async () => {
    const server = await startReferenceServer();
    const dir = await mkdtemp(join(tmpdir(), 'key-revocation-stopped-'));
    try {
      const ownerName = 'key.owner@example.com';
      const tenant = await prepareExternalTenant(server, ownerName);
      const controller = new AbortController();
      const warnings: string[] = [];
      const error = await runKeyRevocation(
        'key-revocation',
        {
          tenantUrl: server.baseUrl,
          token: server.adminToken,
          users: 6,
          groups: 0,
          seed: 5,
          runId: `ext-${row.how}-${row.keep}`,
          concurrency: 2,
          keep: row.keep,
          reportDir: dir,
          signal: controller.signal,
          warn: (text) => {
            warnings.push(text);
            if (row.how === 'abort' && /^cycle 3: deactivated user/.test(text)) controller.abort();
          },
          onCycle: (cycle) => {
            // A fault whose message carries the run's token: the record must not.
            if (row.how === 'fault' && cycle.n === 3) throw new Error(`disk full near ${server.adminToken}`);
          },
        },
        { kind: 'owned-key', key: tenant.userKey, label: 'the key in OWNED', owner: ownerName },
      ).catch((thrown: unknown) => thrown);
      if (row.how === 'abort') {
        expect(error).toBeInstanceOf(ReplayInterruptedError);
        const interrupted = error as ReplayInterruptedError;
        expect(interrupted.cyclesRun).toBe(row.cycles.length);
        expect(interrupted.files).toContain(join(dir, 'replay.json'));
        expect(interrupted.files).toContain(join(dir, 'report.html'));
      } else expect(String(error)).toMatch(/disk full/);
      const replay = parseReplayResult(JSON.parse(await readFile(join(dir, 'replay.json'), 'utf8')));
      expect(replay.cycles.map((cycle) => cycle.n)).toEqual(row.cycles);
      expect(replay.scenario).toMatchObject({
        name: 'key-revocation',
        outcome: row.outcome,
        owner: { userName: ownerName, priorActive: true, restore: row.restore },
      });
      expect(replay.scenario?.explanation).toContain(`after ${row.cycles.length} complete cycle(s)`);
      expect(replay.scenario?.keyOwner).toMatchObject({ kind: 'user', userName: ownerName });
      // Said on stderr last, in the words replay.json records.
      const recorded = replay.scenario?.owner;
      expect(recorded).toBeDefined();
      if (recorded) expect(warnings.at(-1)).toBe(describeRestore(recorded));
      expect(await tenant.ownerActive()).toBe(row.activeAfter);
      const written = await filesText(dir);
      expect(written).not.toContain(tenant.userKey);
      expect(written).not.toContain(server.adminToken);
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
      const tenant = await prepareExternalTenant(server, 'key.owner@example.com');
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
    /^Key owner a@x\.example: set back to active=true \(200\)\./,
  ],
  [{ userName: 'a@x.example', priorActive: true, restore: 'kept' }, /left inactive \(--keep\)/],
  [
    { userName: 'a@x.example', priorActive: true, restore: 'failed', status: '403' },
    /^WARNING: user a@x\.example is left INACTIVE on the tenant \(the PATCH setting active back to true got 403\): set active back to true on that user by hand\.\n$/,
  ],
  [{ userName: 'a@x.example', priorActive: true, restore: 'untouched' }, /never deactivated/],
];

for (const [restore, line] of RESTORES) {
  test(`describeRestore: ${restore.restore}`, () => {
    expect(describeRestore(restore)).toMatch(line);
  });
}
