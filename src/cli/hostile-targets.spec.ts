/**
 * Targets that are not SCIM services, met by `run`, `replay` and `cleanup` through their shared preflight: a web page
 * that answers 200 on every path, and a host that redirects every request elsewhere. Each command stops with exit 3,
 * naming what came back, before any check runs or anything is created; nothing is sent to the redirect's target.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { main } from './main.js';
import { captureIo } from './test-support/capture-io.js';

const TOKEN = 'hostile-target-token-0123456789';

interface Recorded {
  origin: string;
  requests: { method: string; url: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

async function serve(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<Recorded> {
  const requests: Recorded['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const COMMANDS: readonly { name: string; argv: (url: string) => string[] }[] = [
  { name: 'run', argv: (url) => ['run', '--tenant-url', url] },
  {
    name: 'replay',
    argv: (url) => ['replay', '--tenant-url', url, '--users', '2', '--groups', '0', '--cycles', '1'],
  },
  { name: 'cleanup', argv: (url) => ['cleanup', '--tenant-url', url, '--run-id', 'sh-20260101-0000-hostil'] },
];

for (const command of COMMANDS) {
  test(`${command.name} refuses a web page answering 200 on every path: exit 3, naming what came back`, async () => {
    const page = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>Sign in</title></head><body>Welcome</body></html>');
    });
    try {
      const io = captureIo({ cwd: test.info().outputPath(), env: { SCIM_TOKEN: TOKEN } });
      expect(await main(command.argv(`${page.origin}/scim`), io)).toBe(3);
      const said = io.stderr.text();
      expect(said).toContain('not answering as a SCIM service');
      expect(said).toContain('200 text/html');
      expect(said).toContain('<!doctype html>');
      expect(page.requests.length, 'only the preflight reached the page').toBeLessThanOrEqual(2);
      expect(page.requests.every((r) => r.method === 'GET')).toBe(true);
      expect(said).not.toContain(TOKEN);
    } finally {
      await page.close();
    }
  });

  test(`${command.name} stops at a target that redirects every request: exit 3, nothing sent elsewhere`, async () => {
    const elsewhere = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/scim+json' });
      res.end('{}');
    });
    const redirecting = await serve((req, res) => {
      res.writeHead(302, { location: `${elsewhere.origin}${req.url ?? '/'}` });
      res.end();
    });
    try {
      const io = captureIo({ cwd: test.info().outputPath(), env: { SCIM_TOKEN: TOKEN } });
      expect(await main(command.argv(`${redirecting.origin}/scim`), io)).toBe(3);
      expect(io.stderr.text()).toContain(`a redirect to ${elsewhere.origin}/scim/`);
      expect(elsewhere.requests, 'no request reached the redirect target').toEqual([]);
      expect(redirecting.requests).toHaveLength(1);
    } finally {
      await redirecting.close();
      await elsewhere.close();
    }
  });
}
