import { expect, test } from '@playwright/test';
import type { ConfigFs } from '../config/index.js';
import { resolveConfig } from '../config/index.js';
import {
  type SharedArgs,
  toRawConfigInput,
  withGlobalOptions,
  withPacingOptions,
  withReportOptions,
  withSeedOptions,
  withSelectionOptions,
  withTenantOptions,
} from './shared-options.js';
import { createParser } from './yargs-factory.js';

/** A command line parsed with every shared option group, as the coming `run` command will. */
function parse(argv: string[]): SharedArgs {
  const parser = withSeedOptions(
    withPacingOptions(
      withSelectionOptions(withReportOptions(withTenantOptions(withGlobalOptions(createParser(argv))))),
    ),
  )
    .strict()
    .fail((message, error) => {
      throw error ?? new Error(message);
    });
  return parser.parseSync();
}

const NO_FILES: ConfigFs = { kind: () => 'missing', readTextFile: () => '' };

test('every shared option reaches resolveConfig under its own name', () => {
  const args = parse([
    '--tenant-url=https://x.example/scim?aadOptscim062020',
    '--token-env=MY_TOKEN',
    '--run-id=r1',
    '--report-dir=out',
    '--fail-on=should',
    '--profile=core,entra',
    '--profile=datadog',
    '--grep=Users',
    '--grep-invert=slow',
    '--shard=1/2',
    '--concurrency=3',
    '--rate=5',
    '--request-timeout=1000',
    '--test-timeout=2000',
    '--retries=1',
    '--seed=9',
    '--debug',
  ]);
  const config = resolveConfig(toRawConfigInput(args), { MY_TOKEN: 't' }, NO_FILES, {
    cwd: '/w',
    knownProfiles: ['core', 'entra', 'datadog'],
  });
  expect(config).toMatchObject({
    target: {
      kind: 'tenant',
      tenant: { entraMode: 'compliant' },
      tokenSource: { kind: 'env', name: 'MY_TOKEN' },
    },
    runId: 'r1',
    reportDir: '/w/out',
    failOn: 'should',
    profiles: ['core', 'entra', 'datadog'],
    grep: /Users/,
    grepInvert: /slow/,
    shard: { index: 1, total: 2 },
    concurrency: 3,
    rate: 5,
    requestTimeoutMs: 1000,
    testTimeoutMs: 2000,
    retries: 1,
    seed: 9,
    logLevel: 'debug',
  });
});

test('absent options leave resolveConfig its defaults', () => {
  const config = resolveConfig(toRawConfigInput(parse([])), {}, NO_FILES, { cwd: '/w' });
  expect(config).toMatchObject({
    target: { kind: 'embedded' },
    failOn: 'must',
    concurrency: 2,
    logLevel: 'info',
  });
});

test('choices are enforced by the parser', () => {
  expect(() => parse(['--fail-on=may'])).toThrow(/Invalid values/);
  expect(() => parse(['--log-level=loud'])).toThrow(/Invalid values/);
});

test('numeric options are numbers once parsed, checked while parsing against their bounds', () => {
  const args = parse(['--concurrency=3', '--rate', '2.5', '--request-timeout', '1000', '--seed', '7']);
  expect(args).toMatchObject({ concurrency: 3, rate: 2.5, 'request-timeout': 1000, seed: 7, retries: 2 });
  expect(() => parse(['--concurrency=65'])).toThrow(
    '--concurrency must be an integer from 1 to 64, got "65"',
  );
  expect(() => parse(['--retries=1.5'])).toThrow('--retries must be an integer from 0 to 10, got "1.5"');
  expect(() => parse(['--rate=0'])).toThrow('--rate must be a number from 0.01 to 10000, got "0"');
  expect(() => parse(['--seed=x'])).toThrow('--seed must be an integer from 0 to 4294967295');
});
