/**
 * The process the benchmark forks once per directory size: it runs a seeded reference server and nothing
 * else, so the memory it reports is the server's alone. It talks to its parent over IPC (bench-messages.ts).
 * Arguments: --users N --groups N --seed N --samples N.
 */
import { parseArgs } from 'node:util';
import { isHarnessError } from '../src/errors/harness-error.js';
import { isControlMessage, type ServerMessage } from './bench-messages.js';
import { readCount } from './count-option.js';
import { measureMemory, type SeededServer, startSeededServer } from './seeded-server.js';

/** The reference server refuses larger seeds. */
const MAX_SEEDED = 1_000_000;

/** Resolves once the message is handed to the channel, so a disconnect right after cannot drop it. */
function post(message: ServerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined || !process.connected) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

async function serve(): Promise<void> {
  if (process.send === undefined) {
    process.stderr.write('server-process: start it through the benchmark (it needs an IPC channel).\n');
    process.exitCode = 2;
    return;
  }
  // Stopped, finished or gone (crashed, interrupted): without its benchmark this process has no purpose.
  process.once('disconnect', () => process.exit());
  const { values } = parseArgs({
    options: {
      users: { type: 'string' },
      groups: { type: 'string' },
      seed: { type: 'string' },
      samples: { type: 'string' },
    },
  });
  const users = readCount('users', values.users, 0, MAX_SEEDED);
  const groups = readCount('groups', values.groups, 0, MAX_SEEDED);
  const seeded: SeededServer = await startSeededServer({
    users,
    groups,
    seed: readCount('seed', values.seed, 1, Number.MAX_SAFE_INTEGER),
    samples: readCount('samples', values.samples, 1000, MAX_SEEDED),
  });
  const { server } = seeded;
  process.on('message', (message: unknown) => {
    if (!isControlMessage(message)) return;
    if (message.kind === 'measure') {
      void post({ kind: 'memory', memory: measureMemory() });
      return;
    }
    server.close().then(() => {
      if (process.connected) process.disconnect();
    }, fail);
  });
  await post({
    kind: 'ready',
    users,
    groups,
    baseUrl: server.baseUrl,
    token: server.adminToken,
    readyMs: seeded.readyMs,
    memory: seeded.memory,
    samples: seeded.samples,
  });
}

async function fail(error: unknown): Promise<void> {
  const message = isHarnessError(error)
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`server-process: ${message}\n`);
  process.exitCode = 1;
  await post({ kind: 'failed', message });
  if (process.connected) process.disconnect();
}

serve().catch(fail);
