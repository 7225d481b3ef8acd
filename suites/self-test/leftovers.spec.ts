/**
 * Runs never collide: the suites run twice against one reference server, and between the runs everything the first
 * run created is created again and left in place (as a killed run, or a server that only soft-deletes, would leave
 * it). Every value a check filters or matches on is unique to its run (the run id, or data drawn from the run's own
 * seed), so the second run must give exactly the verdicts of the first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../src/reference-server/index.js';
import { runSuites } from './suite-runs.js';

interface RecordingProxy {
  url: string;
  /** Each POST /Users or /Groups the server answered 201, with the body as sent. */
  created: { endpoint: '/Users' | '/Groups'; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

/** A pass-through proxy on 127.0.0.1 that records the creations it forwards. */
async function startRecordingProxy(target: RunningReferenceServer): Promise<RecordingProxy> {
  const origin = new URL(target.origin);
  const created: RecordingProxy['created'] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const forward = httpRequest(
        {
          host: origin.hostname,
          port: origin.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          const endpoint = /\/(Users|Groups)$/.exec(incoming.url ?? '')?.[0];
          if (incoming.method === 'POST' && answer.statusCode === 201 && endpoint) {
            created.push({
              endpoint: endpoint as '/Users' | '/Groups',
              body: JSON.parse(body.toString('utf8')),
            });
          }
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forward.on('error', () => outgoing.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${new URL(target.baseUrl).pathname}`,
    created,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let scratch = '';
test.beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'scim-leftovers-'));
});
test.afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

test("a second run against a tenant holding the first run's resources gives the same verdicts", async () => {
  test.setTimeout(15 * 60_000);
  const server = await startReferenceServer();
  const proxy = await startRecordingProxy(server);
  try {
    const target = { url: proxy.url, token: server.adminToken, adminOrigin: server.origin };
    const first = await runSuites({
      runDir: path.join(scratch, 'first'),
      runId: 'sh-selftest-first',
      target,
    });
    expect(proxy.created.length, 'the first run created resources').toBeGreaterThan(100);

    // Leave the first run's resources in place: create each again, as it was sent (members dropped: the users they
    // named are gone), straight on the server.
    let restored = 0;
    for (const { endpoint, body } of proxy.created) {
      const { members: _members, ...rest } = body;
      const answer = await fetch(`${server.baseUrl}${endpoint}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify(rest),
      });
      if (answer.status === 201) restored += 1;
      await answer.body?.cancel();
    }
    expect(restored, 'leftovers restored on the server').toBeGreaterThan(proxy.created.length / 2);

    const second = await runSuites({
      runDir: path.join(scratch, 'second'),
      runId: 'sh-selftest-second',
      target,
    });
    expect(second.result.seed, 'each run draws its own seed').not.toBe(first.result.seed);
    const verdicts = (result: typeof first.result) =>
      Object.fromEntries(result.checks.map((check) => [check.id, check.status]));
    const before = verdicts(first.result);
    const after = verdicts(second.result);
    const changed = Object.keys(before)
      .filter((id) => before[id] !== after[id])
      .map(
        (id) =>
          `${id}: ${before[id]} → ${after[id]} (${second.result.checks.find((c) => c.id === id)?.message})`,
      );
    expect(changed, `checks whose verdict the first run's leftovers changed:\n${changed.join('\n')}`).toEqual(
      [],
    );
    expect(second.result.summary.verdicts).toEqual(first.result.summary.verdicts);
  } finally {
    await proxy.close();
    await server.close();
  }
});
