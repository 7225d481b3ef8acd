import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { isHarnessError } from '../src/errors/harness-error.js';
import { KeepAliveClient } from './keep-alive-client.js';

const TOKEN = 'bench-secret-token';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

test.describe('KeepAliveClient', () => {
  test('GETs below the base path with the bearer token, reusing one connection', async () => {
    const seen: { url: string | undefined; authorization: string | undefined; socket: unknown }[] = [];
    const server = createServer((request, response) => {
      seen.push({ url: request.url, authorization: request.headers.authorization, socket: request.socket });
      response.end('{"ok":true}');
    });
    const origin = await listen(server);
    const client = new KeepAliveClient({
      baseUrl: `${origin}/api/v2/scim/`,
      token: TOKEN,
      timeoutMs: 10_000,
    });
    try {
      const first = await client.get('/Users?filter=x');
      const second = await client.get('/Users/1');
      expect(first).toMatchObject({ status: 200, body: '{"ok":true}' });
      expect(second.ms).toBeGreaterThan(0);
      expect(seen.map((request) => request.url)).toEqual([
        '/api/v2/scim/Users?filter=x',
        '/api/v2/scim/Users/1',
      ]);
      expect(seen.map((request) => request.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
      expect(seen[0]?.socket).toBe(seen[1]?.socket);
    } finally {
      client.close();
      await close(server);
    }
  });

  test('a base URL that is not http: is refused with CONFIG_INVALID', () => {
    expect(
      () => new KeepAliveClient({ baseUrl: 'https://127.0.0.1:1/scim', token: TOKEN, timeoutMs: 1000 }),
    ).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  test('a closed port is TARGET_UNREACHABLE, and the token is not in the message', async () => {
    const server = createServer();
    const origin = await listen(server);
    await close(server);
    const client = new KeepAliveClient({ baseUrl: origin, token: TOKEN, timeoutMs: 10_000 });
    const error = await failureOf(client.get('/Users'));
    client.close();
    expect(isHarnessError(error, 'TARGET_UNREACHABLE')).toBe(true);
    expect(String(error)).not.toContain(TOKEN);
  });

  test('a server that never answers is TARGET_TIMEOUT', async () => {
    const server = createServer(() => {
      // Never answers: the client's timeout must end the request.
    });
    const origin = await listen(server);
    const client = new KeepAliveClient({ baseUrl: origin, token: TOKEN, timeoutMs: 100 });
    try {
      const error = await failureOf(client.get('/Users'));
      expect(isHarnessError(error, 'TARGET_TIMEOUT')).toBe(true);
      expect(String(error)).not.toContain(TOKEN);
    } finally {
      client.close();
      await close(server);
    }
  });
});
