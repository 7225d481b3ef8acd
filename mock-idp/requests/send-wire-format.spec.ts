import { expect, test } from '@playwright/test';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { resolveClientProfile } from './client-profile.js';
import { AUTHORIZATION_PLACEHOLDER, buildRequestUrl, type RequestDescriptor } from './request-descriptor.js';
import { DOCUMENTED_EXAMPLES } from './test-support/documented-examples.js';
import { sendDescriptor } from './test-support/send-descriptor.js';

const BASE = 'http://127.0.0.1:9/scim';
const TOKEN = 'wire-test-token';

interface Captured {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const captured: Captured[] = [];
const server = setupServer(
  http.all(`${BASE}/*`, async ({ request }) => {
    captured.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers.entries()),
      body: await request.text(),
    });
    return new HttpResponse(null, { status: 204 });
  }),
);

test.beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
test.afterAll(() => server.close());
test.beforeEach(() => {
  captured.length = 0;
});

async function sendAndCapture(request: RequestDescriptor): Promise<Captured> {
  const response = await sendDescriptor(BASE, request, TOKEN);
  expect(response.status).toBe(204);
  expect(captured).toHaveLength(1);
  return captured[0]!;
}

// What leaves the process for each documented request: method, encoded URL, headers, JSON body.
for (const example of DOCUMENTED_EXAMPLES) {
  for (const mode of example.modes) {
    test(`wire format: ${example.name} [${mode}]`, async () => {
      const request = example.build(resolveClientProfile({ mode, ...example.options }));
      const wire = await sendAndCapture(request);
      expect(wire.method).toBe(example.expected.method);
      expect(wire.url).toBe(buildRequestUrl(BASE, request));
      if (example.expected.wireTarget !== undefined) {
        expect(wire.url).toBe(`${BASE}${example.expected.wireTarget}`);
      }
      expect(wire.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(wire.headers.accept ?? '').not.toContain('scim');
      if (example.expected.body === undefined) {
        expect(wire.body).toBe('');
        expect(wire.headers['content-type']).toBeUndefined();
      } else {
        expect(wire.headers['content-type']).toBe('application/scim+json; charset=utf-8');
        expect(JSON.parse(wire.body)).toEqual(example.expected.body);
      }
    });
  }
}

const ENCODING_CASES: { name: string; path: string; query: [string, string][]; target: string }[] = [
  {
    name: 'spaces as +, quotes as %22 (azure-docs#94189)',
    path: '/Users',
    query: [['filter', 'userName eq "7d420df3-9995-4831-a406-ecf8166f5f6a"']],
    target: '/Users?filter=userName+eq+%227d420df3-9995-4831-a406-ecf8166f5f6a%22',
  },
  {
    name: '@ in a UPN as %40 (research §3.12)',
    path: '/Users',
    query: [['filter', 'userName eq "alice@contoso.com"']],
    target: '/Users?filter=userName+eq+%22alice%40contoso.com%22',
  },
  {
    name: 'excludedAttributes before filter, as documented',
    path: '/Groups',
    query: [
      ['excludedAttributes', 'members'],
      ['filter', 'displayName eq "Eng"'],
    ],
    target: '/Groups?excludedAttributes=members&filter=displayName+eq+%22Eng%22',
  },
];

for (const encoding of ENCODING_CASES) {
  test(`query encoding: ${encoding.name}`, async () => {
    const request: RequestDescriptor = {
      operation: 'matchUser',
      method: 'GET',
      path: encoding.path,
      query: encoding.query,
      headers: { Authorization: AUTHORIZATION_PLACEHOLDER },
    };
    const wire = await sendAndCapture(request);
    expect(wire.url).toBe(`${BASE}${encoding.target}`);
  });
}

test('the token is substituted on the wire only, never stored in a descriptor', async () => {
  const profile = resolveClientProfile({ mode: 'legacy' });
  const request = DOCUMENTED_EXAMPLES[0]!.build(profile);
  expect(JSON.stringify(request)).not.toContain(TOKEN);
  const wire = await sendAndCapture(request);
  expect(wire.headers.authorization).toBe(`Bearer ${TOKEN}`);
});
