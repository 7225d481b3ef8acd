/**
 * Global setup of the suites: fills in the run id and run directory, starts the embedded reference server (with
 * any quirks asked for) when no target URL is given, and reads the target's capabilities once for every check. In a quirk-matrix run it starts one server per quirk instead
 * (see support/quirk-matrix.ts). It returns the teardown that stops the servers.
 */
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { generateRunId } from '../src/config/index.js';
import {
  isQuirkName,
  isServerMode,
  type QuirkName,
  type RunningReferenceServer,
  SUITES_RATE_LIMIT,
  startReferenceServer,
} from '../src/reference-server/index.js';
import { RUN_ENV, readTargetEnv } from '../src/run-contract/index.js';
import { writeCapabilities } from './support/capabilities.js';
import { probeCapabilities } from './support/capabilities-probe.js';
import { QUIRK_MATRIX_ENV, type QuirkTarget, readQuirkMatrix } from './support/quirk-matrix.js';

function quirkName(name: string, source: string): QuirkName {
  if (!isQuirkName(name)) throw new Error(`${source}: unknown quirk ${JSON.stringify(name)}`);
  return name;
}

/** One server per quirk of the matrix, each with its own run directory below the run's. */
async function startMatrixServers(file: string, runDir: string): Promise<RunningReferenceServer[]> {
  const servers: RunningReferenceServer[] = [];
  const targets: Record<string, QuirkTarget> = {};
  try {
    for (const quirk of readQuirkMatrix(file).quirks) {
      const server = await startReferenceServer({
        quirks: [quirkName(quirk, file)],
        // IPSIE AL SCIM profile draft 00 §4.3: the suites' servers enforce a rate limit, so its check can see one.
        rateLimit: SUITES_RATE_LIMIT,
      });
      servers.push(server);
      const dir = path.join(runDir, `quirk-${quirk}`);
      mkdirSync(dir, { recursive: true });
      targets[quirk] = {
        url: server.baseUrl,
        token: server.adminToken,
        adminOrigin: server.origin,
        runDir: dir,
      };
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  process.env[QUIRK_MATRIX_ENV.targets] = JSON.stringify(targets);
  return servers;
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const env = process.env;
  env[RUN_ENV.runId] ||= generateRunId();
  env[RUN_ENV.runDir] ||= path.resolve('reports', env[RUN_ENV.runId] ?? 'run');
  // A fresh seed per run unless one is given (`run --seed`), so no two runs draw the same values.
  env[RUN_ENV.seed] ||= String(randomInt(0, 2 ** 32));
  const runDir = env[RUN_ENV.runDir] ?? '.';
  mkdirSync(runDir, { recursive: true });

  const matrixFile = env[QUIRK_MATRIX_ENV.file];
  if (matrixFile) {
    const servers = await startMatrixServers(matrixFile, runDir);
    return async () => {
      await Promise.all(servers.map((server) => server.close()));
    };
  }
  if (env[RUN_ENV.url]) {
    await readCapabilitiesOnce(env);
    return async () => {};
  }

  const quirks = (env[RUN_ENV.quirks] ?? '')
    .split(',')
    .map((q) => q.trim())
    .filter(Boolean)
    .map((name) => quirkName(name, RUN_ENV.quirks));
  const mode = env[RUN_ENV.serverMode] || 'full';
  if (!isServerMode(mode))
    throw new Error(`${RUN_ENV.serverMode}: unknown server mode ${JSON.stringify(mode)}`);
  const server = await startReferenceServer({ quirks, mode, rateLimit: SUITES_RATE_LIMIT });
  env[RUN_ENV.url] = server.baseUrl;
  env[RUN_ENV.token] = server.adminToken;
  env[RUN_ENV.adminOrigin] = server.origin;
  env[RUN_ENV.embedded] = '1';
  try {
    await readCapabilitiesOnce(env);
  } catch (error) {
    await server.close();
    throw error;
  }
  return async () => {
    await server.close();
  };
}

/**
 * Reads what the target claims once for the whole run, before any check, and writes capabilities.json for the
 * workers. Never fails for the target's sake (a target without discovery is still tested; the discovery checks say
 * what is missing); only an unwritable run directory stops the run.
 */
async function readCapabilitiesOnce(env: NodeJS.ProcessEnv): Promise<void> {
  const target = readTargetEnv(env);
  writeCapabilities(target.runDir, await probeCapabilities(target));
}
