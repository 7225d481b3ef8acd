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
  { argv: ['serve', '--nope'], exitCode: 2, stderr: ['scim-harness: Unknown argument: nope'] },
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
    stderr: ['--users must be an integer from 0 to 100000, got "-1"'],
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
