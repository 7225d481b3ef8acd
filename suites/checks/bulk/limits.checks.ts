import { userPath } from '../../../src/scim/resource-path.js';
import { type BulkOperation, bulkRequest, bulkResults, statusCodeOf } from '../../support/bulk-requests.js';
import { member } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect, test } from '../../support/fixtures.js';

/** Limits above these are not exercised: the request would be too slow to send in a conformance run. */
const MAX_OPERATIONS_TRIED = 5_000;
const MAX_PAYLOAD_TRIED = 16 * 1024 * 1024;

const LIMITS_REQUIREMENT =
  "The service provider MUST define the maximum number of operations and maximum payload size a client may send in a single request. These limits MAY be retrieved from the service provider configuration (see 'bulk' in Sections 5 and 8.5 of [RFC7643]). If either limit is exceeded, the service provider MUST return HTTP response code 413 (Payload Too Large). The returned response MUST specify the limit exceeded in the body of the error response.";

check(
  {
    id: 'bulk.limits.max-operations-413',
    title: 'A BulkRequest with more than maxOperations operations answers 413 naming the limit',
    level: 'MUST',
    rfc: 'RFC 7644 §3.7.4',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement: LIMITS_REQUIREMENT,
    fix: 'Count the operations before running any and answer 413 with a SCIM error whose detail states maxOperations.',
    requires: ['bulk'],
    quirks: ['bulk-max-operations-ignored'],
  },
  async ({ scim, capabilities, faker }) => {
    const max = capabilities.bulk.maxOperations;
    test.skip(max === undefined, 'ServiceProviderConfig gives no bulk.maxOperations');
    test.skip(
      (max ?? 0) >= MAX_OPERATIONS_TRIED,
      `bulk.maxOperations ${max} is too large to exceed in a check`,
    );
    if (max === undefined) return;
    // Deletes of ids nobody assigned: harmless (404 each) on a target that wrongly runs them.
    const operations: BulkOperation[] = Array.from({ length: max + 1 }, () => ({
      method: 'DELETE',
      path: `/Users/${faker.string.uuid()}`,
    }));
    const exchange = await scim.post('/Bulk', bulkRequest(operations));
    await expect(exchange).toBeScimError(413);
    expect(
      String(member(exchange.response?.json, 'detail') ?? ''),
      'the error detail names the limit',
    ).toContain(String(max));
  },
);

check(
  {
    id: 'bulk.limits.max-payload-413',
    title: 'A BulkRequest larger than maxPayloadSize answers 413 naming the limit',
    level: 'MUST',
    rfc: 'RFC 7644 §3.7.4',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement: LIMITS_REQUIREMENT,
    fix: 'Refuse bodies above maxPayloadSize with 413 and a SCIM error whose detail states the limit.',
    requires: ['bulk'],
    quirks: ['error-body-not-scim'],
  },
  async ({ scim, capabilities, faker }) => {
    const max = capabilities.bulk.maxPayloadSize;
    test.skip(max === undefined, 'ServiceProviderConfig gives no bulk.maxPayloadSize');
    test.skip(
      (max ?? 0) >= MAX_PAYLOAD_TRIED,
      `bulk.maxPayloadSize ${max} is too large to exceed in a check`,
    );
    if (max === undefined) return;
    // One harmless operation padded past the limit, so only the size can be what is refused.
    const request = bulkRequest([
      { method: 'DELETE', path: `/Users/${faker.string.uuid()}`, data: { padding: 'x'.repeat(max) } },
    ]);
    const exchange = await scim.post('/Bulk', request);
    await expect(exchange).toBeScimError(413);
    expect(
      String(member(exchange.response?.json, 'detail') ?? ''),
      'the error detail names the limit',
    ).toContain(String(max));
  },
);

check(
  {
    id: 'bulk.version.stale-412',
    title: 'A bulk operation with a stale "version" fails with 412',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.7',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'version The current resource version. Version MAY be used if the service provider supports entity-tags (ETags) (Section 2.3 of [RFC7232]) and "method" is "PUT", "PATCH", or "DELETE".',
    levelBasis:
      'RFC 7644 §3.7 lets the client send "version" (it MAY be used when the service provider supports ETags) and its example answers a stale one with "status": "412" ("Failed to update.  Resource changed on the server."), with no keyword for the server\'s side; graded SHOULD, as the bulk counterpart of a stale If-Match.',
    fix: 'Treat an operation\'s "version" like an If-Match header: 412 for that operation when it is not current.',
    requires: ['bulk', 'etag'],
    quirks: ['if-match-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const first = await scim.get(userPath(user.id));
    const stale = first.response?.headers.etag;
    await scim.put(userPath(user.id), {
      ...user.body,
      displayName: 'Changed Before The Bulk',
    });
    const exchange = await scim.post(
      '/Bulk',
      bulkRequest([
        {
          method: 'PUT',
          path: `/Users/${user.id}`,
          version: stale ?? 'W/"stale"',
          data: { ...user.body, displayName: 'Stale Bulk Writer' },
        },
      ]),
    );
    await expect(exchange).toHaveStatus(200);
    expect(statusCodeOf(bulkResults(exchange)[0]), 'status of the stale PUT').toBe('412');
  },
);
