import { expect, test } from '@playwright/test';
import { HarnessError } from '../errors/harness-error.js';
import { generateRunId, RUN_ID_PATTERN } from './run-id.js';
import { assertNoSecretsInArgv } from './token-source.js';

const REFUSED: string[][] = [
  ['run', '--token=abc123'],
  ['run', '--token', 'abc123'],
  ['run', '-token=abc123'],
  ['run', '--bearer', 'abc123'],
  ['run', '--api-key=abc123'],
  ['run', '--apiKey', 'abc123'],
  ['serve', '--admin-token', 'abc123'],
  ['serve', '--adminToken=abc123'],
  ['run', '--DD-API-KEY=abc123'],
  ['run', '--header', 'Authorization: Bearer abc123'],
  ['run', '--password=abc123'],
];

for (const argv of REFUSED) {
  test(`argv is refused: ${argv.join(' ')}`, () => {
    let caught: unknown;
    try {
      assertNoSecretsInArgv(argv);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HarnessError);
    const error = caught as HarnessError;
    expect(error.code).toBe('SECRET_EXPOSED');
    expect(error.message).not.toContain('abc123');
    expect(error.hint).toMatch(/SCIM_TOKEN.*--token-env.*--token-file/);
  });
}

const ACCEPTED: string[][] = [
  ['run', '--token-env', 'MY_TOKEN'],
  ['run', '--token-file=/run/secrets/scim'],
  ['serve', '--admin-token-file', '/tmp/t'],
  ['run', '--grep', 'token'],
  ['run', '--', '--token=not-an-option-here'],
  [],
];

for (const argv of ACCEPTED) {
  test(`argv is accepted: ${argv.join(' ') || '(empty)'}`, () => {
    expect(() => assertNoSecretsInArgv(argv)).not.toThrow();
  });
}

test('generated run ids are sortable by time, short and safe', () => {
  const bytes = () => new Uint8Array([10, 11, 12, 13, 14, 15]);
  const early = generateRunId(new Date(Date.UTC(2026, 0, 2, 3, 4)), bytes);
  const late = generateRunId(new Date(Date.UTC(2026, 10, 29, 8, 15)), bytes);
  expect(early).toBe('sh-20260102-0304-klmnop');
  expect(early < late).toBe(true);
  expect(late).toMatch(RUN_ID_PATTERN);
});
