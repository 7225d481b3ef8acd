import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { checkLayering, layerCycle, parseLayerRules, type SourceFile } from './layer-rules.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Every top-level folder that holds the project's TypeScript. */
const TOPS = ['src', 'mock-idp', 'suites', 'bench'];

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

function sources(): SourceFile[] {
  return TOPS.flatMap((top) =>
    listSources(path.join(ROOT, top)).map((file) => ({
      path: path.relative(ROOT, file).split(path.sep).join('/'),
      text: readFileSync(file, 'utf8'),
    })),
  );
}

const rules = () => parseLayerRules(readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8'));

test('every import, of code and of tests, folders and packages, respects docs/architecture.md', () => {
  const files = sources();
  expect(files.length).toBeGreaterThan(500);
  expect(rules().rules.size).toBeGreaterThan(10);
  expect(checkLayering(rules(), files).violations).toEqual([]);
});

test('the table allows only edges the code uses, so it cannot drift loose', () => {
  expect(checkLayering(rules(), sources()).unused).toEqual([]);
});

test('the only arrows from src/ into suites/ or mock-idp/ are the CLI starting them', () => {
  const { rules: table } = rules();
  const upward = [...table.values()].flatMap((rule) =>
    rule.folder.startsWith('src/')
      ? [...rule.folders]
          .filter((to) => to === 'suites' || to === 'mock-idp')
          .map((to) => `${rule.folder} → ${to}`)
      : [],
  );
  expect(upward).toEqual(['src/cli → mock-idp']);
});

test('the arrows of the table run one way: no folder may reach itself', () => {
  expect(layerCycle(rules())).toBeUndefined();
});
