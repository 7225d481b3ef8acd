import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startReferenceServer } from '../../reference-server/index.js';
import { buildConformanceResult } from '../../report/index.js';
import {
  appendLedger,
  type CheckResult,
  type CheckStatus,
  type FailOn,
  type RequirementLevel,
  RUN_ENV,
} from '../../run-contract/index.js';
import { SecretRegistry } from '../../secrets/redaction.js';
import type { CommandContext } from '../command-context.js';
import { main } from '../main.js';
import { type CapturedIo, captureIo } from '../test-support/capture-io.js';
import type { RunArgs } from './command-object.js';
import { run } from './run.js';
import type { SuitesInvocation } from './suites-invocation.js';
import type { SpawnSuites } from './suites-process.js';

const TOKEN = 'run-spec-token-8d1f0c3b9a';

function check(
  id: string,
  level: RequirementLevel,
  status: CheckStatus,
  profiles = ['rfc7644', 'entra', 'datadog'],
): CheckResult {
  return {
    id,
    title: id,
    category: 'users',
    level,
    rfc: 'RFC 7644 §3.3',
    profiles,
    status,
    message: status,
    evidence: [],
  };
}

function writeResult(dir: string, checks: CheckResult[], failOn: FailOn = 'must'): void {
  const result = buildConformanceResult({
    runId: 'sh-run-spec',
    tool: { name: 'scim-harness', version: '0.1.0' },
    target: { url: 'http://127.0.0.1:1/scim/v2' },
    profiles: ['rfc7644', 'entra', 'datadog'],
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:01:00Z',
    failOn,
    checks,
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'conformance.json'), JSON.stringify(result));
}

/** A stand-in for Playwright: records the invocation and writes the given checks as the run's report. */
function fakeSuites(checks: CheckResult[] | undefined, calls: SuitesInvocation[] = []): SpawnSuites {
  return (invocation) => {
    calls.push(invocation);
    const dir = invocation.env[RUN_ENV.runDir] ?? '';
    if (checks)
      writeResult(dir, checks, (invocation.env.SCIM_HARNESS_FAIL_ON as FailOn | undefined) ?? 'must');
    return { exited: Promise.resolve(checks ? 0 : 1), interrupt: () => {} };
  };
}

