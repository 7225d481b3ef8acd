import { expect, test } from '@playwright/test';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createScimClient } from './scim-client.js';

const TENANT = 'https://scim.test/api/v2/scim?aadOptscim062020';

const server = setupServer(
  http.get('https://scim.test/api/v2/scim/Users', ({ request }) =>
    HttpResponse.json(
      { totalResults: 0, query: new URL(request.url).search, auth: request.headers.get('authorization') },
      { headers: { 'content-type': 'application/scim+json' } },
    ),
  ),
  http.get('https://scim.test/api/v2/scim/Groups', () => HttpResponse.error()),
);

test.beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
test.afterAll(() => server.close());

test('works against msw handlers, with the tenant flag kept on the wire', async () => {
  const client = createScimClient({ tenantUrl: TENANT, token: 'msw-token-abcdef' });
  const exchange = await client.get('/Users', { query: { count: 1 } });
  expect(exchange.outcome).toBe('ok');
  expect(exchange.response?.json).toEqual({
    totalResults: 0,
    query: '?aadOptscim062020&count=1',
    auth: 'Bearer [REDACTED]',
  });
});

test('an msw network error is a transport outcome, not a throw', async () => {
  const client = createScimClient({ tenantUrl: TENANT });
  const exchange = await client.get('/Groups');
  expect(exchange.outcome).toBe('other-network');
  expect(exchange.response).toBeUndefined();
  expect(exchange.error).toContain('https://scim.test/api/v2/scim/Groups?aadOptscim062020');
});
