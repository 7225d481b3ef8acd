/**
 * The record a scenario leaves when the replay stopped before the scenario's verdict (Ctrl-C, or a fault) after it
 * had changed something outside the run: replay.json and report.html with the cycles that completed, so what
 * became of that change is on disk and not only on stderr.
 */

import {
  REPLAY_SCHEMA_VERSION,
  type ReplayCycle,
  type ReplayResult,
  type ReplayScenario,
  type ReplayTokenOwner,
} from '../../../src/run-contract/index.js';
import { redact } from '../../../src/secrets/redaction.js';
import type { QuarantineEvent } from '../quarantine.js';
import { ReplayInterruptedError } from '../replay.js';
import { writeReplayReports } from '../replay-reports.js';

/** A scenario's outcome when the replay did not get to its verdict: stopped by the operator, or by a fault. */
export const STOPPED_OUTCOMES = ['interrupted', 'not-completed'] as const;

/** What is known of a replay that stopped early. */
export interface StoppedReplay {
  reportDir: string;
  runId: string;
  mode: string;
  seed: number;
  /** The cycles that ran to the end. */
  cycles: readonly ReplayCycle[];
  timeline: readonly QuarantineEvent[];
  tokenOwner?: ReplayTokenOwner;
  /** The scenario's name and facts (key owner, external owner's restore); the outcome is set here. */
  scenario: Omit<ReplayScenario, 'outcome' | 'explanation'>;
  /** Why the replay stopped: a {@link ReplayInterruptedError} for Ctrl-C, anything else for a fault. */
  error: unknown;
  /** Scrubbed from every file, and from the fault's message. */
  secrets: readonly string[];
}

function verdict(stopped: StoppedReplay): Pick<ReplayScenario, 'outcome' | 'explanation'> {
  const done = `${stopped.cycles.length} complete cycle(s)`;
  if (stopped.error instanceof ReplayInterruptedError) {
    return {
      outcome: 'interrupted',
      explanation: `The replay was interrupted after ${done}, before the scenario could tell what the target does with the key.`,
    };
  }
  const message = stopped.error instanceof Error ? stopped.error.message : String(stopped.error);
  return {
    outcome: 'not-completed',
    explanation: `The replay stopped after ${done}: ${redact(message, { secrets: stopped.secrets })}. Nothing can be said about the key.`,
  };
}

/** Writes the stopped replay's replay.json and report.html; returns the paths. */
export async function recordStoppedReplay(stopped: StoppedReplay): Promise<string[]> {
  const result: ReplayResult = {
    schemaVersion: REPLAY_SCHEMA_VERSION,
    runId: stopped.runId,
    mode: stopped.mode,
    seed: stopped.seed,
    cycles: [...stopped.cycles],
    scenario: { ...stopped.scenario, ...verdict(stopped) },
    quarantine: [...stopped.timeline],
    ...(stopped.tokenOwner === undefined ? {} : { tokenOwner: stopped.tokenOwner }),
    ...(stopped.error instanceof ReplayInterruptedError ? { interrupted: true } : {}),
  };
  return writeReplayReports(stopped.reportDir, result, stopped.secrets);
}
