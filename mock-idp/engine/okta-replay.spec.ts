import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../src/reference-server/index.js';
import { parseReplayResult } from '../../src/run-contract/index.js';
import { OKTA_USER_AGENT } from '../requests/index.js';
import { runReplay } from './replay.js';

let server: RunningReferenceServer;
test.beforeAll(async () => {
  server = await startReferenceServer();
});
test.afterAll(async () => {
  await server.close();
});

/** One request as it left the harness. */
interface Sent {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: string | undefined;
}

/** A fetch that records every request before sending it on. */
function recordingFetch(sent: Sent[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.body === null ? undefined : await request.clone().text();
    sent.push({ method: request.method, url: new URL(request.url), headers: request.headers, body });
    return fetch(request);
  };
}

const fromOkta = (request: Sent): boolean => request.headers.get('user-agent') === OKTA_USER_AGENT;
const line = (request: Sent): string =>
  `${request.method} ${request.url.pathname.replace(new URL(server.baseUrl).pathname, '')}`;

for (const app of ['oin', 'aiw'] as const) {
  test(`converges over 5 cycles with churn as an Okta ${app} app, never deleting a user`, async () => {
    const sent: Sent[] = [];
    const runId = `okta-${app}`;
    const dir = await mkdtemp(join(tmpdir(), 'okta-replay-'));
    try {
      const outcome = await runReplay({
        tenantUrl: server.baseUrl,
        token: server.adminToken,
        idp: 'okta',
        oktaApp: app,
        users: 30,
        groups: 5,
        cycles: 5,
        churn: 0.2,
        seed: 11,
        runId,
        concurrency: 4,
        reportDir: dir,
        fetch: recordingFetch(sent),
      });
      const { cycles } = outcome.result;
      expect(cycles).toHaveLength(5);
      for (const cycle of cycles) {
        expect(cycle.divergences, `cycle ${cycle.n}`).toEqual([]);
        expect(cycle.converged).toBe(true);
        expect(cycle.quarantined).toBe(false);
      }
      expect(cycles[0]?.operations.Create?.['201']).toBeGreaterThan(20);
      const incremental = cycles.slice(1).flatMap((c) => Object.keys(c.operations));
      expect(incremental).toContain('Update');
      expect(incremental).toContain('Disable');
      expect(outcome.cleanup.failed).toBe(0);

      const okta = sent.filter(fromOkta);
      // Test API Credentials, then the import, exactly as Okta pages them.
      expect(okta.slice(0, 2).map((r) => `${line(r)}${r.url.search}`)).toEqual([
        'GET /Users?startIndex=1&count=2',
        'GET /Groups?startIndex=1&count=100',
      ]);
      expect(`${line(okta[2]!)}${okta[2]!.url.search}`).toBe('GET /Users?startIndex=1&count=100');
      // Okta never deletes users; the only user DELETEs are the harness's own cleanup.
      expect(okta.filter((r) => r.method === 'DELETE' && line(r).startsWith('DELETE /Users'))).toEqual([]);
      const lookups = okta.filter((r) => r.method === 'GET' && r.url.searchParams.has('filter'));
      expect(lookups.length).toBeGreaterThan(20);
      for (const lookup of lookups) {
        expect(lookup.url.search).toMatch(
          /^\?filter=(userName|displayName)%20eq%20%22[^&]+%22&startIndex=1&count=100$/,
        );
      }
      for (const request of okta) {
        expect(request.headers.get('accept')).toBe('application/scim+json');
        expect(request.headers.get('accept-charset')).toBe('utf-8');
        const contentType = request.headers.get('content-type');
        if (request.method === 'GET') expect(contentType).toBeNull();
        else expect(contentType).toBe('application/scim+json; charset=utf-8');
        // Compact JSON, as Okta's published Content-Length values show.
        if (request.body !== undefined && request.body !== '')
          expect(request.body).toBe(JSON.stringify(JSON.parse(request.body)));
      }
      // The harness's own read-back does not pass itself off as Okta.
      const readBack = sent.filter((r) => !fromOkta(r) && r.method === 'GET');
      expect(readBack.length).toBeGreaterThan(30);

      const puts = okta.filter((r) => r.method === 'PUT' && line(r).startsWith('PUT /Users/'));
      expect(puts.length).toBeGreaterThan(0);
      for (const put of puts) {
        const body = JSON.parse(put.body ?? '{}') as Record<string, unknown>;
        // The full resource read by the GET, echoed: id, meta and the password.
        expect(typeof body.id).toBe('string');
        expect(body.meta).toBeDefined();
        expect(typeof body.password).toBe('string');
      }
      const patches = okta.filter((r) => r.method === 'PATCH');
      if (app === 'aiw') {
        expect(patches).toEqual([]);
        expect(okta.some((r) => line(r).startsWith('PUT /Groups/'))).toBe(true);
      } else {
        const deactivations = patches.filter((r) => r.body?.includes('"active":false'));
        expect(deactivations.length).toBeGreaterThan(0);
        for (const request of deactivations) {
          expect(request.body).toBe(
            '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}',
          );
        }
        expect(patches.some((r) => r.body?.includes('"path":"members"'))).toBe(true);
        // The group's {id, displayName} follows every membership PATCH; password pushes are path-less too.
        const renames = patches.filter((r) => /"value":\{"id":"[^"]+","displayName":/.test(r.body ?? ''));
        expect(renames.length).toBeGreaterThan(0);
        expect(
          patches.some((r) =>
            /"Operations":\[\{"op":"replace","value":\{"password":"\w{8}"\}\}\]/.test(r.body ?? ''),
          ),
        ).toBe(true);
      }
      const replay = parseReplayResult(JSON.parse(await readFile(join(dir, 'replay.json'), 'utf8')));
      expect(replay.idp).toBe('okta');
      expect(replay.clientVariant).toBe(app);
      const html = await readFile(join(dir, 'report.html'), 'utf8');
      expect(html).toContain(app === 'oin' ? 'Okta (OIN catalog app)' : 'Okta (AIW custom app)');
      const left = await server.state.store.scan('User');
      expect(left.filter((user) => JSON.stringify(user).includes(runId))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
