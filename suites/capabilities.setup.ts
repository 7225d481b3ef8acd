/**
 * Runs before every profile: reads what the target claims (ServiceProviderConfig, ResourceTypes, Schemas), probes what
 * it cannot read, and writes capabilities.json for the checks. Not a check itself: a target without discovery is still
 * tested, and the discovery checks report what is missing.
 */
import { test } from '@playwright/test';
import { createScimClient } from '../src/http/index.js';
import { type DiscoveryAnswers, deriveCapabilities, writeCapabilities } from './support/capabilities.js';
import { readTargetEnv } from './support/target-env.js';

test('read the target capabilities', async () => {
  const target = readTargetEnv();
  const client = createScimClient({
    tenantUrl: target.url,
    token: target.token,
    timeoutMs: target.timeoutMs,
  });
  const answer = async (path: string) => {
    const exchange = await client.get(path);
    return exchange.response ? { status: exchange.response.status, json: exchange.response.json } : undefined;
  };
  const status = async (path: string, query?: Record<string, string>) =>
    (await client.get(path, query ? { query } : {})).response?.status;
  const answers: DiscoveryAnswers = {
    serviceProviderConfig: await answer('/ServiceProviderConfig'),
    resourceTypes: await answer('/ResourceTypes'),
    schemas: await answer('/Schemas'),
    probes: {
      me: await status('/Me'),
      groups: await status('/Groups', { count: '1' }),
      filter: await status('/Users', { filter: `userName eq "${target.runId}-capability-probe"` }),
    },
    adminApi: target.adminOrigin !== undefined,
  };
  writeCapabilities(target.runDir, deriveCapabilities(answers));
});
