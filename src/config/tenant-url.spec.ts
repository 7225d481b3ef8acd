import { expect, test } from '@playwright/test';
import { parseTenantUrl, resourceUrl } from './tenant-url.js';

const DD = 'https://api.datadoghq.com/api/v2/scim?aadOptscim062020';

const RESOURCE_URL_CASES: {
  tenant: string;
  path: string;
  query?: Record<string, string>;
  expected: string;
}[] = [
  {
    tenant: DD,
    path: '/Users',
    query: { filter: 'userName eq "a"' },
    expected: 'https://api.datadoghq.com/api/v2/scim/Users?aadOptscim062020&filter=userName%20eq%20%22a%22',
  },
  {
    tenant: DD,
    path: '/Users/abc-123',
    expected: 'https://api.datadoghq.com/api/v2/scim/Users/abc-123?aadOptscim062020',
  },
  { tenant: 'https://x.example/scim/', path: '/Groups', expected: 'https://x.example/scim/Groups' },
  { tenant: 'https://x.example/scim/', path: 'Groups', expected: 'https://x.example/scim/Groups' },
  { tenant: 'https://x.example/scim', path: '', expected: 'https://x.example/scim' },
  {
    tenant: 'https://x.example/scim/?aadOptscim062020&tenant=a%20b',
    path: '/ServiceProviderConfig',
    expected: 'https://x.example/scim/ServiceProviderConfig?aadOptscim062020&tenant=a%20b',
  },
  {
    tenant: 'https://x.example/scim?tenant=a',
    path: '/Users',
    query: { tenant: 'b', startIndex: '1', count: '100', attributes: "id,name(x)'!" },
    expected:
      'https://x.example/scim/Users?tenant=b&startIndex=1&count=100&attributes=id%2Cname%28x%29%27%21',
  },
  { tenant: 'http://127.0.0.1:9000', path: '/Users', expected: 'http://127.0.0.1:9000/Users' },
];

for (const { tenant, path, query, expected } of RESOURCE_URL_CASES) {
  test(`resourceUrl(${tenant}, ${path}, ${JSON.stringify(query ?? {})})`, () => {
    expect(resourceUrl(tenant, path, query).href).toBe(expected);
    expect(resourceUrl(new URL(tenant), path, query).href).toBe(expected);
    expect(resourceUrl(parseTenantUrl(tenant), path, query).href).toBe(expected);
  });
}

const ENTRA_MODE_CASES = [
  { tenant: DD, mode: 'compliant' },
  { tenant: 'https://x.example/scim?aadOptSCIM062020=true', mode: 'compliant' },
  { tenant: 'https://x.example/scim?AzureAdScimPatch2017', mode: 'legacy' },
  { tenant: 'https://x.example/scim', mode: undefined },
  { tenant: 'https://x.example/scim?other=1', mode: undefined },
] as const;

for (const { tenant, mode } of ENTRA_MODE_CASES) {
  test(`Entra mode of ${tenant} is ${mode}`, () => {
    expect(parseTenantUrl(tenant).entraMode).toBe(mode);
  });
}

test('a resource path with its own query is refused: parameters go in the query argument', () => {
  expect(() => resourceUrl(DD, '/Users?filter=x')).toThrow(/must not contain a query/);
});
