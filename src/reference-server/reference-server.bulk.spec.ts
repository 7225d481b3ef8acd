import { formatFindings, hasNoErrors } from '../scim/findings.js';
import { validateMessage } from '../scim/schemas/index.js';
import { expect, test } from './test-support/reference-test.js';
import { groupBody, patchBody, userBody } from './test-support/scim-call.js';

const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';

interface BulkEntry {
  method: string;
  bulkId?: string;
  status: string;
  location?: string;
  version?: string;
  response?: Record<string, unknown>;
}

test('bulkIds resolve in later operations, including forward references and members values', async ({
  call,
}) => {
  const answer = await call('POST', '/Bulk', {
    body: {
      schemas: [BULK],
      Operations: [
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 'team',
          data: groupBody('Team', ['bulkId:alice', 'bulkId:bob']),
        },
        { method: 'POST', path: '/Users', bulkId: 'alice', data: userBody('alice@example.com') },
        { method: 'POST', path: '/Users', bulkId: 'bob', data: userBody('bob@example.com') },
        {
          method: 'PATCH',
          path: '/Users/bulkId:bob',
          data: patchBody({ op: 'replace', path: 'title', value: 'Lead' }),
        },
      ],
    },
  });
  expect(answer.status).toBe(200);
  expect(answer.json.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:BulkResponse']);
  const findings = validateMessage('BulkResponse', answer.body);
  expect(hasNoErrors(findings), formatFindings(findings)).toBe(true);
  const operations = answer.json.Operations as BulkEntry[];
  expect(operations.map((operation) => [operation.bulkId, operation.status])).toEqual([
    ['team', '201'],
    ['alice', '201'],
    ['bob', '201'],
    [undefined, '200'],
  ]);
  expect(operations[1]!.location).toMatch(/\/Users\/[0-9a-f-]{36}$/);
  expect(operations[1]!.version).toMatch(/^W\/"/);
  const team = await call('GET', operations[0]!.location!.slice(operations[0]!.location!.indexOf('/Groups')));
  const memberIds = (team.json.members as { value: string }[]).map((member) => member.value).sort();
  const userIds = [operations[1]!, operations[2]!]
    .map((operation) => operation.location!.split('/').pop())
    .sort();
  expect(memberIds).toEqual(userIds);
  const bob = await call('GET', operations[2]!.location!.slice(operations[2]!.location!.indexOf('/Users')));
  expect(bob.json.title).toBe('Lead');
});

test('a circular bulkId reference fails those operations with 409', async ({ call }) => {
  const answer = await call('POST', '/Bulk', {
    body: {
      schemas: [BULK],
      Operations: [
        { method: 'POST', path: '/Groups', bulkId: 'a', data: groupBody('A', ['bulkId:b']) },
        { method: 'POST', path: '/Groups', bulkId: 'b', data: groupBody('B', ['bulkId:a']) },
        { method: 'POST', path: '/Users', bulkId: 'c', data: userBody('c@example.com') },
      ],
    },
  });
  const operations = answer.json.Operations as BulkEntry[];
  expect(operations.map((operation) => operation.status)).toEqual(['409', '409', '201']);
  expect(operations[0]!.response).toMatchObject({ status: '409' });
  const findings = validateMessage('BulkResponse', answer.body);
  expect(hasNoErrors(findings), formatFindings(findings)).toBe(true);
  expect((await call('GET', '/Groups')).json.totalResults).toBe(0);
});

test('a reference to a bulkId that failed or was never declared fails with 409', async ({ call }) => {
  const answer = await call('POST', '/Bulk', {
    body: {
      schemas: [BULK],
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'bad', data: { schemas: [], userName: 'x' } },
        { method: 'POST', path: '/Groups', bulkId: 'g', data: groupBody('G', ['bulkId:bad']) },
        { method: 'POST', path: '/Groups', bulkId: 'h', data: groupBody('H', ['bulkId:nowhere']) },
      ],
    },
  });
  expect((answer.json.Operations as BulkEntry[]).map((operation) => operation.status)).toEqual([
    '400',
    '409',
    '409',
  ]);
});

