/**
 * Global setup of the suites: fills in the run id and run directory, and starts the embedded reference server (with
 * any quirks asked for) when no target URL is given. It returns the teardown that stops the server.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { generateRunId } from '../src/config/index.js';
import { isQuirkName, type QuirkName, startReferenceServer } from '../src/reference-server/index.js';
import { TARGET_ENV } from './support/target-env.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const env = process.env;
  env[TARGET_ENV.runId] ||= generateRunId();
  env[TARGET_ENV.runDir] ||= path.resolve('reports', env[TARGET_ENV.runId] ?? 'run');
  mkdirSync(env[TARGET_ENV.runDir] ?? '.', { recursive: true });
  if (env[TARGET_ENV.url]) return async () => {};

  const quirks: QuirkName[] = [];
  for (const name of (env[TARGET_ENV.quirks] ?? '').split(',').map((q) => q.trim())) {
    if (!name) continue;
    if (!isQuirkName(name)) throw new Error(`${TARGET_ENV.quirks}: unknown quirk ${JSON.stringify(name)}`);
    quirks.push(name);
  }
  const server = await startReferenceServer({ quirks });
  env[TARGET_ENV.url] = server.baseUrl;
  env[TARGET_ENV.token] = server.adminToken;
  env[TARGET_ENV.adminOrigin] = server.origin;
  return async () => {
    await server.close();
  };
}
