/**
 * RFC 7644 §3.9 and §3.4.2.5: `attributes` and `excludedAttributes` on GET by id, on lists, and on the resource a POST
 * or PUT answers, with plain, sub-attribute and URN-qualified names (§3.10). Only attributes RFC 7643 marks
 * `returned: default` (emails, name, …) are expected to disappear; `id` is `returned: always`.
 */

import type { ScimExchange } from '../../../src/http/index.js';
import { userPath } from '../../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { listedResources } from '../../support/list-response.js';
import { answered } from '../../support/matchers.js';
import { attributeAt, bodyOf } from '../../support/resource-reading.js';

const ATTRIBUTES =
  'attributes: When specified, the default list of attributes SHALL be overridden, and each resource returned MUST contain the minimum set of resource attributes and any attributes or sub-attributes explicitly requested by the "attributes" parameter. The query parameter attributes value is a comma-separated list of resource attribute names in standard attribute notation (Section 3.10) form (e.g., userName, name, emails).';
const EXCLUDED =
  'excludedAttributes: When specified, each resource returned MUST contain the minimum set of resource attributes. Additionally, the default set of attributes minus those attributes listed in "excludedAttributes" is returned.';
const ANY_OPERATION =
  'Clients MAY request a partial resource representation on any operation that returns a resource within the response by specifying either of the mutually exclusive URL query parameters "attributes" or "excludedAttributes"';
const URN_NAMES =
  'All facets (URN, attribute, and sub-attribute name) of the fully encoded attribute name are case insensitive. … For example, the fully qualified path for a User\'s givenName is "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName".';

/** Asserts which dotted paths a projected resource carries and which it must not. */
function expectShape(
  resource: unknown,
  shape: { present: readonly string[]; absent: readonly string[] },
): void {
  for (const path of shape.present)
    expect(attributeAt(bodyOf(resource), path), `${path} must be returned`).toBeDefined();
  for (const path of shape.absent)
    expect(attributeAt(bodyOf(resource), path), `${path} must not be returned`).toBeUndefined();
}

async function answeredBody(exchange: ScimExchange, ...statuses: number[]): Promise<unknown> {
  await expect(exchange).toHaveStatus(...statuses);
  return answered(exchange).json;
}

interface ByIdRow {
  id: string;
  title: string;
  requirement: string;
  fix: string;
  query: Record<string, string>;
  present: readonly string[];
  absent: readonly string[];
  excluded: boolean;
  /** The row projects enterprise extension attributes: the user is created with them, and the target must list it. */
  enterprise?: boolean;
}

const ENTERPRISE = SCHEMA_URNS.EnterpriseUser;

