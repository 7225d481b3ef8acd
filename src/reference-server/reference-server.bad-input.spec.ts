import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { formatFindings, hasNoErrors } from '../scim/findings.js';
import { validateMessage } from '../scim/schemas/index.js';
import { type RunningReferenceServer, startReferenceServer } from './reference-server.js';
import { expect, test } from './test-support/reference-test.js';
import { scimClient, USER_URN, userBody } from './test-support/scim-call.js';

interface BadInput {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
  status: number;
  scimType?: string;
}

const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;

const CASES: BadInput[] = [
  {
    name: 'malformed JSON',
    method: 'POST',
    path: '/Users',
    rawBody: '{"schemas": [',
    status: 400,
    scimType: 'invalidSyntax',
  },
  {
    name: 'a JSON array body',
    method: 'POST',
    path: '/Users',
    body: [userBody('a')],
    status: 400,
    scimType: 'invalidSyntax',
  },
  {
    name: 'a JSON string body',
    method: 'POST',
    path: '/Users',
    body: 'user',
    status: 400,
    scimType: 'invalidSyntax',
  },
  {
    name: 'an empty POST body',
    method: 'POST',
    path: '/Users',
    rawBody: '',
    status: 400,
    scimType: 'invalidSyntax',
  },
  {
    name: 'invalid UTF-8',
    method: 'POST',
    path: '/Users',
    rawBody: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    status: 400,
    scimType: 'invalidSyntax',
  },
  {
    name: '10k nested arrays',
    method: 'POST',
    path: '/Users',
    rawBody: deep,
    status: 400,
    scimType: 'invalidSyntax',
  },
  {
    name: 'a text/plain body',
    method: 'POST',
    path: '/Users',
    rawBody: JSON.stringify(userBody('a')),
    headers: { 'content-type': 'text/plain' },
    status: 415,
  },
  {
    name: 'an XML body',
    method: 'POST',
    path: '/Users',
    rawBody: '<user/>',
    headers: { 'content-type': 'application/xml' },
    status: 415,
  },
  {
    name: 'no schemas',
    method: 'POST',
    path: '/Users',
    body: { userName: 'a' },
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'an unknown schema URN',
    method: 'POST',
    path: '/Users',
    body: userBody('a', { schemas: [USER_URN, 'urn:example:nope'] }),
    status: 400,
    // The full mode claims draft-zollner-scim-interop-profile-01, whose §5.3 asks for invalidSyntax here.
    scimType: 'invalidSyntax',
  },
  {
    name: 'an attribute no schema defines',
    method: 'POST',
    path: '/Users',
    body: userBody('a', { favouriteColour: 'teal' }),
    status: 400,
    scimType: 'invalidSyntax',
  },
  {
    name: 'the Group schema on /Users',
    method: 'POST',
    path: '/Users',
    body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], userName: 'a' },
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'an unknown extension object',
    method: 'POST',
    path: '/Users',
    body: userBody('a', { 'urn:example:ext': { x: 1 } }),
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'a numeric userName',
    method: 'POST',
    path: '/Users',
    body: userBody('a', { userName: 42 }),
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'an empty userName',
    method: 'POST',
    path: '/Users',
    body: userBody(''),
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'no userName',
    method: 'POST',
    path: '/Users',
    body: { schemas: [USER_URN] },
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'active "yes"',
    method: 'POST',
    path: '/Users',
    body: userBody('a', { active: 'yes' }),
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'name as a string',
    method: 'POST',
    path: '/Users',
    body: userBody('a', { name: 'Barbara' }),
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'two primary emails',
    method: 'POST',
    path: '/Users',
    body: userBody('a', {
      emails: [
        { value: 'a@x.com', primary: true },
        { value: 'b@x.com', primary: true },
      ],
    }),
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'a group without displayName',
    method: 'POST',
    path: '/Groups',
    body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'] },
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'a PATCH without Operations',
    method: 'PATCH',
    path: '/Users/{id}',
    body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'] },
    status: 400,
  },
  {
    name: 'a PATCH with op "merge"',
    method: 'PATCH',
    path: '/Users/{id}',
    body: {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'merge', path: 'title', value: 'x' }],
    },
    status: 400,
  },
  {
    name: 'a PATCH of id (readOnly)',
    method: 'PATCH',
    path: '/Users/{id}',
    body: {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'id', value: 'x' }],
    },
    status: 400,
    scimType: 'mutability',
  },
  {
    name: 'a filter missing its value',
    method: 'GET',
    path: '/Users?filter=userName%20eq',
    status: 400,
    scimType: 'invalidFilter',
  },
  {
    name: 'a filter of two words',
    method: 'GET',
    path: '/Users?filter=foo%20bar',
    status: 400,
    scimType: 'invalidFilter',
  },
  {
    name: 'unbalanced parentheses',
    method: 'GET',
    path: '/Users?filter=((userName%20pr)',
    status: 400,
    scimType: 'invalidFilter',
  },
  {
    name: 'an unterminated string',
    method: 'GET',
    path: '/Users?filter=userName%20eq%20%22abc',
    status: 400,
    scimType: 'invalidFilter',
  },
  {
    name: 'ordering on a boolean',
    method: 'GET',
    path: '/Users?filter=active%20gt%20true',
    status: 400,
    scimType: 'invalidFilter',
  },
  {
    name: 'a 16k-character filter',
    method: 'POST',
    path: '/Users/.search',
    body: {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      filter: `${'userName pr and '.repeat(1000)}userName pr`,
    },
    status: 400,
    scimType: 'invalidFilter',
  },
  { name: 'count=abc', method: 'GET', path: '/Users?count=abc', status: 400, scimType: 'invalidValue' },
  {
    name: 'startIndex=1e3',
    method: 'GET',
    path: '/Users?startIndex=1e3',
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'sortOrder=sideways',
    method: 'GET',
    path: '/Users?sortOrder=sideways',
    status: 400,
    scimType: 'invalidValue',
  },
  {
    name: 'a malformed attributes list',
    method: 'GET',
    path: '/Users?attributes=userName,,name',
    status: 400,
    scimType: 'invalidValue',
  },
  { name: 'an id of %00', method: 'GET', path: '/Users/%00', status: 404 },
  { name: 'a 5000-character id', method: 'GET', path: `/Users/${'x'.repeat(5000)}`, status: 404 },
  {
    name: 'an encoded path traversal',
    method: 'GET',
    path: '/Users/%2e%2e%2f%2e%2e%2fadmin%2fkeys',
    status: 404,
  },
  { name: 'a malformed percent-encoding', method: 'GET', path: '/Users/%ZZ', status: 404 },
  {
    name: 'a PUT to a missing user',
    method: 'PUT',
    path: '/Users/missing',
    body: userBody('a'),
    status: 404,
  },
  { name: 'an unknown endpoint', method: 'GET', path: '/Widgets', status: 404 },
  { name: 'a sub-path of a user', method: 'GET', path: '/Users/{id}/extra', status: 404 },
  { name: 'the bare base path', method: 'GET', path: '', status: 404 },
  { name: 'an unknown schema id', method: 'GET', path: '/Schemas/urn:example:nope', status: 404 },
  { name: 'an unknown resource type', method: 'GET', path: '/ResourceTypes/Widget', status: 404 },
  { name: 'DELETE /Users', method: 'DELETE', path: '/Users', status: 405 },
  { name: 'PATCH /Users', method: 'PATCH', path: '/Users', body: {}, status: 405 },
  { name: 'POST /Users/{id}', method: 'POST', path: '/Users/{id}', body: userBody('a'), status: 405 },
  {
    name: 'PUT /ServiceProviderConfig',
    method: 'PUT',
    path: '/ServiceProviderConfig',
    body: {},
    status: 405,
  },
  { name: 'POST /Schemas', method: 'POST', path: '/Schemas', body: {}, status: 405 },
  { name: 'GET /Bulk', method: 'GET', path: '/Bulk', status: 405 },
  { name: 'GET /.search', method: 'GET', path: '/.search', status: 405 },
  { name: 'a filter on /Schemas', method: 'GET', path: '/Schemas?filter=id%20pr', status: 403 },
];