function contextOf(io: CapturedIo): CommandContext {
  return { io, secrets: new SecretRegistry(), finish: () => {} };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// [case, argv after `run`, env, expected stderr]: refused before anything runs, exit 2.
const USAGE_ERRORS: [string, string[], NodeJS.ProcessEnv, RegExp][] = [
  ['an unknown profile', ['--profile', 'onelogin'], {}, /unknown profile: onelogin/],
  ['a malformed shard', ['--shard', '3'], {}, /--shard "3" is not of the form i\/n/],
  ['a shard out of range', ['--shard', '4/3'], {}, /out of range/],
  ['an invalid --grep', ['--grep', '('], {}, /--grep "\(" is not a valid regular expression/],
  ['an unknown --fail-on', ['--fail-on', 'may'], {}, /Invalid values/],
  ['--token-env without a tenant', ['--token-env', 'MY_TOKEN'], {}, /--token-env needs --tenant-url/],
  ['a tenant without a token', ['--tenant-url', 'https://example.com/scim/v2'], {}, /SCIM_TOKEN is not set/],
  ['a token on the command line', ['--token', TOKEN], {}, /never|command line/i],
  ['a missing baseline', ['--baseline', 'nowhere/conformance.json'], {}, /--baseline .* does not exist/],
];

for (const [name, argv, env, message] of USAGE_ERRORS) {
  test(`run refuses ${name} with exit 2`, async () => {
    const io = captureIo({ cwd: test.info().outputPath(), env });
    expect(await main(['run', ...argv], io)).toBe(2);
    expect(io.stderr.text()).toMatch(message);
    expect(io.stderr.text()).not.toContain(TOKEN);
  });
}

test('an unreachable tenant is exit 3, saying so and what to check', async () => {
  const port = await closedPort();
  const io = captureIo({ cwd: test.info().outputPath(), env: { SCIM_TOKEN: TOKEN } });
  expect(await main(['run', '--tenant-url', `http://127.0.0.1:${port}/scim/v2`], io)).toBe(3);
  expect(io.stderr.text()).toContain('could not be reached');
  expect(io.stderr.text()).toMatch(/hint: Check the host and port/);
  expect(io.stderr.text()).not.toContain(TOKEN);
});

test('credentials the tenant refuses are exit 3, saying so and what to check', async () => {
  const server = await startReferenceServer({});
  try {
    const io = captureIo({ cwd: test.info().outputPath(), env: { MY_TOKEN: TOKEN } });
    expect(await main(['run', '--tenant-url', server.baseUrl, '--token-env', 'MY_TOKEN'], io)).toBe(3);
    expect(io.stderr.text()).toContain('refused the credentials');
    expect(io.stderr.text()).toMatch(/hint: Check that the token is current/);
    expect(io.stderr.text()).not.toContain(TOKEN);
  } finally {
    await server.close();
  }
});

// [case, checks, --fail-on, expected exit code]
const EXIT_CASES: [string, CheckResult[], FailOn, number][] = [
  [
    'everything passes',
    [check('users.a.b', 'MUST', 'passed'), check('users.c.d', 'SHOULD', 'skipped')],
    'must',
    0,
  ],
  ['a MUST failure', [check('users.a.b', 'MUST', 'failed')], 'must', 1],
  ['a SHOULD failure under must', [check('users.a.b', 'SHOULD', 'failed')], 'must', 0],
  ['a SHOULD failure under should', [check('users.a.b', 'SHOULD', 'failed')], 'should', 1],
  ['a MUST failure under none', [check('users.a.b', 'MUST', 'failed')], 'none', 0],
  ['a MUST check that could not be evaluated', [check('users.a.b', 'MUST', 'error')], 'must', 1],
  ['a failure in a profile not selected', [check('users.a.b', 'MUST', 'failed', ['datadog'])], 'must', 0],
];

for (const [name, checks, failOn, expected] of EXIT_CASES) {
  test(`run exit code: ${name} → ${expected}`, async () => {
    const io = captureIo({ cwd: test.info().outputPath() });
    const args: RunArgs = { 'fail-on': failOn, profile: ['rfc7644', 'entra'] };
    expect(await run(args, contextOf(io), { spawn: fakeSuites(checks) })).toBe(expected);
    expect(io.stdout.text()).toMatch(/^rfc7644 +(PASS|FAIL)/m);
    expect(io.stdout.text()).toMatch(/Reports: .*reports\/sh-/);
  });
}

test('the suites get the target and the selected profiles in their environment only, and the selection flags', async () => {
  const server = await startReferenceServer({});
  try {
    const calls: SuitesInvocation[] = [];
    const io = captureIo({
      cwd: test.info().outputPath(),
      env: { SCIM_TOKEN: server.adminToken, PATH: '/usr/bin' },
    });
    const args: RunArgs = {
      'tenant-url': server.baseUrl,
      profile: ['entra,datadog'],
      grep: 'users\\.create',
      shard: '2/3',
      'run-id': 'sh-spec-1',
      'report-dir': 'out',
      'fail-on': 'should',
    };
    expect(
      await run(args, contextOf(io), { spawn: fakeSuites([check('users.a.b', 'MUST', 'passed')], calls) }),
    ).toBe(0);
    const [call] = calls;
    expect(call?.args.slice(1)).toEqual([
      'test',
      '-c',
      expect.stringMatching(/suites\/playwright\.config\.ts$/),
      '--grep',
      'users\\.create',
      '--shard=2/3',
      expect.stringMatching(/^--timeout=\d+$/),
    ]);
    expect(call?.args.join(' ')).not.toContain(server.adminToken);
    expect(call?.env).toMatchObject({
      SCIM_HARNESS_TARGET_URL: server.baseUrl,
      SCIM_HARNESS_TOKEN: server.adminToken,
      SCIM_HARNESS_RUN_ID: 'sh-spec-1',
      SCIM_HARNESS_RUN_DIR: path.join(io.cwd, 'out'),
      SCIM_HARNESS_FAIL_ON: 'should',
      // Each check runs once; the profiles select the checks by tag (no project per profile).
      SCIM_HARNESS_PROFILES: 'entra,datadog',
      SCIM_HARNESS_REPORTER: expect.stringMatching(/suites\/reporter\/conformance-reporter\.ts$/),
      // Not a terminal (captured): the terminal reporter writes plain lines.
      SCIM_HARNESS_TERMINAL: 'plain',
      SCIM_HARNESS_COLUMNS: '100',
    });
    expect(call?.env.SCIM_HARNESS_VERBOSE).toBeUndefined();
    // The token travels under one name only.
    expect(call?.env.SCIM_TOKEN).toBeUndefined();
    expect(io.stdout.text()).not.toContain(server.adminToken);
    expect(io.stderr.text()).not.toContain(server.adminToken);
  } finally {
    await server.close();
  }
});

test('without a tenant URL the suites start the embedded server: no target or token is passed down', async () => {
  const calls: SuitesInvocation[] = [];
  const io = captureIo({
    cwd: test.info().outputPath(),
    env: { SCIM_HARNESS_TARGET_URL: 'http://elsewhere', SCIM_HARNESS_TOKEN: 'stale' },
  });
  await run({}, contextOf(io), { spawn: fakeSuites([check('users.a.b', 'MUST', 'passed')], calls) });
  expect(calls[0]?.env.SCIM_HARNESS_TARGET_URL).toBeUndefined();
  expect(calls[0]?.env.SCIM_HARNESS_TOKEN).toBeUndefined();
  expect(calls[0]?.env.SCIM_HARNESS_PROFILES).toBe('rfc7644,entra,okta,datadog');
  expect(calls[0]?.args.filter((a) => a.startsWith('--project'))).toEqual([]);
});

test('interop and ipsie run when asked for by name', async () => {
  const calls: SuitesInvocation[] = [];
  const io = captureIo({ cwd: test.info().outputPath(), env: {} });
  await run({ profile: ['interop', 'ipsie'] }, contextOf(io), {
    spawn: fakeSuites([check('users.a.b', 'MUST', 'passed', ['interop', 'ipsie'])], calls),
  });
  expect(calls[0]?.env.SCIM_HARNESS_PROFILES).toBe('interop,ipsie');
});

test('the suites learn what the terminal is, and --verbose, from the environment', async () => {
  const calls: SuitesInvocation[] = [];
  const io = captureIo({ cwd: test.info().outputPath(), env: { SCIM_HARNESS_VERBOSE: '1' } });
  Object.assign(io.stderr, { isTTY: true, columns: 132 });
  const passed = () => fakeSuites([check('users.a.b', 'MUST', 'passed')], calls);
  await run({}, contextOf(io), { spawn: passed() });
  await run({ verbose: true }, contextOf(io), { spawn: passed() });
  const [quiet, verbose] = calls;
  expect(quiet?.env).toMatchObject({ SCIM_HARNESS_TERMINAL: 'tty', SCIM_HARNESS_COLUMNS: '132' });
  // An inherited variable does not switch it on; the flag does.
  expect(quiet?.env.SCIM_HARNESS_VERBOSE).toBeUndefined();
  expect(verbose?.env.SCIM_HARNESS_VERBOSE).toBe('1');
});

test('the suites get the run seed, --seed replays one, and --server-mode reaches the embedded server only', async () => {
  const calls: SuitesInvocation[] = [];
  const passed = () => fakeSuites([check('users.a.b', 'MUST', 'passed')], calls);
  const io = captureIo({ cwd: test.info().outputPath(), env: { SCIM_HARNESS_SERVER_MODE: 'minimal' } });
  await run({ 'run-id': 'sh-seed-one' }, contextOf(io), { spawn: passed() });
  await run({ 'run-id': 'sh-seed-one' }, contextOf(io), { spawn: passed() });
  await run({ 'run-id': 'sh-seed-two', seed: 42, 'server-mode': 'minimal' }, contextOf(io), {
    spawn: passed(),
  });
  const [first, again, replayed] = calls;
  expect(first?.env.SCIM_HARNESS_SEED).toMatch(/^\d+$/);
  expect(again?.env.SCIM_HARNESS_SEED, 'the same run id draws the same seed').toBe(
    first?.env.SCIM_HARNESS_SEED,
  );
  expect(replayed?.env.SCIM_HARNESS_SEED).toBe('42');
  // An inherited variable does not switch the mode; the flag does.
  expect(first?.env.SCIM_HARNESS_SERVER_MODE).toBeUndefined();
  expect(replayed?.env.SCIM_HARNESS_SERVER_MODE).toBe('minimal');
});

test('a regression against the baseline is exit 1 and is listed with what got fixed', async () => {
  const cwd = test.info().outputPath();
  writeResult(path.join(cwd, 'baseline'), [
    check('users.a.regressed', 'SHOULD', 'passed'),
    check('users.b.fixed', 'SHOULD', 'failed'),
  ]);
  const io = captureIo({ cwd });
  const now = [check('users.a.regressed', 'SHOULD', 'failed'), check('users.b.fixed', 'SHOULD', 'passed')];
  expect(await run({ baseline: 'baseline' }, contextOf(io), { spawn: fakeSuites(now) })).toBe(1);
  expect(io.stdout.text()).toMatch(
    /1 regression\(s\), passing before and failing now:\n {2}users\.a\.regressed/,
  );
  expect(io.stdout.text()).toMatch(/1 fixed, failing before and passing now:\n {2}users\.b\.fixed/);
});

test('a baseline from another target is warned about on stderr, and the comparison still runs', async () => {
  const cwd = test.info().outputPath();
  // The baseline was written against a tenant (writeResult); this run is against the embedded server.
  writeResult(path.join(cwd, 'baseline'), [check('users.a.regressed', 'SHOULD', 'passed')]);
  const io = captureIo({ cwd });
  const now = [check('users.a.regressed', 'SHOULD', 'failed')];
  expect(await run({ baseline: 'baseline' }, contextOf(io), { spawn: fakeSuites(now) })).toBe(1);
  const warnings = io.stderr.text().match(/^warning: the baseline .*$/gm) ?? [];
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(
    'ran against http://127.0.0.1:1/scim/v2, this run against the embedded reference server',
  );
  expect(io.stdout.text()).toMatch(/1 regression\(s\), passing before and failing now/);
});

test('passed → unsupported against a version-1 baseline is a regression (exit 1), listed as declined', async () => {
  const cwd = test.info().outputPath();
  writeResult(path.join(cwd, 'baseline'), [check('users.a.declined', 'MUST', 'passed', ['rfc7644'])]);
  // As written before version 2 of the contract: no `unsupported` anywhere.
  const file = path.join(cwd, 'baseline', 'conformance.json');
  const v1 = JSON.parse(readFileSync(file, 'utf8'));
  v1.schemaVersion = 1;
  delete v1.summary.unsupported;
  writeFileSync(file, JSON.stringify(v1));
  const io = captureIo({ cwd });
  // rfc7644 does not need the feature (no neededBy): the profile passes, the regression alone is exit 1.
  const now = [check('users.a.declined', 'MUST', 'unsupported', ['rfc7644'])];
  expect(await run({ baseline: 'baseline' }, contextOf(io), { spawn: fakeSuites(now) })).toBe(1);
  expect(io.stdout.text()).toMatch(/^rfc7644 +PASS/m);
  expect(io.stdout.text()).toMatch(
    /1 regression\(s\), passing before and unsupported now \(the target declines the feature\):\n {2}users\.a\.declined/,
  );
  expect(io.stdout.text()).not.toContain('passing before and failing now');
});

test('a feature a profile needs and the target declines fails that profile only (exit 1)', async () => {
  const io = captureIo({ cwd: test.info().outputPath() });
  const now = [
    { ...check('filter.co.declined', 'MUST', 'unsupported', ['rfc7644', 'entra']), neededBy: ['entra'] },
  ];
  expect(await run({}, contextOf(io), { spawn: fakeSuites(now) })).toBe(1);
  expect(io.stdout.text()).toMatch(/^rfc7644 +PASS/m);
  expect(io.stdout.text()).toMatch(/^entra +FAIL \(1 needed feature unsupported\)/m);
  expect(io.stdout.text()).toContain('Unsupported (the target declined these features):');
});

test('a baseline that is not a conformance report is exit 2 before anything runs', async () => {
  const cwd = test.info().outputPath();
  writeFileSync(path.join(cwd, 'bad.json'), '{"schemaVersion": 1}');
  const calls: SuitesInvocation[] = [];
  const io = captureIo({ cwd });
  await expect(
    run({ baseline: 'bad.json' }, contextOf(io), { spawn: fakeSuites([], calls) }),
  ).rejects.toMatchObject({
    code: 'CONFIG_INVALID',
  });
  expect(calls).toHaveLength(0);
});

test('suites that write no report are an internal error naming the report folder', async () => {
  const io = captureIo({ cwd: test.info().outputPath() });
  await expect(run({}, contextOf(io), { spawn: fakeSuites(undefined) })).rejects.toThrow(
    /the suites ended \(exit 1\) without a readable conformance\.json/,
  );
});

test('Ctrl-C interrupts the suites once, waits for them, deletes what the ledger still lists, exit 130', async () => {
  const server = await startReferenceServer({});
  try {
    const cwd = test.info().outputPath();
    const headers = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/scim+json' };
    const create = async (userName: string) => {
      const response = await fetch(`${server.baseUrl}/Users`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName }),
      });
      return ((await response.json()) as { id: string }).id;
    };
    const runId = 'sh-ctrl-c-1';
    let interrupts = 0;
    const spawn: SpawnSuites = (invocation) => {
      const dir = invocation.env[RUN_ENV.runDir] ?? '';
      let finish: (code: number) => void = () => {};
      const exited = new Promise<number>((resolve) => {
        finish = resolve;
      });
      // The interrupted run left one of its users behind, recorded in its ledger.
      void create(`${runId}.left.behind@example.com`).then((id) => {
        appendLedger(dir, {
          runId,
          endpoint: '/Users',
          id,
          name: `${runId}.left.behind@example.com`,
          createdAt: '',
        });
        io.interrupt();
      });
      return {
        exited,
        interrupt: () => {
          interrupts += 1;
          finish(130);
        },
      };
    };
    const io = captureIo({ cwd, env: { SCIM_TOKEN: server.adminToken } });
    const untagged = await create('someone.else@example.com');
    const args: RunArgs = { 'tenant-url': server.baseUrl, 'run-id': runId };
    expect(await run(args, contextOf(io), { spawn })).toBe(130);
    expect(interrupts).toBe(1);
    expect(io.stderr.text()).toMatch(/deleted +\/Users\/\S+ "sh-ctrl-c-1\.left\.behind@example\.com"/);
    const list = await fetch(`${server.baseUrl}/Users`, { headers });
    const names = ((await list.json()) as { Resources: { userName: string; id: string }[] }).Resources;
    expect(names.map((u) => u.userName)).toEqual(['someone.else@example.com']);
    expect(names[0]?.id).toBe(untagged);
  } finally {
    await server.close();
  }
});

