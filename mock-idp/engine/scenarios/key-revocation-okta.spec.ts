import { expect, test } from '@playwright/test';
import { startReferenceServer } from '../../../src/reference-server/index.js';
import { EXPECTED_OUTCOMES, type KeyRevocationScenario, runKeyRevocation } from './key-revocation.js';

interface Row {
  scenario: KeyRevocationScenario;
  app: 'oin' | 'aiw';
  quirks: 'revoked-key-accepted'[];
  outcome: string;
  explanation: RegExp;
}

// The revoked key under Okta: the owner is deactivated (never deleted), and the 401s that follow become failed
// tasks rather than a quarantine.
const ROWS: Row[] = [
  {
    scenario: 'key-revocation',
    app: 'oin',
    quirks: [],
    outcome: 'key-rejected',
    explanation: /deactivated in cycle 3 \(Okta deactivates and never deletes.*no quarantine.*failed task/,
  },
  {
    scenario: 'key-revocation',
    app: 'aiw',
    quirks: [],
    outcome: 'key-rejected',
    explanation: /no quarantine/,
  },
  {
    scenario: 'key-revocation',
    app: 'oin',
    quirks: ['revoked-key-accepted'],
    outcome: 'key-still-accepted',
    explanation: /SECURITY PROBLEM.*Okta never deletes users/,
  },
  {
    scenario: 'service-account-key',
    app: 'aiw',
    quirks: [],
    outcome: 'kept-provisioning',
    explanation: /service account/,
  },
];

for (const row of ROWS) {
  test(`Okta ${row.app}: ${row.scenario} with quirks [${row.quirks.join(', ')}] → ${row.outcome}`, async () => {
    const server = await startReferenceServer({ quirks: row.quirks });
    const sent: { method: string; url: string; userAgent: string | null }[] = [];
    try {
      const outcome = await runKeyRevocation(
        row.scenario,
        {
          tenantUrl: server.baseUrl,
          token: server.adminToken,
          idp: 'okta',
          oktaApp: row.app,
          users: 8,
          groups: 0,
          seed: 3,
          runId: 'revoke-okta',
          concurrency: 2,
          fetch: async (input, init) => {
            const request = new Request(input, init);
            sent.push({
              method: request.method,
              url: request.url,
              userAgent: request.headers.get('user-agent'),
            });
            return fetch(request);
          },
        },
        { kind: 'admin-api', origin: server.origin, adminToken: server.adminToken },
      );
      const { result } = outcome;
      expect(result.idp).toBe('okta');
      expect(result.scenario?.outcome).toBe(row.outcome);
      expect(result.scenario?.explanation).toMatch(row.explanation);
      expect(result.scenario?.outcome === EXPECTED_OUTCOMES[row.scenario]).toBe(row.quirks.length === 0);
      // Okta never quarantines; a refused key shows as 401s in the cycle after the owner's deactivation.
      expect(result.cycles.map((cycle) => cycle.quarantined)).toEqual([false, false, false, false]);
      const refused = Object.values(result.cycles[3]?.operations ?? {}).some((byStatus) => '401' in byStatus);
      expect(refused).toBe(row.outcome === 'key-rejected');
      expect(result.cycles[2]?.operations.Disable).toBeDefined();
      // Okta deprovisioned the owner without a DELETE.
      const oktaDeletes = sent.filter(
        (r) => r.userAgent === 'Okta SCIM Client 1.0.0' && r.method === 'DELETE',
      );
      expect(oktaDeletes).toEqual([]);
    } finally {
      await server.close();
    }
  });
}
