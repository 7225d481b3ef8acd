import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type QuirkName, startReferenceServer } from '../../../src/reference-server/index.js';
import { scimClient } from '../../../src/reference-server/test-support/scim-call.js';
import { filesText } from '../../../src/report/test-support/files-text.js';
import {
  carriesRunId,
  LEAVER_SHAPES,
  type LeaverShapeName,
  type LeaverShapeOutcome,
  parseReplayResult,
} from '../../../src/run-contract/index.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import {
  formatLeaverMatrix,
  LEAVER_EXPECTED_OUTCOME,
  type LeaverPair,
  runLeaver,
  UNTESTED_DELETE,
  UNTESTED_NO_PAIR,
} from './leaver.js';

/** A small budget, so a key that survives costs the test about two seconds, not IPSIE's five minutes. */
const BUDGET_MS = 1500;
const INTERVAL_MS = 100;

interface Row {
  quirks: QuirkName[];
  /** What each shape comes to; shapes not named are revoked within the budget. */
  outcomes?: Partial<Record<LeaverShapeName, LeaverShapeOutcome>>;
  /** Shapes whose old key works again after reactivation. */
  restored?: LeaverShapeName[];
  /** The server's delay for `keys-revoked-after-delay`. */
  delayMs?: number;
  expected: boolean;
}

const ALL_PATCH_AND_PUT = {
  'entra-legacy': 'not-revoked',
  'entra-compliant': 'not-revoked',
  'okta-path-less': 'not-revoked',
  'full-put': 'not-revoked',
} as const;

// Each leaver quirk makes its shape fail in turn; the others stay revoked.
const ROWS: Row[] = [
  { quirks: [], expected: true },
  { quirks: ['keys-survive-string-active'], outcomes: { 'entra-legacy': 'not-revoked' }, expected: false },
  {
    quirks: ['keys-survive-path-less-deactivate'],
    outcomes: { 'okta-path-less': 'not-revoked' },
    expected: false,
  },
  { quirks: ['keys-survive-put-deactivate'], outcomes: { 'full-put': 'not-revoked' }, expected: false },
  { quirks: ['deactivate-does-not-revoke'], outcomes: ALL_PATCH_AND_PUT, expected: false },
  { quirks: ['delete-does-not-revoke'], outcomes: { delete: 'not-revoked' }, expected: false },
  {
    quirks: ['keys-revoked-after-delay'],
    delayMs: 60_000,
    outcomes: { ...ALL_PATCH_AND_PUT, delete: 'not-revoked' },
    expected: false,
  },
  {
    quirks: ['keys-restored-on-reactivate'],
    restored: ['entra-legacy', 'entra-compliant', 'okta-path-less', 'full-put'],
    expected: true,
  },
  {
    quirks: ['revoked-key-accepted'],
    outcomes: { ...ALL_PATCH_AND_PUT, delete: 'not-revoked' },
    expected: false,
  },
];

