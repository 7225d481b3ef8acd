import { expect, test } from '@playwright/test';
import { nextHop, resolveLocation, sameOrigin, type WireRequest } from './redirect-policy.js';

const POST: WireRequest = {
  url: 'https://a.example/scim/Users',
  method: 'POST',
  headers: { 'content-type': 'application/scim+json', authorization: 'Bearer t' },
  body: '{}',
};

const HOPS = [
  { status: 301, method: 'POST', becomes: 'GET', keepsBody: false },
  { status: 302, method: 'POST', becomes: 'GET', keepsBody: false },
  { status: 303, method: 'POST', becomes: 'GET', keepsBody: false },
  { status: 303, method: 'PUT', becomes: 'GET', keepsBody: false },
  { status: 307, method: 'POST', becomes: 'POST', keepsBody: true },
  { status: 308, method: 'PATCH', becomes: 'PATCH', keepsBody: true },
  { status: 301, method: 'PUT', becomes: 'PUT', keepsBody: true },
  { status: 303, method: 'HEAD', becomes: 'HEAD', keepsBody: true },
] as const;

for (const row of HOPS) {
  test(`${row.method} through ${row.status} becomes ${row.becomes}`, () => {
    const hop = nextHop(
      { ...POST, method: row.method },
      row.status,
      new URL('https://a.example/scim/v2/Users'),
    );
    expect(hop.method).toBe(row.becomes);
    expect(hop.body).toBe(row.keepsBody ? '{}' : undefined);
    expect('content-type' in hop.headers).toBe(row.keepsBody);
    expect(POST.headers['content-type']).toBe('application/scim+json');
  });
}

const LOCATIONS = [
  { location: '/x', expected: 'https://a.example/x' },
  { location: 'other', expected: 'https://a.example/scim/other' },
  { location: 'http://b.example/y', expected: 'http://b.example/y' },
  { location: null, expected: 'no Location header' },
  { location: 'javascript:alert(1)', expected: 'Location is a javascript: URL' },
  { location: 'http://[bad', expected: 'Location is not a valid URL' },
] as const;

for (const row of LOCATIONS) {
  test(`Location ${JSON.stringify(row.location)} resolves to ${row.expected}`, () => {
    const target = resolveLocation(row.location, 'https://a.example/scim/Users');
    expect(target instanceof URL ? target.href : target.unusable).toBe(row.expected);
  });
}

const ORIGINS = [
  { a: 'http://127.0.0.1:1000/a', b: 'http://127.0.0.1:1000/b', same: true },
  { a: 'http://127.0.0.1:1000/a', b: 'http://127.0.0.1:2000/a', same: false },
  { a: 'http://127.0.0.1/a', b: 'http://localhost/a', same: false },
  { a: 'https://h/a', b: 'http://h/a', same: false },
  { a: 'https://h/a', b: 'not a url', same: false },
] as const;

for (const row of ORIGINS) {
  test(`sameOrigin(${row.a}, ${row.b}) is ${row.same}`, () => {
    expect(sameOrigin(row.a, row.b)).toBe(row.same);
  });
}
