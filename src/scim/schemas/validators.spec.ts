import { expect, test } from '@playwright/test';
import {
  RFC7643_ENTERPRISE_USER,
  RFC7643_FULL_USER,
  RFC7643_GROUP,
  RFC7643_GROUP_RESOURCE_TYPE,
  RFC7643_MINIMAL_USER,
  RFC7643_SERVICE_PROVIDER_CONFIG,
  RFC7643_USER_RESOURCE_TYPE,
  RFC7644_BULK_REQUEST,
  RFC7644_BULK_RESPONSE,
  RFC7644_BULK_RESPONSE_ERRORS,
  RFC7644_ERROR,
  RFC7644_LIST_RESPONSE,
  RFC7644_PATCH_ADD_MEMBERS,
  RFC7644_PATCH_REMOVE_MEMBER,
  RFC7644_SEARCH_REQUEST,
} from '../test-support/rfc-examples.js';
import { variant } from '../test-support/variant.js';
import { SCHEMA_URNS } from '../urns.js';
import { defaultSchemaRegistry } from './default-registry.js';
import type { MessageKind } from './message-json-schemas.js';
import type { ValidationMode } from './resource-json-schema.js';
import { type ResourceKind, validateMessage, validateResource } from './validators.js';

const EXT = SCHEMA_URNS.EnterpriseUser;

const withoutPassword = (user: object) =>
  variant(user, (copy) => {
    delete copy.password;
  });

const validResources: { name: string; kind: ResourceKind; value: unknown; mode?: ValidationMode }[] = [
  { name: '§8.1 minimal user', kind: 'User', value: RFC7643_MINIMAL_USER },
  { name: '§8.2 full user, as a request', kind: 'User', value: RFC7643_FULL_USER, mode: 'request' },
  {
    name: '§8.2 full user without password, as a response',
    kind: 'User',
    value: withoutPassword(RFC7643_FULL_USER),
  },
  {
    name: '§8.3 enterprise user, as a request',
    kind: 'User',
    value: RFC7643_ENTERPRISE_USER,
    mode: 'request',
  },
  {
    name: '§8.3 enterprise user without password',
    kind: 'User',
    value: withoutPassword(RFC7643_ENTERPRISE_USER),
  },
  { name: '§8.3 extension content', kind: 'EnterpriseUser', value: RFC7643_ENTERPRISE_USER[EXT] },
  { name: '§8.4 group', kind: 'Group', value: RFC7643_GROUP },
  {
    name: '§8.5 service provider config',
    kind: 'ServiceProviderConfig',
    value: RFC7643_SERVICE_PROVIDER_CONFIG,
  },
  { name: '§8.6 User resource type', kind: 'ResourceType', value: RFC7643_USER_RESOURCE_TYPE },
  { name: '§8.6 Group resource type', kind: 'ResourceType', value: RFC7643_GROUP_RESOURCE_TYPE },
  {
    name: 'a partial response (attributes=userName) has only id and userName',
    kind: 'User',
    value: { schemas: [SCHEMA_URNS.User], id: 'abc', userName: 'bjensen' },
    mode: 'partialResponse',
  },
  {
    name: 'a create request has no id or meta',
    kind: 'User',
    value: { schemas: [SCHEMA_URNS.User], userName: 'bjensen' },
    mode: 'request',
  },
  {
    name: 'Datadog nanosecond timestamps',
    kind: 'User',
    value: variant(RFC7643_MINIMAL_USER, (copy) => {
      copy.meta = { ...(copy.meta as object), created: '2024-11-22T15:05:52.055138963Z' };
    }),
  },
  {
    name: 'null is an unassigned optional attribute (RFC 7643 §2.5)',
    kind: 'User',
    value: { ...RFC7643_MINIMAL_USER, nickName: null, name: null, emails: null },
  },
  {
    name: 'attribute names in another case',
    kind: 'User',
    value: {
      SCHEMAS: [SCHEMA_URNS.User],
      ID: 'abc',
      UserName: 'bjensen',
      Meta: { Created: '2024-01-01T00:00:00Z' },
    },
  },
];

for (const row of validResources) {
  test(`valid resource: ${row.name}`, () => {
    expect(validateResource(row.kind, row.value, { mode: row.mode })).toEqual([]);
  });
}

test('every rendered /Schemas and /ResourceTypes entry validates as a Schema and a ResourceType', () => {
  const schemas = defaultSchemaRegistry.renderSchemas('https://example.com/v2');
  const resourceTypes = defaultSchemaRegistry.renderResourceTypes('https://example.com/v2');
  expect(schemas).toHaveLength(6);
  // Not strict for Schema: RFC 7643 §8.7.2 describes sub-attributes one level deep, yet the Schema schema's own
  // `subAttributes` attribute has sub-attributes, so its representation nests one level more.
  for (const schema of schemas) expect(validateResource('Schema', schema)).toEqual([]);
  for (const type of resourceTypes)
    expect(validateResource('ResourceType', type, { strict: true })).toEqual([]);
});

