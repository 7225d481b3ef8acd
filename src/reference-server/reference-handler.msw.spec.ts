import { expect, test } from '@playwright/test';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createReferenceHandler } from './reference-handler.js';
import { patchBody, scimClient, userBody } from './test-support/scim-call.js';

/** The reference server in-process: no socket, msw hands each fetch to the handler. */
const ORIGIN = 'http://127.0.0.1:9';
const handler = createReferenceHandler({ seed: { users: 10, groups: 2, seed: 7 } });
const mock = setupServer(
  http.all(`${ORIGIN}/api/v2/scim/*`, ({ request }) => handler.handle(request)),
  http.all(`${ORIGIN}/*`, () => HttpResponse.error()),
);

test.beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
test.afterAll(() => mock.close());

const call = scimClient(`${ORIGIN}/api/v2/scim`, handler.adminToken);

test('the fetch-style handler serves SCIM in-process through msw', async () => {
  const list = await call('GET', '/Users?count=3&sortBy=userName');
  expect(list.status).toBe(200);
  expect(list.headers.get('content-type')).toContain('application/scim+json');
  expect(list.json).toMatchObject({ totalResults: 10, itemsPerPage: 3 });
  const created = await call('POST', '/Users', { body: userBody('msw@example.com') });
  expect(created.status).toBe(201);
  expect(created.headers.get('location')).toBe(`${ORIGIN}/api/v2/scim/Users/${created.json.id}`);
  const patched = await call('PATCH', `/Users/${created.json.id}`, {
    body: patchBody({ op: 'replace', path: 'displayName', value: 'In Process' }),
  });
  expect(patched.json.displayName).toBe('In Process');
  expect((await call('GET', '/Users', { token: null })).status).toBe(401);
});

test('the handler bounds bodies itself when there is no node adapter in front', async () => {
  const huge = JSON.stringify(
    userBody('big@example.com', { title: 'x'.repeat(handler.state.options.maxPayloadSize) }),
  );
  const answer = await call('POST', '/Users', { rawBody: huge });
  expect(answer.status).toBe(413);
});
