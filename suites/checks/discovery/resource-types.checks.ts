import { member, stringMember } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { discoveryEntries, entryKey } from '../../support/discovery-lists.js';
import { expect } from '../../support/fixtures.js';

check(
  {
    id: 'discovery.resource-types.available',
    title: 'GET /ResourceTypes answers 200',
    level: 'MUST',
    rfc: 'RFC 7644 §4',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'When returning multiple ResourceTypes or Schemas, the message form described by the "urn:ietf:params:scim:api:messages:2.0:ListResponse" (ListResponse) form SHALL be used as shown in Figure 3 and in Figure 9 below.',
    fix: 'Serve GET {base}/ResourceTypes with a ListResponse of the resource types (RFC 7643 §6).',
    quirks: ['no-discovery'],
  },
  async ({ scim, capabilities }) => {
    const exchange = await scim.get('/ResourceTypes');
    await expect(exchange, capabilities.findings.join('; ')).toHaveStatus(200);
  },
);

check(
  {
    id: 'discovery.resource-types.list-response',
    title: '/ResourceTypes is a valid ListResponse of ResourceType resources',
    level: 'MUST',
    rfc: 'RFC 7644 §4',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'When returning multiple ResourceTypes or Schemas, the message form described by the "urn:ietf:params:scim:api:messages:2.0:ListResponse" (ListResponse) form SHALL be used as shown in Figure 3 and in Figure 9 below.',
    fix: 'Wrap the resource types in {"schemas": [ListResponse URN], "totalResults", "Resources": […]}, each with name, endpoint and schema (RFC 7643 §6).',
    requires: ['discovery'],
    quirks: ['list-schemas-missing'],
  },
  async ({ scim }) => {
    const exchange = await scim.get('/ResourceTypes');
    await expect(exchange).toHaveStatus(200);
    expect(exchange).toMatchScimSchema('ListResponse', { listOf: 'ResourceType' });
  },
);

check(
  {
    id: 'discovery.resource-types.by-id',
    title: 'Each resource type is retrievable on its own as /ResourceTypes/{id}',
    level: 'SHOULD',
    rfc: 'RFC 7644 §4',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'In cases where a request is for a specific "ResourceType" or "Schema", the single JSON object is returned in the same way that a single User or Group is retrieved, as per Section 3.4.1.',
    levelBasis:
      'RFC 7644 §4 states how a request for one ResourceType is answered ("the single JSON object is returned in the same way that a single User or Group is retrieved") without an RFC 2119 keyword; graded SHOULD: the RFC defines the answer, but not as a MUST.',
    fix: 'Answer GET /ResourceTypes/{id} with that one ResourceType object (not a ListResponse).',
    requires: ['discovery'],
    quirks: ['discovery-id-ignored'],
  },
  async ({ scim }) => {
    for (const entry of await discoveryEntries(scim, '/ResourceTypes')) {
      const key = entryKey(entry);
      if (key === undefined) continue;
      const exchange = await scim.get(`/ResourceTypes/${encodeURIComponent(key)}`);
      await expect(exchange).toHaveStatus(200);
      const single = exchange.response?.json;
      // Compared case-insensitively: the id is the server's, but "User" and "user" name the same type.
      expect(entryKey(single)?.toLowerCase(), `GET /ResourceTypes/${key} returns that resource type`).toBe(
        key.toLowerCase(),
      );
      expect(stringMember(single, 'endpoint'), 'the single object carries its endpoint').toBe(
        stringMember(entry, 'endpoint'),
      );
    }
  },
);

check(
  {
    id: 'discovery.resource-types.unknown-id-404',
    title: 'GET /ResourceTypes/{unknown} answers 404',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 404 (Not Found) | GET, POST, PUT, PATCH, DELETE | Specified resource (e.g., User) or endpoint does not exist.',
    fix: 'Answer 404 with a SCIM error for a resource type id you do not serve, instead of a list or an empty 200.',
    requires: ['discovery'],
    quirks: ['discovery-id-ignored'],
  },
  async ({ scim, faker }) => {
    const unknown = `NoSuchType${faker.string.alphanumeric({ length: 10, casing: 'lower' })}`;
    await expect(await scim.get(`/ResourceTypes/${unknown}`)).toHaveStatus(404);
  },
);

check(
  {
    id: 'discovery.resource-types.schemas-served',
    title: 'Every schema a ResourceType names (core and extensions) is served by /Schemas',
    level: 'MUST',
    rfc: 'RFC 7643 §6',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'schema The resource type\'s primary/base schema URI, e.g., "urn:ietf:params:scim:schemas:core:2.0:User". This MUST be equal to the "id" attribute of the associated "Schema" resource. … schemaExtensions … schema The URI of an extended schema, e.g., "urn:edu:2.0:Staff". This MUST be equal to the "id" attribute of a "Schema" resource.',
    fix: 'Serve a Schema resource in /Schemas for every URN your /ResourceTypes name, extensions included.',
    requires: ['discovery'],
    quirks: ['extension-schema-not-served'],
  },
  async ({ scim }) => {
    const served = new Set(
      (await discoveryEntries(scim, '/Schemas'))
        .map((schema) => stringMember(schema, 'id')?.toLowerCase())
        .filter((id): id is string => id !== undefined),
    );
    const missing: string[] = [];
    for (const type of await discoveryEntries(scim, '/ResourceTypes')) {
      const named = [stringMember(type, 'schema')];
      const extensions = member(type, 'schemaExtensions');
      if (Array.isArray(extensions))
        named.push(...extensions.map((extension) => stringMember(extension, 'schema')));
      for (const urn of named) {
        if (urn !== undefined && !served.has(urn.toLowerCase())) missing.push(`${entryKey(type)}: ${urn}`);
      }
    }
    expect(missing, 'schemas named by /ResourceTypes but absent from /Schemas').toEqual([]);
  },
);
