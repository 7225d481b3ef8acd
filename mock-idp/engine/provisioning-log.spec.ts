import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FLUSH_AT_CHARS, JsonlProvisioningLog, type ProvisioningLogEntry } from './provisioning-log.js';

const entry = (n: number): ProvisioningLogEntry => ({
  cycle: 1,
  object: `User u${n}@example.com`,
  sourceId: `s${n}`,
  action: 'Create',
  status: 'Success',
  exchanges: [
    {
      operation: 'Create',
      method: 'POST',
      url: '/Users',
      status: 201,
      durationMs: 1,
      responseBody: 'tok-secret',
    },
  ],
});

test('every entry written before close is in the file, one line each, in order, redacted, mode 0600', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'provisioning-log-'));
  try {
    const path = join(dir, 'provisioning-log.jsonl');
    const log = new JsonlProvisioningLog(path, (text) => text.replaceAll('tok-secret', '[REDACTED]'));
    // More than one batch's worth, so both the size-triggered writes and the last partial batch are exercised.
    const count = Math.ceil((3 * FLUSH_AT_CHARS) / JSON.stringify(entry(0)).length);
    for (let n = 0; n < count; n += 1) log.write(entry(n));
    await log.close();
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(count);
    expect(lines.map((line) => (JSON.parse(line) as ProvisioningLogEntry).sourceId)).toEqual(
      Array.from({ length: count }, (_, n) => `s${n}`),
    );
    expect(lines.join('\n')).not.toContain('tok-secret');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a few entries reach the file without close, once the log has waited its short while', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'provisioning-log-'));
  const path = join(dir, 'provisioning-log.jsonl');
  const log = new JsonlProvisioningLog(path, (text) => text);
  try {
    log.write(entry(1));
    await expect.poll(async () => (await readFile(path, 'utf8').catch(() => '')).split('\n').length).toBe(2);
  } finally {
    await log.close();
    await rm(dir, { recursive: true, force: true });
  }
});