async function withLoggedErrors(
  run: (server: RunningReferenceServer, errors: string[]) => Promise<void>,
): Promise<void> {
  const errors: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      errors.push(String(chunk));
      done();
    },
  });
  const server = await startReferenceServer({
    logger: pino({ level: 'error' }, sink),
    maxPayloadSize: 64 * 1024,
  });
  try {
    await run(server, errors);
  } finally {
    await server.close();
  }
}

test('bad input gets a specific SCIM error, never a 5xx, and nothing is logged as a bug', async () => {
  await withLoggedErrors(async (server, errors) => {
    const call = scimClient(server.baseUrl, server.adminToken);
    const user = await call('POST', '/Users', { body: userBody('existing@example.com') });
    for (const row of CASES) {
      await test.step(row.name, async () => {
        const path = row.path.replace('{id}', String(user.json.id));
        const answer = await call(row.method, path, {
          body: row.body,
          rawBody: row.rawBody,
          headers: row.headers,
        });
        expect(answer.status, `${row.name}: ${JSON.stringify(answer.body)?.slice(0, 300)}`).toBe(row.status);
        expect(answer.headers.get('content-type')).toContain('application/scim+json');
        expect(answer.json).toMatchObject({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
          status: String(row.status),
        });
        expect(typeof answer.json.detail).toBe('string');
        const findings = validateMessage('Error', answer.body);
        expect(hasNoErrors(findings), formatFindings(findings)).toBe(true);
        if (row.scimType !== undefined) expect(answer.json.scimType).toBe(row.scimType);
        if (row.status === 405) expect(answer.headers.get('allow')).toBeTruthy();
      });
    }
    expect(errors).toEqual([]);
  });
});

