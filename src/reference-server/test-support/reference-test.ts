import { test as base } from '@playwright/test';
import type { ReferenceServerOptions } from '../options.js';
import { type RunningReferenceServer, startReferenceServer } from '../reference-server.js';
import { type ScimCall, scimClient } from './scim-call.js';

interface ReferenceFixtures {
  /** Options of the server each test gets; override with `test.use({ serverOptions: … })`. */
  serverOptions: ReferenceServerOptions;
  /** A fresh reference server on 127.0.0.1 and an ephemeral port, closed after the test. */
  server: RunningReferenceServer;
  /** A client of `server`, authenticated with the admin token. */
  call: ScimCall;
}

/** One `test` for the reference server's HTTP-level specs: a fresh server per test, so tests never share state. */
export const test = base.extend<ReferenceFixtures>({
  serverOptions: [{}, { option: true }],
  server: async ({ serverOptions }, use) => {
    const server = await startReferenceServer(serverOptions);
    await use(server);
    await server.close();
  },
  call: async ({ server }, use) => {
    await use(scimClient(server.baseUrl, server.adminToken));
  },
});

export { expect } from '@playwright/test';
