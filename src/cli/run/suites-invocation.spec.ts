import { expect, test } from '@playwright/test';
import { resolveConfig } from '../../config/index.js';
import {
  failOnFrom,
  PROFILES,
  readTargetEnv,
  selectedProfilesFrom,
  terminalFrom,
  timeoutFrom,
  workersFrom,
} from '../../run-contract/index.js';
import { type PackagePaths, suitesInvocation } from './suites-invocation.js';

const PATHS: PackagePaths = {
  root: '/pkg',
  playwrightCli: '/pkg/node_modules/@playwright/test/cli.js',
  suitesConfig: '/pkg/suites/playwright.config.ts',
  reporter: '/pkg/suites/reporter/conformance-reporter.ts',
};

// The two sides of the run environment: what the run command writes for the suites, the suites read back through the
// run contract, value for value. A name or a format changed on one side only fails here, not in a run.
test('what the run command hands the suites, the suites read back as it was resolved', () => {
  const env = { SCIM_TOKEN: 'round-trip-token' };
  const config = resolveConfig(
    {
      tenantUrl: 'http://127.0.0.1:4100/scim/v2?aadOptscim062020',
      runId: 'sh-round-trip',
      reportDir: 'out',
      failOn: 'should',
      profiles: ['ipsie', 'entra'],
      requestTimeoutMs: '4500',
      concurrency: '5',
      seed: '77',
    },
    env,
    undefined,
    { cwd: '/work', knownProfiles: PROFILES },
  );
  const child = suitesInvocation(config, PATHS, env, '/work', {
    terminal: { tty: true, columns: 132, verbose: true },
  }).env;

  expect(readTargetEnv(child)).toEqual({
    url: 'http://127.0.0.1:4100/scim/v2?aadOptscim062020',
    token: 'round-trip-token',
    runId: 'sh-round-trip',
    runDir: '/work/out',
    adminOrigin: undefined,
    timeoutMs: 4500,
    seed: 77,
  });
  expect(timeoutFrom(child)).toBe(config.requestTimeoutMs);
  expect(failOnFrom(child)).toBe('should');
  expect(workersFrom(child)).toBe(5);
  expect(selectedProfilesFrom(child)).toEqual(['entra', 'ipsie']);
  expect(terminalFrom(child)).toEqual({ terminal: 'tty', columns: 132, verbose: true });
  // The user's own variable is not handed on: the token travels under one name only.
  expect(child.SCIM_TOKEN).toBeUndefined();
});

test('an embedded run hands over no target: the global setup starts one', () => {
  const config = resolveConfig({ runId: 'sh-embedded' }, {}, undefined, {
    cwd: '/work',
    knownProfiles: PROFILES,
  });
  const child = suitesInvocation(config, PATHS, {}, '/work').env;
  expect(() => readTargetEnv(child)).toThrow(/The suites need SCIM_HARNESS_TARGET_URL/);
  expect(selectedProfilesFrom(child)).toEqual(['rfc7644', 'entra', 'datadog', 'okta']);
  expect(terminalFrom(child)).toEqual({ terminal: undefined, columns: undefined, verbose: false });
  expect(failOnFrom(child)).toBe('must');
});
