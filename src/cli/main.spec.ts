import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { QUIRKS } from '../reference-server/index.js';
import { main } from './main.js';
import { captureIo } from './test-support/capture-io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VERSION: unknown = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

interface MainCase {
  argv: string[];
  exitCode: number;
  stdout?: (string | RegExp)[];
  stderr?: (string | RegExp)[];
}

const CASES: MainCase[] = [
  {
    argv: ['--help'],
    exitCode: 0,
    stdout: [
      'scim-harness <command>',
      'scim-harness serve',
      'Exit codes: 0 ok, 1 checks failed',
      'SCIM_TOKEN',
    ],
  },
  { argv: ['--version'], exitCode: 0, stdout: [new RegExp(`^${String(VERSION).replace(/\./g, '\\.')}\\n$`)] },
  {
    argv: ['serve', '--help'],
    exitCode: 0,
    stdout: ['--admin-token-file', '--list-quirks', '--quirk', 'Examples:'],
  },
  {
    argv: [],
    exitCode: 2,
    stderr: ['scim-harness: a command is required', 'Run "scim-harness --help" for usage.'],
  },
  { argv: ['serv'], exitCode: 2, stderr: ['scim-harness: unknown command "serv". Did you mean serve?'] },
  { argv: ['runn'], exitCode: 2, stderr: ['scim-harness: unknown command "runn". Did you mean run?'] },
  { argv: ['serve', '--nope'], exitCode: 2, stderr: ['scim-harness: unknown option --nope'] },
  // Mistyped commands and flags: yargs' recommendCommands() finds the command, did-you-mean.ts the option.
  {
    argv: ['report', 'merg', 'a', 'b'],
    exitCode: 2,
    stderr: ['scim-harness: unknown report command "merg". Did you mean merge?'],
  },
  { argv: ['report', 'foo'], exitCode: 2, stderr: ['unknown report command "foo" (one of: merge)'] },
  { argv: ['report'], exitCode: 2, stderr: ['scim-harness: a report command is required'] },
  {
    argv: ['report', 'merge'],
    exitCode: 2,
    stderr: ['report merge needs the report folders of the shards'],
  },
  {
    argv: ['nonsense-here'],
    exitCode: 2,
    stderr: ['unknown command "nonsense-here" (one of: run, cleanup, report, serve, replay)'],
  },
  {
    argv: ['--versoin'],
    exitCode: 2,
    stderr: ['scim-harness: unknown option --versoin (did you mean --version?)'],
  },
  { argv: ['run', '--versoin'], exitCode: 2, stderr: ['unknown option --versoin (did you mean --version?)'] },
  {
    argv: ['run', '--grpe', 'x'],
    exitCode: 2,
    stderr: ['scim-harness: unknown option --grpe (did you mean --grep?)'],
  },
  {
    argv: ['replay', '--user', '5', '--cylces', '2'],
    exitCode: 2,
    stderr: [
      'unknown option --user (did you mean --users?); unknown option --cylces (did you mean --cycles?)',
    ],
  },
  { argv: ['run', 'extra'], exitCode: 2, stderr: ['scim-harness: unexpected argument "extra"'] },
  // Numbers: typed as numbers, checked while parsing, one message naming the flag and what it accepts.
  {
    argv: ['serve', '--port', '99999'],
    exitCode: 2,
    stderr: ['scim-harness: --port must be an integer from 0 to 65535, got "99999"'],
  },
  {
    argv: ['run', '--concurrency', '0'],
    exitCode: 2,
    stderr: ['--concurrency must be an integer from 1 to 64, got "0"'],
  },
  {
    argv: ['run', '--request-timeout=soon'],
    exitCode: 2,
    stderr: ['--request-timeout must be an integer from 100 to 600000, got "soon"'],
  },
  {
    argv: ['run', '--test-timeout', '1.5'],
    exitCode: 2,
    stderr: ['--test-timeout must be an integer from 1000'],
  },
  {
    argv: ['replay', '--rate', '0'],
    exitCode: 2,
    stderr: ['--rate must be a number from 0.01 to 10000, got "0"'],
  },
  {
    argv: ['replay', '--groups', '2.5'],
    exitCode: 2,
    stderr: ['--groups must be an integer from 0 to 1000000'],
  },
  {
    argv: ['run', '--concurrency', '1', '--concurrency', '2'],
    exitCode: 2,
    stderr: ['--concurrency was given 2 times; give it once'],
  },
  // Tenant URLs: what is wrong, precisely.
  {
    argv: ['run', '--tenant-url', 'http://127.0.0.1:99999/scim'],
    exitCode: 2,
    stderr: ['--tenant-url "http://127.0.0.1:99999/scim" has port 99999, out of range (1–65535)'],
  },
  {
    argv: ['run', '--tenant-url', 'localhost:8080/scim'],
    exitCode: 2,
    stderr: ['has no scheme: it must start with https://'],
  },
  { argv: ['serve', '--log-level', 'loud'], exitCode: 2, stderr: [/Invalid values:[\s\S]*log-level/] },
  { argv: ['serve', '--port'], exitCode: 2, stderr: ['Not enough arguments following: port'] },
  {
    argv: ['serve', '--token=abc123secret'],
    exitCode: 2,
    stderr: [
      'scim-harness: --token would put a secret on the command line',
      'hint: put the token in SCIM_TOKEN',
    ],
  },
  {
    argv: ['serve', '--quirk', 'create-return-200'],
    exitCode: 2,
    stderr: ['scim-harness: unknown quirk "create-return-200"', 'hint: did you mean create-returns-200'],
  },
  {
    argv: ['serve', '--port', 'eighty'],
    exitCode: 2,
    stderr: ['scim-harness: --port must be an integer from 0 to 65535, got "eighty"'],
  },
  {
    argv: ['serve', '--users', '-1'],
    exitCode: 2,
    stderr: ['--users must be an integer from 0 to 1000000, got "-1"'],
  },
  {
    argv: ['serve', '--seed', '1.5'],
    exitCode: 2,
    stderr: ['--seed must be an integer from 0 to 4294967295, got "1.5"'],
  },
  {
    argv: ['serve', '--list-quirks'],
    exitCode: 0,
    stdout: [/^QUIRK +AFFECTS +DESCRIPTION/, ...QUIRKS.map((q) => q.name)],
  },
];

