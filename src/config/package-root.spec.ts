import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { findPackageRoot } from './package-root.js';

test.describe('findPackageRoot', () => {
  test('walks up past other packages to the scim-harness manifest', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'package-root-'));
    try {
      writeFileSync(
        path.join(root, 'package.json'),
        JSON.stringify({ name: 'scim-harness', version: '1.2.3' }),
      );
      const nested = path.join(root, 'dist', 'src', 'cli');
      mkdirSync(nested, { recursive: true });
      // A manifest of another package on the way up (e.g. a nested `"type": "module"` stub) is passed over.
      writeFileSync(path.join(root, 'dist', 'package.json'), JSON.stringify({ type: 'module' }));
      const found = findPackageRoot(pathToFileURL(path.join(nested, 'main.js')).href);
      expect(found).toEqual({
        name: 'scim-harness',
        version: '1.2.3',
        dir: root,
        manifest: path.join(root, 'package.json'),
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('says where it looked when there is no manifest above', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'package-root-'));
    try {
      expect(() => findPackageRoot(path.join(root, 'x.js'))).toThrow(
        /package\.json of scim-harness not found above/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('finds this checkout from this file', () => {
    expect(findPackageRoot(import.meta.url).name).toBe('scim-harness');
  });
});
