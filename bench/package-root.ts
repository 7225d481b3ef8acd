import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout root above a module: bench/ in a checkout, dist/bench/bench/ compiled. */
export function packageRoot(from: string): string {
  let dir = path.dirname(fileURLToPath(from));
  for (;;) {
    try {
      const manifest: unknown = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (
        typeof manifest === 'object' &&
        manifest !== null &&
        'name' in manifest &&
        manifest.name === 'scim-harness'
      )
        return dir;
    } catch {
      // Not here: keep walking up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('the scim-harness checkout was not found above this file');
    dir = parent;
  }
}
