/**
 * Running the conformance suites from the self-test: Playwright's CLI in a child process, against the embedded
 * reference server (with quirks when asked), reporting through the conformance reporter, whose conformance.json is
 * read back. Also lists every check with its definition, from the `scim-check` annotations.
 */

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isJsonObject } from '../../src/json/json-guards.js';
import {
  CHECK_ANNOTATION,
  type ConformanceResult,
  PROFILES,
  parseConformanceResult,
  RUN_ENV,
} from '../../src/run-contract/index.js';
import type { CheckDefinition } from '../support/check-definition.js';
import {
  QUIRK_MATRIX_ENV,
  QUIRK_MATRIX_RESULT_FILE,
  type QuirkMatrix,
  type QuirkMatrixOutcome,
} from '../support/quirk-matrix.js';

const SUITES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SUITES_CONFIG = path.join(SUITES_DIR, 'playwright.config.ts');
const REPORTER = path.join(SUITES_DIR, 'reporter', 'conformance-reporter.ts');
const PLAYWRIGHT_CLI = createRequire(import.meta.url).resolve('@playwright/test/cli');

/** A check as listed: its definition and the file that declares it. */
export interface ListedCheck {
  definition: CheckDefinition;
  /** Path of the declaring file relative to suites/, e.g. `checks/users/create.checks.ts`. */
  file: string;
}

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of the child: the parent's, without what the Playwright running the self-test set for its own
 * worker (it would make the child think it is a worker) and without any harness setting the parent was given (so,
 * unless `extra` names a target, the global setup starts one).
 */
function childEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(TEST_|PW_|PLAYWRIGHT_(?!BROWSERS_PATH))/.test(key)) continue;
    if (key.startsWith('SCIM_HARNESS_') || (Object.values(RUN_ENV) as string[]).includes(key)) continue;
    env[key] = value;
  }
  return { ...env, FORCE_COLOR: '0', ...extra };
}