const BY_ID: readonly ByIdRow[] = [
  {
    id: 'pagination.attributes.get-by-id',
    title:
      'GET /Users/{id}?attributes=displayName returns displayName and id, not the other default attributes',
    requirement: ATTRIBUTES,
    fix: 'Honour `attributes` on GET by id: return the listed attributes plus the returned:always ones (id).',
    query: { attributes: 'displayName' },
    present: ['id', 'displayName'],
    absent: ['emails', 'name'],
    excluded: false,
  },
  {
    id: 'pagination.attributes.sub-attribute',
    title: 'attributes=name.familyName returns that sub-attribute only',
    requirement: ATTRIBUTES,
    fix: 'Accept sub-attribute paths in `attributes` and return only the requested sub-attributes of a complex attribute.',
    query: { attributes: 'name.familyName' },
    present: ['id', 'name.familyName'],
    absent: ['name.givenName', 'emails', 'displayName'],
    excluded: false,
  },
  {
    id: 'pagination.attributes.urn-qualified',
    title: 'attributes accepts URN-qualified names in any case',
    requirement: `${ATTRIBUTES} ${URN_NAMES}`,
    fix: 'Resolve `urn:ietf:params:scim:schemas:core:2.0:User:<attr>` (case-insensitively) like the bare attribute name.',
    query: {
      attributes: `${SCHEMA_URNS.User}:displayName,${SCHEMA_URNS.User.toUpperCase()}:name.familyName`,
    },
    present: ['id', 'displayName', 'name.familyName'],
    absent: ['name.givenName', 'emails'],
    excluded: false,
  },
  {
    id: 'pagination.excluded-attributes.get-by-id',
    title: 'GET /Users/{id}?excludedAttributes=emails leaves out emails and keeps the rest',
    requirement: EXCLUDED,
    fix: 'Honour `excludedAttributes` on GET by id: drop the listed attributes, keep the other default ones.',
    query: { excludedAttributes: 'emails' },
    present: ['id', 'userName', 'name.familyName'],
    absent: ['emails'],
    excluded: true,
  },
  {
    id: 'pagination.excluded-attributes.urn-qualified',
    title: 'excludedAttributes accepts URN-qualified names',
    requirement: `${EXCLUDED} ${URN_NAMES}`,
    fix: 'Resolve URN-qualified names in `excludedAttributes` like the bare attribute name.',
    query: { excludedAttributes: `${SCHEMA_URNS.User}:emails,${SCHEMA_URNS.User}:name.givenName` },
    present: ['id', 'userName', 'name.familyName'],
    absent: ['emails', 'name.givenName'],
    excluded: true,
  },
  {
    id: 'pagination.excluded-attributes.always-returned',
    title: 'excludedAttributes=id has no effect: id is returned:always',
    requirement:
      'excludedAttributes: A multi-valued list of strings indicating the names of resource attributes to be removed from the default set of attributes to return. This parameter SHALL have no effect on attributes whose schema "returned" setting is "always" (see Sections 2.2 and 7 of [RFC7643]).',
    fix: 'Never drop returned:always attributes (id) because of excludedAttributes.',
    query: { excludedAttributes: 'id,emails' },
    present: ['id', 'userName'],
    absent: ['emails'],
    excluded: true,
  },
  {
    id: 'pagination.attributes.extension-paths',
    title:
      'attributes names an extension attribute and an extension sub-attribute by their URN-qualified paths',
    requirement: `${ATTRIBUTES} ${URN_NAMES}`,
    fix: 'Resolve `urn:…:enterprise:2.0:User:department` and `urn:…:enterprise:2.0:User:manager.value` in `attributes`, returning them under the extension object and nothing else of it.',
    query: { attributes: `${ENTERPRISE}:department,${ENTERPRISE}:manager.value` },
    present: ['id', `${ENTERPRISE}:department`, `${ENTERPRISE}:manager.value`],
    absent: ['emails', 'name', `${ENTERPRISE}:costCenter`],
    excluded: false,
    enterprise: true,
  },
  {
    id: 'pagination.excluded-attributes.extension-paths',
    title:
      'excludedAttributes leaves out an extension attribute named by its URN-qualified path and keeps the others',
    requirement: `${EXCLUDED} ${URN_NAMES}`,
    fix: 'Resolve URN-qualified extension paths in `excludedAttributes`: drop `urn:…:enterprise:2.0:User:department`, keep the rest of the extension.',
    query: { excludedAttributes: `${ENTERPRISE}:department` },
    present: ['id', 'userName', `${ENTERPRISE}:costCenter`],
    absent: [`${ENTERPRISE}:department`],
    excluded: true,
    enterprise: true,
  },
];

