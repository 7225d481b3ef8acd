import { expect, test } from '@playwright/test';
import { type QuirkName, startReferenceServer } from '../../../src/reference-server/index.js';
import { carriesRunId } from '../../../src/run-contract/index.js';
import { formatLeaverMatrix, LEAVER_EXPECTED_OUTCOME, runLeaver, UNTESTED_OKTA_DELETE } from './leaver.js';

interface Row {
  app: 'oin' | 'aiw';
  quirks: QuirkName[];
  /** The shape Okta's app deprovisions with, and what it comes to. */
  shape: 'okta-path-less' | 'full-put';
  outcome: 'revoked' | 'not-revoked';
}

// Under Okta the matrix is the one shape the app sends; DELETE is never sent, so a target that revokes only on
// DELETE (`deactivate-does-not-revoke`) fails the leaver scenario outright.
const ROWS: Row[] = [
  { app: 'oin', quirks: [], shape: 'okta-path-less', outcome: 'revoked' },
  { app: 'aiw', quirks: [], shape: 'full-put', outcome: 'revoked' },
  {
    app: 'oin',
    quirks: ['keys-survive-path-less-deactivate'],
    shape: 'okta-path-less',
    outcome: 'not-revoked',
  },
  { app: 'aiw', quirks: ['keys-survive-put-deactivate'], shape: 'full-put', outcome: 'not-revoked' },
  { app: 'oin', quirks: ['deactivate-does-not-revoke'], shape: 'okta-path-less', outcome: 'not-revoked' },
  { app: 'aiw', quirks: ['keys-survive-path-less-deactivate'], shape: 'full-put', outcome: 'revoked' },
];

for (const row of ROWS) {
  test(`leaver with --idp okta (${row.app}) against quirks [${row.quirks.join(', ')}] → ${row.shape} ${row.outcome}`, async () => {
    const server = await startReferenceServer({ quirks: row.quirks });
    const runId = `leaver-okta-${row.app}-${row.quirks.length}`;
    try {
      const outcome = await runLeaver(
        {
          tenantUrl: server.baseUrl,
          token: server.adminToken,
          runId,
          seed: 1,
          budgetMs: 1500,
          intervalMs: 100,
          settleMs: 50,
          idp: 'okta',
          oktaApp: row.app,
        },
        { kind: 'admin-api', origin: server.origin, adminToken: server.adminToken },
      );
      const { result } = outcome;
      expect(result.idp).toBe('okta');
      expect(result.clientVariant).toBe(row.app);
      const shapes = result.scenario?.shapes ?? [];
      expect(shapes.map((s) => [s.shape, s.outcome])).toEqual([
        [row.shape, row.outcome],
        ['delete', 'untested'],
      ]);
      expect(shapes[1]?.note).toBe(UNTESTED_OKTA_DELETE);
      expect(result.scenario?.outcome === LEAVER_EXPECTED_OUTCOME).toBe(row.outcome === 'revoked');
      expect(result.scenario?.explanation).toMatch(/Okta deactivates and never deletes users/);
      expect(formatLeaverMatrix(shapes, 1500)).toContain('Okta never sends DELETE /Users');
      const left = (await server.state.store.scan('User')).filter((u) =>
        carriesRunId(u.attributes.userName, runId),
      );
      expect(left).toEqual([]);
    } finally {
      await server.close();
    }
  });
}
