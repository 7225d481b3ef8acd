import { writeFile } from 'node:fs/promises';
import { expect, type TestInfo, test } from '@playwright/test';
import { type HarnessErrorCode, isHarnessError } from '../src/errors/harness-error.js';
import { ServerProcess, type ServerProcessOptions } from './server-process-handle.js';

/** Stand-ins for server-process.js: small ESM scripts that speak (or break) the IPC protocol. */
const MEMORY = '{ rssBytes: 3, heapUsedBytes: 2, peakRssBytes: 4 }';
const READY = `{ kind: 'ready', users: 5, groups: 1, baseUrl: 'http://127.0.0.1:9/api/v2/scim', token: 't', readyMs: 7,
  memory: ${MEMORY}, samples: [{ id: 'a', userName: 'b', externalId: 'c' }] }`;

const CHILDREN = {
  wellBehaved: `
    process.on('message', (message) => {
      if (message.kind === 'measure') process.send({ kind: 'memory', memory: ${MEMORY} });
      if (message.kind === 'stop') process.disconnect();
    });
    process.send({ hello: 'not a protocol message' });
    process.send(${READY});`,
  failing: `process.send({ kind: 'failed', message: 'CONFIG_INVALID: seed.users too large' }, () => process.disconnect());`,
  exiting: 'process.exit(3);',
  silent: 'setInterval(() => {}, 1000);',
  deaf: `process.on('message', () => {}); process.send(${READY});`,
} as const;

async function script(testInfo: TestInfo, name: keyof typeof CHILDREN): Promise<string> {
  const path = testInfo.outputPath(`${name}.mjs`);
  await writeFile(path, CHILDREN[name]);
  return path;
}

function options(entry: string, readyTimeoutMs = 20_000): ServerProcessOptions {
  return { users: 5, groups: 1, seed: 1, samples: 1, readyTimeoutMs, entry };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

test.describe('ServerProcess', () => {
  test('starts, skips unrelated messages, measures and stops', async () => {
    const testInfo = test.info();
    const server = await ServerProcess.start(options(await script(testInfo, 'wellBehaved')));
    expect(server.ready).toMatchObject({ users: 5, groups: 1, readyMs: 7, samples: [{ id: 'a' }] });
    expect(server.ready).not.toHaveProperty('kind');
    expect(await server.measure()).toEqual({ rssBytes: 3, heapUsedBytes: 2, peakRssBytes: 4 });
    await server.stop();
  });

  const FAILURES: {
    child: keyof typeof CHILDREN;
    code: HarnessErrorCode;
    message: RegExp;
    timeoutMs?: number;
  }[] = [
    { child: 'failing', code: 'TARGET_UNREACHABLE', message: /failed: CONFIG_INVALID: seed.users too large/ },
    { child: 'exiting', code: 'TARGET_UNREACHABLE', message: /exited \(code 3\)/ },
    { child: 'silent', code: 'TARGET_TIMEOUT', message: /did not answer within 300 ms/, timeoutMs: 300 },
  ];
  for (const { child, code, message, timeoutMs } of FAILURES) {
    test(`start fails with ${code} when the process is ${child}`, async () => {
      const testInfo = test.info();
      const error = await failureOf(ServerProcess.start(options(await script(testInfo, child), timeoutMs)));
      expect(isHarnessError(error, code === 'TARGET_TIMEOUT' ? 'TARGET_TIMEOUT' : 'TARGET_UNREACHABLE')).toBe(
        true,
      );
      expect(String(error)).toMatch(message);
      expect(String(error)).toContain('server process for 5 users');
    });
  }

  test('a process that ignores stop is killed', async () => {
    const testInfo = test.info();
    const server = await ServerProcess.start(options(await script(testInfo, 'deaf')));
    await server.stop(200);
    await expect(server.measure(1000)).rejects.toThrow(/no longer connected/);
  });
});
