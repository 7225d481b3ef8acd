/**
 * The conformance reporter's output in a quirk-matrix run (see support/quirk-matrix.ts): one outcome per check and
 * quirk, decided exactly as for conformance.json (checkResultOf), so `failed`, `error` and `unsupported` mean the same
 * thing here. A copy declared to fail under its quirk that reports `unsupported` instead (the check took the quirk
 * for a decline the RFC allows) has NOT shown the quirk: the outcome keeps the status `unsupported` and its reason, and
 * the self-test, which expects `failed` (or `unsupported` only for a quirk the check lists in `declinedBy`), says so.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Suite, TestResult } from '@playwright/test/reporter';
import {
  matrixQuirkOf,
  QUIRK_MATRIX_ENV,
  QUIRK_MATRIX_RESULT_FILE,
  type QuirkMatrix,
  type QuirkMatrixOutcome,
  type QuirkTarget,
} from '../support/quirk-matrix.js';
import { checkDefinitionOf, checkResultOf } from './check-outcome.js';

export function quirkMatrixOutcomes(
  root: Suite | undefined,
  results: ReadonlyMap<string, { result: TestResult }>,
  matrix: QuirkMatrix,
  notRun: string,
  secrets: readonly string[],
): QuirkMatrixOutcome[] {
  const outcomes: QuirkMatrixOutcome[] = [];
  for (const test of root?.allTests() ?? []) {
    const definition = checkDefinitionOf(test);
    const quirk = definition && matrixQuirkOf(definition.quirks, test.repeatEachIndex, matrix.quirks);
    if (!definition || quirk === undefined) continue;
    const seen = results.get(test.id);
    const result = seen ? checkResultOf(test, seen.result, { secrets }) : undefined;
    outcomes.push({
      quirk,
      id: definition.id,
      status: result?.status ?? 'error',
      message: result?.message ?? notRun,
    });
  }
  return outcomes.sort((a, b) => a.quirk.localeCompare(b.quirk) || a.id.localeCompare(b.id));
}

/** Every matrix server's token, so none reaches the outcomes. */
export function matrixSecrets(env: NodeJS.ProcessEnv): string[] {
  const text = env[QUIRK_MATRIX_ENV.targets];
  if (!text) return [];
  return Object.values(JSON.parse(text) as Record<string, QuirkTarget>).map((target) => target.token);
}

export function writeQuirkMatrixOutcomes(runDir: string, outcomes: readonly QuirkMatrixOutcome[]): string {
  const file = path.join(runDir, QUIRK_MATRIX_RESULT_FILE);
  writeFileSync(file, `${JSON.stringify({ outcomes }, null, 2)}\n`);
  return file;
}
