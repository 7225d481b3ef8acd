import path from 'node:path';
import { defineConfig, type Project } from '@playwright/test';
import {
  RUN_ENV,
  selectedProfilesFrom,
  terminalFrom,
  VARIANT_TAG,
  workersFrom,
} from '../src/run-contract/index.js';
import {
  grepForIds,
  QUIRK_MATRIX_ENV,
  QUIRK_MATRIX_PROJECT,
  readQuirkMatrix,
} from './support/quirk-matrix.js';
import { CHECKS_PROJECT, grepForProfiles } from './support/selected-profiles.js';

/**
 * The conformance suites. Pure: the target, token and run directory come from the environment (see
 * src/run-contract/run-env.ts, which refuses a bad value rather than defaulting it); the global setup starts the embedded reference server when no target is given.
 *
 * One project, `checks`: every check runs once, tagged with its profiles, and the selected profiles pick the checks by
 * those tags (support/selected-profiles.ts); the reporter counts each outcome towards every selected profile the check
 * belongs to. The global setup reads what the target claims first. A quirk-matrix run (the self-test, see
 * support/quirk-matrix.ts) has its own project instead.
 *
 * Run directly, the suites cover the default profiles (rfc7644, entra, okta, datadog); name others in SCIM_HARNESS_PROFILES
 * (`RUN_ENV.profiles`):
 *
 *   SCIM_HARNESS_PROFILES=entra npx playwright test -c suites            # the checks of the entra profile
 *   SCIM_HARNESS_PROFILES=rfc7644,interop npx playwright test -c suites --grep @interop   # narrowed further by tag
 *
 * The terminal: Playwright's `list` reporter, unless the run command says what its terminal is
 * (`RUN_ENV.terminal`): then the terminal reporter, which speaks in checks rather than Playwright tests.
 */
const reporterModule = process.env[RUN_ENV.reporter];
const runDir = process.env[RUN_ENV.runDir];
const matrixFile = process.env[QUIRK_MATRIX_ENV.file];
const terminalReporter = terminalFrom(process.env).terminal
  ? (['./reporter/terminal-reporter.ts'] as const)
  : (['list'] as const);

function exactFile(file: string): RegExp {
  const relative = path.normalize(file).split(path.sep).join('/');
  return new RegExp(`(?:^|/)suites/${relative.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

const checksProject: Project = {
  name: CHECKS_PROJECT,
  testMatch: /checks\/.+\.checks\.ts$/,
  grep: grepForProfiles(selectedProfilesFrom(process.env)),
};

// Only the mapped checks, each once per quirk it is mapped to (copy i runs against its i-th quirk's server); a check's
// per-profile variants are left out, its main test is the one the quirks prove.
function matrixProject(file: string): Project {
  const matrix = readQuirkMatrix(file);
  return {
    name: QUIRK_MATRIX_PROJECT,
    testMatch: matrix.files.map(exactFile),
    grep: new RegExp(grepForIds(matrix.ids)),
    grepInvert: new RegExp(`(?:^|\\s)${VARIANT_TAG}(?=\\s|$)`),
    repeatEach: matrix.repeat,
  };
}

export default defineConfig({
  testDir: '.',
  globalSetup: './global-setup.ts',
  // Files are spread over the workers, a file's checks run in order in one: a test at a time would cost a round trip
  // to the runner per check (measured by bench/suite-overhead.ts). Checks stay independent of each other.
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: workersFrom(process.env) ?? 2,
  timeout: 60_000,
  outputDir: runDir ? `${runDir}/playwright-output` : '../test-results/suites-output',
  // The conformance reporter writes the run's reports; Playwright's own HTML report sits beside them for debugging.
  // The terminal's reporter comes first, so its last line is out of the way before the others' notes at the end.
  reporter: reporterModule
    ? [
        terminalReporter,
        [reporterModule],
        ...(matrixFile
          ? []
          : [
              [
                'html',
                {
                  open: 'never',
                  outputFolder: `${runDir ?? '../test-results/suites-report'}/playwright-report`,
                },
              ] as const,
            ]),
      ]
    : [terminalReporter],
  projects: matrixFile ? [matrixProject(matrixFile)] : [checksProject],
});
