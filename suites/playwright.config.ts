import path from 'node:path';
import { defineConfig, type Project } from '@playwright/test';
import { PROFILES } from './support/check-definition.js';
import {
  grepForIds,
  QUIRK_MATRIX_ENV,
  QUIRK_MATRIX_PROJECT,
  readQuirkMatrix,
} from './support/quirk-matrix.js';

/**
 * The conformance suites. Pure: the target, token and run directory come from the environment (see
 * support/target-env.ts); the global setup starts the embedded reference server when no target is given.
 *
 * Projects: one per profile, each running the checks tagged with it, so every profile gets its own verdict; the
 * global setup reads what the target claims first. A quirk-matrix run (the self-test, see
 * support/quirk-matrix.ts) has one project instead.
 */
const reporterModule = process.env.SCIM_HARNESS_REPORTER;
const runDir = process.env.SCIM_HARNESS_RUN_DIR;
const matrixFile = process.env[QUIRK_MATRIX_ENV.file];

function exactFile(file: string): RegExp {
  const relative = path.normalize(file).split(path.sep).join('/');
  return new RegExp(`(?:^|/)suites/${relative.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

const profileProjects: Project[] = PROFILES.map((profile) => ({
  name: profile,
  testMatch: /checks\/.+\.checks\.ts$/,
  grep: new RegExp(`@${profile}\\b`),
}));

// Only the mapped checks, each once per quirk it is mapped to (copy i runs against its i-th quirk's server).
function matrixProject(file: string): Project {
  const matrix = readQuirkMatrix(file);
  return {
    name: QUIRK_MATRIX_PROJECT,
    testMatch: matrix.files.map(exactFile),
    grep: new RegExp(grepForIds(matrix.ids)),
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
  workers: process.env.SCIM_HARNESS_WORKERS ? Number(process.env.SCIM_HARNESS_WORKERS) : 2,
  timeout: 60_000,
  outputDir: runDir ? `${runDir}/playwright-output` : '../test-results/suites-output',
  // The conformance reporter writes the run's reports; Playwright's own HTML report sits beside them for debugging.
  reporter: reporterModule
    ? [
        [reporterModule],
        ['list'],
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
    : [['list']],
  projects: matrixFile ? [matrixProject(matrixFile)] : profileProjects,
});
