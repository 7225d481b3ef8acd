import { expect, test } from '@playwright/test';
import type { Finding } from '../findings.js';
import {
  RFC7643_GROUP,
  RFC7643_MINIMAL_USER,
  RFC7643_SERVICE_PROVIDER_CONFIG,
  RFC7643_USER_RESOURCE_TYPE,
  RFC7644_BULK_REQUEST,
  RFC7644_BULK_RESPONSE,
  RFC7644_ERROR,
  RFC7644_LIST_RESPONSE,
  RFC7644_PATCH_ADD_MEMBERS,
  RFC7644_PATCH_REMOVE_MEMBER,
  RFC7644_SEARCH_REQUEST,
} from '../test-support/rfc-examples.js';
import { variant } from '../test-support/variant.js';
import { SCHEMA_URNS } from '../urns.js';
import type { MessageKind } from './message-json-schemas.js';
import { validateMessage, validateResource } from './validators.js';

const EXT = SCHEMA_URNS.EnterpriseUser;

type Check = () => Finding[];
const user = (change: (copy: Record<string, unknown>) => void) =>
  validateResource('User', variant(RFC7643_MINIMAL_USER, change));
const setMeta = (key: string, value: unknown) => (copy: Record<string, unknown>) => {
  copy.meta = { ...(copy.meta as object), [key]: value };
};
const message = (kind: MessageKind, base: object, change: (copy: Record<string, unknown>) => void) =>
  validateMessage(kind, variant(base, change));
const firstOperation =
  (change: (operation: Record<string, unknown>) => void) => (copy: Record<string, unknown>) => {
    change((copy.Operations as Record<string, unknown>[])[0]!);
  };

