import { defineConfig } from '@playwright/test';
import { PROFILES } from './support/check-definition.js';

/**
 * The conformance suites. Pure: the target, token and run directory come from the environment (see
 * support/target-env.ts); the global setup starts the embedded reference server when no target is given.
 *
 * Projects: `capabilities` reads what the target claims first; then one project per profile, each running the checks
 * tagged with it, so every profile gets its own verdict.
 */
const reporterModule = process.env.SCIM_HARNESS_REPORTER;
const runDir = process.env.SCIM_HARNESS_RUN_DIR;

export default defineConfig({
  testDir: '.',
  globalSetup: './global-setup.ts',
  fullyParallel: true,
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
        [
          'html',
          { open: 'never', outputFolder: `${runDir ?? '../test-results/suites-report'}/playwright-report` },
        ],
      ]
    : [['list']],
  projects: [
    { name: 'capabilities', testMatch: /capabilities\.setup\.ts$/ },
    ...PROFILES.map((profile) => ({
      name: profile,
      testMatch: /checks\/.+\.checks\.ts$/,
      grep: new RegExp(`@${profile}\\b`),
      dependencies: ['capabilities'],
    })),
  ],
});
