import { formatFindings, hasNoErrors } from '../scim/findings.js';
import { validateResource } from '../scim/schemas/index.js';
import { expect, test } from './test-support/reference-test.js';

test('/ServiceProviderConfig advertises what the server enforces, and validates', async ({ call }) => {
  const answer = await call('GET', '/ServiceProviderConfig');
  expect(answer.status).toBe(200);
  expect(answer.json).toMatchObject({
    patch: { supported: true },
    bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 1024 * 1024 },
    filter: { supported: true, maxResults: 1000 },
    sort: { supported: true },
    etag: { supported: true },
    changePassword: { supported: true },
  });
  const findings = validateResource('ServiceProviderConfig', answer.body);
  expect(hasNoErrors(findings), formatFindings(findings)).toBe(true);
});

test('a page never exceeds filter.maxResults', async ({ call }) => {
  const answer = await call('GET', '/Users?count=5000');
  expect(answer.status).toBe(200);
  const config = await call('GET', '/ServiceProviderConfig');
  expect(answer.json.itemsPerPage as number).toBeLessThanOrEqual(
    (config.json.filter as { maxResults: number }).maxResults,
  );
});

const singles: { path: string; kind: 'ResourceType' | 'Schema'; id: string }[] = [
  { path: '/ResourceTypes/User', kind: 'ResourceType', id: 'User' },
  { path: '/ResourceTypes/Group', kind: 'ResourceType', id: 'Group' },
  {
    path: '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User',
    kind: 'Schema',
    id: 'urn:ietf:params:scim:schemas:core:2.0:User',
  },
  {
    path: '/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    kind: 'Schema',
    id: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  },
];
for (const row of singles) {
  test(`GET ${row.path} is a valid ${row.kind} whose meta.location is its URL`, async ({ call, server }) => {
    const answer = await call('GET', row.path);
    expect(answer.status).toBe(200);
    expect(answer.json.id).toBe(row.id);
    expect((answer.json.meta as { location: string }).location).toBe(`${server.baseUrl}${row.path}`);
    const findings = validateResource(row.kind, answer.body);
    expect(hasNoErrors(findings), formatFindings(findings)).toBe(true);
  });
}

test('/ResourceTypes and /Schemas are ListResponses', async ({ call }) => {
  const types = await call('GET', '/ResourceTypes');
  expect((types.json.Resources as { id: string }[]).map((type) => type.id)).toEqual(['User', 'Group']);
  expect(types.json.totalResults).toBe(2);
  const schemas = await call('GET', '/Schemas');
  expect((schemas.json.Resources as { id: string }[]).map((schema) => schema.id)).toEqual(
    expect.arrayContaining([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:core:2.0:Group',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ]),
  );
});