for (const { argv, exitCode, stdout = [], stderr = [] } of CASES) {
  test(`scim-harness ${argv.join(' ') || '(no arguments)'} → exit ${exitCode}`, async () => {
    const io = captureIo({ cwd: test.info().outputPath() });
    expect(await main(argv, io)).toBe(exitCode);
    for (const expected of stdout) expect(io.stdout.text()).toMatch(expected);
    for (const expected of stderr) expect(io.stderr.text()).toMatch(expected);
    if (exitCode === 0) expect(io.stderr.text()).toBe('');
    else expect(io.stdout.text()).toBe('');
    expect(io.stderr.text()).not.toContain('abc123secret');
    expect(io.stderr.text()).not.toMatch(/\n\s+at /);
  });
}

/** Every option whose values are numbers, by command: `[number]` in --help, never `[string]`. */
const NUMERIC_FLAGS: Record<string, string[]> = {
  run: ['concurrency', 'request-timeout', 'test-timeout', 'seed'],
  replay: [
    'users',
    'groups',
    'cycles',
    'interval',
    'churn',
    'seed',
    'concurrency',
    'rate',
    'request-timeout',
  ],
  serve: ['port', 'users', 'groups', 'seed'],
};

for (const [command, flags] of Object.entries(NUMERIC_FLAGS)) {
  test(`${command} --help types its numeric options as numbers`, async () => {
    const io = captureIo({ cwd: test.info().outputPath() });
    expect(await main([command, '--help'], io)).toBe(0);
    // An option's entry runs from its name to the next option's name.
    const help = io.stdout.text();
    for (const flag of flags) {
      const entry = new RegExp(`--${flag} [\\s\\S]*?(?=\\n {2,}(?:-\\w, )?--|\\n\\n)`).exec(help)?.[0] ?? '';
      expect(entry, `--${flag}`).toContain('[number]');
    }
  });
}
