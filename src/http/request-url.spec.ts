import { expect, test } from '@playwright/test';
import { parseTenantUrl } from '../config/tenant-url.js';
import { type QueryParams, requestUrl } from './request-url.js';

const DD = 'https://api.datadoghq.com/api/v2/scim';

const CASES: ReadonlyArray<{
  name: string;
  tenant: string;
  path: string;
  query?: QueryParams | string;
  expected: string;
}> = [
  { name: 'plain base', tenant: DD, path: '/Users', expected: `${DD}/Users` },
  { name: 'trailing slash', tenant: `${DD}/`, path: '/Users', expected: `${DD}/Users` },
  { name: 'path without slash', tenant: DD, path: 'Users', expected: `${DD}/Users` },
  {
    name: 'flag without = is kept, path goes before it',
    tenant: `${DD}?aadOptscim062020`,
    path: '/Users',
    expected: `${DD}/Users?aadOptscim062020`,
  },
  {
    name: 'trailing slash and flag',
    tenant: `${DD}/?aadOptscim062020`,
    path: '/Groups/abc',
    expected: `${DD}/Groups/abc?aadOptscim062020`,
  },
  {
    name: 'request params after the flag, spaces as %20',
    tenant: `${DD}?aadOptscim062020`,
    path: '/Users',
    query: { filter: 'userName eq "a b"', count: 1, startIndex: undefined },
    expected: `${DD}/Users?aadOptscim062020&filter=userName%20eq%20%22a%20b%22&count=1`,
  },
  {
    name: 'raw query string appended as written',
    tenant: `${DD}?aadOptscim062020`,
    path: '/Users',
    query: '?filter=userName+eq+%22x%22',
    expected: `${DD}/Users?aadOptscim062020&filter=userName+eq+%22x%22`,
  },
  {
    name: 'empty path is the base',
    tenant: `${DD}?aadOptscim062020`,
    path: '',
    expected: `${DD}?aadOptscim062020`,
  },
  {
    name: 'absolute URL (meta.location) gets no tenant flags',
    tenant: `${DD}?aadOptscim062020`,
    path: 'https://other.example/scim/Users/1',
    query: { attributes: 'userName' },
    expected: 'https://other.example/scim/Users/1?attributes=userName',
  },
];

for (const row of CASES) {
  test(`requestUrl: ${row.name}`, () => {
    expect(requestUrl(parseTenantUrl(row.tenant), row.path, row.query)).toBe(row.expected);
  });
}

test('requestUrl refuses a path that carries its own query (pass it as query)', () => {
  expect(() => requestUrl(parseTenantUrl(DD), '/Users?count=1')).toThrow(/query/);
});
