import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildConformanceResult } from '../report/index.js';
import { syntheticReplayShard } from '../report/test-support/replay-shards.js';
import { main } from './main.js';
import { captureIo } from './test-support/capture-io.js';

/**
 * One truth for the interface: the README's synopsis of each command lists exactly the options its `--help` lists,
 * and the README lists exactly the files a run, a replay and a merge write. The README marks each synopsis with
 * `<!-- synopsis: COMMAND -->` before a fenced block (`global` for the options every command takes), and each list
 * of files with `<!-- files: COMMAND -->` before a list whose items start with the backticked names.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The fenced block after `<!-- synopsis: name -->`, or undefined. */
function synopsis(name: string): string | undefined {
  const marker = `<!-- synopsis: ${name} -->`;
  const at = README.indexOf(marker);
  if (at < 0) return undefined;
  return /```[a-z]*\n([\s\S]*?)```/.exec(README.slice(at + marker.length))?.[1];
}

/** Option names in a synopsis: every `--name`. */
function synopsisOptions(text: string): Set<string> {
  return new Set([...text.matchAll(/--([a-z0-9][a-z0-9-]*)/g)].map((m) => m[1] ?? ''));
}

/** File and folder names listed after `<!-- files: name -->`: the backticked names each list item starts with. */
function documentedFiles(name: string): Set<string> {
  const marker = `<!-- files: ${name} -->`;
  const at = README.indexOf(marker);
  expect(at, `README.md has ${marker}`).toBeGreaterThan(-1);
  const lines = README.slice(at + marker.length)
    .replace(/^\n+/, '')
    .split('\n');
  const names = new Set<string>();
  for (const line of lines) {
    if (line.trim() === '') break;
    const lead = /^- ((?:`[^`]+`(?:, | and )?)+):/.exec(line)?.[1];
    for (const match of lead?.matchAll(/`([^`]+)`/g) ?? []) names.add(match[1] ?? '');
  }
  return names;
}

async function help(words: string[]): Promise<string> {
  const io = captureIo({ cwd: test.info().outputPath() });
  expect(await main([...words, '--help'], io)).toBe(0);
  return io.stdout.text();
}

/** Options an option line of --help names: `  -h, --help` or `      --name`, not a wrapped description. */
function helpOptions(text: string): Set<string> {
  return new Set([...text.matchAll(/^ {2}(?:-\w, | {4})--([a-z0-9][a-z0-9-]*)/gm)].map((m) => m[1] ?? ''));
}

/** The subcommands a --help lists under "Commands:", as word lists (`['report', 'merge']`). */
function helpCommands(text: string): string[][] {
  const start = text.indexOf('\nCommands:\n');
  const section = start < 0 ? '' : (text.slice(start + '\nCommands:\n'.length).split('\n\n')[0] ?? '');
  return section
    .split('\n')
    .filter((line) => line.startsWith('  scim-harness '))
    .map((line) =>
      (line.trim().split(/\s{2,}/)[0] ?? '')
        .split(' ')
        .slice(1)
        .filter((word) => /^[a-z][a-z0-9-]*$/.test(word)),
    );
}

/** Every command a user can run, found by walking --help from the top: those without subcommands. */
async function leafCommands(): Promise<{ words: string[]; options: Set<string> }[]> {
  const leaves: { words: string[]; options: Set<string> }[] = [];
  const visit = async (words: string[]) => {
    const text = await help(words);
    const children = helpCommands(text);
    if (words.length > 0 && children.length === 0) leaves.push({ words, options: helpOptions(text) });
    for (const child of children) await visit(child);
  };
  await visit([]);
  return leaves;
}

function difference(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((name) => !b.has(name)).sort();
}

test('the README synopsis of the global options is what the top-level --help lists', async () => {
  const global = synopsis('global');
  expect(global, 'README.md has <!-- synopsis: global --> and a fenced block').toBeDefined();
  expect([...helpOptions(await help([]))].sort()).toEqual([...synopsisOptions(global ?? '')].sort());
});

test('every command has a README synopsis listing exactly the options of its --help', async () => {
  const global = synopsisOptions(synopsis('global') ?? '');
  const leaves = await leafCommands();
  expect(leaves.map((leaf) => leaf.words.join(' ')).sort()).toEqual(
    ['cleanup', 'replay', 'report merge', 'run', 'serve'].sort(),
  );
  const mismatches: string[] = [];
  for (const { words, options } of leaves) {
    const name = words.join(' ');
    const text = synopsis(name);
    if (text === undefined) {
      mismatches.push(`${name}: no <!-- synopsis: ${name} --> block in README.md`);
      continue;
    }
    const documented = new Set([...synopsisOptions(text), ...global]);
    const undocumented = difference(options, documented);
    const unknown = difference(documented, options);
    if (undocumented.length > 0)
      mismatches.push(`${name}: --help lists, README omits: ${undocumented.join(', ')}`);
    if (unknown.length > 0) mismatches.push(`${name}: README lists, --help omits: ${unknown.join(', ')}`);
  }
  expect(mismatches).toEqual([]);
});

test('the README still says how to start: npm install, npx scim-harness run, npm test', () => {
  for (const text of ['npm install', 'npx scim-harness run', 'npm test']) expect(README).toContain(text);
});

/** Names at the top of a folder, folders with a trailing slash. */
function listing(dir: string): Set<string> {
  return new Set(
    readdirSync(dir, { withFileTypes: true }).map(
      (entry) => `${entry.name}${entry.isDirectory() ? '/' : ''}`,
    ),
  );
}

test('a run writes into its folder only files the README lists, and every file it lists', async () => {
  test.setTimeout(5 * 60_000);
  // A folder of its own: a concurrent Playwright run of this project empties test-results/ when it starts.
  const cwd = mkdtempSync(path.join(tmpdir(), 'scim-run-files-'));
  try {
    const io = captureIo({ cwd, env: { PATH: process.env.PATH ?? '' } });
    const argv = [
      'run',
      '--profile',
      'datadog',
      '--grep',
      'users\\.create\\.returns-201',
      '--run-id',
      'sh-files-1',
    ];
    expect(await main([...argv, '--concurrency', '1'], io), io.stderr.text()).toBe(0);
    const written = listing(path.join(cwd, 'reports', 'sh-files-1'));
    expect([...written].sort()).toEqual([...documentedFiles('run')].sort());
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test('a replay writes into its folder exactly the files the README lists', async () => {
  const cwd = test.info().outputPath();
  const io = captureIo({ cwd });
  const argv = ['replay', '--users', '2', '--groups', '1', '--cycles', '1', '--run-id', 'sh-files-2'];
  expect(await main(argv, io), io.stderr.text()).toBe(0);
  const written = listing(path.join(cwd, 'reports', 'sh-files-2'));
  expect([...written].sort()).toEqual([...documentedFiles('replay')].sort());
});

test('report merge writes into --out exactly the files the README lists', async () => {
  const cwd = test.info().outputPath();
  for (const index of [1, 2]) {
    const result = buildConformanceResult({
      runId: 'sh-files-3',
      tool: { name: 'scim-harness', version: '0.1.0' },
      target: { url: 'http://127.0.0.1:1/scim/v2' },
      profiles: ['rfc7644'],
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:01:00Z',
      shard: { index, total: 2 },
      checks: [],
    });
    mkdirSync(path.join(cwd, `s${index}`), { recursive: true });
    writeFileSync(path.join(cwd, `s${index}`, 'conformance.json'), JSON.stringify(result));
  }
  const io = captureIo({ cwd });
  expect(await main(['report', 'merge', 's1', 's2', '--out', 'all'], io), io.stderr.text()).toBe(0);
  expect([...listing(path.join(cwd, 'all'))].sort()).toEqual([...documentedFiles('report merge')].sort());
});

test('report merge of replay shards writes into --out exactly the files the README lists', async () => {
  const cwd = test.info().outputPath();
  for (const index of [1, 2]) {
    const shard = syntheticReplayShard(index, 2, [{ latencies: [1, 2, 3], startMs: 0, endMs: 10 }], {
      runId: 'sh-files-4',
    });
    mkdirSync(path.join(cwd, `s${index}`), { recursive: true });
    writeFileSync(path.join(cwd, `s${index}`, 'replay.json'), JSON.stringify(shard));
  }
  const io = captureIo({ cwd });
  expect(await main(['report', 'merge', 's1', 's2', '--out', 'all'], io), io.stderr.text()).toBe(0);
  expect([...listing(path.join(cwd, 'all'))].sort()).toEqual(
    [...documentedFiles('report merge (replay)')].sort(),
  );
});

/** Source files whose messages reach a user: everything but tests and test support. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}test-support${path.sep}`));
}

test('every option a hint names is an option of some command', async () => {
  const real = new Set([...synopsisOptions(synopsis('global') ?? '')]);
  for (const { options } of await leafCommands()) for (const option of options) real.add(option);
  // `hint: '…'`, `const hint = '…'`, `TOKEN_HINT = '…'`, and tables of hints (`const hints: … = { … }`).
  const HINT = /\w*hints?\b(?:\s*:\s*[^=\n]+)?\s*[:=]\s*(\{[\s\S]*?\n\s*\};?|`[^`]*`|'[^']*'|"[^"]*")/gi;
  const unknown: string[] = [];
  for (const file of ['src', 'mock-idp', 'suites'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
    for (const hint of readFileSync(file, 'utf8').matchAll(HINT)) {
      for (const [, name] of (hint[1] ?? '').matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)) {
        if (name !== undefined && !real.has(name)) unknown.push(`${path.relative(ROOT, file)}: --${name}`);
      }
    }
  }
  expect(unknown).toEqual([]);
});
