/**
 * The replay's request rate against the ceiling of the same server: an initial cycle of N users (default 10k) at
 * concurrency 8, once through the mock-IdP replay engine (`runReplay`) and once through autocannon sending the very
 * same requests (for each in-scope user, the matching `GET /Users?filter=userName eq "…"` then the `POST /Users`,
 * built by the mock-IdP request builder with the Datadog preset). Each half gets a fresh embedded reference server
 * in this process, so both start from an empty directory. Target: replay req/s ÷ autocannon req/s ≥ 0.5.
 * Prints markdown tables; never asserts.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/bench/replay-throughput.js [--users 10000] [--concurrency 8]
 */
import autocannon from 'autocannon';
import { runReplay } from '../mock-idp/engine/index.js';
import {
  buildRequestUrl,
  computeScope,
  createDirectory,
  createUserRequest,
  MAPPING_PRESETS,
  mapUser,
  matchUserRequest,
  parseTenantUrl,
  type RequestDescriptor,
  resolveClientProfile,
} from '../mock-idp/index.js';
import { type RunningReferenceServer, startReferenceServer } from '../src/reference-server/index.js';

const TARGET_RATIO = 0.5;
const RUN_ID = 'bench';

interface Half {
  name: string;
  requests: number;
  seconds: number;
  rps: number;
  note: string;
}

function readOption(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} must be a positive integer\n`);
    process.exit(2);
  }
  return value;
}

/** The exact requests of an initial cycle: per in-scope user, the match query then the create. */
function initialCycleRequests(baseUrl: string, users: number, seed: number): RequestDescriptor[][] {
  const tenant = parseTenantUrl(baseUrl);
  const profile = resolveClientProfile({ mode: tenant.mode, baseUrl: tenant.baseUrl });
  const mapping = MAPPING_PRESETS.datadog.user;
  const directory = createDirectory({ seed, users, groups: 0, runId: RUN_ID });
  const scope = computeScope(directory);
  const pairs: RequestDescriptor[][] = [];
  for (const user of directory.users.values()) {
    // As the cycle engine (and Entra): a disabled or soft-deleted user in scope is not created.
    if (!scope.users.has(user.objectId) || user.isSoftDeleted || !user.accountEnabled) continue;
    const attributes = mapUser(user, mapping);
    const userName = attributes.userName;
    if (typeof userName !== 'string') continue;
    pairs.push([
      matchUserRequest(profile, 'userName', userName),
      createUserRequest(profile, attributes, mapping),
    ]);
  }
  return pairs;
}

/** Path and query of a descriptor, as autocannon wants it (relative to the server origin). */
function originPath(baseUrl: string, descriptor: RequestDescriptor): string {
  const url = new URL(buildRequestUrl(baseUrl, descriptor));
  return `${url.pathname}${url.search}`;
}

function withToken(headers: Readonly<Record<string, string>>, token: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = name.toLowerCase() === 'authorization' ? `Bearer ${token}` : value;
  }
  return out;
}

async function autocannonHalf(users: number, seed: number, concurrency: number): Promise<Half> {
  const server: RunningReferenceServer = await startReferenceServer({});
  try {
    const pairs = initialCycleRequests(server.baseUrl, users, seed);
    const prepared = pairs.map(([match, create]) => {
      if (match === undefined || create === undefined) throw new Error('a request pair is incomplete');
      return {
        matchPath: originPath(server.baseUrl, match),
        matchHeaders: withToken(match.headers, server.adminToken),
        createPath: originPath(server.baseUrl, create),
        createHeaders: withToken(create.headers, server.adminToken),
        createBody: JSON.stringify(create.body),
      };
    });
    let next = 0;
    // Each connection walks the two-step sequence; the step-1 hook claims the next user and keeps it in the
    // connection's context, so step 2 creates the user that step 1 looked up, as the replay does.
    const result = await autocannon({
      url: server.origin,
      connections: concurrency,
      amount: prepared.length * 2,
      requests: [
        {
          method: 'GET',
          setupRequest: (request, context) => {
            const index = next++ % prepared.length;
            Reflect.set(context, 'index', index);
            const user = prepared[index];
            return user ? { ...request, path: user.matchPath, headers: user.matchHeaders } : request;
          },
        },
        {
          method: 'POST',
          setupRequest: (request, context) => {
            const user = prepared[Number(Reflect.get(context, 'index'))];
            return user
              ? { ...request, path: user.createPath, headers: user.createHeaders, body: user.createBody }
              : request;
          },
        },
      ],
    });
    const requests = result['2xx'] + result.non2xx;
    return {
      name: 'autocannon (same requests)',
      requests,
      seconds: result.duration,
      rps: requests / result.duration,
      note: `${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    };
  } finally {
    await server.close();
  }
}

async function replayHalf(users: number, seed: number, concurrency: number): Promise<Half> {
  const server = await startReferenceServer({});
  try {
    const outcome = await runReplay({
      tenantUrl: server.baseUrl,
      token: server.adminToken,
      users,
      groups: 0,
      cycles: 1,
      churn: 0,
      seed,
      runId: RUN_ID,
      concurrency,
      mapping: 'datadog',
      // Leave the users: cleanup is not part of the cycle and the server is discarded anyway.
      keep: true,
    });
    const cycle = outcome.result.cycles[0];
    if (cycle === undefined) throw new Error('the replay ran no cycle');
    const statuses = Object.entries(cycle.operations)
      .map(
        ([action, byStatus]) =>
          `${action} ${Object.entries(byStatus)
            .map(([status, count]) => `${status}×${count}`)
            .join(' ')}`,
      )
      .join('; ');
    return {
      name: 'runReplay (initial cycle)',
      requests: cycle.requests,
      seconds: cycle.durationMs / 1000,
      rps: cycle.requests / (cycle.durationMs / 1000),
      note: `${statuses}; converged ${cycle.converged}`,
    };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const users = readOption('users', 10_000);
  const concurrency = readOption('concurrency', 8);
  const seed = readOption('seed', 1);
  process.stderr.write(`autocannon half: ${users} users at concurrency ${concurrency}…\n`);
  const raw = await autocannonHalf(users, seed, concurrency);
  process.stderr.write(`replay half…\n`);
  const replay = await replayHalf(users, seed, concurrency);
  const ratio = replay.rps / raw.rps;
  const lines = [
    `Node ${process.version}, ${process.platform} ${process.arch}; ${users} users, concurrency ${concurrency}, seed ${seed}; ${new Date().toISOString()}`,
    '',
    '| client | requests | s | req/s | answers |',
    '| ------ | -------: | -: | ----: | ------- |',
    ...[raw, replay].map(
      (half) =>
        `| ${half.name} | ${half.requests} | ${half.seconds.toFixed(1)} | ${half.rps.toFixed(0)} | ${half.note} |`,
    ),
    '',
    '| target | measured | limit | verdict |',
    '| ------ | -------: | ----: | ------- |',
    `| replay req/s ÷ autocannon req/s | ${ratio.toFixed(2)} | ≥ ${TARGET_RATIO} | ${ratio >= TARGET_RATIO ? '✅ met' : '❌ not met'} |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `replay-throughput failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
