import { defineConfig } from '@playwright/test';

/**
 * The harness's own tests. Pure: every worker re-imports this file, so it starts no server,
 * picks no port and reads nothing but the environment.
 *
 * - `unit`: the model, the reference server, the mock IdP and the renderers, each test beside its module.
 * - `browser`: the self-contained HTML report, opened in Debian's Chromium.
 * - `self-test`: runs the conformance suites against the embedded server, clean and with each quirk, to prove every
 *   check passes on a conforming target and fails on the non-conformance it is mapped to.
 * The conformance suites that `scim-harness run` executes have their own configuration (suites/).
 */
export default defineConfig({
  testDir: '.',
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/junit.xml' }]] : 'list',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  projects: [
    {
      name: 'unit',
      testMatch: [
        'src/**/*.spec.ts',
        'mock-idp/**/*.spec.ts',
        'bench/**/*.spec.ts',
        'suites/reporter/**/*.spec.ts',
        'suites/support/**/*.spec.ts',
        // The broken-target proxy's own tests; the whole run against it is in `self-test`.
        'suites/self-test/broken-target/fault-*.spec.ts',
      ],
      testIgnore: ['**/*.browser.spec.ts'],
    },
    {
      // Pages the harness renders (report.html), opened in Debian's Chromium.
      name: 'browser',
      testMatch: ['src/**/*.browser.spec.ts'],
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
          ],
        },
      },
    },
    {
      // Spawns the suites several times (each run is minutes on two cores), so it has its own, longer timeout.
      name: 'self-test',
      testMatch: ['suites/self-test/**/*.spec.ts'],
      testIgnore: ['suites/self-test/broken-target/fault-*.spec.ts'],
      timeout: 20 * 60_000,
    },
  ],
});
