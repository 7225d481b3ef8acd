import { expect, test } from '@playwright/test';
import { startReferenceServer } from '../../../src/reference-server/index.js';
import { EXPECTED_OUTCOMES, type KeyRevocationScenario, runKeyRevocation } from './key-revocation.js';

interface Row {
  scenario: KeyRevocationScenario;
  quirks: 'revoked-key-accepted'[];
  outcome: string;
  explanation: RegExp;
}

const ROWS: Row[] = [
  {
    scenario: 'key-revocation',
    quirks: [],
    outcome: 'key-rejected',
    explanation: /belonged to user .*deprovisioned in cycle 3.*service-account key/,
  },
  {
    scenario: 'key-revocation',
    quirks: ['revoked-key-accepted'],
    outcome: 'key-still-accepted',
    explanation: /SECURITY PROBLEM/,
  },
  {
    scenario: 'service-account-key',
    quirks: [],
    outcome: 'kept-provisioning',
    explanation: /service account/,
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
        { origin: server.origin, adminToken: server.adminToken },
      );
      const scenario = outcome.result.scenario;
      expect(scenario?.outcome).toBe(row.outcome);
      expect(scenario?.explanation).toMatch(row.explanation);
      expect(scenario?.outcome === EXPECTED_OUTCOMES[row.scenario]).toBe(row.quirks.length === 0);
      const quarantined = outcome.result.cycles.map((cycle) => cycle.quarantined);
      expect(quarantined).toEqual(
        row.outcome === 'key-rejected' ? [false, false, false, true] : [false, false, false, false],
      );
      if (row.scenario === 'key-revocation')
        expect(scenario?.explanation).toContain('Warning given before the run');
      expect(outcome.cleanup.failed).toBe(0);
    } finally {
      await server.close();
    }
  });
}
