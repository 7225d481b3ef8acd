import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

/**
 * The real executable, spawned. Node 20 cannot run TypeScript directly, and dist/ may be stale or
 * absent, so the suite compiles the sources itself (`tsc --noCheck`: emit only, typechecking is
 * `npm run typecheck`'s job) into a folder under test-results/ inside the repository, where the bin finds
 * package.json and node_modules exactly as it does from dist/.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
let bin = '';

test.describe.configure({ mode: 'serial' });

// Per process, outside Playwright's per-test folders (which it clears between tests).
const outDir = path.join(ROOT, 'test-results', `cli-bin-build-${process.pid}`);

test.beforeAll(async () => {
  // Compiling the whole project is the slow part; give it room on a busy machine.
  test.setTimeout(180_000);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await promisify(execFile)(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--noCheck', '--outDir', outDir],
    {
      cwd: ROOT,
    },
  );
  bin = path.join(outDir, 'src', 'cli', 'bin.js');
  expect(existsSync(bin)).toBe(true);
});

test.afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(
  args: string[],
  cwd: string,
  onStdout?: (text: string, child: ChildProcess) => void,
): Promise<Finished> {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, SCIM_TOKEN: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    onStdout?.(stdout, child);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

test('the built bin prints help and exits 0', async () => {
  const result = await run(['--help'], ROOT);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('scim-harness serve');
});

test('the built bin refuses a token in argv with exit 2 and does not echo it', async () => {
  const result = await run(['serve', '--token', 'leaky-value-123'], ROOT);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('--token would put a secret on the command line');
  expect(result.stderr).not.toContain('leaky-value-123');
});

test('the built bin serves until SIGINT, then exits 0 and removes its token file', async () => {
  const cwd = test.info().outputPath('serve');
  mkdirSync(cwd, { recursive: true });
  let tokenFile = '';
  let existedWhileServing = false;
  const result = await run(['serve'], cwd, (stdout, child) => {
    const match = /admin token file: +(\S+) /.exec(stdout);
    if (match?.[1] && tokenFile === '') {
      tokenFile = match[1];
      existedWhileServing = existsSync(tokenFile);
      child.kill('SIGINT');
    }
  });
  expect(result.stderr).toContain('"msg":"reference server started"');
  expect(result.stderr).toContain('"msg":"stopping"');
  expect(result).toMatchObject({ code: 0, signal: null });
  expect(result.stdout).toContain('Stopped.');
  expect(existedWhileServing).toBe(true);
  expect(existsSync(tokenFile)).toBe(false);
});
