import { expect, test } from '@playwright/test';
import { type RunningReferenceServer, startReferenceServer } from '../../src/reference-server/index.js';
import { runReplay } from '../engine/replay.js';
import { OKTA_USER_AGENT, oktaHeaders, resolveOktaClientProfile } from './okta-client-profile.js';
import { AUTHORIZATION_PLACEHOLDER, encodeQuery, type JsonValue } from './request-descriptor.js';
import { OKTA_DOCUMENTED_EXAMPLES } from './test-support/okta-documented-examples.js';

// Every documented Okta request, in every app type it holds for: the builder must emit it exactly.
for (const example of OKTA_DOCUMENTED_EXAMPLES) {
  for (const app of example.apps) {
    const annotation = { type: example.evidence, description: example.source };
    test(`Okta documented request: ${example.name} [${app}]`, { annotation }, () => {
      const profile = resolveOktaClientProfile({ app, ...example.options });
      const request = example.build(profile);
      const { expected } = example;
      expect({
        method: request.method,
        path: request.path,
        query: request.query,
        body: request.body,
      }).toEqual({
        method: expected.method,
        path: expected.path,
        query: expected.query,
        body: expected.body,
      });
      // Key order is part of the shape: compare the serialized bodies too.
      if (expected.body !== undefined)
        expect(JSON.stringify(request.body)).toBe(JSON.stringify(expected.body));
      if (expected.contentLength !== undefined)
        expect(Buffer.byteLength(JSON.stringify(request.body))).toBe(expected.contentLength);
      if (expected.wireTarget !== undefined) {
        const query = encodeQuery(request);
        expect(query === '' ? request.path : `${request.path}?${query}`).toBe(expected.wireTarget);
      }
      expect(request.headers).toEqual(oktaHeaders(profile, request.method));
      expect(request.headers.Authorization).toBe(AUTHORIZATION_PLACEHOLDER);
      expect(request.headers['User-Agent']).toBe(OKTA_USER_AGENT);
    });
  }
}

/**
 * The shape of a JSON value with ids and generated values set aside: strings become `<s>` except where the value is
 * the shape (`op`, `type`, `schemas`, a filter path's attribute), booleans stay, and repeated array items of one
 * shape count once (a PATCH with three removes has the shape of one with one).
 */
function shapeOf(value: JsonValue, key = ''): JsonValue {
  if (typeof value === 'string') {
    if (key === 'op' || key === 'type' || key === 'schemas') return value;
    if (key === 'path') return value.replace(/"[^"]*"/g, '"<s>"');
    return '<s>';
  }
  if (typeof value === 'number') return '<n>';
  if (value === null || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value) {
      const shape = shapeOf(item, key);
      if (!items.some((seen) => JSON.stringify(seen) === JSON.stringify(shape))) items.push(shape);
    }
    return items;
  }
  const result: Record<string, JsonValue> = {};
  for (const [name, item] of Object.entries(value)) result[name] = shapeOf(item, name);
  return result;
}

/** `/Users/<id>` → `/Users/{id}`. */
const template = (path: string): string => path.replace(/^\/(Users|Groups)\/.+$/, '/$1/{id}');

/** A query's shape: its keys in order, the filter's attribute and operator, the paging values. */
const queryShape = (search: URLSearchParams): string =>
  [...search.entries()]
    .map(([key, value]) => {
      if (key === 'filter') return `filter=${value.replace(/"[^"]*"/, '"<s>"')}`;
      if (key === 'startIndex') return `startIndex=${(Number(value) - 1) % 100 === 0 ? '1+100k' : value}`;
      return `${key}=${value}`;
    })
    .join('&');

interface Captured {
  readonly method: string;
  readonly url: URL;
  readonly userAgent: string | null;
  readonly body: JsonValue | undefined;
  readonly response: JsonValue | undefined;
}

