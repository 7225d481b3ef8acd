import { expect, test } from '@playwright/test';
import { NUMERIC_OPTIONS } from '../config/index.js';
import { isHarnessError } from '../errors/harness-error.js';
import {
  failOnFrom,
  RUN_ENV,
  readTargetEnv,
  seedFrom,
  selectedProfilesFrom,
  terminalFrom,
  timeoutFrom,
  workersFrom,
} from './run-env.js';

const BASE = {
  [RUN_ENV.url]: 'http://127.0.0.1:4000/scim/v2',
  [RUN_ENV.runId]: 'sh-env-1',
  [RUN_ENV.runDir]: '/tmp/sh-env-1',
};

/** The message of what `read` throws, failing the test when it does not throw a CONFIG_INVALID HarnessError. */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(isHarnessError(error) && error.code).toBe('CONFIG_INVALID');
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('the value was accepted');
}

test('a complete environment reads as the target of the run', () => {
  const target = readTargetEnv({
    ...BASE,
    [RUN_ENV.token]: 'tok',
    [RUN_ENV.timeoutMs]: '2500',
    [RUN_ENV.seed]: '42',
    [RUN_ENV.adminOrigin]: 'http://127.0.0.1:4000',
  });
  expect(target).toEqual({
    url: 'http://127.0.0.1:4000/scim/v2',
    token: 'tok',
    runId: 'sh-env-1',
    runDir: '/tmp/sh-env-1',
    adminOrigin: 'http://127.0.0.1:4000',
    timeoutMs: 2500,
    seed: 42,
  });
});

test('an unset setting takes the default resolveConfig gives it', () => {
  expect(timeoutFrom({})).toBe(NUMERIC_OPTIONS.requestTimeoutMs.default);
  expect(failOnFrom({})).toBe('must');
  expect(workersFrom({})).toBeUndefined();
  expect(seedFrom({})).toBe(0);
  expect(selectedProfilesFrom({})).toEqual(['rfc7644', 'entra', 'okta', 'datadog']);
  expect(terminalFrom({})).toEqual({ terminal: undefined, columns: undefined, verbose: false });
});

// Each row is a value the command line would refuse for the same setting: the suites refuse it too, naming the
// variable, where they used to fall back to a default without a word.
const BAD_VALUES: { name: string; value: string; read: (env: NodeJS.ProcessEnv) => unknown; says: RegExp }[] =
  [
    {
      name: RUN_ENV.timeoutMs,
      value: 'soon',
      read: timeoutFrom,
      says: /SCIM_HARNESS_TIMEOUT_MS must be an integer/,
    },
    {
      name: RUN_ENV.timeoutMs,
      value: '0',
      read: timeoutFrom,
      says: /SCIM_HARNESS_TIMEOUT_MS must be .* from 100 to/,
    },
    { name: RUN_ENV.timeoutMs, value: '1.5e3', read: timeoutFrom, says: /SCIM_HARNESS_TIMEOUT_MS/ },
    { name: RUN_ENV.seed, value: '-1', read: seedFrom, says: /SCIM_HARNESS_SEED must be an integer from 0/ },
    {
      name: RUN_ENV.workers,
      value: '0',
      read: workersFrom,
      says: /SCIM_HARNESS_WORKERS must be an integer from 1 to 64/,
    },
    {
      name: RUN_ENV.failOn,
      value: 'MUST',
      read: failOnFrom,
      says: /SCIM_HARNESS_FAIL_ON "MUST" is not one of: must/,
    },
    {
      name: RUN_ENV.profiles,
      value: 'entra,entar',
      read: selectedProfilesFrom,
      says: /SCIM_HARNESS_PROFILES: .*entar/,
    },
    {
      name: RUN_ENV.terminal,
      value: 'yes',
      read: terminalFrom,
      says: /SCIM_HARNESS_TERMINAL: "yes" is not one of/,
    },
    {
      name: RUN_ENV.columns,
      value: 'wide',
      read: terminalFrom,
      says: /SCIM_HARNESS_COLUMNS must be an integer/,
    },
    { name: RUN_ENV.verbose, value: 'true', read: terminalFrom, says: /SCIM_HARNESS_VERBOSE: "true"/ },
    {
      name: RUN_ENV.runId,
      value: 'two words',
      read: readTargetEnv,
      says: /SCIM_HARNESS_RUN_ID: .*not usable/,
    },
    {
      name: RUN_ENV.url,
      value: 'ftp://127.0.0.1/',
      read: readTargetEnv,
      says: /SCIM_HARNESS_TARGET_URL: .*http or https/,
    },
  ];

for (const { name, value, read, says } of BAD_VALUES) {
  test(`${name}=${JSON.stringify(value)} is refused, naming the variable`, () => {
    expect(refusal(() => read({ ...BASE, [name]: value }))).toMatch(says);
  });
}

test('a bad timeout stops readTargetEnv, not only timeoutFrom', () => {
  expect(refusal(() => readTargetEnv({ ...BASE, [RUN_ENV.timeoutMs]: 'abc' }))).toMatch(
    /SCIM_HARNESS_TIMEOUT_MS/,
  );
});

test('the suites are refused without a target, run id and run directory', () => {
  expect(refusal(() => readTargetEnv({ [RUN_ENV.url]: BASE[RUN_ENV.url] }))).toMatch(/The suites need/);
});

test('the token never reaches a refusal', () => {
  const message = refusal(() =>
    readTargetEnv({ ...BASE, [RUN_ENV.token]: 'secret-token-value', [RUN_ENV.seed]: 'x' }),
  );
  expect(message).not.toContain('secret-token-value');
});

test('the selected profiles come in the order of PROFILES, each once', () => {
  expect(selectedProfilesFrom({ [RUN_ENV.profiles]: 'ipsie, entra,entra' })).toEqual(['entra', 'ipsie']);
});
