import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { main } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

const LISTENING = /base URL: +(\S+)\n +admin token file: +(\S+) /;

/** Starts `serve` in-process and waits for it to announce its URL and token file. */
async function startServe(argv: string[]) {
  const io = captureIo({ cwd: test.info().outputPath() });
  const exit = main(['serve', ...argv], io);
  const winner = await Promise.race([io.stdout.waitFor(LISTENING), exit]);
  if (typeof winner === 'number') throw new Error(`serve exited ${winner}: ${io.stderr.text()}`);
  const [, baseUrl = '', tokenFile = ''] = winner;
  return { io, exit, baseUrl, tokenFile, token: readFileSync(tokenFile, 'utf8').trim() };
}

test('serve prints the base URL and a 0600 token file, never the token; Ctrl-C stops it and removes the file', async () => {
  const { io, exit, baseUrl, tokenFile, token } = await startServe(['--log-level', 'trace']);
  expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  expect(tokenFile).toBe(path.join(io.cwd, '.scim-harness', `serve-${new URL(baseUrl).port}.token`));
  expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
  expect(token.length).toBeGreaterThan(0);

  const authorised = await fetch(`${baseUrl}/ServiceProviderConfig`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(authorised.status).toBe(200);
  const anonymous = await fetch(`${baseUrl}/Users`);
  expect(anonymous.status).toBe(401);

  io.interrupt();
  expect(await exit).toBe(0);
  expect(io.stdout.text()).toContain('Stopped.');
  expect(() => statSync(tokenFile)).toThrow(/ENOENT/);
  expect(io.stdout.text()).not.toContain(token);
  expect(io.stderr.text()).not.toContain(token);
  expect(io.stderr.text()).toContain('reference server started');
});

test('serve takes quirks, seeded data and an explicit token file relative to the working directory', async () => {
  const { io, exit, baseUrl, tokenFile, token } = await startServe([
    '--quirk',
    'create-returns-200,no-etag',
    '--quirk',
    'no-etag',
    '--users',
    '3',
    '--groups',
    '2',
    '--seed',
    '7',
    '--admin-token-file',
    'secrets/admin.token',
  ]);
  expect(tokenFile).toBe(path.join(io.cwd, 'secrets', 'admin.token'));
  expect(io.stdout.text()).toContain('quirks:            create-returns-200, no-etag');
  expect(io.stdout.text()).toContain('seeded:            3 users, 2 groups (seed 7)');
  const users = await fetch(`${baseUrl}/Users`, { headers: { authorization: `Bearer ${token}` } });
  expect(await users.json()).toMatchObject({ totalResults: 3 });
  io.interrupt();
  expect(await exit).toBe(0);
  expect(() => statSync(tokenFile)).toThrow(/ENOENT/);
});

test('a port already in use is a configuration error (exit 2), not a crash', async () => {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const address = blocker.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const io = captureIo({ cwd: test.info().outputPath() });
    expect(await main(['serve', '--port', String(port)], io)).toBe(2);
    expect(io.stderr.text()).toContain(`scim-harness: port ${port} on 127.0.0.1 is already in use`);
    expect(io.stderr.text()).toContain('hint: choose another --port');
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});