let server: RunningReferenceServer;
test.describe('every request a replay emits', () => {
  test.beforeAll(async () => {
    server = await startReferenceServer();
  });
  test.afterAll(async () => {
    await server.close();
  });

  for (const app of ['oin', 'aiw'] as const) {
    test(`has a documented shape [${app}]`, async () => {
      const captured: Captured[] = [];
      const base = new URL(server.baseUrl).pathname;
      await runReplay({
        tenantUrl: server.baseUrl,
        token: server.adminToken,
        idp: 'okta',
        oktaApp: app,
        users: 25,
        groups: 4,
        cycles: 4,
        churn: 0.25,
        seed: 5,
        runId: `okta-golden-${app}`,
        concurrency: 1,
        fetch: async (input, init) => {
          const request = new Request(input, init);
          const text = request.body === null ? '' : await request.clone().text();
          const response = await fetch(request);
          const answer = await response.clone().text();
          captured.push({
            method: request.method,
            url: new URL(request.url),
            userAgent: request.headers.get('user-agent'),
            body: text === '' ? undefined : (JSON.parse(text) as JsonValue),
            response: answer === '' ? undefined : (JSON.parse(answer) as JsonValue),
          });
          return response;
        },
      });
      // The documented side is the table's expected requests, never what the builders make of them.
      const documented = OKTA_DOCUMENTED_EXAMPLES.filter((row) => row.apps.includes(app)).map(
        ({ expected }) => {
          const search = new URLSearchParams(expected.query?.map(([k, v]) => [k, v]) ?? []);
          return {
            key: `${expected.method} ${template(expected.path)}?${queryShape(search)}`,
            operations: Array.isArray(expected.body?.Operations)
              ? (expected.body.Operations as JsonValue[]).map((op) => JSON.stringify(shapeOf(op)))
              : [],
            body: expected.body === undefined ? undefined : JSON.stringify(shapeOf(expected.body)),
          };
        },
      );
      const okta = captured.filter((request) => request.userAgent === OKTA_USER_AGENT);
      expect(okta.length).toBeGreaterThan(60);
      let echoed = 0;
      for (const [index, request] of okta.entries()) {
        const path = request.url.pathname.slice(base.length);
        const key = `${request.method} ${template(path)}?${queryShape(request.url.searchParams)}`;
        const rows = documented.filter((row) => row.key === key);
        expect(rows.length, `${key}: no documented example of this request`).toBeGreaterThan(0);
        if (request.method === 'PUT' && path.startsWith('/Users/')) {
          // A PUT echoes what the target answered to the GET before it (REF20): its keys, in its order, with the
          // password after `active`, and the same id and meta. The shape is the target's, not Okta's.
          const read = okta
            .slice(0, index)
            .reverse()
            .find((earlier) => earlier.method === 'GET' && earlier.url.pathname === request.url.pathname);
          const answer = read?.response as Record<string, JsonValue> | undefined;
          const body = request.body as Record<string, JsonValue>;
          expect(answer, `${key}: a PUT with no GET before it`).toBeDefined();
          const expectedKeys = Object.keys(answer ?? {}).flatMap((name) =>
            name === 'active' ? [name, 'password'] : name === 'password' ? [] : [name],
          );
          expect(Object.keys(body)).toEqual(expectedKeys);
          expect(body.id).toBe(answer?.id);
          expect(body.meta).toEqual(answer?.meta);
          echoed++;
          continue;
        }
        if (request.body === undefined) continue;
        const body = request.body as Record<string, JsonValue>;
        if (Array.isArray(body.Operations)) {
          const allowed = new Set(rows.flatMap((row) => row.operations));
          for (const operation of body.Operations)
            expect(allowed, `${key}: ${JSON.stringify(operation)}`).toContain(
              JSON.stringify(shapeOf(operation)),
            );
        } else {
          expect(
            rows.map((row) => row.body),
            key,
          ).toContain(JSON.stringify(shapeOf(body)));
        }
      }
      expect(echoed).toBeGreaterThan(0);
      // The harness's read-back is the only other traffic, and it does not pretend to be Okta.
      expect(
        captured
          .filter((request) => request.userAgent !== OKTA_USER_AGENT)
          .every((r) => r.userAgent === 'scim-harness'),
      ).toBe(true);
    });
  }
});
