/**
 * The layer rules of docs/architecture.md, as data, and the check that holds the code to them. Pure: it is given the
 * document's text and the source files, so a test can feed it a forbidden import and see it refused.
 *
 * Two tables, between HTML comment markers:
 * - `deps`: `folder | may import folders | may import packages`. A file belongs to the longest folder its path starts
 *   with; it may import its own folder, the folders of its row and `node:` built-ins, nothing else.
 * - `test-deps`: one row saying what a test file (`*.spec.ts`, or anything in a `test-support/` folder) may import
 *   besides its folder's row: folders (`test-support` meaning another folder's test-support) and test tooling
 *   packages. Code reaches another folder's test-support only through its row, like any other file there.
 * An edge a row allows that no file of the folder needs is reported too, so the table cannot drift loose again.
 */
import path from 'node:path';

export interface FolderRule {
  folder: string;
  folders: Set<string>;
  packages: Set<string>;
}

export interface LayerRules {
  rules: Map<string, FolderRule>;
  /** What a test file may import besides its folder's row. */
  tests: { folders: Set<string>; packages: Set<string> };
}

export interface SourceFile {
  /** Relative to the repository root, with `/`. */
  path: string;
  text: string;
}

export interface LayerReport {
  /** Imports the rules forbid, one line each, naming the file, what it imports and the rule it breaks. */
  violations: string[];
  /** Edges a row allows that no file of its folder uses. */
  unused: string[];
}

/** The marker pair around a table in the document. */
function tableRows(doc: string, name: string): string[][] {
  const section = doc.split(`<!-- ${name}:begin -->`)[1]?.split(`<!-- ${name}:end -->`)[0];
  if (section === undefined) throw new Error(`docs/architecture.md has no <!-- ${name}:begin --> table`);
  const rows: string[][] = [];
  for (const line of section.split('\n')) {
    if (!line.trim().startsWith('|')) continue;
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
    if (cells[0] === undefined || /^-+$/.test(cells[0]) || cells[0] === 'folder' || cells[0] === 'test files')
      continue;
    rows.push(cells);
  }
  return rows;
}

function list(cell: string | undefined): Set<string> {
  return new Set(
    (cell ?? '')
      .split(',')
      .map((item) => item.trim().replace(/^`|`$/g, ''))
      .filter(Boolean),
  );
}

/** Reads both tables; a row with the wrong number of columns is an error, not a silently empty rule. */
export function parseLayerRules(doc: string): LayerRules {
  const rules = new Map<string, FolderRule>();
  for (const cells of tableRows(doc, 'deps')) {
    if (cells.length !== 3) throw new Error(`deps row "${cells.join(' | ')}" needs 3 columns`);
    const [folder = '', folders, packages] = cells;
    rules.set(folder, { folder, folders: list(folders), packages: list(packages) });
  }
  const testRows = tableRows(doc, 'test-deps');
  if (testRows.length !== 1 || testRows[0]?.length !== 3)
    throw new Error('the test-deps table needs exactly one row of 3 columns');
  const [, folders, packages] = testRows[0];
  return { rules, tests: { folders: list(folders), packages: list(packages) } };
}

const IMPORT_RE =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module specifier a source imports or re-exports, static or dynamic. */
export function importSpecifiers(text: string): string[] {
  return [...text.matchAll(IMPORT_RE)].flatMap((match) => {
    const spec = match[1] ?? match[2] ?? match[3];
    return spec === undefined ? [] : [spec];
  });
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

export function isTestFile(file: string): boolean {
  return file.endsWith('.spec.ts') || file.includes('/test-support/');
}

/**
 * Checks every import of `files` against `rules`. Files in no folder of the table are violations too (a new folder
 * must be given a row), except those named in `unowned` (the rules' own test at the root of src).
 */
export function checkLayering(
  layerRules: LayerRules,
  files: readonly SourceFile[],
  unowned: readonly string[] = [],
): LayerReport {
  const { rules, tests } = layerRules;
  const folders = [...rules.keys()].sort((a, b) => b.length - a.length);
  const owner = (file: string) => folders.find((folder) => file === folder || file.startsWith(`${folder}/`));
  const violations: string[] = [];
  const used = new Map<string, Set<string>>();
  const usedByTests = new Set<string>();
  const use = (folder: string, edge: string) => {
    const set = used.get(folder) ?? new Set<string>();
    set.add(edge);
    used.set(folder, set);
  };
  for (const file of files) {
    const from = owner(file.path);
    if (from === undefined) {
      if (!unowned.includes(file.path)) violations.push(`${file.path}: folder not in the table`);
      continue;
    }
    const rule = rules.get(from);
    if (rule === undefined) continue;
    const test = isTestFile(file.path);
    for (const spec of importSpecifiers(file.text)) {
      if (spec.startsWith('node:')) continue;
      if (!spec.startsWith('.')) {
        const name = packageName(spec);
        // What the test rule allows does not count as use of the row: the row must hold only what it needs itself.
        if (test && tests.packages.has(name)) {
          usedByTests.add(name);
          continue;
        }
        if (rule.packages.has(name)) use(from, name);
        else
          violations.push(
            `${file.path} imports the package ${name} (${from} may import ${[...rule.packages].join(', ') || 'no package'}${test ? `; a test also ${[...tests.packages].join(', ')}` : ''})`,
          );
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), spec));
      const to = owner(target);
      if (to === from) continue;
      const toTestSupport = target.includes('/test-support/');
      const testEdge = !test
        ? undefined
        : toTestSupport && tests.folders.has('test-support')
          ? 'test-support'
          : to !== undefined && tests.folders.has(to)
            ? to
            : undefined;
      if (testEdge !== undefined) {
        usedByTests.add(testEdge);
        continue;
      }
      if (to !== undefined && rule.folders.has(to)) use(from, to);
      else
        violations.push(
          `${file.path} imports ${target} (${from} may not import ${to ?? 'a file outside every folder'}${test ? ', not even from a test' : ''})`,
        );
    }
  }
  const unused: string[] = [];
  for (const rule of rules.values()) {
    const edges = used.get(rule.folder) ?? new Set<string>();
    for (const edge of [...rule.folders, ...rule.packages])
      if (!edges.has(edge)) unused.push(`${rule.folder} may import ${edge}, but none of its files does`);
  }
  for (const edge of [...tests.folders, ...tests.packages])
    if (!usedByTests.has(edge)) unused.push(`test files may import ${edge}, but none does`);
  return { violations, unused };
}

/**
 * A cycle among the folders of the table (`a → b → a`), or undefined when the arrows run one way. Two folders that
 * may import each other are one layer in two places: the table must not allow it even before any file does it.
 */
export function layerCycle(layerRules: LayerRules): string[] | undefined {
  const { rules } = layerRules;
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (folder: string): string[] | undefined => {
    if (state.get(folder) === 'done') return undefined;
    if (state.get(folder) === 'open') return [...trail.slice(trail.indexOf(folder)), folder];
    state.set(folder, 'open');
    trail.push(folder);
    for (const to of rules.get(folder)?.folders ?? []) {
      const cycle = visit(to);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(folder, 'done');
    return undefined;
  };
  for (const folder of rules.keys()) {
    const cycle = visit(folder);
    if (cycle) return cycle;
  }
  return undefined;
}