test('failOnErrors stops after that many errors', async ({ call }) => {
  const answer = await call('POST', '/Bulk', {
    body: {
      schemas: [BULK],
      failOnErrors: 1,
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'one', data: userBody('dup@example.com') },
        { method: 'POST', path: '/Users', bulkId: 'two', data: userBody('dup@example.com') },
        { method: 'POST', path: '/Users', bulkId: 'three', data: userBody('three@example.com') },
      ],
    },
  });
  const operations = answer.json.Operations as BulkEntry[];
  expect(operations.map((operation) => operation.status)).toEqual(['201', '409']);
  expect(operations[1]!.response).toMatchObject({ scimType: 'uniqueness' });
  expect((await call('GET', '/Users')).json.totalResults).toBe(1);
});

test('DELETE and PUT in bulk; version is used as If-Match', async ({ call }) => {
  const user = await call('POST', '/Users', { body: userBody('x@example.com') });
  const answer = await call('POST', '/Bulk', {
    body: {
      schemas: [BULK],
      Operations: [
        {
          method: 'PUT',
          path: `/Users/${user.json.id}`,
          version: 'W/"old"',
          data: userBody('x@example.com'),
        },
        {
          method: 'PUT',
          path: `/Users/${user.json.id}`,
          version: user.headers.get('etag'),
          data: userBody('x@example.com', { title: 'T' }),
        },
        { method: 'DELETE', path: `/Users/${user.json.id}` },
        { method: 'DELETE', path: `/Users/${user.json.id}` },
      ],
    },
  });
  expect((answer.json.Operations as BulkEntry[]).map((operation) => operation.status)).toEqual([
    '412',
    '200',
    '204',
    '404',
  ]);
});

const rejected: { name: string; body: (max: number) => unknown; status: number }[] = [
  { name: 'no BulkRequest schema', body: () => ({ schemas: [], Operations: [] }), status: 400 },
  { name: 'no Operations', body: () => ({ schemas: [BULK] }), status: 400 },
  {
    name: 'more operations than maxOperations',
    body: (max) => ({
      schemas: [BULK],
      Operations: Array.from({ length: max + 1 }, (_, i) => ({ method: 'DELETE', path: `/Users/${i}` })),
    }),
    status: 413,
  },
  {
    name: 'a POST without bulkId',
    body: () => ({ schemas: [BULK], Operations: [{ method: 'POST', path: '/Users', data: userBody('a') }] }),
    status: 400,
  },
  {
    name: 'an unknown method',
    body: () => ({ schemas: [BULK], Operations: [{ method: 'GET', path: '/Users' }] }),
    status: 400,
  },
  {
    name: 'a duplicate bulkId',
    body: () => ({
      schemas: [BULK],
      Operations: [1, 2].map(() => ({ method: 'POST', path: '/Users', bulkId: 'x', data: userBody('a') })),
    }),
    status: 400,
  },
  { name: 'failOnErrors 0', body: () => ({ schemas: [BULK], failOnErrors: 0, Operations: [] }), status: 400 },
];
for (const row of rejected) {
  test(`bulk with ${row.name} is ${row.status}`, async ({ call }) => {
    const config = await call('GET', '/ServiceProviderConfig');
    const max = (config.json.bulk as { maxOperations: number }).maxOperations;
    const answer = await call('POST', '/Bulk', { body: row.body(max) });
    expect(answer.status).toBe(row.status);
    expect(answer.json.status).toBe(String(row.status));
  });
}

test('a bulk operation calling /Bulk fails that operation only', async ({ call }) => {
  const answer = await call('POST', '/Bulk', {
    body: {
      schemas: [BULK],
      Operations: [{ method: 'POST', path: '/Bulk', bulkId: 'x', data: { schemas: [BULK], Operations: [] } }],
    },
  });
  expect(answer.status).toBe(200);
  expect((answer.json.Operations as BulkEntry[])[0]!.status).toBe('400');
});
