/**
 * Runs before every profile: reads what the target claims (ServiceProviderConfig, ResourceTypes, Schemas), probes what
 * it cannot read, and writes capabilities.json for the checks. Not a check itself: a target without discovery is still
 * tested, and the discovery checks report what is missing.
 */
import { test } from '@playwright/test';
import { writeCapabilities } from './support/capabilities.js';
import { probeCapabilities } from './support/capabilities-probe.js';
import { readTargetEnv } from './support/target-env.js';

test('read the target capabilities', async () => {
  const target = readTargetEnv();
  writeCapabilities(target.runDir, await probeCapabilities(target));
});
