/**
 * What `scim-harness run` does with the report of suites it interrupted (Ctrl-C, SIGINT, SIGTERM): Playwright's
 * reporter marks it `interrupted: true` itself (it sees `status === 'interrupted'`); should it not have (the run
 * was stopped between two of its states), the run command, which knows it stopped the child, marks it and writes the
 * reports again. Then the summary is printed, led by the INTERRUPTED notice, and the exit code stays 130.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { markInterrupted, REPORT_FILES, renderTerminalSummary, writeReports } from '../../report/index.js';
import type { ConformanceResult } from '../../run-contract/index.js';
import type { CliIo } from '../cli-io.js';
import { readConformanceFile } from './run-outcome.js';

export interface InterruptedReportInput {
  io: CliIo;
  runId: string;
  reportDir: string;
  /** When the suites were started: a conformance.json older than this is an earlier run's, and left alone. */
  startedAtMs: number;
  /** Whether the run command stopped the suites (as opposed to Ctrl-C arriving once they had ended). */
  stoppedSuites: boolean;
  secrets: readonly string[];
}

/** This run's conformance.json, if the suites wrote one before they stopped. */
function freshReport(input: InterruptedReportInput): ConformanceResult | undefined {
  const file = path.join(input.reportDir, REPORT_FILES.json);
  // mtime has a coarse resolution on some file systems: a second's slack, as the run id must match too.
  if (!existsSync(file) || statSync(file).mtimeMs < input.startedAtMs - 1000) return undefined;
  try {
    const result = readConformanceFile(file, 'the run report');
    return result.runId === input.runId ? result : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Marks (when needed) and prints the report the interrupted suites left; says so when they left none. Never throws
 * for a missing or unreadable report: the run is already ending with 130.
 */
export async function reportInterruptedRun(input: InterruptedReportInput): Promise<void> {
  const { io } = input;
  const found = freshReport(input);
  if (found === undefined) {
    io.stderr.write(
      `No report was written: the suites stopped before their reporter could write ${REPORT_FILES.json}.\n`,
    );
    return;
  }
  let result = found;
  if (input.stoppedSuites && result.interrupted !== true) {
    result = markInterrupted(result);
    await writeReports(input.reportDir, result, { secrets: input.secrets });
  }
  const color = io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  io.stdout.write(`\n${renderTerminalSummary(result, { color, secrets: input.secrets })}`);
  io.stdout.write(
    `\nReports (${result.interrupted === true ? 'interrupted, partial' : 'complete'}): ${input.reportDir}\n`,
  );
}
