import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../errors/harness-error.js';

/** The package's name and version, as its own manifest says. */
export interface PackageInfo {
  name: string;
  version: string;
}

/** The package root and what its manifest says of itself. */
export interface PackageRoot extends PackageInfo {
  /** The folder holding the manifest. */
  dir: string;
  /** The manifest's path (for `createRequire`). */
  manifest: string;
}

export const PACKAGE_NAME = 'scim-harness';

function readOwnManifest(file: string): PackageInfo | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('name' in parsed) || !('version' in parsed))
    return undefined;
  const { name, version } = parsed;
  return name === PACKAGE_NAME && typeof version === 'string' ? { name, version } : undefined;
}

/**
 * The `scim-harness` package root, found by walking up from `from` (a module URL): the same code runs from the
 * checkout (`src/cli`, `suites/reporter`, `bench/`) and compiled (`dist/src/cli`, `dist/bench/bench`), at different
 * depths, so no fixed `../..` is right for both.
 */
export function findPackageRoot(from: string): PackageRoot {
  const start = from.startsWith('file:') ? fileURLToPath(from) : from;
  let dir = path.dirname(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    const info = readOwnManifest(manifest);
    if (info) return { ...info, dir, manifest };
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new HarnessError('INTERNAL', `package.json of ${PACKAGE_NAME} not found above ${from}`);
    dir = parent;
  }
}
