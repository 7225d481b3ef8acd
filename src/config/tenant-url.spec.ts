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

// A URL that cannot be used is refused saying what is wrong with it, not only that it is no URL.
const URL_PROBLEMS: [string, string][] = [
  ['', '--tenant-url is empty'],
  ['api.example.com/scim', 'has no scheme: it must start with https://'],
  ['localhost:8080/scim', 'has no scheme: it must start with https://'],
  ['https:api.example.com/scim', 'has no // after https:'],
  ['ftp://x.example/scim', 'must use http or https, got ftp'],
  ['https://', 'has no host'],
  ['https:///scim', 'has no host'],
  ['http://127.0.0.1:99999/scim', 'has port 99999, out of range (1–65535)'],
  ['http://127.0.0.1:0/scim', 'has port 0, out of range (1–65535)'],
  ['http://127.0.0.1:80a/scim', 'has a port that is not a number ("80a")'],
  ['https://exa mple.com/scim', 'has a host with characters no host name has ("exa mple.com")'],
];

for (const [url, message] of URL_PROBLEMS) {
  test(`tenant URL ${JSON.stringify(url)}: ${message}`, () => {
    expect(() => parseTenantUrl(url)).toThrow(message);
  });
}

test('usable URLs pass: IPv6 with a port, a port in range, credentials only refused later', () => {
  expect(parseTenantUrl('http://[::1]:8080/scim').base).toBe('http://[::1]:8080/scim');
  expect(parseTenantUrl('https://x.example:65535/scim/v2').base).toBe('https://x.example:65535/scim/v2');
  expect(() => parseTenantUrl('https://u:p@x.example/scim')).toThrow('must not contain credentials');
});
