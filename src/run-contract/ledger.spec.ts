import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { appendLedger, LEDGER_FILE, type LedgerEntry, readOutstanding } from './ledger.js';

const entry = (id: string, deleted?: boolean): LedgerEntry => ({
  runId: 'sh-test',
  endpoint: '/Users',
  id,
  name: `sh-test.${id}@example.com`,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...(deleted ? { deleted } : {}),
});

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'scim-ledger-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('every appended line is in the file when appendLedger returns, and deletions cancel creations', () => {
  appendLedger(dir, entry('1'));
  appendLedger(dir, entry('2'));
  expect(readFileSync(path.join(dir, LEDGER_FILE), 'utf8').trim().split('\n')).toHaveLength(2);
  appendLedger(dir, entry('1', true));
  expect(readOutstanding(dir).map((e) => e.id)).toEqual(['2']);
});

test('a ledger removed or replaced between appends is written again, not into the old file', () => {
  const cases: [string, (file: string) => void][] = [
    ['removed', (file) => rmSync(file)],
    [
      'replaced',
      (file) => {
        writeFileSync(`${file}.new`, `${JSON.stringify(entry('0'))}\n`);
        renameSync(`${file}.new`, file);
      },
    ],
  ];
  for (const [name, change] of cases) {
    const file = path.join(dir, LEDGER_FILE);
    appendLedger(dir, entry('before'));
    change(file);
    appendLedger(dir, entry('after'));
    const ids = readOutstanding(dir).map((e) => e.id);
    expect(ids, name).toContain('after');
    expect(ids, name).not.toContain('before');
    rmSync(file);
  }
});

test('each run directory has its own ledger', () => {
  const other = mkdtempSync(path.join(tmpdir(), 'scim-ledger-'));
  try {
    appendLedger(dir, entry('here'));
    appendLedger(other, entry('there'));
    expect(readOutstanding(dir).map((e) => e.id)).toEqual(['here']);
    expect(readOutstanding(other).map((e) => e.id)).toEqual(['there']);
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});
