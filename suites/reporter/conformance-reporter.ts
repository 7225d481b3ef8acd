/**
 * The conformance reporter: a small Playwright reporter that collects one result per check while the suites run, and
 * at the end builds the conformance result and writes conformance.json, report.html, junit.xml and summary.md into
 * the run directory. Tests without a `scim-check` annotation (a setup) are not checks; when a setup
 * failed, no check could be evaluated and every one is `error`. An interrupted run (`result.status === 'interrupted'`)
 * still writes its reports, marked `interrupted: true`; the checks it did not get to are `error`.
 *
 * Reads only the environment the run command (or the global setup) set: see src/run-contract/run-env.ts.
 * @see https://playwright.dev/docs/api/class-reporter
 */
import path from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter';
import { findPackageRoot, PACKAGE_NAME } from '../../src/config/package-root.js';
import { buildConformanceResult, writeReports } from '../../src/report/index.js';
import {
  type CheckResult,
  failOnFrom,
  LEDGER_FILE,
  type Profile,
  RUN_ENV,
  readOutstanding,
  type ShardInfo,
  seedFrom,
  selectedProfilesFrom,
} from '../../src/run-contract/index.js';
import { notesFor } from '../support/profile-notes.js';
import { QUIRK_MATRIX_ENV, readQuirkMatrix } from '../support/quirk-matrix.js';
import { checkDefinitionOf, checkResultOf, firstLine, resultSkeleton } from './check-outcome.js';
import { type CheckRun, mergeCheckRuns, runProfilesOf } from './merge-check-runs.js';
import { matrixSecrets, quirkMatrixOutcomes, writeQuirkMatrixOutcomes } from './quirk-matrix-outcomes.js';

/** The tool's name and version for conformance.json; a run from a copy without its manifest still reports. */
function toolInfo(): { name: string; version: string } {
  try {
    const { name, version } = findPackageRoot(import.meta.url);
    return { name, version };
  } catch {
    return { name: PACKAGE_NAME, version: '0.0.0' };
  }
}

export default class ConformanceReporter implements Reporter {
  private root: Suite | undefined;
  private shard: ShardInfo | undefined;
  private readonly startedAt = new Date();
  /** The last result of each test, by test id (a retry replaces the earlier attempt). */
  private readonly results = new Map<string, { test: TestCase; result: TestResult }>();
  private setupFailure: string | undefined;
  private readonly runErrors: string[] = [];
  /** The profiles the run covers (RUN_ENV.profiles, src/run-contract/run-env.ts); each check's one outcome counts for those it has. */
  private readonly selected: Profile[] = selectedProfilesFrom(process.env);

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.root = suite;
    if (config.shard) this.shard = { index: config.shard.current, total: config.shard.total };
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (!checkDefinitionOf(test)) {
      if (result.status !== 'passed' && result.status !== 'skipped') {
        this.setupFailure = `${test.title}: ${firstLine(result.error?.message) || result.status}`;
      }
      return;
    }
    this.results.set(test.id, { test, result });
  }

  onError(error: TestError): void {
    this.runErrors.push(firstLine(error.message ?? error.value) || 'unknown error');
  }

  /** Every check of the run, each once, with the outcome it had (or why it has none). */
  collect(status: FullResult['status'], secrets: readonly string[]): CheckResult[] {
    const runs: CheckRun[] = [];
    const notEvaluated =
      this.setupFailure !== undefined
        ? `Could not evaluate: a setup failed (${this.setupFailure})`
        : this.runErrors.length > 0
          ? `Could not evaluate: the run failed before this check ran (${this.runErrors[0]})`
          : status === 'interrupted'
            ? 'Could not evaluate: the run was interrupted before this check ran'
            : undefined;
    for (const test of this.root?.allTests() ?? []) {
      const definition = checkDefinitionOf(test);
      const profiles = runProfilesOf(test, this.selected);
      if (!definition || profiles.length === 0) continue;
      const profile = profiles.join(' and ');
      const seen = this.results.get(test.id);
      let result = seen ? checkResultOf(test, seen.result, { secrets }) : undefined;
      if (this.setupFailure !== undefined || !result) {
        result = {
          ...resultSkeleton(definition),
          status: notEvaluated === undefined ? 'skipped' : 'error',
          message: notEvaluated ?? 'Not run (stopped early, e.g. by --max-failures)',
          evidence: result?.evidence ?? [],
          ...(notEvaluated === undefined ? { skipReason: 'not run' } : {}),
        };
      }
      runs.push({ profile, result });
    }
    return mergeCheckRuns(runs);
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    const env = process.env;
    const runDir = env[RUN_ENV.runDir];
    const runId = env[RUN_ENV.runId];
    if (!runDir || !runId) {
      process.stderr.write(
        `scim-harness: no conformance report: ${RUN_ENV.runDir} and ${RUN_ENV.runId} are not set\n`,
      );
      return { status: 'failed' };
    }
    const token = env[RUN_ENV.token];
    const secrets = token ? [token] : [];
    const matrixFile = env[QUIRK_MATRIX_ENV.file];
    if (matrixFile) {
      const notRun = this.runErrors[0] ?? this.setupFailure ?? 'not run';
      const matrix = readQuirkMatrix(matrixFile);
      const outcomes = quirkMatrixOutcomes(this.root, this.results, matrix, `Could not evaluate: ${notRun}`, [
        ...secrets,
        ...matrixSecrets(env),
      ]);
      writeQuirkMatrixOutcomes(runDir, outcomes);
      return undefined;
    }
    const profiles = this.selected;
    try {
      const seed = env[RUN_ENV.seed] === undefined ? undefined : seedFrom(env);
      const conformance = buildConformanceResult({
        runId,
        ...(seed === undefined ? {} : { seed }),
        tool: toolInfo(),
        target: {
          url: env[RUN_ENV.url] ?? 'embedded reference server (not started)',
          ...(env[RUN_ENV.embedded] === '1' ? { embedded: true } : {}),
        },
        profiles,
        startedAt: this.startedAt,
        finishedAt: new Date(),
        failOn: failOnFrom(env),
        ...(this.shard ? { shard: this.shard } : {}),
        // Ctrl-C, SIGINT or SIGTERM reached Playwright: the report is kept, marked, and fails every profile.
        ...(result.status === 'interrupted' ? { interrupted: true } : {}),
        checks: this.collect(result.status, secrets),
        notes: notesFor(profiles),
      });
      await writeReports(runDir, conformance, { secrets });
      const left = readOutstanding(runDir);
      if (left.length > 0) {
        process.stderr.write(
          `scim-harness: ${left.length} resource(s) this run created are still on the target (see ${path.join(
            runDir,
            LEDGER_FILE,
          )}); remove them with: scim-harness cleanup --run-id ${runId}\n`,
        );
      }
      return undefined;
    } catch (error) {
      process.stderr.write(
        `scim-harness: could not write the conformance report: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return { status: 'failed' };
    }
  }
}
