import { defineConfig } from '@playwright/test';

/**
 * The harness's own tests. Pure: every worker re-imports this file, so it starts no server,
 * picks no port and reads nothing but the environment.
 *
 * - `unit`: the model, the reference server, the mock IdP and the renderers, each test beside its module.
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
      testMatch: ['src/**/*.spec.ts', 'mock-idp/**/*.spec.ts', 'bench/**/*.spec.ts'],
      testIgnore: ['**/*.browser.spec.ts'],
    },
  ],
});
