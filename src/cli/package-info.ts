import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../errors/harness-error.js';

export interface PackageInfo {
  name: string;
  version: string;
}

const PACKAGE_NAME = 'scim-harness';

function readManifest(file: string): PackageInfo | undefined {
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
 * The package's own manifest, read at runtime by walking up from this module: the same code runs
 * from `src/cli` (tests) and `dist/src/cli` (the installed bin), at different depths.
 */
export function readPackageInfo(from: string = import.meta.url): PackageInfo {
  let dir = path.dirname(fileURLToPath(from));
  for (;;) {
    const found = readManifest(path.join(dir, 'package.json'));
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new HarnessError('INTERNAL', `package.json of ${PACKAGE_NAME} not found above ${from}`);
    dir = parent;
  }
}