const validMessages: { name: string; kind: MessageKind; value: unknown }[] = [
  { name: 'RFC 7644 §3.4.2 list response', kind: 'ListResponse', value: RFC7644_LIST_RESPONSE },
  { name: 'RFC 7644 §3.4.3 search request', kind: 'SearchRequest', value: RFC7644_SEARCH_REQUEST },
  { name: 'RFC 7644 §3.5.2.1 add members', kind: 'PatchOp', value: RFC7644_PATCH_ADD_MEMBERS },
  { name: 'RFC 7644 §3.5.2.2 remove a member', kind: 'PatchOp', value: RFC7644_PATCH_REMOVE_MEMBER },
  {
    name: 'Entra ID legacy capitalised op',
    kind: 'PatchOp',
    value: {
      schemas: [SCHEMA_URNS.PatchOp],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    },
  },
  { name: 'RFC 7644 §3.7.3 bulk request', kind: 'BulkRequest', value: RFC7644_BULK_REQUEST },
  { name: 'RFC 7644 §3.7.3 bulk response', kind: 'BulkResponse', value: RFC7644_BULK_RESPONSE },
  {
    name: 'RFC 7644 §3.7.3 bulk response with errors',
    kind: 'BulkResponse',
    value: RFC7644_BULK_RESPONSE_ERRORS,
  },
  { name: 'RFC 7644 §3.12 error', kind: 'Error', value: RFC7644_ERROR },
  {
    name: 'an empty list response needs no Resources',
    kind: 'ListResponse',
    value: { schemas: [SCHEMA_URNS.ListResponse], totalResults: 0 },
  },
];

for (const row of validMessages) {
  test(`valid message: ${row.name}`, () => {
    expect(validateMessage(row.kind, row.value)).toEqual([]);
  });
}

test('a ListResponse validates each resource as the given kind, with the index in the path', () => {
  const partial = validateMessage('ListResponse', RFC7644_LIST_RESPONSE, {
    resources: { kind: 'User', mode: 'partialResponse' },
  });
  // The RFC's example of a projected search answer leaves out `schemas`: a partial representation must carry the
  // minimum set (RFC 7644 §3.9), `id`, and what was asked for, so it is valid as one.
  expect(partial).toEqual([]);
  // As full responses they also lack meta.
  const full = validateMessage('ListResponse', RFC7644_LIST_RESPONSE, { resources: { kind: 'User' } });
  expect(full.map((finding) => finding.path)).toEqual(
    expect.arrayContaining(['Resources[0].schemas', 'Resources[0].meta', 'Resources[1].schemas']),
  );
});

test('a password in a response is reported without its value', () => {
  const findings = validateResource('User', { ...RFC7643_MINIMAL_USER, password: 12345 });
  expect(JSON.stringify(findings)).not.toContain('12345');
});

test('strict validation warns about unknown attributes, non-canonical values and name spellings', () => {
  const value = {
    ...RFC7643_MINIMAL_USER,
    UserName: 'bjensen',
    userName: undefined,
    favouriteColour: 'teal',
    emails: [{ value: 'a@example.com', type: 'personal' }],
  };
  delete value.userName;
  expect(validateResource('User', value)).toEqual([]);
  const findings = validateResource('User', value, { strict: true });
  expect(findings.every((finding) => finding.severity === 'warning')).toBe(true);
  expect(findings.map(({ path, rule }) => ({ path, rule }))).toEqual(
    expect.arrayContaining([
      { path: 'favouriteColour', rule: 'additionalProperties' },
      { path: 'emails[0].type', rule: 'canonicalValues' },
      { path: 'UserName', rule: 'attributeName' },
    ]),
  );
  expect(findings).toHaveLength(3);
});

test('strict validation warns about a schema URN the resource type does not declare', () => {
  const value = { ...RFC7643_MINIMAL_USER, schemas: [SCHEMA_URNS.User, 'urn:example:custom'] };
  expect(validateResource('User', value)).toEqual([]);
  expect(validateResource('User', value, { strict: true })).toEqual([
    expect.objectContaining({ path: 'schemas', rule: 'schemas', severity: 'warning' }),
  ]);
});

test('an unknown kind is a harness fault, not a finding', () => {
  expect(() => validateResource('Device' as ResourceKind, {})).toThrow(/Device/);
});
