import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { QUIRKS } from '../quirks.js';
import { composeSeams, NO_SEAMS, SEAM_NAMES } from '../seams.js';
import { QUIRK_ENTRIES_BY_AREA, QUIRK_SEAMS, seamsFor } from './index.js';

const SERVER_DIR = path.resolve(import.meta.dirname, '..');

/** The reference server's own source, without its quirks, their catalogue, tests and test helpers. */
function conformantSources(dir = SERVER_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'quirks' || entry.name === 'test-support' ? [] : conformantSources(full);
    }
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts') || entry.name === 'quirks.ts')
      return [];
    return [full];
  });
}

test('every quirk in the catalogue is one entry, in the file of the first area it affects', () => {
  const where = new Map<string, string[]>();
  for (const [area, entries] of Object.entries(QUIRK_ENTRIES_BY_AREA)) {
    for (const name of Object.keys(entries)) where.set(name, [...(where.get(name) ?? []), area]);
  }
  const misplaced = QUIRKS.flatMap((quirk) => {
    const areas = where.get(quirk.name) ?? [];
    return areas.length === 1 && areas[0] === quirk.affects[0]
      ? []
      : [`${quirk.name}: ${areas.join(', ') || 'none'}`];
  });
  expect(misplaced).toEqual([]);
  const catalogue = new Set<string>(QUIRKS.map((quirk) => quirk.name));
  expect([...where.keys()].filter((name) => !catalogue.has(name))).toEqual([]);
});

test('every quirk entry fills in at least one seam, and only seams that exist', () => {
  const seams = new Set<string>(SEAM_NAMES);
  for (const quirk of QUIRKS) {
    const entry = QUIRK_SEAMS[quirk.name] ?? {};
    const filled = Object.keys(entry);
    expect(filled.length, quirk.name).toBeGreaterThan(0);
    expect(
      filled.filter((name) => !seams.has(name)),
      quirk.name,
    ).toEqual([]);
    expect([...seamsFor(new Set([quirk.name])).overridden].sort(), quirk.name).toEqual(filled.sort());
  }
});

test('the conformant source names no quirk and asks no quirk set', () => {
  const names = QUIRKS.map((quirk) => quirk.name);
  const pattern = new RegExp(
    `(?<![\\w-])(${names.map((name) => name.replace(/-/g, '\\-')).join('|')})(?![\\w-])`,
  );
  const found = conformantSources().flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const relative = path.relative(SERVER_DIR, file);
    const hits: string[] = [];
    const named = pattern.exec(source);
    if (named) hits.push(`${relative}: names ${named[1]}`);
    if (/quirks\s*\.\s*has\s*\(/.test(source)) hits.push(`${relative}: quirks.has`);
    return hits;
  });
  expect(found).toEqual([]);
  // The check reads real files: a server without sources would pass it for nothing.
  expect(conformantSources().length).toBeGreaterThan(30);
});

test('the conformant source reaches quirk entries only where the seams are composed', () => {
  const importers = conformantSources()
    .filter((file) => /from '\.{1,2}\/(?:\.\.\/)*quirks\/index\.js'/.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(SERVER_DIR, file));
  expect(importers).toEqual(['reference-state.ts']);
});

test('a seam nobody fills returns its value; overrides run in the order given', () => {
  const error = new Error('kept');
  expect(NO_SEAMS.page({ offset: 3, size: 10, over: 'matches' }, {} as never)).toEqual({
    offset: 3,
    size: 10,
    over: 'matches',
  });
  expect(NO_SEAMS.refuse(error as never, { rule: 'method' })).toBe(error);
  expect(NO_SEAMS.overridden.size).toBe(0);
  const composed = composeSeams([
    { page: (window) => ({ ...window, offset: window.offset + 1 }) },
    { page: (window) => ({ ...window, offset: window.offset * 10 }) },
    { etag: (shown) => ({ ...shown, form: 'bare' }) },
  ]);
  expect(composed.page({ offset: 1, size: 5, over: 'matches' }, {} as never)).toEqual({
    offset: 20,
    size: 5,
    over: 'matches',
  });
  expect([...composed.overridden].sort()).toEqual(['etag', 'page']);
});
