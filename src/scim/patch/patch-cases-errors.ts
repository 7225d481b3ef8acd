/**
 * Requests that must fail, one row per rule, with the status and scimType of RFC 7644 §3.12.
 * Every row also proves atomicity: the spec checks that the input resource is unchanged.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 */
import { SCHEMA_URNS } from '../urns.js';
import type { PatchCase } from './test-support/patch-case.js';
import { BABS, BABS_ID, ENTERPRISE, TOUR_GUIDES } from './test-support/patch-fixtures.js';
import { TEST_EXTENSION } from './test-support/test-schemas.js';

const PATCH_OP = [SCHEMA_URNS.PatchOp];
const noTarget = { status: 400, scimType: 'noTarget' } as const;
const invalidPath = { status: 400, scimType: 'invalidPath' } as const;
const mutability = { status: 400, scimType: 'mutability' } as const;
const invalidValue = { status: 400, scimType: 'invalidValue' } as const;
const invalidSyntax = { status: 400, scimType: 'invalidSyntax' } as const;

/** A User row whose single operation must fail with `error`. */
const userFails = (name: string, operation: unknown, error: PatchCase['error']): PatchCase => ({
  name,
  resourceType: 'User',
  before: BABS,
  operations: [operation],
  error,
});

export const ERROR_CASES: PatchCase[] = [
  // invalidSyntax: the message does not follow the PatchOp schema
  { name: 'body is not an object', resourceType: 'User', before: BABS, body: [], error: invalidSyntax },
  {
    name: 'schemas lacks the PatchOp URN',
    resourceType: 'User',
    before: BABS,
    body: { schemas: [SCHEMA_URNS.User], Operations: [{ op: 'remove', path: 'title' }] },
    error: invalidSyntax,
  },
  {
    name: 'schemas is missing',
    resourceType: 'User',
    before: BABS,
    body: { Operations: [{ op: 'remove', path: 'title' }] },
    error: invalidSyntax,
  },
  {
    name: 'Operations is missing',
    resourceType: 'User',
    before: BABS,
    body: { schemas: PATCH_OP },
    error: invalidSyntax,
  },
  {
    name: 'Operations is empty',
    resourceType: 'User',
    before: BABS,
    body: { schemas: PATCH_OP, Operations: [] },
    error: invalidSyntax,
  },
  userFails('an operation is not an object', 'remove title', invalidSyntax),
  userFails('op is missing', { path: 'title', value: 'x' }, invalidSyntax),
  userFails('op is not add, remove or replace', { op: 'move', path: 'title', value: 'x' }, invalidSyntax),
  // noTarget
  userFails('remove without path (§3.5.2.2)', { op: 'remove' }, noTarget),
  userFails(
    'replace with a filter that matches nothing (§3.5.2.3)',
    { op: 'replace', path: 'emails[type eq "home"].value', value: 'babs@jensen.org' },
    noTarget,
  ),
  userFails(
    'add to a filtered path that matches nothing and names no value to create',
    { op: 'add', path: 'emails[type ne "work"].display', value: 'Home' },
    noTarget,
  ),
  // invalidPath
  userFails('path is not a string', { op: 'add', path: 42, value: 'x' }, invalidPath),
  userFails('path is malformed', { op: 'add', path: 'emails[type eq "work"', value: 'x' }, invalidPath),
  userFails(
    'path names an unknown attribute',
    { op: 'replace', path: 'favouriteColour', value: 'blue' },
    invalidPath,
  ),
  userFails(
    'path names an unknown sub-attribute',
    { op: 'replace', path: 'name.nickname', value: 'B' },
    invalidPath,
  ),
  userFails(
    'path names a schema the resource type does not have',
    { op: 'replace', path: 'urn:example:params:scim:schemas:extension:other:2.0:User:x', value: 'y' },
    invalidPath,
  ),
  userFails(
    'a value filter on a single-valued attribute',
    { op: 'replace', path: 'name[givenName eq "B"]', value: {} },
    invalidPath,
  ),
  userFails(
    'a sub-attribute of a multi-valued attribute without filter',
    { op: 'replace', path: 'emails.value', value: 'x' },
    invalidPath,
  ),
  userFails(
    'a path-less value with an unknown attribute',
    { op: 'add', value: { favouriteColour: 'blue' } },
    invalidPath,
  ),
  userFails(
    'a value filter the evaluator rules out',
    { op: 'remove', path: 'emails[primary gt true]' },
    invalidPath,
  ),
  userFails(
    'schemas listing a schema the resource type does not have',
    { op: 'add', value: { schemas: ['urn:x:y'] } },
    invalidValue,
  ),
  userFails(
    'schemas without the core schema',
    { op: 'replace', value: { schemas: [ENTERPRISE] } },
    invalidValue,
  ),
  // mutability
  userFails('replace of readOnly id', { op: 'replace', path: 'id', value: 'other' }, mutability),
  userFails('path-less replace of readOnly id', { op: 'replace', value: { id: 'other' } }, mutability),
  userFails(
    'replace of a readOnly sub-attribute of meta',
    { op: 'replace', path: 'meta.lastModified', value: '2020-01-01T00:00:00Z' },
    mutability,
  ),
  userFails('add to readOnly groups', { op: 'add', path: 'groups', value: [{ value: 'g2' }] }, mutability),
  userFails('remove of required userName (§3.5.2.2)', { op: 'remove', path: 'userName' }, mutability),
  userFails(
    'replace of required userName with null',
    { op: 'replace', path: 'userName', value: null },
    mutability,
  ),
  {
    name: 'replace of an immutable attribute that has a value',
    resourceType: 'User',
    before: { ...BABS, [TEST_EXTENSION]: { employeeCode: 'E-1' } },
    operations: [{ op: 'replace', path: `${TEST_EXTENSION}:employeeCode`, value: 'E-2' }],
    error: mutability,
  },
  {
    name: 'remove of an immutable attribute that has a value',
    resourceType: 'User',
    before: { ...BABS, [TEST_EXTENSION]: { employeeCode: 'E-1' } },
    operations: [{ op: 'remove', path: `${TEST_EXTENSION}:employeeCode` }],
    error: mutability,
  },
  {
    name: 'replace of the immutable value of a member',
    resourceType: 'Group',
    before: TOUR_GUIDES,
    operations: [{ op: 'replace', path: `members[value eq "${BABS_ID}"].value`, value: 'someone-else' }],
    error: mutability,
  },
  {
    name: 'replace of the readOnly displayName of the manager',
    resourceType: 'User',
    before: { ...BABS, [ENTERPRISE]: { manager: { value: 'm1' } } },
    operations: [{ op: 'replace', path: `${ENTERPRISE}:manager.displayName`, value: 'Boss' }],
    error: mutability,
  },
  {
    name: 'remove of a required sub-attribute',
    resourceType: 'User',
    before: { ...BABS, [TEST_EXTENSION]: { badge: { number: '7', issuer: 'HQ' } } },
    operations: [{ op: 'remove', path: `${TEST_EXTENSION}:badge.number` }],
    error: mutability,
  },
  // invalidValue
  userFails('add without value', { op: 'add', path: 'title' }, invalidValue),
  userFails('path-less replace whose value is not an object', { op: 'replace', value: 'Babs' }, invalidValue),
  userFails(
    'remove with a value and a filtered path',
    { op: 'remove', path: 'emails[type eq "work"]', value: [{ value: 'x' }] },
    invalidValue,
  ),
  userFails('a string for a boolean', { op: 'replace', path: 'active', value: 'yes' }, invalidValue),
  userFails('a number for a string', { op: 'replace', path: 'userName', value: 42 }, invalidValue),
  userFails(
    'a fraction for an integer',
    { op: 'add', path: `${TEST_EXTENSION}:badgeNumber`, value: 1.5 },
    invalidValue,
  ),
  userFails(
    'a string for an integer',
    { op: 'add', path: `${TEST_EXTENSION}:badgeNumber`, value: '12' },
    invalidValue,
  ),
  userFails(
    'a string for a decimal',
    { op: 'add', path: `${TEST_EXTENSION}:rating`, value: 'high' },
    invalidValue,
  ),
  userFails(
    'a date that is not xsd:dateTime',
    { op: 'add', path: `${TEST_EXTENSION}:hiredAt`, value: 'yesterday' },
    invalidValue,
  ),
  userFails(
    'binary that is not base64',
    { op: 'add', path: `${TEST_EXTENSION}:photo`, value: 'not base64!' },
    invalidValue,
  ),
  userFails(
    'a string for a complex attribute',
    { op: 'replace', path: 'name', value: 'Babs Jensen' },
    invalidValue,
  ),
  userFails(
    'a string for a multi-valued complex attribute',
    { op: 'add', path: 'emails', value: 'b@example.com' },
    invalidValue,
  ),
  userFails(
    'an unknown sub-attribute in a complex value',
    { op: 'add', path: 'emails', value: [{ value: 'b@x.org', label: 'x' }] },
    invalidValue,
  ),
  userFails(
    'several values for a single-valued attribute',
    { op: 'replace', path: 'title', value: ['a', 'b'] },
    invalidValue,
  ),
  userFails(
    'two primary values in one replace (RFC 7643 §2.4)',
    {
      op: 'replace',
      path: 'emails',
      value: [
        { value: 'a@x.org', primary: true },
        { value: 'b@x.org', primary: true },
      ],
    },
    invalidValue,
  ),
  // atomicity (§3.5.2): a later failure undoes the earlier operations
  {
    name: 'the second operation fails: nothing of the first is applied',
    resourceType: 'User',
    before: BABS,
    operations: [
      { op: 'replace', path: 'displayName', value: 'Barbara' },
      { op: 'replace', path: 'id', value: 'other' },
    ],
    error: mutability,
  },
];
