import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeReports } from '../../src/report/index.js';
import { type Leftover, parseReplayResult, type ReplayResult } from '../../src/run-contract/index.js';
import { redact } from '../../src/secrets/redaction.js';

/** The replay's own record in its report folder, beside report.html and provisioning-log.jsonl. */
export const REPLAY_JSON = 'replay.json';

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
  const path = join(reportDir, REPLAY_JSON);
  // Secrets never reach a report: the target's texts (errors, the key owner's answers) are redacted like the HTML.
  await writeFile(path, `${JSON.stringify(redact(result, { secrets }), null, 2)}\n`);
  const files = [path, join(reportDir, 'provisioning-log.jsonl')];
  files.push(...(await writeReports(reportDir, null, { replay: result, secrets })));
  return files;
}

/** What the sweep after a replay found: see {@link ReplayResult.leftovers} and {@link ReplayResult.sweepIncomplete}. */
export interface ReplaySweepFindings {
  leftovers: Leftover[];
  /** One line per search that could not be completed. */
  incomplete: string[];
}

/**
 * Adds what the sweep after the replay found to the replay's record in `reportDir`: replay.json gets `leftovers` and
 * `sweepIncomplete` (each only when non-empty) and report.html is rendered again from it, so the safety finding is on
 * disk and not only on the terminal. The sweep runs after the reports were written, whichever way the replay ended
 * (a scenario's own record included), so the record is read back rather than rebuilt. Returns the paths written;
 * none when there is nothing to add, or no replay.json of run `runId` to add it to (a replay interrupted before its
 * report could be written). Throws what {@link parseReplayResult} throws for a replay.json that is not one.
 */
export async function recordReplaySweep(
  reportDir: string,
  runId: string,
  findings: ReplaySweepFindings,
  secrets: readonly string[],
): Promise<string[]> {
  if (findings.leftovers.length === 0 && findings.incomplete.length === 0) return [];
  let text: string;
  try {
    text = await readFile(join(reportDir, REPLAY_JSON), 'utf8');
  } catch {
    return [];
  }
  const recorded = parseReplayResult(JSON.parse(text), join(reportDir, REPLAY_JSON));
  // Another run's record (this one wrote none) is left as it is.
  if (recorded.runId !== runId) return [];
  const clean = redact(findings, { secrets });
  const { leftovers: _leftovers, sweepIncomplete: _incomplete, ...rest } = recorded;
  const result: ReplayResult = {
    ...rest,
    ...(clean.leftovers.length === 0 ? {} : { leftovers: clean.leftovers }),
    ...(clean.incomplete.length === 0 ? {} : { sweepIncomplete: clean.incomplete }),
  };
  return writeReplayReports(reportDir, result, secrets);
}
