import { expect, test } from '@playwright/test';
import type { HarnessErrorCode } from '../errors/harness-error.js';
import { HarnessError } from '../errors/harness-error.js';
import type { ConfigFs } from './config-fs.js';
import { type RawConfigInput, resolveConfig } from './resolve-config.js';

const CWD = '/work/project';
const TOKEN = 'tok-1a2b3c4d5e';

/** An in-memory file system: path → contents, or an Error to throw on read. */
function memoryFs(files: Record<string, string | Error>, dirs: string[] = []): ConfigFs {
  return {
    kind: (p) => (p in files ? 'file' : dirs.includes(p) ? 'directory' : 'missing'),
    readTextFile: (p) => {
      const content = files[p];
      if (content === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      if (content instanceof Error) throw content;
      return content;
    },
  };
}

const FS = memoryFs(
  {
    '/work/project/token.txt': `  ${TOKEN}\n`,
    '/secrets/empty': '  \n',
    '/secrets/two-lines': 'abc\ndef\n',
    '/secrets/locked': Object.assign(new Error('denied'), { code: 'EACCES' }),
    '/work/project/reports/base/report.json': '{}',
  },
  ['/secrets'],
);
const ENV = { SCIM_TOKEN: TOKEN, OTHER_TOKEN: 'other-token', EMPTY: '' };
const CONTEXT = {
  cwd: CWD,
  knownProfiles: ['core', 'entra', 'datadog'],
  now: new Date(Date.UTC(2026, 10, 29, 8, 15)),
  random: () => new Uint8Array([0, 1, 2, 3, 4, 35]),
};

interface OkCase {
  name: string;
  input: RawConfigInput;
  env?: NodeJS.ProcessEnv;
  expected: Record<string, unknown>;
}

const OK_CASES: OkCase[] = [
  {
    name: 'defaults: embedded target, generated run id, report dir under cwd',
    input: {},
    expected: {
      target: { kind: 'embedded' },
      runId: 'sh-20261129-0815-abcde9',
      reportDir: '/work/project/reports/sh-20261129-0815-abcde9',
      failOn: 'must',
      baseline: undefined,
      shard: undefined,
      profiles: [],
      grep: undefined,
      requestTimeoutMs: 30_000,
      testTimeoutMs: 120_000,
      concurrency: 2,
      retries: 2,
      rate: undefined,
      logLevel: 'info',
    },
  },
  {
    name: 'tenant URL with Entra flag, token from SCIM_TOKEN',
    input: { tenantUrl: 'https://api.datadoghq.com/api/v2/scim?aadOptscim062020' },
    expected: {
      target: {
        kind: 'tenant',
        tenant: {
          href: 'https://api.datadoghq.com/api/v2/scim?aadOptscim062020',
          base: 'https://api.datadoghq.com/api/v2/scim',
          query: [{ name: 'aadOptscim062020', raw: 'aadOptscim062020' }],
          entraMode: 'compliant',
        },
        tokenSource: { kind: 'env', name: 'SCIM_TOKEN' },
      },
      // A tenant's checks wait on round trips: the default pool is sized for latency (decision 0007).
      concurrency: 8,
    },
  },
  {
    name: '--concurrency given for a tenant is the pool, below the default as above it',
    input: { tenantUrl: 'https://x.example/scim', concurrency: '3' },
    expected: { target: { kind: 'tenant' }, concurrency: 3 },
  },
  {
    name: 'token from a named variable',
    input: { tenantUrl: 'http://127.0.0.1:8080/scim/v2/', tokenEnv: 'OTHER_TOKEN' },
    expected: { target: { kind: 'tenant', tokenSource: { kind: 'env', name: 'OTHER_TOKEN' } } },
  },
  {
    name: 'token from a file relative to cwd, trimmed',
    input: { tenantUrl: 'https://x.example/scim', tokenFile: 'token.txt' },
    env: {},
    expected: { target: { kind: 'tenant', tokenSource: { kind: 'file', path: '/work/project/token.txt' } } },
  },
  {
    name: 'everything given, numbers as text',
    input: {
      runId: 'nightly-42',
      reportDir: '/tmp/out',
      failOn: 'should',
      baseline: 'reports/base/report.json',
      shard: '2/4',
      profiles: 'core, entra,core',
      grep: 'Users|Groups',
      grepInvert: '@slow',
      requestTimeoutMs: '5000',
      testTimeoutMs: 60_000,
      concurrency: '8',
      retries: 0,
      rate: '2.5',
      seed: '42',
      logLevel: 'debug',
    },
    expected: {
      runId: 'nightly-42',
      reportDir: '/tmp/out',
      failOn: 'should',
      baseline: '/work/project/reports/base/report.json',
      shard: { index: 2, total: 4 },
      profiles: ['core', 'entra'],
      grep: /Users|Groups/,
      grepInvert: /@slow/,
      requestTimeoutMs: 5000,
      testTimeoutMs: 60_000,
      concurrency: 8,
      retries: 0,
      rate: 2.5,
      seed: 42,
      logLevel: 'debug',
    },
  },
];

for (const { name, input, env, expected } of OK_CASES) {
  test(`resolveConfig: ${name}`, () => {
    expect(resolveConfig(input, env ?? ENV, FS, CONTEXT)).toMatchObject(expected);
  });
}

test('the token is available to reveal but prints as [REDACTED]', () => {
  const config = resolveConfig(
    { tenantUrl: 'https://x.example/scim', tokenFile: 'token.txt' },
    {},
    FS,
    CONTEXT,
  );
  if (config.target.kind !== 'tenant') throw new Error('expected a tenant target');
  expect(config.target.token.reveal()).toBe(TOKEN);
  expect(JSON.stringify(config)).not.toContain(TOKEN);
  expect(String(config.target.token)).toBe('[REDACTED]');
});

test('the seed defaults to one derived from the run id, so the same id replays the same data', () => {
  const a = resolveConfig({ runId: 'same' }, ENV, FS, CONTEXT);
  const b = resolveConfig({ runId: 'same' }, ENV, FS, CONTEXT);
  const c = resolveConfig({ runId: 'other' }, ENV, FS, CONTEXT);
  expect(a.seed).toBe(b.seed);
  expect(a.seed).not.toBe(c.seed);
  expect(Number.isInteger(a.seed)).toBe(true);
});

test('a generated run id without injected clock matches the documented shape', () => {
  expect(resolveConfig({}, ENV, FS, { cwd: CWD }).runId).toMatch(/^sh-\d{8}-\d{4}-[a-z0-9]{6}$/);
});

interface ErrorCase {
  input: RawConfigInput;
  env?: NodeJS.ProcessEnv;
  code: HarnessErrorCode;
  message: string | RegExp;
}

const ERROR_CASES: ErrorCase[] = [
  {
    input: { tenantUrl: 'api.datadoghq.com/scim' },
    code: 'CONFIG_INVALID',
    message: '--tenant-url "api.datadoghq.com/scim" has no scheme: it must start with https:// (or http://)',
  },
  {
    input: { tenantUrl: 'ftp://x.example/scim' },
    code: 'CONFIG_INVALID',
    message: '--tenant-url must use http or https, got ftp',
  },
  {
    input: { tenantUrl: 'https://x.example/scim#frag' },
    code: 'CONFIG_INVALID',
    message: '--tenant-url must not contain a #fragment',
  },
  {
    input: { tenantUrl: 'https://u:p@x.example/scim' },
    code: 'SECRET_EXPOSED',
    message: '--tenant-url must not contain credentials (user:password@)',
  },
  {
    input: { tenantUrl: 'https://x.example/scim?token=abc' },
    code: 'SECRET_EXPOSED',
    message: '--tenant-url carries a credential in its query string (token)',
  },
  {
    input: { tenantUrl: 'https://x.example/scim?aadOptscim062020&AzureAdScimPatch2017' },
    code: 'CONFIG_INVALID',
    message: /both aadOptscim062020 and AzureAdScimPatch2017/,
  },
  {
    input: { tenantUrl: 'https://x.example/scim' },
    env: {},
    code: 'CONFIG_INVALID',
    message: 'environment variable SCIM_TOKEN is not set or empty',
  },
  {
    input: { tenantUrl: 'https://x.example/scim', tokenEnv: 'EMPTY' },
    code: 'CONFIG_INVALID',
    message: 'environment variable EMPTY is not set or empty',
  },
  {
    input: { tenantUrl: 'https://x.example/scim', tokenEnv: 'Bearer abc' },
    code: 'CONFIG_INVALID',
    message: '--token-env expects the NAME of an environment variable, got something else',
  },
  {
    input: { tenantUrl: 'https://x.example/scim', tokenEnv: 'A', tokenFile: 'B' },
    code: 'CONFIG_INVALID',
    message: '--token-env and --token-file are mutually exclusive',
  },
  {
    input: { tenantUrl: 'https://x.example/scim', tokenFile: 'missing.txt' },
    code: 'CONFIG_INVALID',
    message: '--token-file /work/project/missing.txt does not exist',
  },
  {
    input: { tenantUrl: 'https://x.example/scim', tokenFile: '/secrets' },
    code: 'CONFIG_INVALID',
    message: '--token-file /secrets is not a regular file',
  },
  {
    input: { tenantUrl: 'https://x.example/scim', tokenFile: '/secrets/empty' },
    code: 'CONFIG_INVALID',
    message: '--token-file /secrets/empty is empty',
  },
  {
    input: { tenantUrl: 'https://x.example/scim', tokenFile: '/secrets/two-lines' },
    code: 'CONFIG_INVALID',
    message: '--token-file /secrets/two-lines holds whitespace or control characters inside the token',
  },
  {
    input: { tenantUrl: 'https://x.example/scim', tokenFile: '/secrets/locked' },
    code: 'CONFIG_INVALID',
    message: '--token-file /secrets/locked cannot be read (EACCES)',
  },
  {
    input: { tokenFile: 'token.txt' },
    code: 'CONFIG_INVALID',
    message: '--token-file needs --tenant-url: the embedded server issues its own token',
  },
  { input: { runId: 'a/b' }, code: 'CONFIG_INVALID', message: '--run-id "a/b" is not usable as a run id' },
  {
    input: { failOn: 'may' },
    code: 'CONFIG_INVALID',
    message: '--fail-on "may" is not one of: must, should, none',
  },
  {
    input: { baseline: 'nope.json' },
    code: 'CONFIG_INVALID',
    message: '--baseline /work/project/nope.json does not exist',
  },
  { input: { shard: '3' }, code: 'CONFIG_INVALID', message: '--shard "3" is not of the form i/n' },
  { input: { shard: '5/4' }, code: 'CONFIG_INVALID', message: '--shard 5/4 is out of range: need 1 ≤ i ≤ n' },
  { input: { shard: '0/4' }, code: 'CONFIG_INVALID', message: '--shard 0/4 is out of range: need 1 ≤ i ≤ n' },
  {
    input: { profiles: ['core', 'okta', 'x'] },
    code: 'CONFIG_INVALID',
    message: 'unknown profiles: okta, x',
  },
  { input: { grep: '(' }, code: 'CONFIG_INVALID', message: /^--grep "\(" is not a valid regular expression/ },
  {
    input: { concurrency: '0' },
    code: 'CONFIG_INVALID',
    message: '--concurrency must be an integer from 1 to 64, got "0"',
  },
  {
    input: { concurrency: 2.5 },
    code: 'CONFIG_INVALID',
    message: '--concurrency must be an integer from 1 to 64, got "2.5"',
  },
  {
    input: { rate: 'fast' },
    code: 'CONFIG_INVALID',
    message: '--rate must be a number from 0.01 to 10000, got "fast"',
  },
  {
    input: { seed: '-1' },
    code: 'CONFIG_INVALID',
    message: '--seed must be an integer from 0 to 4294967295, got "-1"',
  },
  {
    input: { requestTimeoutMs: '' },
    code: 'CONFIG_INVALID',
    message: '--request-timeout must be an integer from 100 to 600000, got ""',
  },
  { input: { logLevel: 'verbose' }, code: 'CONFIG_INVALID', message: /^--log-level "verbose" is not one of/ },
];

for (const { input, env, code, message } of ERROR_CASES) {
  test(`resolveConfig refuses ${JSON.stringify(input)} with ${code}`, () => {
    let caught: unknown;
    try {
      resolveConfig(input, env ?? ENV, FS, CONTEXT);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HarnessError);
    const error = caught as HarnessError;
    expect(error.code).toBe(code);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(error.message).not.toContain(TOKEN);
  });
}

test('unknown profiles come with the list of known ones as a hint', () => {
  expect(() => resolveConfig({ profiles: 'okta' }, ENV, FS, CONTEXT)).toThrow(
    expect.objectContaining({ hint: 'known profiles: core, entra, datadog' }),
  );
});
