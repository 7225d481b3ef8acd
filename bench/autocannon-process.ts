/**
 * The process the throughput benchmark forks for the autocannon half: it plans the initial cycle (the same
 * directory, mapping and request builder as the replay), sends it with autocannon phase by phase, and reports
 * back over IPC. It shares no process with the server or with the replay.
 */
import { type AutocannonMessage, isAutocannonJob } from './autocannon-messages.js';
import { type PhaseOutcome, runPhase } from './autocannon-phase.js';
import { planInitialCycle } from './initial-cycle-plan.js';
import { mixToRecord } from './request-mix.js';

function post(message: AutocannonMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined || !process.connected) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

async function finish(message: AutocannonMessage): Promise<void> {
  await post(message);
  if (process.connected) process.disconnect();
}

async function work(message: unknown): Promise<void> {
  if (!isAutocannonJob(message)) {
    await finish({ kind: 'failed', message: 'the benchmark sent an unreadable job' });
    return;
  }
  const planStarted = performance.now();
  const plan = planInitialCycle({
    baseUrl: message.baseUrl,
    users: message.users,
    groups: message.groups,
    seed: message.seed,
    runId: message.runId,
    mapping: message.mapping,
  });
  const planMs = performance.now() - planStarted;
  const target = {
    origin: new URL(message.baseUrl).origin,
    token: message.token,
    connections: message.connections,
    ids: new Map<string, string>(),
  };
  const phases: PhaseOutcome[] = [];
  for (const phase of plan.phases) phases.push(await runPhase(phase, target));
  await finish({ kind: 'done', planMs, planMix: mixToRecord(plan.mix), phases });
}

if (process.send === undefined) {
  process.stderr.write('autocannon-process: start it through the benchmark (it needs an IPC channel).\n');
  process.exitCode = 2;
} else {
  process.once('disconnect', () => process.exit());
  process.once('message', (message: unknown) => {
    work(message).catch(async (error: unknown) => {
      process.exitCode = 1;
      await finish({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
  });
}
