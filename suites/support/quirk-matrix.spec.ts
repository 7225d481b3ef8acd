import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  grepForIds,
  matrixQuirkOf,
  QUIRK_MATRIX_ENV,
  quirkTargetOf,
  readQuirkMatrix,
} from './quirk-matrix.js';

const MATRIX = ['no-etag', 'meta-missing', 'create-returns-200'];

test('copy i of a check runs against its i-th quirk of the matrix; later copies have none', () => {
  const rows: [readonly string[], number, string | undefined][] = [
    [['no-etag', 'meta-missing'], 0, 'no-etag'],
    [['no-etag', 'meta-missing'], 1, 'meta-missing'],
    [['no-etag', 'meta-missing'], 2, undefined],
    // Quirks outside the matrix are left out, so the copies stay dense.
    [['unselected', 'meta-missing'], 0, 'meta-missing'],
    [['unselected'], 0, undefined],
  ];
  for (const [quirks, index, expected] of rows) expect(matrixQuirkOf(quirks, index, MATRIX)).toBe(expected);
});

test('the id pattern matches a check title by its exact id only', () => {
  const pattern = new RegExp(grepForIds(['users.create.returns-201', 'a.b']));
  expect(pattern.test('users.create.returns-201: Creating a user answers 201 @rfc7644')).toBe(true);
  expect(pattern.test('users.create.returns-2010: other')).toBe(false);
  expect(pattern.test('axb: dots are literal')).toBe(false);
});

test.describe('matrix files', () => {
  let dir = '';
  test.beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'quirk-matrix-'));
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, body: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, body);
    return file;
  };

  test('a valid file is read back', () => {
    const matrix = { quirks: MATRIX, ids: ['x.y'], files: ['checks/x.checks.ts'], repeat: 2 };
    expect(readQuirkMatrix(write('ok.json', JSON.stringify(matrix)))).toEqual(matrix);
  });

  const BAD: [string, string, RegExp][] = [
    ['not JSON', '{', /cannot read/],
    ['no arrays', '{}', /string arrays/],
    ['empty', JSON.stringify({ quirks: [], ids: ['a'], files: ['f'], repeat: 1 }), /empty/],
    ['bad repeat', JSON.stringify({ quirks: ['q'], ids: ['a'], files: ['f'], repeat: 0 }), /"repeat"/],
    ['empty name', JSON.stringify({ quirks: [''], ids: ['a'], files: ['f'], repeat: 1 }), /string arrays/],
  ];
  for (const [name, body, message] of BAD) {
    test(`a matrix file with ${name} is refused naming the variable`, () => {
      const file = write(`${name.replace(/\W/g, '-')}.json`, body);
      expect(() => readQuirkMatrix(file)).toThrow(message);
      expect(() => readQuirkMatrix(file)).toThrow(QUIRK_MATRIX_ENV.file);
    });
  }
});

test('a quirk without a started server is a clear configuration error', () => {
  const env = {
    [QUIRK_MATRIX_ENV.targets]: JSON.stringify({
      'no-etag': {
        url: 'http://127.0.0.1:1/scim',
        token: 't',
        adminOrigin: 'http://127.0.0.1:1',
        runDir: '/tmp/x',
      },
    }),
  };
  expect(quirkTargetOf('no-etag', env).url).toBe('http://127.0.0.1:1/scim');
  expect(() => quirkTargetOf('meta-missing', env)).toThrow(
    /no reference server was started for the quirk meta-missing/,
  );
});