test('end to end: the real suites against the embedded server write the reports and print the summary', async () => {
  test.setTimeout(5 * 60_000);
  // A folder of its own: a concurrent Playwright run of this project empties test-results/ when it starts.
  const cwd = mkdtempSync(path.join(tmpdir(), 'scim-run-e2e-'));
  await test.info().attach('cwd', { body: cwd });
  const io = captureIo({ cwd, env: { PATH: process.env.PATH ?? '' } });
  const code = await main(
    [
      'run',
      '--profile',
      'datadog',
      '--grep',
      'users\\.create\\.returns-201',
      '--run-id',
      'sh-e2e-1',
      '--concurrency',
      '1',
    ],
    io,
  );
  expect(code, io.stderr.text()).toBe(0);
  const dir = path.join(io.cwd, 'reports', 'sh-e2e-1');
  const result = JSON.parse(readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as {
    profiles: string[];
    checks: { id: string; status: string }[];
  };
  expect(result.profiles).toEqual(['datadog']);
  expect(result.checks).toEqual([
    expect.objectContaining({ id: 'users.create.returns-201', status: 'passed' }),
  ]);
  expect(io.stdout.text()).toMatch(/^datadog +PASS/m);
  expect(io.stdout.text()).toContain(`Reports: ${dir}`);
  for (const file of ['report.html', 'junit.xml', 'summary.md', 'playwright-report/index.html']) {
    expect(existsSync(path.join(dir, file)), file).toBe(true);
  }
  rmSync(cwd, { recursive: true, force: true });
});

// [case, whose token, what stderr says before the suites, whether the summary reminds of it]
const TOKEN_OWNERS: [string, 'admin' | 'user', RegExp, boolean][] = [
  ["a service account's token", 'admin', /^Token owner \(the run's token\): .*service account/m, false],
  [
    "a person's token",
    'user',
    /^WARNING, token owner \(the run's token\): .*ada@example\.com.*revoke/m,
    true,
  ],
];

for (const [name, whose, warning, repeated] of TOKEN_OWNERS) {
  test(`run says who owns the token before the suites start: ${name}`, async () => {
    const server = await startReferenceServer({});
    try {
      const created = await fetch(`${server.baseUrl}/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: 'ada@example.com',
        }),
      });
      const id = ((await created.json()) as { id: string }).id;
      const minted = await fetch(`${server.origin}/admin/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ owner: { kind: 'user', id } }),
      });
      const token = whose === 'admin' ? server.adminToken : ((await minted.json()) as { key: string }).key;
      const io = captureIo({ cwd: test.info().outputPath(), env: { SCIM_TOKEN: token } });
      let stderrWhenSpawned = '';
      const suites = fakeSuites([check('users.a.b', 'MUST', 'passed')]);
      const spawn: SpawnSuites = (invocation, stream) => {
        stderrWhenSpawned = io.stderr.text();
        return suites(invocation, stream);
      };
      expect(await run({ 'tenant-url': server.baseUrl }, contextOf(io), { spawn })).toBe(0);
      expect(stderrWhenSpawned).toMatch(warning);
      // The paragraph is printed once; a person's key gets a one-line reminder under the summary.
      const all = io.stdout.text() + io.stderr.text();
      const printed = all.match(new RegExp(warning.source, 'gm')) ?? [];
      expect(printed, 'the warning paragraph, printed once').toHaveLength(1);
      expect(io.stdout.text().includes("(the run's token): a person's key")).toBe(repeated);
      expect(io.stdout.text() + io.stderr.text()).not.toContain(token);
    } finally {
      await server.close();
    }
  });
}

test('the report of an interrupted run is refused as --baseline: exit 2, naming the file and why', async () => {
  const cwd = test.info().outputPath();
  writeResult(path.join(cwd, 'baseline'), [check('users.a.ran', 'MUST', 'passed')]);
  const file = path.join(cwd, 'baseline', 'conformance.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), interrupted: true }));
  const calls: SuitesInvocation[] = [];
  await expect(
    run({ baseline: 'baseline' }, contextOf(captureIo({ cwd })), { spawn: fakeSuites([], calls) }),
  ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  expect(calls).toHaveLength(0);
  const io = captureIo({ cwd });
  expect(await main(['run', '--baseline', file], io)).toBe(2);
  expect(io.stderr.text()).toContain(
    `--baseline ${file} is the report of an interrupted run (run sh-run-spec): it covers only the checks that ran before the run was stopped, so it cannot be a baseline`,
  );
});

test('Ctrl-C: the report the suites left is marked interrupted (if they did not), printed, and exit stays 130', async () => {
  const cwd = test.info().outputPath();
  const io = captureIo({ cwd });
  const spawn: SpawnSuites = (invocation) => {
    const dir = invocation.env[RUN_ENV.runDir] ?? '';
    let finish: (code: number) => void = () => {};
    const exited = new Promise<number>((resolve) => {
      finish = resolve;
    });
    queueMicrotask(() => io.interrupt());
    return {
      exited,
      // Stopped between two states: its report holds what ran, all passed, and no mark.
      interrupt: () => {
        writeResult(dir, [check('users.a.ran', 'MUST', 'passed')]);
        finish(130);
      },
    };
  };
  expect(await run({ 'run-id': 'sh-run-spec' }, contextOf(io), { spawn })).toBe(130);
  const reportDir = path.join(cwd, 'reports', 'sh-run-spec');
  const result = JSON.parse(readFileSync(path.join(reportDir, 'conformance.json'), 'utf8'));
  expect(result).toMatchObject({ interrupted: true, summary: { verdicts: { rfc7644: 'fail' } } });
  expect(readFileSync(path.join(reportDir, 'summary.md'), 'utf8')).toContain('INTERRUPTED: ');
  expect(io.stdout.text()).toMatch(/^\nINTERRUPTED: this report covers only the checks that ran/);
  expect(io.stdout.text()).toMatch(/^rfc7644 +FAIL \(run interrupted\)/m);
  expect(io.stdout.text()).toContain(`Reports (interrupted, partial): ${reportDir}`);
});
