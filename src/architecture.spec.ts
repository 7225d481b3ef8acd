import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/** Reads the allowed-imports table from docs/architecture.md (the one place it is written down). */
function readRules(root: string): Map<string, Set<string>> {
  const doc = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
  const section = doc.split('<!-- deps:begin -->')[1]?.split('<!-- deps:end -->')[0] ?? '';
  const rules = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const folder = cells[1];
    if (!folder || folder === 'folder' || folder.startsWith('---')) continue;
    const allowed = (cells[2] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    rules.set(folder, new Set([folder, ...allowed]));
  }
  return rules;
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

const IMPORT_RE =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

test('every import respects the layering in docs/architecture.md', () => {
  const root = path.resolve(import.meta.dirname, '..');
  const rules = readRules(root);
  expect(rules.size).toBeGreaterThan(5);
  const folders = [...rules.keys()].sort((a, b) => b.length - a.length);
  const owner = (file: string) => folders.find((f) => file === f || file.startsWith(`${f}/`));
  const violations: string[] = [];
  for (const top of ['src', 'mock-idp', 'suites', 'bench']) {
    let files: string[] = [];
    try {
      files = listSources(path.join(root, top));
    } catch {
      continue;
    }
    for (const file of files) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (rel.endsWith('.spec.ts') || rel.includes('/test-support/')) continue;
      const from = owner(rel);
      if (!from) {
        if (rel !== 'src/architecture.spec.ts') violations.push(`${rel}: folder not in the table`);
        continue;
      }
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(IMPORT_RE)) {
        const spec = match[1] ?? match[2];
        if (!spec?.startsWith('.')) continue;
        const target = path
          .relative(root, path.resolve(path.dirname(file), spec))
          .split(path.sep)
          .join('/');
        const to = owner(target);
        if (to && !rules.get(from)?.has(to))
          violations.push(`${rel} imports ${target} (${from} may not import ${to})`);
      }
    }
  }
  expect(violations).toEqual([]);
});
