/**
 * Entra's Test Connection (and the start of every provisioning cycle): a query for a user, and a group, that cannot
 * exist, sent exactly as Entra encodes it on the wire (`filter=userName+eq+%22<guid>%22`).
 */
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { listedResources, listNumber } from '../../support/list-response.js';
import { ENTRA_DOCS, entraLookup } from './entra-shapes.js';

check(
  {
    id: 'entra.test-connection.user-probe-empty-list',
    title: 'Test Connection: a userName query for a random GUID answers 200 with an empty ListResponse',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.tutorial}: Test Connection; RFC 7644 §3.4.2`,
    category: 'entra',
    profiles: ['entra'],
    requirement:
      'Test Connection queries the SCIM endpoint for a user that doesn\'t exist, using a random GUID as the matching property selected in the Microsoft Entra configuration. The expected correct response is HTTP 200 OK with an empty SCIM ListResponse message. (RFC 7644 §3.4.2: "A query that does not return any matches SHALL return success (HTTP status code 200) with "totalResults" set to a value of 0.")',
    fix: 'Answer a filter that matches nothing with 200 and a ListResponse of totalResults 0 (never 404), and read "+" in the query as a space.',
    quirks: ['empty-list-404', 'query-plus-not-decoded'],
  },
  async ({ scim, faker }) => {
    const answer = await entraLookup(
      scim,
      '/Users',
      'userName',
      faker.string.uuid(),
      "Test Connection's `userName eq` query",
    );
    await expect(answer).toHaveStatus(200);
    expect(answer).toMatchScimSchema('ListResponse', { listOf: 'User' });
    expect(listNumber(answer, 'totalResults'), 'totalResults').toBe(0);
    expect(listedResources(answer), 'Resources').toEqual([]);
  },
);

check(
  {
    id: 'entra.test-connection.group-probe-empty-list',
    title:
      'Test Connection: a displayName query for a random GUID, excluding members, answers 200 with an empty list',
    level: 'MUST',
    rfc: `${ENTRA_DOCS.tutorial}: General; RFC 7644 §3.4.2`,
    category: 'entra',
    profiles: ['entra'],
    requirement:
      'Microsoft Entra ID makes requests to fetch a random user and group to ensure that the endpoint and the credentials are valid. It\'s also done as a part of the Test Connection flow. (RFC 7644 §3.4.2: "A query that does not return any matches SHALL return success (HTTP status code 200) with "totalResults" set to a value of 0.")',
    fix: 'Answer GET /Groups?excludedAttributes=members&filter=displayName eq "<unknown>" with 200 and an empty ListResponse.',
    requires: ['groups'],
    quirks: ['empty-list-404', 'query-plus-not-decoded'],
  },
  async ({ scim, faker }) => {
    const answer = await entraLookup(
      scim,
      '/Groups',
      'displayName',
      faker.string.uuid(),
      "Test Connection's group query `displayName eq` with excludedAttributes=members",
      true,
    );
    await expect(answer).toHaveStatus(200);
    expect(answer).toMatchScimSchema('ListResponse', { listOf: 'Group', mode: 'partialResponse' });
    expect(listNumber(answer, 'totalResults'), 'totalResults').toBe(0);
    expect(listedResources(answer), 'Resources').toEqual([]);
  },
);
