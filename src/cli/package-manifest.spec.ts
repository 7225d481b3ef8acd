import { execFile } from 'node:child_process';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Manifest {
  bin: Record<string, string>;
  scripts: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

// `npx scim-harness` on a fresh clone runs the compiled bin directly: tsc writes it without the executable bit, and
// npm does not link a project's own bin, so the build must set it.
test('the build leaves every bin executable, so npx scim-harness works on a fresh clone', async () => {
  test.setTimeout(120_000);
  expect(manifest.scripts.prepare, 'npm install builds').toContain('npm run build');
  const bins = Object.values(manifest.bin);
  expect(bins.length).toBeGreaterThan(0);
  const build = manifest.scripts.build ?? '';
  const postBuild = build.slice(build.indexOf('&&') + 2).trim();
  expect(postBuild, 'the build has a step after tsc').not.toBe('');
  for (const bin of bins) {
    expect(postBuild).toContain(bin);
    const file = path.join(ROOT, bin);
    // The step itself, run against a copy of the mode a fresh tsc emit has.
    const before = statSync(file, { throwIfNoEntry: false });
    test.skip(before === undefined, `${bin} is not built yet`);
    chmodSync(file, 0o644);
    await promisify(execFile)('sh', ['-c', postBuild], { cwd: ROOT });
    expect(statSync(file).mode & 0o111, `${bin} is executable`).toBe(0o111);
  }
});