function runPlaywright(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onOutput?: (chunk: string) => void,
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PLAYWRIGHT_CLI, 'test', '-c', SUITES_CONFIG, ...args], {
      cwd: path.dirname(SUITES_DIR),
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      onOutput?.(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      onOutput?.(chunk);
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every profile selected: the self-test lists and runs every check the suites declare. */
const EVERY_PROFILE = { [RUN_ENV.profiles]: PROFILES.join(',') };

/** Every check the suites declare, once each, from `playwright test --list --reporter=json`. */
export async function listChecks(): Promise<ListedCheck[]> {
  const { code, stdout, stderr } = await runPlaywright(['--list', '--reporter=json'], EVERY_PROFILE);
  if (code !== 0) throw new Error(`listing the checks failed (exit ${code}): ${stderr.slice(0, 2000)}`);
  const found = new Map<string, ListedCheck>();
  const walk = (suite: unknown, file: string) => {
    if (!isJsonObject(suite)) return;
    const here = typeof suite.file === 'string' && file === '' ? suite.file : file;
    for (const spec of Array.isArray(suite.specs) ? suite.specs : []) {
      if (!isJsonObject(spec)) continue;
      for (const t of Array.isArray(spec.tests) ? spec.tests : []) {
        if (!isJsonObject(t) || !Array.isArray(t.annotations)) continue;
        for (const annotation of t.annotations) {
          if (!isJsonObject(annotation) || annotation.type !== CHECK_ANNOTATION) continue;
          if (typeof annotation.description !== 'string') continue;
          const definition = JSON.parse(annotation.description) as CheckDefinition;
          found.set(definition.id, { definition, file: here });
        }
      }
    }
    for (const child of Array.isArray(suite.suites) ? suite.suites : []) walk(child, here);
  };
  const report: unknown = JSON.parse(stdout);
  for (const suite of isJsonObject(report) && Array.isArray(report.suites) ? report.suites : [])
    walk(suite, '');
  return [...found.values()].sort((a, b) => a.definition.id.localeCompare(b.definition.id));
}

/** A target other than the embedded server the global setup would start. */
export interface SuiteRunTarget {
  /** The SCIM base URL the checks talk to. */
  url: string;
  token: string;
  /** Origin of a reference server's admin API, when the target is one. */
  adminOrigin?: string;
  /** The checks' per-request timeout. */
  timeoutMs?: number;
}

export interface SuiteRunOptions {
  runDir: string;
  runId: string;
  /** Quirks of the embedded server (ignored with `target`). */
  quirks?: readonly string[];
  /** The embedded server's mode (`full` by default; ignored with `target`). */
  serverMode?: 'full' | 'minimal';
  /** Run against this target instead of the embedded server; the token reaches the child only in its environment. */
  target?: SuiteRunTarget;
  workers?: number;
  /** Only the checks of the files these filters match (Playwright's file filters, e.g. `suites/checks/users/`); all by default. */
  files?: readonly string[];
  /** Sees the child's output as it comes (progress for a long run). */
  onOutput?: (chunk: string) => void;
}

function targetEnv(target: SuiteRunTarget | undefined): NodeJS.ProcessEnv {
  if (!target) return {};
  return {
    [RUN_ENV.url]: target.url,
    [RUN_ENV.token]: target.token,
    ...(target.adminOrigin === undefined ? {} : { [RUN_ENV.adminOrigin]: target.adminOrigin }),
    ...(target.timeoutMs === undefined ? {} : { [RUN_ENV.timeoutMs]: String(target.timeoutMs) }),
  };
}

/** Runs the suites (every profile) and returns the conformance result the reporter wrote. */
export async function runSuites(
  options: SuiteRunOptions,
): Promise<{ result: ConformanceResult; child: ChildResult }> {
  const child = await runPlaywright(
    options.files ?? [],
    {
      [RUN_ENV.runDir]: options.runDir,
      [RUN_ENV.runId]: options.runId,
      [RUN_ENV.quirks]: (options.quirks ?? []).join(','),
      [RUN_ENV.serverMode]: options.serverMode ?? 'full',
      ...EVERY_PROFILE,
      ...targetEnv(options.target),
      SCIM_HARNESS_REPORTER: REPORTER,
      SCIM_HARNESS_WORKERS: String(options.workers ?? 2),
    },
    options.onOutput,
  );
  let text: string;
  try {
    text = readFileSync(path.join(options.runDir, 'conformance.json'), 'utf8');
  } catch {
    const tail = `${child.stdout.slice(-2000)}\n${child.stderr.slice(-2000)}`;
    const shown = options.target ? tail.split(options.target.token).join('[REDACTED]') : tail;
    throw new Error(
      `the suites wrote no conformance.json (exit ${child.code}, quirks ${options.quirks?.join(',') || 'none'}):\n${shown}`,
    );
  }
  return { result: parseConformanceResult(JSON.parse(text), `conformance.json of ${options.runId}`), child };
}

export interface QuirkMatrixRunOptions {
  runDir: string;
  runId: string;
  /** Each quirk with the checks mapped to it. */
  matrix: ReadonlyMap<string, readonly ListedCheck[]>;
  workers?: number;
}

/**
 * Runs the checks mapped to each quirk against a reference server with that quirk, all quirks in one Playwright run
 * (see support/quirk-matrix.ts), and returns each check's outcome under each quirk.
 */
export async function runQuirkMatrix(
  options: QuirkMatrixRunOptions,
): Promise<{ outcomes: QuirkMatrixOutcome[]; child: ChildResult }> {
  const quirks = [...options.matrix.keys()];
  const checks = [...new Map([...options.matrix.values()].flat().map((c) => [c.definition.id, c])).values()];
  const matrix: QuirkMatrix = {
    quirks,
    ids: checks.map((c) => c.definition.id),
    files: [...new Set(checks.map((c) => c.file))],
    repeat: Math.max(...checks.map((c) => c.definition.quirks.filter((q) => quirks.includes(q)).length)),
  };
  mkdirSync(options.runDir, { recursive: true });
  const matrixFile = path.join(options.runDir, 'matrix.json');
  writeFileSync(matrixFile, JSON.stringify(matrix));
  const child = await runPlaywright([], {
    [RUN_ENV.runDir]: options.runDir,
    [RUN_ENV.runId]: options.runId,
    [QUIRK_MATRIX_ENV.file]: matrixFile,
    SCIM_HARNESS_REPORTER: REPORTER,
    SCIM_HARNESS_WORKERS: String(options.workers ?? 2),
  });
  let text: string;
  try {
    text = readFileSync(path.join(options.runDir, QUIRK_MATRIX_RESULT_FILE), 'utf8');
  } catch {
    throw new Error(
      `the quirk matrix wrote no ${QUIRK_MATRIX_RESULT_FILE} (exit ${child.code}):\n${child.stdout.slice(-2000)}\n${child.stderr.slice(-2000)}`,
    );
  }
  return { outcomes: (JSON.parse(text) as { outcomes: QuirkMatrixOutcome[] }).outcomes, child };
}
