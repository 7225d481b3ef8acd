/**
 * The quirk matrix: one Playwright run of the suites that proves, for many reference-server quirks at once, that the
 * checks mapped to each quirk fail. One project runs every mapped check `repeat` times (Playwright's repeatEach): copy
 * i of a check runs against the server with the check's i-th selected quirk, copies beyond its quirk count are
 * skipped. The global setup starts one reference server per quirk. One run with a handful of workers, instead of one
 * Playwright start per quirk, is what makes the whole matrix cheap enough for `npm test`.
 *
 * The self-test writes the matrix file and names it in the environment; the configuration, the global setup, the
 * fixtures and the conformance reporter read it from there, so the configuration stays pure.
 */
import { readFileSync } from 'node:fs';
import { HarnessError } from '../../src/errors/harness-error.js';
import { runIdFrom, seedFrom, type TargetEnv, timeoutFrom } from '../../src/run-contract/index.js';

export const QUIRK_MATRIX_ENV = {
  /** Path of the matrix file (JSON, {@link QuirkMatrix}). Set: the run is a quirk-matrix run. */
  file: 'SCIM_HARNESS_QUIRK_MATRIX',
  /** Set by the global setup for the workers: JSON `{<quirk>: QuirkTarget}`. */
  targets: 'SCIM_HARNESS_QUIRK_TARGETS',
} as const;

/** What the conformance reporter writes to the run directory in a quirk-matrix run. */
export const QUIRK_MATRIX_RESULT_FILE = 'quirk-matrix.json';

/** The one project of a quirk-matrix run. */
export const QUIRK_MATRIX_PROJECT = 'quirk-matrix';

export interface QuirkMatrix {
  /** The quirks to prove, each with its own server. */
  quirks: string[];
  /** The check ids mapped to them. */
  ids: string[];
  /** The files declaring those checks, relative to suites/ (e.g. `checks/users/create.checks.ts`). */
  files: string[];
  /** The largest number of selected quirks one check is mapped to: how many copies of each check run. */
  repeat: number;
}

/** The reference server a quirk's copies talk to. */
export interface QuirkTarget {
  url: string;
  token: string;
  adminOrigin: string;
  runDir: string;
}

/** One check's outcome under one quirk, as the reporter writes it. */
export interface QuirkMatrixOutcome {
  quirk: string;
  id: string;
  status: string;
  message: string;
}

/**
 * The quirk copy `repeatEachIndex` of a check runs against: the check's quirks in declaration order, restricted to
 * the matrix's. `undefined`: this copy has nothing to prove and is skipped.
 */
export function matrixQuirkOf(
  checkQuirks: readonly string[],
  repeatEachIndex: number,
  matrixQuirks: readonly string[],
): string | undefined {
  return checkQuirks.filter((quirk) => matrixQuirks.includes(quirk))[repeatEachIndex];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern matching exactly these check ids (a check's title is `<id>: <title>`). */
export function grepForIds(ids: readonly string[]): string {
  return `(?:^|\\s)(?:${ids.map(escapeRegExp).join('|')}):`;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');
}

function invalid(file: string, why: string): HarnessError {
  return new HarnessError('CONFIG_INVALID', `${QUIRK_MATRIX_ENV.file}: ${file}: ${why}`);
}

/** Reads and checks a matrix file. */
export function readQuirkMatrix(file: string): QuirkMatrix {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new HarnessError('CONFIG_INVALID', `${QUIRK_MATRIX_ENV.file}: cannot read ${file}`, { cause });
  }
  const { quirks, ids, files, repeat } = (typeof json === 'object' && json !== null ? json : {}) as Record<
    string,
    unknown
  >;
  if (!isStringArray(quirks) || !isStringArray(ids) || !isStringArray(files)) {
    throw invalid(file, 'expected string arrays "quirks", "ids" and "files"');
  }
  if (quirks.length === 0 || ids.length === 0 || files.length === 0)
    throw invalid(file, 'the matrix is empty');
  if (typeof repeat !== 'number' || !Number.isInteger(repeat) || repeat < 1) {
    throw invalid(file, `"repeat" must be a positive integer, got ${JSON.stringify(repeat)}`);
  }
  return { quirks, ids, files, repeat };
}

/** The target of one quirk, from what the global setup put in the environment. */
export function quirkTargetOf(quirk: string, env: NodeJS.ProcessEnv): QuirkTarget {
  const targets = JSON.parse(env[QUIRK_MATRIX_ENV.targets] ?? '{}') as Record<string, QuirkTarget>;
  const target = targets[quirk];
  if (!target) {
    throw new HarnessError('CONFIG_INVALID', `no reference server was started for the quirk ${quirk}`);
  }
  return target;
}

/** The target of one quirk's copies in a quirk-matrix run; the rest of the run as readTargetEnv reads it. */
export function quirkTargetEnv(quirk: string, env: NodeJS.ProcessEnv = process.env): TargetEnv {
  const target = quirkTargetOf(quirk, env);
  const runId = runIdFrom(env);
  return {
    url: target.url,
    token: target.token,
    runId,
    runDir: target.runDir,
    adminOrigin: target.adminOrigin,
    timeoutMs: timeoutFrom(env),
    seed: seedFrom(env),
  };
}