for (const row of ROWS) {
  test(`leaver against the embedded server with quirks [${row.quirks.join(', ')}]`, async () => {
    const server = await startReferenceServer({
      quirks: row.quirks,
      ...(row.delayMs === undefined ? {} : { keyRevocationDelayMs: row.delayMs }),
    });
    const dir = await mkdtemp(join(tmpdir(), 'leaver-'));
    const minted: string[] = [];
    // Sees the keys the admin API mints, to prove none is written anywhere.
    const spy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/admin/keys')) {
        const json = (await response.clone().json()) as { key?: string };
        if (json.key) minted.push(json.key);
      }
      return response;
    };
    const runId = `leaver-${row.quirks.join('-') || 'clean'}`;
    try {
      const outcome = await runLeaver(
        {
          tenantUrl: server.baseUrl,
          token: server.adminToken,
          runId,
          seed: 1,
          budgetMs: BUDGET_MS,
          intervalMs: INTERVAL_MS,
          settleMs: 50,
          reportDir: dir,
          fetch: spy,
        },
        { kind: 'admin-api', origin: server.origin, adminToken: server.adminToken },
      );
      const shapes = outcome.result.scenario?.shapes ?? [];
      expect(shapes.map((s) => s.shape)).toEqual([...LEAVER_SHAPES]);
      for (const shape of shapes) {
        const expected = row.outcomes?.[shape.shape] ?? 'revoked';
        expect(shape.outcome, `${shape.shape}: ${JSON.stringify(shape)}`).toBe(expected);
        expect(shape.withinBudget).toBe(expected === 'revoked');
        if (expected === 'revoked') expect(shape.revokedAfterMs).toBeLessThanOrEqual(BUDGET_MS);
        else expect(shape.revokedAfterMs).toBeNull();
        const restored =
          shape.shape === 'delete' || expected !== 'revoked'
            ? null
            : (row.restored ?? []).includes(shape.shape);
        expect(shape.restoredOnReactivation, `${shape.shape} restored`).toBe(restored);
      }
      expect(outcome.result.scenario?.outcome === LEAVER_EXPECTED_OUTCOME).toBe(row.expected);
      // Every owner the run created is gone, and replay.json is the schema's.
      const left = (await server.state.store.scan('User')).filter((u) =>
        carriesRunId(u.attributes.userName, runId),
      );
      expect(left).toEqual([]);
      expect(outcome.cleanup.failed).toBe(0);
      const replay = parseReplayResult(JSON.parse(await readFile(join(dir, 'replay.json'), 'utf8')));
      expect(replay.scenario?.shapes).toEqual(shapes);
      expect(replay.cycles).toEqual([]);
      const written = await filesText(dir);
      expect(minted.length).toBe(LEAVER_SHAPES.length);
      for (const key of [...minted, server.adminToken]) expect(written).not.toContain(key);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
}

test('a revocation that comes after a delay within the budget is measured, not guessed', async () => {
  const server = await startReferenceServer({
    quirks: ['keys-revoked-after-delay'],
    keyRevocationDelayMs: 400,
  });
  try {
    const outcome = await runLeaver(
      {
        tenantUrl: server.baseUrl,
        token: server.adminToken,
        runId: 'leaver-delay',
        seed: 1,
        budgetMs: 3000,
        intervalMs: 100,
        settleMs: 50,
        shapes: ['entra-compliant'],
      },
      { kind: 'admin-api', origin: server.origin, adminToken: server.adminToken },
    );
    const [row] = outcome.shapes;
    expect(row?.outcome).toBe('revoked');
    expect(row?.revokedAfterMs).toBeGreaterThanOrEqual(400);
    expect(row?.revokedAfterMs).toBeLessThan(3000);
    expect(row?.probes).toBeGreaterThan(2);
  } finally {
    await server.close();
  }
});

/** Users that already exist on the "tenant", each with a key it owns. */
async function externalOwners(
  server: Awaited<ReturnType<typeof startReferenceServer>>,
  names: string[],
): Promise<{ pairs: LeaverPair[]; ids: string[] }> {
  const scim = scimClient(server.baseUrl, server.adminToken);
  const admin = scimClient(server.origin, server.adminToken);
  const pairs: LeaverPair[] = [];
  const ids: string[] = [];
  for (const [i, owner] of names.entries()) {
    const created = await scim('POST', '/Users', { body: { schemas: [SCHEMA_URNS.User], userName: owner } });
    const id = String(created.json.id);
    const minted = await admin('POST', '/admin/keys', { body: { owner: { kind: 'user', id } } });
    pairs.push({ owner, key: String(minted.json.key), label: `the key in KEY_${i}` });
    ids.push(id);
  }
  return { pairs, ids };
}

test('an external tenant: pairs go to the shapes in order, the rest and DELETE are untested, owners set back', async () => {
  const server = await startReferenceServer();
  const dir = await mkdtemp(join(tmpdir(), 'leaver-ext-'));
  try {
    const { pairs, ids } = await externalOwners(server, ['one@example.com', 'two@example.com']);
    const warnings: string[] = [];
    const outcome = await runLeaver(
      {
        tenantUrl: server.baseUrl,
        token: server.adminToken,
        runId: 'leaver-ext',
        seed: 1,
        budgetMs: BUDGET_MS,
        intervalMs: INTERVAL_MS,
        settleMs: 50,
        reportDir: dir,
        warn: (text) => warnings.push(text),
      },
      { kind: 'owned-keys', pairs },
    );
    const byShape = Object.fromEntries(outcome.shapes.map((s) => [s.shape, s]));
    expect(byShape['entra-legacy']).toMatchObject({
      outcome: 'revoked',
      owner: { userName: 'one@example.com', restore: 'restored' },
    });
    expect(byShape['entra-compliant']).toMatchObject({
      outcome: 'revoked',
      owner: { userName: 'two@example.com', restore: 'restored' },
    });
    for (const shape of ['okta-path-less', 'full-put'] as const)
      expect(byShape[shape]).toMatchObject({
        outcome: 'untested',
        note: UNTESTED_NO_PAIR,
        withinBudget: null,
      });
    expect(byShape.delete).toMatchObject({ outcome: 'untested', note: UNTESTED_DELETE });
    expect(outcome.result.scenario?.outcome).toBe(LEAVER_EXPECTED_OUTCOME);
    expect(outcome.result.scenario?.explanation).toMatch(/Untested: okta-path-less \(no owner\/key given\)/);
    // Never deleted, active again.
    for (const id of ids) expect((await server.state.store.get('User', id))?.attributes.active).toBe(true);
    expect(warnings.join('')).toMatch(/will DEACTIVATE user one@example\.com .*entra-legacy/);
    expect(warnings.join('')).toMatch(/Key owner two@example\.com: set back to active=true/);
    const text = `${await filesText(dir)}${warnings.join('')}${formatLeaverMatrix(outcome.shapes, BUDGET_MS)}`;
    for (const pair of pairs) expect(text).not.toContain(pair.key);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('an external tenant: more pairs than shapes that can run is refused before anything changes', async () => {
  const server = await startReferenceServer();
  try {
    const { pairs, ids } = await externalOwners(server, ['a@example.com', 'b@example.com']);
    const refused = await runLeaver(
      {
        tenantUrl: server.baseUrl,
        token: server.adminToken,
        runId: 'leaver-many',
        seed: 1,
        budgetMs: BUDGET_MS,
        intervalMs: INTERVAL_MS,
        shapes: ['okta-path-less', 'delete'],
      },
      { kind: 'owned-keys', pairs },
    ).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'CONFIG_INVALID' });
    expect(String(refused)).toMatch(/2 --leaver pairs for 1 shape/);
    for (const id of ids)
      expect((await server.state.store.get('User', id))?.attributes.active).not.toBe(false);
  } finally {
    await server.close();
  }
});

test("an external tenant: a key /Me says is not the owner's is refused, and nobody is deactivated", async () => {
  const server = await startReferenceServer();
  try {
    const { pairs, ids } = await externalOwners(server, ['a@example.com', 'b@example.com']);
    const [first, second] = pairs;
    if (first === undefined || second === undefined) throw new Error('no pairs');
    const refused = await runLeaver(
      {
        tenantUrl: server.baseUrl,
        token: server.adminToken,
        runId: 'leaver-swap',
        seed: 1,
        budgetMs: BUDGET_MS,
        intervalMs: INTERVAL_MS,
      },
      { kind: 'owned-keys', pairs: [{ ...first, key: second.key }] },
    ).catch((error: unknown) => error);
    expect(String(refused)).toMatch(/belongs to b@example\.com, not to --leaver a@example\.com/);
    for (const id of ids)
      expect((await server.state.store.get('User', id))?.attributes.active).not.toBe(false);
  } finally {
    await server.close();
  }
});
