import { expect, test } from '@playwright/test';
import {
  checkLayering,
  importSpecifiers,
  layerCycle,
  packageName,
  parseLayerRules,
  type SourceFile,
} from './layer-rules.js';

/** A small house: a model, a report layer above it, a runner above both. */
const DOC = `
<!-- deps:begin -->
| folder | may import folders | may import packages |
| --- | --- | --- |
| src/scim | | ajv |
| src/report | src/scim | preact |
| mock-idp | src/scim, src/report | |
| src/reference-server | src/scim | |
<!-- deps:end -->

<!-- test-deps:begin -->
| test files | may also import folders | may also import packages |
| --- | --- | --- |
| \`*.spec.ts\`, \`test-support/\` | test-support, src/reference-server | @playwright/test |
<!-- test-deps:end -->
`;

const rules = parseLayerRules(DOC);

/** Files that use every edge of DOC, so that only what a test adds can be wrong. */
const CLEAN: SourceFile[] = [
  {
    path: 'src/scim/filter.ts',
    text: "import { Ajv } from 'ajv';\nimport { readFileSync } from 'node:fs';\n",
  },
  {
    path: 'src/report/render.ts',
    text: "import { h } from 'preact';\nimport type { Filter } from '../scim/filter.js';\n",
  },
  { path: 'src/report/test-support/sample.ts', text: 'export const sample = {};\n' },
  {
    path: 'mock-idp/engine.ts',
    text: "export { render } from '../src/report/render.js';\nimport { parse } from '../src/scim/filter.js';\n",
  },
  { path: 'src/reference-server/server.ts', text: "import { parse } from '../scim/filter.js';\n" },
  {
    path: 'src/scim/filter.spec.ts',
    text: "import { test } from '@playwright/test';\nimport { sample } from '../report/test-support/sample.js';\nimport { start } from '../reference-server/server.js';\n",
  },
];

test('the clean house passes: no violation, no unused edge', () => {
  expect(checkLayering(rules, CLEAN)).toEqual({ violations: [], unused: [] });
});

test('a package the folder may not import fails, even a type-only one: pino or @playwright/test inside src/scim', () => {
  const { violations } = checkLayering(rules, [
    ...CLEAN,
    { path: 'src/scim/logger.ts', text: "import pino from 'pino';\n" },
    { path: 'src/scim/expect.ts', text: "import type { Page } from '@playwright/test';\n" },
  ]);
  expect(violations).toEqual([
    'src/scim/logger.ts imports the package pino (src/scim may import ajv)',
    'src/scim/expect.ts imports the package @playwright/test (src/scim may import ajv)',
  ]);
});

test('a test may import test tooling, but not a package of another layer', () => {
  const { violations } = checkLayering(rules, [
    ...CLEAN,
    { path: 'src/scim/filter.spec.ts', text: "import { expect, test } from '@playwright/test';\n" },
    { path: 'src/scim/render.spec.ts', text: "import { h } from 'preact';\n" },
  ]);
  expect(violations).toEqual([
    'src/scim/render.spec.ts imports the package preact (src/scim may import ajv; a test also @playwright/test)',
  ]);
});

test('a test that crosses a layer fails like code does', () => {
  const { violations } = checkLayering(rules, [
    ...CLEAN,
    { path: 'src/report/render.spec.ts', text: "import { engine } from '../../mock-idp/engine.js';\n" },
  ]);
  expect(violations).toEqual([
    'src/report/render.spec.ts imports mock-idp/engine.js (src/report may not import mock-idp, not even from a test)',
  ]);
});

test("a test may import another folder's test-support and the reference server; code may not", () => {
  const { violations } = checkLayering(rules, [
    ...CLEAN,
    {
      path: 'src/scim/filter.spec.ts',
      text: "import { sample } from '../report/test-support/sample.js';\nimport { start } from '../reference-server/server.js';\n",
    },
    {
      path: 'src/reference-server/sample.ts',
      text: "import { sample } from '../report/test-support/sample.js';\n",
    },
    { path: 'src/report/server.ts', text: "import { start } from '../reference-server/server.js';\n" },
  ]);
  expect(violations).toEqual([
    'src/reference-server/sample.ts imports src/report/test-support/sample.js (src/reference-server may not import src/report)',
    'src/report/server.ts imports src/reference-server/server.js (src/report may not import src/reference-server)',
  ]);
});

test('an upward import, dynamic or re-exported, fails', () => {
  const { violations } = checkLayering(rules, [
    ...CLEAN,
    // Built, so that this file's own text holds no import of src/report for the repository check to find.
    { path: 'src/scim/late.ts', text: `const m = await import(${JSON.stringify('../report/render.js')});\n` },
    { path: 'src/scim/index.ts', text: "export * from '../report/render.js';\n" },
  ]);
  expect(violations).toHaveLength(2);
  expect(violations.every((line) => line.includes('src/scim may not import src/report'))).toBe(true);
});

test('an edge the table allows that no file uses is reported, and a test using it does not count', () => {
  const withoutPreact = CLEAN.map((file) =>
    file.path === 'src/report/render.ts'
      ? { ...file, text: "import type { Filter } from '../scim/filter.js';\n" }
      : file,
  );
  expect(checkLayering(rules, withoutPreact).unused).toEqual([
    'src/report may import preact, but none of its files does',
  ]);
  const withoutServerEdge = CLEAN.filter((file) => file.path !== 'src/reference-server/server.ts');
  expect(checkLayering(rules, withoutServerEdge).unused).toEqual([
    'src/reference-server may import src/scim, but none of its files does',
  ]);
  const withoutTests = CLEAN.filter((file) => !file.path.endsWith('.spec.ts'));
  expect(checkLayering(rules, withoutTests).unused).toEqual([
    'test files may import test-support, but none does',
    'test files may import src/reference-server, but none does',
    'test files may import @playwright/test, but none does',
  ]);
});

test('a file in no folder of the table fails', () => {
  expect(checkLayering(rules, [...CLEAN, { path: 'src/grab-bag/utils.ts', text: '' }]).violations).toEqual([
    'src/grab-bag/utils.ts: folder not in the table',
  ]);
});

test('a malformed table is an error, not an empty rule', () => {
  expect(() => parseLayerRules(DOC.replace('| src/scim | | ajv |', '| src/scim | ajv |'))).toThrow(
    /3 columns/,
  );
  expect(() => parseLayerRules(DOC.replace('test-deps:begin', 'test-deps:gone'))).toThrow(/test-deps/);
});

test('specifiers and package names are read as Node resolves them', () => {
  expect(
    importSpecifiers(
      "import a from 'a';\nimport type { B } from '@s/b/sub';\nimport 'side-effect';\nexport { c } from './c.js';\nawait import('./d.js');\n",
    ),
  ).toEqual(['a', '@s/b/sub', 'side-effect', './c.js', './d.js']);
  expect(packageName('@playwright/test/reporter')).toBe('@playwright/test');
  expect(packageName('preact/hooks')).toBe('preact');
});

test('a table whose arrows come back round is a cycle, named', () => {
  expect(layerCycle(rules)).toBeUndefined();
  const loop = parseLayerRules(DOC.replace('| src/scim | | ajv |', '| src/scim | mock-idp | ajv |'));
  expect(layerCycle(loop)).toEqual(['src/scim', 'mock-idp', 'src/scim']);
});
