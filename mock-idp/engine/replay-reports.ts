import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ReplayResult, writeReports } from '../../src/report/index.js';

/**
 * Writes replay.json and report.html into `reportDir` and returns the paths, provisioning-log.jsonl (written as
 * the run goes) listed between them. Also used by a scenario that must leave a record when the replay stopped early.
 */
export async function writeReplayReports(
  reportDir: string,
  result: ReplayResult,
  secrets: readonly string[],
): Promise<string[]> {
  await mkdir(reportDir, { recursive: true });
  const path = join(reportDir, 'replay.json');
  await writeFile(path, `${JSON.stringify(result, null, 2)}\n`);
  const files = [path, join(reportDir, 'provisioning-log.jsonl')];
  files.push(...(await writeReports(reportDir, null, { replay: result, secrets })));
  return files;
}
