/**
 * Reads what a target claims (ServiceProviderConfig, ResourceTypes, Schemas) and probes what it cannot read. Used by
 * the `capabilities` setup project of a run, and by each worker of a quirk-matrix run, where every project has its own
 * target (see quirk-matrix.ts).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-4
 */
import { createScimClient } from '../../src/http/index.js';
import type { TargetEnv } from '../../src/run-contract/index.js';
import { type DiscoveryAnswers, deriveCapabilities, type TargetCapabilities } from './capabilities.js';

export async function probeCapabilities(target: TargetEnv): Promise<TargetCapabilities> {
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
  return deriveCapabilities(answers);
}
