/**
 * PATCH `path` cases (RFC 7644 §3.5.2: `PATH = attrPath / valuePath [subAttr]`): the text and either
 * the parsed path (and its canonical text when it differs) or a fragment of the `invalidPath` detail.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
import type { PatchPath } from './ast.js';
import { and, at, CORE_USER, cmp, ENTERPRISE_USER } from './test-support/ast-builders.js';

export type PatchPathCase =
  | { path: string; parsed: PatchPath; canonical?: string; source?: string }
  | { path: string; error: string };

const MEMBER = '2819c223-7f76-453a-919d-413861904646';

export const PATCH_PATH_CASES: PatchPathCase[] = [
  { source: 'RFC 7644 §3.5.2', path: 'members', parsed: { attrPath: at('members') } },
  { source: 'RFC 7644 §3.5.2', path: 'name.familyName', parsed: { attrPath: at('name.familyName') } },
  {
    source: 'RFC 7644 §3.5.2',
    path: 'addresses[type eq "work"]',
    parsed: { attrPath: at('addresses'), valueFilter: cmp('type', 'eq', 'work') },
  },
  {
    source: 'RFC 7644 §3.5.2',
    path: `members[value eq "${MEMBER}"]`,
    parsed: { attrPath: at('members'), valueFilter: cmp('value', 'eq', MEMBER) },
  },
  {
    source: 'RFC 7644 §3.5.2',
    path: `members[value eq "${MEMBER}"].displayName`,
    parsed: { attrPath: at('members'), valueFilter: cmp('value', 'eq', MEMBER), subAttr: 'displayName' },
  },
  {
    source: 'RFC 7644 §3.5.2.3',
    path: 'emails[type eq "work" and value ew "example.com"]',
    parsed: {
      attrPath: at('emails'),
      valueFilter: and(cmp('type', 'eq', 'work'), cmp('value', 'ew', 'example.com')),
    },
  },
  {
    source: 'RFC 7644 §3.5.2.3',
    path: 'addresses[type eq "work"].streetAddress',
    parsed: { attrPath: at('addresses'), valueFilter: cmp('type', 'eq', 'work'), subAttr: 'streetAddress' },
  },
  {
    path: 'emails[type eq "work"].value',
    parsed: { attrPath: at('emails'), valueFilter: cmp('type', 'eq', 'work'), subAttr: 'value' },
  },
  {
    source: 'Entra ID SCIM tutorial',
    path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
    parsed: { attrPath: at('manager', ENTERPRISE_USER) },
  },
  {
    path: 'urn:ietf:params:scim:schemas:core:2.0:User:name.familyName',
    parsed: { attrPath: at('name.familyName', CORE_USER) },
  },
  {
    path: 'urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq "work"].value',
    parsed: { attrPath: at('emails', CORE_USER), valueFilter: cmp('type', 'eq', 'work'), subAttr: 'value' },
  },
  { path: ' Members ', parsed: { attrPath: at('Members') }, canonical: 'Members' },
  {
    path: 'members[Value EQ "x"]',
    parsed: { attrPath: at('members'), valueFilter: cmp('Value', 'eq', 'x') },
    canonical: 'members[Value eq "x"]',
  },
  { path: '', error: 'path is empty' },
  { path: 'members[', error: 'unexpected end of the filter' },
  { path: 'members[value eq "x"', error: 'expected "]" to close the "[" at position 7' },
  { path: 'members]', error: 'unexpected "]" at position 7; expected "[" or the end of the path' },
  { path: 'members[value eq "x"].', error: 'expected a sub-attribute name right after "]."' },
  { path: 'members[value eq "x"].display.name', error: 'expected a sub-attribute name right after "]."' },
  {
    path: 'members[value eq "x"] extra',
    error: 'unexpected "extra" at position 22; expected the end of the path',
  },
  { path: 'members[value eq "x"][type eq "y"]', error: 'expected the end of the path' },
  { path: 'emails[type eq "work" and x[y eq "z"]]', error: 'value paths cannot be nested' },
  { path: 'emails.value[type eq "work"]', error: 'not to the sub-attribute' },
  { path: 'members[value xx "x"]', error: 'unknown operator "xx"' },
  { path: 'name..familyName', error: 'more than one sub-attribute' },
  { path: 'name.family name', error: 'expected "[" or the end of the path' },
  { path: '"members"', error: 'expected an attribute path' },
  { path: 'members pr', error: 'unexpected "pr"' },
];
