import { expect, test } from '@playwright/test';
import type { FullConfig, FullResult, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import {
  CHECK_ANNOTATION,
  PROFILE_VARIANT_ANNOTATION,
  type Profile,
  type RequirementLevel,
  RUN_ENV,
} from '../../src/run-contract/index.js';
import type { CheckDefinition } from '../support/check-definition.js';
import TerminalReporter from './terminal-reporter.js';

const TOKEN = 'tok-9c2e51f0a7b34d18';
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding escape sequences is the purpose
const ESCAPE = /\u001b\[/;

const definition = (
  id: string,
  profiles: Profile[],
  level: RequirementLevel = 'MUST',
  category: CheckDefinition['category'] = 'users',
): CheckDefinition => ({
  id,
  title: `the check ${id}`,
  level,
  rfc: 'RFC 7644 §3.3',
  category,
  profiles,
  requirement: 'the server SHALL return a 201 Created',
  fix: 'Answer 201 to a successful POST',
  quirks: ['create-returns-200'],
});

/**
 * One run of a check for one profile, as Playwright hands it to a reporter (the fields read): under its first profile
 * the check's main test, under another a per-profile variant (check.ts `separately`), so the two can disagree.
 */
const run = (def: CheckDefinition, profile: Profile): TestCase =>
  ({
    id: `${def.id}@${profile}`,
    title: `${def.id}: ${def.title}`,
    retries: 0,
    tags: profile === def.profiles[0] ? [`@${profile}`] : [`@${profile}`, '@variant'],
    annotations: [
      { type: CHECK_ANNOTATION, description: JSON.stringify(def) },
      ...(profile === def.profiles[0] ? [] : [{ type: PROFILE_VARIANT_ANNOTATION, description: profile }]),
    ],
    parent: { project: () => ({ name: 'checks' }) },
  }) as unknown as TestCase;

const result = (status: TestResult['status'], message?: string, duration = 120): TestResult =>
  ({
    status,
    duration,
    retry: 0,
    attachments: [],
    annotations: [],
    errors: message ? [{ message }] : [],
    ...(message ? { error: { message } } : {}),
    steps: [],
  }) as unknown as TestResult;

/** A failed assertion as Playwright reports it: custom message, expected/received, then the code frame and stack. */
const FAILURE = [
  'Error: the create answers 201 Created',
  '',
  'Expected: 201',
  'Received: 200',
  '',
  '  23 |   test(',
  '> 25 |   expect(response.status).toBe(201)',
  '    at /work/main/suites/support/check.ts:25:3',
].join('\n');

const CREATE = definition('users.create.returns-201', ['rfc7644', 'entra']);
const LOCATION = definition('users.create.location-header', ['rfc7644'], 'SHOULD');
const LIST = definition('filter.eq.username', ['rfc7644', 'entra'], 'MUST', 'filter');
const ETAG = definition('etag.get.if-none-match', ['rfc7644'], 'MAY', 'etag');

/** The runs of four checks over two profiles: six Playwright tests. */
const TESTS = [
  run(CREATE, 'rfc7644'),
  run(LOCATION, 'rfc7644'),
  run(LIST, 'rfc7644'),
  run(ETAG, 'rfc7644'),
  run(CREATE, 'entra'),
  run(LIST, 'entra'),
];

interface Terminal {
  reporter: TerminalReporter;
  /** Every write, in order. */
  writes: string[];
  text(): string;
}

function terminal(env: NodeJS.ProcessEnv): Terminal {
  const writes: string[] = [];
  const reporter = new TerminalReporter({
    env: { [RUN_ENV.token]: TOKEN, ...env },
    write: (text) => writes.push(text),
  });
  reporter.onBegin({} as FullConfig, { allTests: () => TESTS } as unknown as Suite);
  return { reporter, writes, text: () => writes.join('') };
}

const byId = (id: string) => TESTS.find((t) => t.id === id) as TestCase;
const end = (status: FullResult['status'] = 'failed'): FullResult => ({
  status,
  startTime: new Date(),
  duration: 83_000,
});

/** Runs every test: users.create fails under rfc7644 only, filter.eq could not be evaluated, the rest pass. */
function runAll(t: Terminal): void {
  const { reporter } = t;
  const outcomes: [string, TestResult][] = [
    [`${CREATE.id}@rfc7644`, result('failed', `${FAILURE}\nAuthorization: Bearer ${TOKEN}`)],
    [`${LOCATION.id}@rfc7644`, result('passed')],
    [`${LIST.id}@rfc7644`, result('timedOut', undefined, 60_000)],
    [`${CREATE.id}@entra`, result('passed')],
    [`${ETAG.id}@rfc7644`, result('passed')],
    [`${LIST.id}@entra`, result('passed')],
  ];
  for (const [id, outcome] of outcomes) {
    reporter.onTestBegin(byId(id));
    reporter.onTestEnd(byId(id), outcome);
  }
  reporter.onEnd(end());
}

test('on a terminal: one progress line rewritten in place, counting checks rather than Playwright tests', () => {
  const t = terminal({ [RUN_ENV.terminal]: 'tty', [RUN_ENV.columns]: '120', NO_COLOR: '1' });
  const { reporter, writes } = t;
  expect(writes.at(-1)).toBe('\r\u001b[2K0/4 checks · 0 failed · 0 could not be evaluated');
  reporter.onTestBegin(byId(`${CREATE.id}@rfc7644`));
  reporter.onTestEnd(byId(`${CREATE.id}@rfc7644`), result('passed'));
  // One of its two profile runs is done: the check is not.
  expect(writes.at(-1)).toBe('\r\u001b[2K0/4 checks · 0 failed · 0 could not be evaluated · users');
  reporter.onTestBegin(byId(`${LIST.id}@rfc7644`));
  expect(writes.at(-1)).toContain('· filter');
  reporter.onTestEnd(byId(`${LIST.id}@rfc7644`), result('passed'));
  reporter.onTestBegin(byId(`${CREATE.id}@entra`));
  reporter.onTestEnd(byId(`${CREATE.id}@entra`), result('failed', FAILURE));
  expect(writes.at(-1)).toBe('\r\u001b[2K1/4 checks · 1 failed · 0 could not be evaluated · users');
  // The progress line never ends a line: it is rewritten, and no escape sequence but the rewrite (NO_COLOR).
  const progress = writes.filter((w) => w.startsWith('\r'));
  expect(progress.every((w) => !w.includes('\n'))).toBe(true);
  expect(writes.join('').replaceAll('\r\u001b[2K', '')).not.toMatch(ESCAPE);
  reporter.onEnd(end('interrupted'));
  expect(writes.at(-1)).toMatch(
    /^Interrupted: 1 of 4 checks done in 1m 23s; 1 failed, 0 could not be evaluated\./,
  );
  expect(writes.at(-2), 'the progress line is cleared before the end').toBe('\r\u001b[2K');
});

test('on a terminal the progress line fits its width, and is coloured unless NO_COLOR', () => {
  const narrow = terminal({ [RUN_ENV.terminal]: 'tty', [RUN_ENV.columns]: '30' });
  const line = narrow.writes.at(-1)?.replace('\r\u001b[2K', '') ?? '';
  expect([...line].length).toBeLessThanOrEqual(29);
  expect(line).toMatch(/…$/);
  const wide = terminal({ [RUN_ENV.terminal]: 'tty', [RUN_ENV.columns]: '200' });
  runAll(wide);
  expect(wide.text()).toContain('\u001b[31m1 failed\u001b[0m');
  const plain = terminal({ [RUN_ENV.terminal]: 'plain' });
  runAll(plain);
  expect(plain.text()).not.toMatch(ESCAPE);
});

test('plain: whole lines a log reads well, never a carriage return', () => {
  const t = terminal({ [RUN_ENV.terminal]: 'plain' });
  runAll(t);
  const text = t.text();
  expect(text).not.toContain('\r');
  expect(t.writes.every((w) => w.endsWith('\n'))).toBe(true);
  const lines = text.split('\n');
  expect(lines[0]).toBe('Running 4 checks (profiles rfc7644, entra)');
  // A line as each tenth of the checks is done, or a category's last one.
  expect(lines).toContain('users: all 2 checks done; 2/4 checks, 1 failed, 0 could not be evaluated');
  expect(lines).toContain('etag: all 1 check done; 3/4 checks, 1 failed, 0 could not be evaluated');
  expect(lines).toContain('filter: all 1 check done; 4/4 checks, 1 failed, 1 could not be evaluated');
  expect(lines).toContain('4 checks done in 1m 23s: 1 failed, 1 could not be evaluated.');
  expect(text).not.toMatch(/\btests?\b/);
});

test('the end lists each failed check once, with its level, the profiles where it failed and the reason', () => {
  const t = terminal({ [RUN_ENV.terminal]: 'plain' });
  const { reporter } = t;
  const failing = [
    [`${LOCATION.id}@rfc7644`, result('failed', 'Error: a Location header\n\nReceived: undefined')],
    [`${CREATE.id}@rfc7644`, result('failed', FAILURE)],
    [`${CREATE.id}@entra`, result('passed')],
    [`${LIST.id}@rfc7644`, result('failed', 'Error: only alice\n\nReceived: []')],
    [`${LIST.id}@entra`, result('failed', 'Error: only alice\n\nReceived: []')],
    [`${ETAG.id}@rfc7644`, result('timedOut', undefined, 60_000)],
  ] as const;
  for (const [id, outcome] of failing) reporter.onTestEnd(byId(id), outcome);
  reporter.onEnd(end());
  const text = t.text();
  const block = text.slice(text.indexOf('Failed checks'));
  expect(block.split('\n').slice(0, 4)).toEqual([
    'Failed checks (3):',
    '  MUST    filter.eq.username [rfc7644, entra]: only alice · Received: []',
    '  MUST    users.create.returns-201 [rfc7644]: the create answers 201 Created · Expected: 201 · Received: 200',
    '  SHOULD  users.create.location-header [rfc7644]: a Location header · Received: undefined',
  ]);
  // Could not evaluate: the count only, the run command's summary says why.
  expect(block).toContain(
    '1 check could not be evaluated (not a verdict on the target); the summary below says why.',
  );
  expect(text).not.toContain('timed out');
});

test('--verbose: a line per check with its status and duration, no progress line', () => {
  const t = terminal({ [RUN_ENV.terminal]: 'tty', [RUN_ENV.verbose]: '1', NO_COLOR: '' });
  runAll(t);
  const text = t.text();
  expect(text).not.toContain('\r');
  const lines = text.split('\n');
  expect(lines).toContain('[1/4] users.create.location-header ✓ passed (120 ms)');
  expect(lines).toContain(
    '[2/4] users.create.returns-201 ✗ failed under rfc7644 (passed under entra) (240 ms)',
  );
  expect(lines).toContain(
    '[4/4] filter.eq.username ! could not be evaluated under rfc7644 (passed under entra) (1m 00s)',
  );
  expect(lines.filter((line) => /^\[\d\/4\]/.test(line))).toHaveLength(4);
});

test("a check's own output only with --verbose, the runner's always", () => {
  const t = terminal({ [RUN_ENV.terminal]: 'plain' });
  const { reporter } = t;
  // A check's own output is in Playwright's HTML report; the runner's goes through (a warning).
  reporter.onStdOut('a line from a check\n', byId(`${CREATE.id}@rfc7644`));
  reporter.onStdErr('runner: a warning\n');
  expect(t.text()).not.toContain('a line from a check');
  expect(t.text()).toContain('runner: a warning\n');
});

test('no source location and no token anywhere in what is printed', () => {
  for (const kind of ['tty', 'plain']) {
    for (const verbose of ['1', '0']) {
      const t = terminal({ [RUN_ENV.terminal]: kind, [RUN_ENV.verbose]: verbose });
      t.reporter.onError({
        message: `Error: the global setup failed with token ${TOKEN} at suites/support/check.ts:25:3`,
      });
      t.reporter.onStdErr(`worker: Bearer ${TOKEN} (suites/global-setup.ts:40:7)\n`);
      t.reporter.onStdOut(`Bearer ${TOKEN}\n`, byId(`${CREATE.id}@rfc7644`));
      runAll(t);
      const text = t.text();
      expect(text).toContain('scim-harness: the global setup failed with token [REDACTED]');
      expect(text).not.toContain(TOKEN);
      expect(text).not.toMatch(/check\.ts|\.ts:\d+/);
    }
  }
});

test("the embedded server's token, set by the global setup after the reporter is made, is redacted too", () => {
  const env: NodeJS.ProcessEnv = { [RUN_ENV.terminal]: 'plain' };
  const writes: string[] = [];
  const reporter = new TerminalReporter({ env, write: (text) => writes.push(text) });
  reporter.onBegin({} as FullConfig, { allTests: () => TESTS } as unknown as Suite);
  env[RUN_ENV.token] = TOKEN;
  reporter.onError({ message: `Error: refused ${TOKEN}` });
  expect(writes.join('')).toContain('scim-harness: refused [REDACTED]');
});

test('a check that runs once for several profiles is one check, its outcome named by all of them', () => {
  const shared = {
    ...run(CREATE, 'rfc7644'),
    id: 'shared',
    tags: ['@rfc7644', '@entra', '@interop'],
  } as unknown as TestCase;
  const writes: string[] = [];
  const reporter = new TerminalReporter({
    env: { [RUN_ENV.terminal]: 'plain', [RUN_ENV.verbose]: '1' },
    write: (text) => writes.push(text),
  });
  reporter.onBegin({} as FullConfig, { allTests: () => [shared] } as unknown as Suite);
  reporter.onTestEnd(shared, result('failed', FAILURE));
  reporter.onEnd(end());
  const text = writes.join('');
  // interop is not selected (the default profiles are): the check counts for rfc7644 and entra only.
  expect(text).toContain('Running 1 check (profiles rfc7644, entra)');
  expect(text).toContain('users.create.returns-201 [rfc7644, entra]: the create answers 201 Created');
});