test('the minimal mode, which claims no interop profile, ignores an attribute no schema defines', async () => {
  const server = await startReferenceServer({ mode: 'minimal' });
  try {
    const call = scimClient(server.baseUrl, server.adminToken);
    const answer = await call('POST', '/Users', {
      body: userBody('ok@example.com', { favouriteColour: 'teal' }),
    });
    expect(answer.status).toBe(201);
    expect(JSON.stringify(answer.body)).not.toContain('favouriteColour');
  } finally {
    await server.close();
  }
});

const accepted: { name: string; headers?: Record<string, string>; extra?: Record<string, unknown> }[] = [
  { name: 'application/scim+json', headers: { 'content-type': 'application/scim+json' } },
  { name: 'application/json; charset=utf-8', headers: { 'content-type': 'application/json; charset=utf-8' } },
  { name: 'no Content-Type at all', headers: {} },
];
for (const row of accepted) {
  test(`a create with ${row.name} is accepted`, async ({ server }) => {
    const body = JSON.stringify(userBody('ok@example.com', row.extra));
    const response = await fetch(`${server.baseUrl}/Users`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.adminToken}`,
        ...(row.headers ?? { 'content-type': 'application/scim+json' }),
      },
      body: row.headers && !('content-type' in row.headers) ? new Blob([body]) : body,
    });
    expect(response.status).toBe(201);
    expect(JSON.stringify(await response.json())).not.toContain('favouriteColour');
  });
}

test('a body above maxPayloadSize is 413, announced or streamed', async () => {
  await withLoggedErrors(async (server, errors) => {
    const huge = JSON.stringify(userBody('big@example.com', { title: 'x'.repeat(200 * 1024) }));
    const announced = await fetch(`${server.baseUrl}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/scim+json' },
      body: huge,
    });
    expect(announced.status).toBe(413);
    expect(await announced.json()).toMatchObject({ status: '413' });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(huge);
        for (let offset = 0; offset < bytes.length; offset += 16 * 1024)
          controller.enqueue(bytes.slice(offset, offset + 16 * 1024));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.baseUrl}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/scim+json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const config = await (
      await fetch(`${server.baseUrl}/ServiceProviderConfig`, {
        headers: { authorization: `Bearer ${server.adminToken}` },
      })
    ).json();
    expect(config.bulk.maxPayloadSize).toBe(64 * 1024);
    expect(errors).toEqual([]);
  });
});

test('an oversized body is read before the 413, so a client still writing it gets the answer, not a reset', async () => {
  await withLoggedErrors(async (server, errors) => {
    // A client that announces an oversized body and writes it slowly: answering and closing before the
    // body is read resets the connection under the client (EPIPE/ECONNRESET) and it never sees the 413.
    const url = new URL(`${server.baseUrl}/Users`);
    const body = Buffer.from(JSON.stringify(userBody('slow@example.com', { title: 'x'.repeat(256 * 1024) })));
    // Like most HTTP clients, this one writes the whole body before it looks at the answer.
    const outcome = await new Promise<{ answer: string; error?: string }>((resolve) => {
      const socket = connect(Number(url.port), url.hostname);
      let answer = '';
      let error: string | undefined;
      let written = false;
      let closed = false;
      const settle = () => {
        if (written && closed) resolve(error === undefined ? { answer } : { answer, error });
      };
      socket.on('data', (chunk) => {
        answer += chunk.toString('latin1');
      });
      socket.on('error', (failure) => {
        error ??= failure.message;
      });
      socket.on('close', () => {
        closed = true;
        settle();
      });
      socket.on('connect', async () => {
        const head =
          `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${server.adminToken}\r\n` +
          `Content-Type: application/scim+json\r\nContent-Length: ${body.byteLength}\r\n\r\n`;
        socket.write(head);
        for (let offset = 0; offset < body.byteLength; offset += 32 * 1024) {
          await new Promise((wait) => setTimeout(wait, 20));
          socket.write(body.subarray(offset, offset + 32 * 1024), (failure) => {
            if (failure) error ??= failure.message;
          });
        }
        written = true;
        settle();
      });
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.answer.startsWith('HTTP/1.1 413')).toBe(true);
    expect(errors).toEqual([]);
  });
});

test('an unexpected exception is a logged 500 SCIM error', async () => {
  await withLoggedErrors(async (server, errors) => {
    server.state.store.scanReadonly = () => Promise.reject(new Error('disk on fire'));
    // Unfiltered pages read the insertion-order index, not a scan.
    server.state.store.insertionOrder = () => {
      throw new Error('disk on fire');
    };
    const answer = await scimClient(server.baseUrl, server.adminToken)('GET', '/Users');
    expect(answer.status).toBe(500);
    expect(answer.json).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '500',
    });
    expect(JSON.stringify(answer.body)).not.toContain('disk on fire');
    expect(errors.join('')).toContain('disk on fire');
    expect(errors.join('')).not.toContain(server.adminToken);
  });
});

test('a path outside the SCIM base is a 404 SCIM error', async ({ server }) => {
  const response = await fetch(`${server.origin}/api/v1/Users`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  expect(response.status).toBe(404);
  expect(await response.json()).toMatchObject({ status: '404' });
});