for (const row of BY_ID) {
  check(
    {
      id: row.id,
      title: row.title,
      level: 'MUST',
      rfc: row.excluded ? 'RFC 7644 §3.9, §3.4.2.5' : 'RFC 7644 §3.9',
      category: 'pagination',
      profiles: ['rfc7644'],
      requirement: row.requirement,
      fix: row.fix,
      quirks:
        row.id === 'pagination.excluded-attributes.always-returned'
          ? ['excluded-attributes-drop-always-returned']
          : [row.excluded ? 'excluded-attributes-ignored' : 'attributes-ignored'],
      ...(row.enterprise ? { requires: ['enterpriseUser'] as const } : {}),
    },
    async ({ scim, resources }) => {
      const manager = row.enterprise ? await resources.createUser() : undefined;
      const user = await resources.createUser(
        manager
          ? {
              schemas: [SCHEMA_URNS.User, ENTERPRISE],
              [ENTERPRISE]: { department: 'Research', costCenter: '4130', manager: { value: manager.id } },
            }
          : {},
      );
      const body = await answeredBody(await scim.get(userPath(user.id), { query: row.query }), 200);
      expectShape(body, row);
    },
  );
}

check(
  {
    id: 'pagination.attributes.list',
    title: 'attributes applies to every resource of a list',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.5, §3.9',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: ATTRIBUTES,
    fix: 'Apply `attributes` to each resource in a ListResponse.',
    requires: ['filter'],
    quirks: ['attributes-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const filter = `userName eq "${String(user.body.userName)}"`;
    const answer = await scim.get('/Users', { query: { filter, attributes: 'userName' } });
    await expect(answer).toHaveStatus(200);
    const listed = listedResources(answer);
    expect(listed.length, 'resources listed').toBe(1);
    expectShape(listed[0], { present: ['id', 'userName'], absent: ['emails', 'name', 'displayName'] });
  },
);

check(
  {
    id: 'pagination.excluded-attributes.list',
    title: 'excludedAttributes applies to every resource of a list',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.5, §3.9',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: EXCLUDED,
    fix: 'Apply `excludedAttributes` to each resource in a ListResponse.',
    requires: ['filter'],
    quirks: ['excluded-attributes-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const filter = `userName eq "${String(user.body.userName)}"`;
    const answer = await scim.get('/Users', { query: { filter, excludedAttributes: 'emails,name' } });
    await expect(answer).toHaveStatus(200);
    const listed = listedResources(answer);
    expect(listed.length, 'resources listed').toBe(1);
    expectShape(listed[0], { present: ['id', 'userName'], absent: ['emails', 'name'] });
  },
);

check(
  {
    id: 'pagination.attributes.post-response',
    title: 'POST /Users?attributes=userName answers the created user projected',
    level: 'MUST',
    rfc: 'RFC 7644 §3.9',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: `${ANY_OPERATION} ${ATTRIBUTES}`,
    fix: 'Apply `attributes` to the resource returned by POST, as to any response carrying a resource.',
    quirks: ['attributes-ignored'],
  },
  async ({ scim, resources }) => {
    const body = resources.userBody();
    const created = await scim.post('/Users', body, { query: { attributes: 'userName' } });
    const id = attributeAt(bodyOf(created.response?.json), 'id');
    if (typeof id === 'string') resources.track('/Users', id, String(body.userName));
    expectShape(await answeredBody(created, 201), {
      present: ['id', 'userName'],
      absent: ['emails', 'name', 'displayName'],
    });
  },
);

check(
  {
    id: 'pagination.attributes.put-response',
    title: 'PUT /Users/{id}?attributes=userName answers the replaced user projected',
    level: 'MUST',
    rfc: 'RFC 7644 §3.9',
    category: 'pagination',
    profiles: ['rfc7644'],
    requirement: `${ANY_OPERATION} ${ATTRIBUTES}`,
    fix: 'Apply `attributes` to the resource returned by PUT, as to any response carrying a resource.',
    quirks: ['attributes-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const replacement = { ...resources.userBody(), userName: user.body.userName, id: user.id };
    const put = await scim.put(userPath(user.id), replacement, {
      query: { attributes: 'userName' },
    });
    expectShape(await answeredBody(put, 200), {
      present: ['id', 'userName'],
      absent: ['emails', 'name', 'displayName'],
    });
  },
);