const invalidCases: { name: string; check: Check; expected: Partial<Finding> }[] = [
  {
    name: 'active as a string',
    check: () => user((copy) => (copy.active = 'true')),
    expected: { path: 'active', rule: 'type', message: 'active must be a boolean, got the string "true"' },
  },
  {
    name: 'userName missing',
    check: () => user((copy) => delete copy.userName),
    expected: { path: 'userName', rule: 'required', message: 'userName is required but missing' },
  },
  {
    name: 'userName null',
    check: () => user((copy) => (copy.userName = null)),
    expected: { path: 'userName', rule: 'type', message: 'userName must be a string, got null' },
  },
  {
    name: 'id missing from a response',
    check: () => user((copy) => delete copy.id),
    expected: { path: 'id', rule: 'required' },
  },
  {
    name: 'meta missing from a response',
    check: () => user((copy) => delete copy.meta),
    expected: { path: 'meta', rule: 'required' },
  },
  {
    name: 'meta.created is not a date',
    check: () => user(setMeta('created', 'yesterday')),
    expected: { path: 'meta.created', rule: 'format', message: 'got the string "yesterday"' },
  },
  {
    name: 'meta.lastModified is February 30',
    check: () => user(setMeta('lastModified', '2024-02-30T10:00:00Z')),
    expected: { path: 'meta.lastModified', rule: 'format' },
  },
  {
    name: 'meta.created with a space for T',
    check: () => user(setMeta('created', '2024-05-07 14:01:02Z')),
    expected: { path: 'meta.created', rule: 'format' },
  },
  {
    name: 'meta.created with 10 fractional digits',
    check: () => user(setMeta('created', '2024-05-07T14:01:02.1234567891Z')),
    expected: { path: 'meta.created', rule: 'format' },
  },
  {
    // Proves ajv-formats is loaded through the ESM default-export interop.
    name: 'meta.location that is not a URI reference',
    check: () => user(setMeta('location', 'https://example.com/Users/a b')),
    expected: { path: 'meta.location', rule: 'format', message: 'meta.location must be a URI reference' },
  },
  {
    name: 'emails as an object',
    check: () => user((copy) => (copy.emails = { value: 'a@example.com' })),
    expected: { path: 'emails', rule: 'type', message: 'emails must be an array, got an object' },
  },
  {
    name: 'emails[0].primary as a string',
    check: () => user((copy) => (copy.emails = [{ value: 'a@example.com', primary: 'yes' }])),
    expected: {
      path: 'emails[0].primary',
      rule: 'type',
      message: 'emails[0].primary must be a boolean, got the string "yes"',
    },
  },
  {
    name: 'schemas without the core URN',
    check: () => user((copy) => (copy.schemas = [EXT])),
    expected: { path: 'schemas', rule: 'schemas', severity: 'error' },
  },
  {
    name: 'schemas repeating a URN',
    check: () => user((copy) => (copy.schemas = [SCHEMA_URNS.User, SCHEMA_URNS.User])),
    expected: { path: 'schemas', rule: 'uniqueItems' },
  },
  {
    name: 'extension attributes without the extension URN in schemas',
    check: () => user((copy) => (copy[EXT] = { employeeNumber: '1' })),
    expected: {
      path: 'schemas',
      rule: 'schemas',
      message: `schemas must list "${EXT}", because the resource has attributes of that extension`,
    },
  },
  {
    name: 'manager.value as a number',
    check: () =>
      user((copy) => {
        copy.schemas = [SCHEMA_URNS.User, EXT];
        copy[EXT] = { manager: { value: 42 } };
      }),
    expected: { path: `${EXT}:manager.value`, rule: 'type' },
  },
  {
    name: 'password in a response, without its value in the message',
    check: () => user((copy) => (copy.password = 't1meMa$heen')),
    expected: {
      path: 'password',
      rule: 'returned',
      message: 'password is "returned": "never" (RFC 7643 §2.2) but the response contains it',
    },
  },
  {
    name: 'x509Certificates value that is not base64',
    check: () => user((copy) => (copy.x509Certificates = [{ value: 'not base64!' }])),
    expected: { path: 'x509Certificates[0].value', rule: 'format' },
  },
  {
    name: 'group member value as a number',
    check: () =>
      validateResource(
        'Group',
        variant(RFC7643_GROUP, (copy) => (copy.members = [{ value: 7 }])),
      ),
    expected: { path: 'members[0].value', rule: 'type' },
  },
  {
    name: 'group without displayName',
    check: () =>
      validateResource(
        'Group',
        variant(RFC7643_GROUP, (copy) => delete copy.displayName),
      ),
    expected: { path: 'displayName', rule: 'required' },
  },
  {
    name: 'service provider config without etag',
    check: () =>
      validateResource(
        'ServiceProviderConfig',
        variant(RFC7643_SERVICE_PROVIDER_CONFIG, (copy) => delete copy.etag),
      ),
    expected: { path: 'etag', rule: 'required' },
  },
  {
    name: 'bulk.maxOperations as a string',
    check: () =>
      validateResource(
        'ServiceProviderConfig',
        variant(
          RFC7643_SERVICE_PROVIDER_CONFIG,
          (copy) => (copy.bulk = { supported: true, maxOperations: '1000', maxPayloadSize: 1 }),
        ),
      ),
    expected: {
      path: 'bulk.maxOperations',
      rule: 'type',
      message: 'bulk.maxOperations must be an integer, got the string "1000"',
    },
  },
  {
    name: 'resource type without endpoint',
    check: () =>
      validateResource(
        'ResourceType',
        variant(RFC7643_USER_RESOURCE_TYPE, (copy) => delete copy.endpoint),
      ),
    expected: { path: 'endpoint', rule: 'required' },
  },
  {
    name: 'Error status as a number',
    check: () => message('Error', RFC7644_ERROR, (copy) => (copy.status = 400)),
    expected: { path: 'status', rule: 'type', message: 'status must be a string, got the number 400' },
  },
  {
    name: 'Error status that is not a status code',
    check: () => message('Error', RFC7644_ERROR, (copy) => (copy.status = 'Bad Request')),
    expected: {
      path: 'status',
      rule: 'pattern',
      message:
        'status must be an HTTP status code written as a string, e.g. "400" (RFC 7644 §3.12), got the string "Bad Request"',
    },
  },
  {
    name: 'Error with an unknown scimType',
    check: () => message('Error', RFC7644_ERROR, (copy) => (copy.scimType = 'badRequest')),
    expected: { path: 'scimType', rule: 'enum', message: 'got the string "badRequest"' },
  },
  {
    name: 'Datadog-style error body',
    check: () => validateMessage('Error', { errors: ['Bad Request'] }),
    expected: { path: 'schemas', rule: 'required' },
  },
  {
    name: 'ListResponse without totalResults',
    check: () => message('ListResponse', RFC7644_LIST_RESPONSE, (copy) => delete copy.totalResults),
    expected: { path: 'totalResults', rule: 'required', message: 'totalResults is required but missing' },
  },
  {
    name: 'ListResponse with results but no Resources',
    check: () => message('ListResponse', RFC7644_LIST_RESPONSE, (copy) => delete copy.Resources),
    expected: { path: 'Resources', rule: 'required' },
  },
  {
    name: 'ListResponse with a negative totalResults',
    check: () => message('ListResponse', RFC7644_LIST_RESPONSE, (copy) => (copy.totalResults = -1)),
    expected: { path: 'totalResults', rule: 'minimum' },
  },
  {
    name: 'ListResponse with the wrong schema URN',
    check: () =>
      message('ListResponse', RFC7644_LIST_RESPONSE, (copy) => (copy.schemas = [SCHEMA_URNS.User])),
    expected: {
      path: 'schemas',
      rule: 'schemas',
      message: `schemas must include "${SCHEMA_URNS.ListResponse}", got ["${SCHEMA_URNS.User}"]`,
    },
  },
  {
    name: 'PatchOp with an unknown op',
    check: () =>
      message(
        'PatchOp',
        RFC7644_PATCH_ADD_MEMBERS,
        firstOperation((op) => (op.op = 'move')),
      ),
    expected: {
      path: 'Operations[0].op',
      rule: 'pattern',
      message:
        'Operations[0].op must be "add", "remove" or "replace" (RFC 7644 §3.5.2), got the string "move"',
    },
  },
  {
    name: 'PatchOp remove without path',
    check: () =>
      message(
        'PatchOp',
        RFC7644_PATCH_REMOVE_MEMBER,
        firstOperation((op) => delete op.path),
      ),
    expected: { path: 'Operations[0].path', rule: 'required' },
  },
  {
    name: 'PatchOp add without value',
    check: () =>
      message(
        'PatchOp',
        RFC7644_PATCH_ADD_MEMBERS,
        firstOperation((op) => delete op.value),
      ),
    expected: { path: 'Operations[0].value', rule: 'required' },
  },
  {
    name: 'PatchOp without operations',
    check: () => message('PatchOp', RFC7644_PATCH_ADD_MEMBERS, (copy) => (copy.Operations = [])),
    expected: { path: 'Operations', rule: 'minItems' },
  },
  {
    name: 'SearchRequest with an unknown sortOrder',
    check: () => message('SearchRequest', RFC7644_SEARCH_REQUEST, (copy) => (copy.sortOrder = 'up')),
    expected: { path: 'sortOrder', rule: 'enum' },
  },
  {
    name: 'BulkRequest POST without bulkId',
    check: () =>
      message(
        'BulkRequest',
        RFC7644_BULK_REQUEST,
        firstOperation((op) => delete op.bulkId),
      ),
    expected: { path: 'Operations[0].bulkId', rule: 'required' },
  },
  {
    name: 'BulkResponse status as a number',
    check: () =>
      message(
        'BulkResponse',
        RFC7644_BULK_RESPONSE,
        firstOperation((op) => (op.status = 201)),
      ),
    expected: { path: 'Operations[0].status', rule: 'type' },
  },
  {
    name: 'BulkResponse success without location',
    check: () =>
      message(
        'BulkResponse',
        RFC7644_BULK_RESPONSE,
        firstOperation((op) => delete op.location),
      ),
    expected: { path: 'Operations[0].location', rule: 'required' },
  },
  {
    name: 'a resource that is not an object',
    check: () => validateResource('User', 'bjensen'),
    expected: { path: '', rule: 'type', message: 'the message must be an object, got the string "bjensen"' },
  },
];

for (const row of invalidCases) {
  test(`invalid: ${row.name}`, () => {
    const findings = row.check();
    const { message: text, ...rest } = row.expected;
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'error', ...rest }));
    if (text !== undefined) {
      const matching = findings.filter((finding) => finding.path === row.expected.path);
      expect(matching.map((finding) => finding.message).join('\n')).toContain(text);
    }
  });
}
