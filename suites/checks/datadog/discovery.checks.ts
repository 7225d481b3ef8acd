/**
 * The discovery endpoints Datadog documents: /ResourceTypes (User and Group) and /Schemas. Datadog's API reference
 * does not document /ServiceProviderConfig, so this profile does not require it.
 * @see https://docs.datadoghq.com/api/latest/scim/list-resource-types/
 */
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { attributeOf, listedResources } from '../../support/list-response.js';
import { DATADOG_ACCEPT, DATADOG_DOCUMENTED, datadogSection } from './datadog-docs.js';

check(
  {
    id: 'datadog.discovery.resource-types-listed',
    title: 'GET /ResourceTypes answers 200 and lists the User resource type at /Users',
    level: 'MUST',
    rfc: datadogSection('List resource types'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      'List resource types: GET /api/v2/scim/ResourceTypes returns the SCIM resource types (User, Group) with their endpoints and schemas. Response 200 OK.',
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Serve GET /ResourceTypes as a ListResponse that includes the User resource type (endpoint /Users).',
    quirks: ['no-discovery'],
  },
  async ({ scim }) => {
    const answer = await scim.get('/ResourceTypes', { headers: DATADOG_ACCEPT });
    await expect(answer).toHaveStatus(200);
    const names = listedResources(answer).map((rt) => String(attributeOf(rt, 'name')).toLowerCase());
    expect(names, 'resource type names').toContain('user');
    const user = listedResources(answer).find(
      (rt) => String(attributeOf(rt, 'name')).toLowerCase() === 'user',
    );
    expect(String(attributeOf(user, 'endpoint')).toLowerCase(), 'User endpoint').toBe('/users');
  },
);

check(
  {
    id: 'datadog.discovery.schemas-listed',
    title: 'GET /Schemas answers 200 and includes the core User schema',
    level: 'MUST',
    rfc: datadogSection('List schemas'),
    category: 'datadog',
    profiles: ['datadog'],
    requirement:
      'List schemas: GET /api/v2/scim/Schemas returns the SCIM schemas (User, Group). Response 200 OK.',
    levelBasis: DATADOG_DOCUMENTED,
    fix: 'Serve GET /Schemas as a ListResponse that includes urn:ietf:params:scim:schemas:core:2.0:User.',
    quirks: ['no-discovery'],
  },
  async ({ scim }) => {
    const answer = await scim.get('/Schemas', { headers: DATADOG_ACCEPT });
    await expect(answer).toHaveStatus(200);
    const ids = listedResources(answer).map((schema) => String(attributeOf(schema, 'id')).toLowerCase());
    expect(ids, 'schema ids').toContain('urn:ietf:params:scim:schemas:core:2.0:user');
  },
);
