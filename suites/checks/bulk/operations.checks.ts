import { userPath } from '../../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import {
  type BulkCreation,
  type BulkOperation,
  bulkRequest,
  bulkResults,
  resultFor,
  statusCodeOf,
  trackBulkCreations,
} from '../../support/bulk-requests.js';
import { idFromLocation, member, stringMember } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import type { ResourceFactory } from '../../support/resource-factory.js';

/** Two run-tagged users created by one BulkRequest, as the POST checks send them. */
function twoUserCreations(resources: ResourceFactory) {
  const bodies = [resources.userBody(), resources.userBody()];
  const creations: BulkCreation[] = bodies.map((body, index) => ({
    bulkId: `user${index + 1}`,
    endpoint: '/Users',
    name: String(body.userName),
  }));
  const request = bulkRequest(
    bodies.map((data, index) => ({ method: 'POST', path: '/Users', bulkId: `user${index + 1}`, data })),
  );
  return { creations, request };
}

check(
  {
    id: 'bulk.post.returns-200-with-bulk-ids',
    title: 'A BulkRequest of creates answers 200, each operation echoing its bulkId with status 201',
    level: 'MUST',
    rfc: 'RFC 7644 §3.7',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'If a bulk job is processed successfully, HTTP response code 200 OK MUST be returned; otherwise, an appropriate HTTP error code MUST be returned. … The service provider MUST return the same "bulkId" together with the newly created resource.',
    fix: 'Answer POST /Bulk with 200 and a BulkResponse whose operations echo each bulkId with the status of the create.',
    requires: ['bulk'],
    quirks: ['bulk-not-supported-but-advertised'],
  },
  async ({ scim, resources }) => {
    const { creations, request } = twoUserCreations(resources);
    const exchange = await scim.post('/Bulk', request);
    await trackBulkCreations(scim, resources, exchange, creations);
    await expect(exchange).toHaveStatus(200);
    const results = bulkResults(exchange);
    for (const creation of creations) {
      const result = resultFor(results, creation.bulkId);
      expect(result, `an operation result with bulkId ${creation.bulkId}`).toBeDefined();
      expect(statusCodeOf(result), `status of ${creation.bulkId}`).toBe('201');
    }
  },
);

check(
  {
    id: 'bulk.response.valid',
    title: 'The BulkResponse is valid against the RFC 7644 message schema',
    level: 'MUST',
    rfc: 'RFC 7644 §3.7',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'Bulk responses are identified using the following URI: "urn:ietf:params:scim:api:messages:2.0:BulkResponse". … Operations Defines operations within a bulk job. Each operation corresponds to a single HTTP request against a resource endpoint. REQUIRED.',
    fix: 'Answer {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"], "Operations": [{method, bulkId, location, status}, …]}.',
    requires: ['bulk'],
    quirks: ['bulk-not-supported-but-advertised', 'bulk-status-numeric'],
  },
  async ({ scim, resources }) => {
    const { creations, request } = twoUserCreations(resources);
    const exchange = await scim.post('/Bulk', request);
    await trackBulkCreations(scim, resources, exchange, creations);
    await expect(exchange).toHaveStatus(200);
    expect(exchange).toMatchScimSchema('BulkResponse');
  },
);

check(
  {
    id: 'bulk.response.status-string',
    title: 'Each operation status is the HTTP code as a string ("201" or {"code": "201"})',
    level: 'MUST',
    rfc: 'RFC 7644 §3.7.3',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'The status attribute MUST include the code attribute that holds the HTTP response code that would have been returned if a single HTTP request would have been used. … "status": "201"',
    fix: 'Send each operation\'s status as a string, e.g. "status": "201", never the number 201.',
    requires: ['bulk'],
    quirks: ['bulk-status-numeric'],
  },
  async ({ scim, resources }) => {
    const { creations, request } = twoUserCreations(resources);
    const exchange = await scim.post('/Bulk', request);
    await trackBulkCreations(scim, resources, exchange, creations);
    await expect(exchange).toHaveStatus(200);
    const results = bulkResults(exchange);
    expect(results.length, 'operation results').toBeGreaterThan(0);
    for (const result of results) {
      const status = member(result, 'status');
      // The RFC shows both forms; either is a string code.
      const code = typeof status === 'object' && status !== null ? member(status, 'code') : status;
      expect(typeof code, `status of ${String(member(result, 'bulkId') ?? member(result, 'method'))}`).toBe(
        'string',
      );
    }
  },
);

