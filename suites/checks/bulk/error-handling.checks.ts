import {
  type BulkCreation,
  type BulkOperation,
  bulkRequest,
  bulkResults,
  isSuccess,
  resultFor,
  statusCodeOf,
  trackBulkCreations,
} from '../../support/bulk-requests.js';
import { member } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import type { ResourceFactory } from '../../support/resource-factory.js';

/** A failing operation (DELETE of an id nobody assigned: 404, harmless) followed by a valid create. */
function failThenCreate(resources: ResourceFactory, unknownId: string) {
  const user = resources.userBody();
  const operations: BulkOperation[] = [
    { method: 'DELETE', path: `/Users/${unknownId}` },
    { method: 'POST', path: '/Users', bulkId: 'after', data: user },
  ];
  const creations: BulkCreation[] = [{ bulkId: 'after', endpoint: '/Users', name: String(user.userName) }];
  return { operations, creations };
}

const failedDelete = (results: Record<string, unknown>[]) =>
  results.find((result) => String(member(result, 'method')).toUpperCase() === 'DELETE');

check(
  {
    id: 'bulk.errors.processing-continues',
    title: 'Without failOnErrors, a failed operation does not stop the ones after it',
    level: 'MUST',
    rfc: 'RFC 7644 §3.7',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'The service provider MUST continue performing as many changes as possible and disregard partial failures. The client MAY override this behavior by specifying a value for the "failOnErrors" attribute.',
    fix: 'Record a failed operation in the response and carry on with the next one.',
    requires: ['bulk'],
    quirks: ['bulk-stops-at-first-error'],
  },
  async ({ scim, resources, faker }) => {
    const { operations, creations } = failThenCreate(resources, faker.string.uuid());
    const exchange = await scim.post('/Bulk', bulkRequest(operations));
    await trackBulkCreations(scim, resources, exchange, creations);
    await expect(exchange).toHaveStatus(200);
    expect(
      statusCodeOf(resultFor(bulkResults(exchange), 'after')),
      'status of the create after the failure',
    ).toBe('201');
  },
);

check(
  {
    id: 'bulk.errors.response-body',
    title: 'A failed operation carries its SCIM error in "response"',
    level: 'MUST',
    rfc: 'RFC 7644 §3.7',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'response The HTTP response body for the specified request operation. When indicating a response with an HTTP status other than a 200-series response, the response body MUST be included. … status … When indicating an error, the "response" attribute MUST contain the detail error response as per Section 3.12.',
    fix: 'Put the SCIM Error body ({"schemas": [Error URN], "status": "404", "detail": …}) in each failed operation\'s "response".',
    requires: ['bulk'],
    quirks: ['error-body-not-scim', 'numeric-error-status'],
  },
  async ({ scim, resources, faker }) => {
    const { operations, creations } = failThenCreate(resources, faker.string.uuid());
    const exchange = await scim.post('/Bulk', bulkRequest(operations));
    await trackBulkCreations(scim, resources, exchange, creations);
    await expect(exchange).toHaveStatus(200);
    const failed = failedDelete(bulkResults(exchange));
    expect(statusCodeOf(failed), 'status of the DELETE of an unknown id').toBe('404');
    const response = member(failed, 'response');
    expect(response, 'the failed operation\'s "response"').toBeDefined();
    expect(response).toMatchScimSchema('Error');
    expect(member(response, 'status'), 'the error status').toBe('404');
  },
);

check(
  {
    id: 'bulk.fail-on-errors.stops-processing',
    title: 'failOnErrors=1 stops processing after the first error',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.7',
    category: 'bulk',
    profiles: ['rfc7644'],
    requirement:
      'failOnErrors An integer specifying the number of errors that the service provider will accept before the operation is terminated and an error response is returned. … The "failOnErrors" attribute defines the number of errors that the service provider should accept before failing the remaining operations returning the response.',
    levelBasis:
      'RFC 7644 §3.7 gives failOnErrors to the client as an override ("The client MAY override this behavior by specifying a value for the "failOnErrors" attribute") and words the server\'s side with a lowercase "should", which §1.2 reads in its natural-language sense; graded SHOULD.',
    fix: 'Count failed operations and stop (without running the rest) once failOnErrors is reached.',
    requires: ['bulk'],
    quirks: ['fail-on-errors-ignored'],
  },
  async ({ scim, resources, faker }) => {
    const { operations, creations } = failThenCreate(resources, faker.string.uuid());
    const exchange = await scim.post('/Bulk', bulkRequest(operations, { failOnErrors: 1 }));
    // Tracked whatever happened: if the create ran, it is ours to delete.
    await trackBulkCreations(scim, resources, exchange, creations);
    const created = resultFor(bulkResults(exchange), 'after');
    expect(
      created === undefined || !isSuccess(created),
      `the create after the error ran: ${statusCodeOf(created)}`,
    ).toBe(true);
  },
);
