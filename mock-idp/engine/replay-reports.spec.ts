import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { sampleReplayResult } from '../../src/report/test-support/sample-results.js';
import { parseReplayResult } from '../../src/run-contract/index.js';
import { REPLAY_JSON, recordReplaySweep, writeReplayReports } from './replay-reports.js';

const TOKEN = 'replay-token-9f8e7d6c5b4a';
const LEFTOVER = { id: 'g-1', endpoint: '/Groups', name: 'Side effect sh-x', deleted: true };

async function readReplay(dir: string) {
  return parseReplayResult(JSON.parse(await readFile(join(dir, REPLAY_JSON), 'utf8')));
}

test("the sweep's findings are added to replay.json and report.html, the rest of the record kept", async () => {
  const dir = test.info().outputPath('r');
  const replay = { ...sampleReplayResult(), interrupted: true };
  await writeReplayReports(dir, replay, [TOKEN]);
  const files = await recordReplaySweep(
    dir,
    replay.runId,
    {
      leftovers: [
        LEFTOVER,
        { ...LEFTOVER, id: 'u-2', endpoint: '/Users', name: `x ${TOKEN}`, deleted: false },
      ],
      incomplete: [],
    },
    [TOKEN],
  );
  expect(files).toContain(join(dir, REPLAY_JSON));
  expect(files).toContain(join(dir, 'report.html'));
  const written = await readReplay(dir);
  expect(written).toEqual({
    ...replay,
    leftovers: [LEFTOVER, { id: 'u-2', endpoint: '/Users', name: 'x [REDACTED]', deleted: false }],
  });
  expect(written).not.toHaveProperty('sweepIncomplete');
  const html = await readFile(join(dir, 'report.html'), 'utf8');
  expect(html).toContain('<section id="replay-leftovers" class="safety"');
  expect(html).toContain('<td>Side effect sh-x</td>');
  expect(html).not.toContain(TOKEN);

  // A later record replaces the findings rather than adding to them.
  await recordReplaySweep(
    dir,
    replay.runId,
    { leftovers: [], incomplete: ['/Users: GET /Users answered 500'] },
    [],
  );
  const again = await readReplay(dir);
  expect(again.leftovers).toBeUndefined();
  expect(again.sweepIncomplete).toEqual(['/Users: GET /Users answered 500']);
});

test('nothing is written when the sweep found nothing, there is no replay.json, or it is another run', async () => {
  const dir = test.info().outputPath('r');
  const findings = { leftovers: [LEFTOVER], incomplete: [] };
  expect(await recordReplaySweep(dir, 'sh-none', findings, [])).toEqual([]);
  const replay = sampleReplayResult();
  await writeReplayReports(dir, replay, []);
  const before = await readFile(join(dir, REPLAY_JSON), 'utf8');
  expect(await recordReplaySweep(dir, replay.runId, { leftovers: [], incomplete: [] }, [])).toEqual([]);
  expect(await recordReplaySweep(dir, `${replay.runId}-other`, findings, [])).toEqual([]);
  expect(await readFile(join(dir, REPLAY_JSON), 'utf8')).toBe(before);
});

test('a replay.json that is not one is refused, not overwritten', async () => {
  const dir = test.info().outputPath('r');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, REPLAY_JSON), '{"runId": "sh-x"}\n');
  await expect(recordReplaySweep(dir, 'sh-x', { leftovers: [LEFTOVER], incomplete: [] }, [])).rejects.toThrow(
    /is not a valid replay result/,
  );
  expect(await readFile(join(dir, REPLAY_JSON), 'utf8')).toBe('{"runId": "sh-x"}\n');
});

test('replay.json never holds a secret: a target text that echoes the token is redacted like the HTML', async () => {
  const dir = test.info().outputPath('secret');
  const replay = sampleReplayResult();
  const echoed = { ...replay, runId: replay.runId, targetEcho: `Invalid bearer token ${TOKEN}` };
  await writeReplayReports(dir, echoed as typeof replay, [TOKEN]);
  const text = await readFile(join(dir, REPLAY_JSON), 'utf8');
  expect(text).not.toContain(TOKEN);
  // Ordinary words stay: only the secret goes.
  expect(text).toContain('Invalid bearer token [REDACTED]');
});