check(
  {
    id: 'bulk.response.location',
    title: 'Each successful operation carries the location of its resource',
    level: 'MUST',
    rfc: 'RFC 7644 §3.7.3',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'A "location" attribute that includes the resource\'s endpoint MUST be returned for all operations except for failed POST operations (which have no location).',
    fix: 'Give every operation result a "location": the URL of the resource it created or changed.',
    requires: ['bulk'],
    quirks: ['bulk-location-missing'],
  },
  async ({ scim, resources }) => {
    const { creations, request } = twoUserCreations(resources);
    const exchange = await scim.post('/Bulk', request);
    const ids = await trackBulkCreations(scim, resources, exchange, creations);
    await expect(exchange).toHaveStatus(200);
    for (const creation of creations) {
      const location = stringMember(resultFor(bulkResults(exchange), creation.bulkId), 'location');
      expect(location, `location of ${creation.bulkId}`).toBeTruthy();
      // The location names the created resource: its last segment is the id (host may differ; only the id is used).
      const id = idFromLocation(location);
      if (ids.has(creation.bulkId))
        expect(id, `location of ${creation.bulkId} names the created user`).toBe(ids.get(creation.bulkId));
      expect(id, `location of ${creation.bulkId} ends in the created resource's id`).toBeTruthy();
      await expect(await scim.get(userPath(id ?? '')), 'GET of the location').toHaveStatus(200);
    }
  },
);

check(
  {
    id: 'bulk.methods.put-patch-delete',
    title: 'PUT, PATCH and DELETE operations in a BulkRequest take effect',
    level: 'MUST',
    rfc: 'RFC 7644 §3.7',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'The body of a bulk operation contains a set of HTTP resource operations using one of the HTTP methods supported by the API, i.e., POST, PUT, PATCH, or DELETE.',
    levelBasis:
      'Bulk is optional ("an optional server feature"), and RFC 7644 §3.7 defines it as carrying operations of any of the four methods without a keyword for the server; graded MUST because a server whose ServiceProviderConfig claims bulk.supported but cannot carry PUT, PATCH or DELETE does not implement what it advertises.',
    fix: 'Dispatch every bulk operation as the single request it stands for, whatever its method.',
    requires: ['bulk'],
    quirks: ['bulk-not-supported-but-advertised'],
  },
  async ({ scim, resources, capabilities }) => {
    const replaced = await resources.createUser();
    const patched = await resources.createUser();
    const deleted = await resources.createUser();
    const operations: BulkOperation[] = [
      {
        method: 'PUT',
        path: `/Users/${replaced.id}`,
        data: { ...replaced.body, displayName: 'Replaced In Bulk' },
      },
      { method: 'DELETE', path: `/Users/${deleted.id}` },
    ];
    // PATCH only where the target claims it (RFC 7644 §3.5.2 makes PATCH itself optional).
    if (capabilities.claims.patch) {
      operations.push({
        method: 'PATCH',
        path: `/Users/${patched.id}`,
        data: {
          schemas: [SCHEMA_URNS.PatchOp],
          Operations: [{ op: 'replace', path: 'displayName', value: 'Patched In Bulk' }],
        },
      });
    }
    const exchange = await scim.post('/Bulk', bulkRequest(operations));
    await expect(exchange).toHaveStatus(200);
    const codes = bulkResults(exchange).map(
      (result) => `${String(member(result, 'method')).toUpperCase()} ${statusCodeOf(result)}`,
    );
    expect(codes, 'operation results').toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PUT 200$/),
        expect.stringMatching(/^DELETE (200|204)$/),
      ]),
    );
    const afterPut = await scim.get(`/Users/${replaced.id}`);
    expect(stringMember(afterPut.response?.json, 'displayName'), 'displayName after the bulk PUT').toBe(
      'Replaced In Bulk',
    );
    await expect(await scim.get(`/Users/${deleted.id}`), 'the user after the bulk DELETE').toHaveStatus(404);
    if (capabilities.claims.patch) {
      const afterPatch = await scim.get(`/Users/${patched.id}`);
      expect(stringMember(afterPatch.response?.json, 'displayName'), 'displayName after the bulk PATCH').toBe(
        'Patched In Bulk',
      );
    }
  },
);
