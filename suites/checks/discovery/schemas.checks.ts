import { HarnessError } from '../../../src/errors/harness-error.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { member, schemaUrnsOf, stringMember } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { discoveryEntries } from '../../support/discovery-lists.js';
import { expect } from '../../support/fixtures.js';

const TYPES = ['string', 'boolean', 'decimal', 'integer', 'dateTime', 'reference', 'complex', 'binary'];
const MUTABILITIES = ['readOnly', 'readWrite', 'immutable', 'writeOnly'];
const RETURNED = ['always', 'never', 'default', 'request'];
const UNIQUENESS = ['none', 'server', 'global'];

/** Keyword values compare case-insensitively (RFC 7643 §7: "all schema attributes are case insensitive"). */
function oneOf(value: unknown, allowed: readonly string[]): boolean {
  return (
    typeof value === 'string' && allowed.some((keyword) => keyword.toLowerCase() === value.toLowerCase())
  );
}

/**
 * The characteristics an attribute definition may leave out, with the value it then has (RFC 7643 §2.2: "If not
 * otherwise stated in Section 7, SCIM attributes have the following characteristics"). RFC 7643 §8.7.1's own User
 * schema leaves `uniqueness` out of several attributes. `name` and `multiValued` have no default.
 */
const DEFAULTS = {
  type: 'string',
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
} as const;

/**
 * What is wrong with each attribute definition once RFC 7643 §2.2's defaults are applied, one entry per attribute
 * naming its path (`urn:…:User:name.givenName`) and each characteristic that is missing without a default or invalid.
 */
function definitionProblems(attributes: unknown, path: string): string[] {
  if (!Array.isArray(attributes)) return [`${path}: attributes is not an array`];
  const problems: string[] = [];
  for (const attribute of attributes) {
    const name = stringMember(attribute, 'name');
    const where = `${path}${name ?? '(unnamed)'}`;
    const stated = (characteristic: keyof typeof DEFAULTS): unknown =>
      member(attribute, characteristic) ?? DEFAULTS[characteristic];
    const type = stated('type');
    const wrong: string[] = [];
    const invalid = (characteristic: string, value: unknown, expected: string) =>
      wrong.push(`${characteristic} is ${JSON.stringify(value)}, not ${expected}`);
    if (name === undefined) wrong.push('name is missing (it has no default)');
    if (!oneOf(type, TYPES)) invalid('type', type, `one of ${TYPES.join(', ')}`);
    const multiValued = member(attribute, 'multiValued');
    if (multiValued === undefined) wrong.push('multiValued is missing (it has no default)');
    else if (typeof multiValued !== 'boolean') invalid('multiValued', multiValued, 'a boolean');
    if (typeof stated('required') !== 'boolean') invalid('required', stated('required'), 'a boolean');
    // caseExact only means something for string-like values (RFC 7643 §7: "whether or not a string attribute is case sensitive").
    if (oneOf(type, ['string', 'reference', 'binary']) && typeof stated('caseExact') !== 'boolean') {
      invalid('caseExact', stated('caseExact'), 'a boolean');
    }
    if (!oneOf(stated('mutability'), MUTABILITIES)) {
      invalid('mutability', stated('mutability'), `one of ${MUTABILITIES.join(', ')}`);
    }
    if (!oneOf(stated('returned'), RETURNED)) {
      invalid('returned', stated('returned'), `one of ${RETURNED.join(', ')}`);
    }
    if (!oneOf(type, ['complex']) && !oneOf(stated('uniqueness'), UNIQUENESS)) {
      invalid('uniqueness', stated('uniqueness'), `one of ${UNIQUENESS.join(', ')}`);
    }
    if (wrong.length > 0) problems.push(`${where}: ${wrong.join(', ')}`);
    const subAttributes = member(attribute, 'subAttributes');
    if (subAttributes !== undefined) problems.push(...definitionProblems(subAttributes, `${where}.`));
  }
  return problems;
}

check(
  {
    id: 'discovery.schemas.available',
    title: 'GET /Schemas answers 200',
    level: 'MUST',
    rfc: 'RFC 7644 §4',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'An HTTP GET to the endpoint "/Schemas" SHALL return all supported schemas in ListResponse format (see Figure 3).',
    fix: 'Serve GET {base}/Schemas with a ListResponse of the schemas your resources use (RFC 7643 §7).',
    quirks: ['no-discovery'],
  },
  async ({ scim, capabilities }) => {
    const exchange = await scim.get('/Schemas');
    await expect(exchange, capabilities.findings.join('; ')).toHaveStatus(200);
  },
);

check(
  {
    id: 'discovery.schemas.list-response',
    title: '/Schemas is a valid ListResponse of Schema resources',
    level: 'MUST',
    rfc: 'RFC 7644 §4',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'An HTTP GET to the endpoint "/Schemas" SHALL return all supported schemas in ListResponse format (see Figure 3).',
    fix: 'Wrap the schemas in {"schemas": [ListResponse URN], "totalResults", "Resources": […]}, each a Schema resource.',
    requires: ['discovery'],
    quirks: ['list-schemas-missing'],
  },
  async ({ scim }) => {
    const exchange = await scim.get('/Schemas');
    await expect(exchange).toHaveStatus(200);
    expect(exchange).toMatchScimSchema('ListResponse', { listOf: 'Schema' });
  },
);

check(
  {
    id: 'discovery.schemas.by-id',
    title: 'Each schema is retrievable on its own as /Schemas/{schema URN}',
    level: 'SHOULD',
    rfc: 'RFC 7644 §4',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'Individual schema definitions can be returned by appending the schema URI to the /Schemas endpoint. For example: /Schemas/urn:ietf:params:scim:schemas:core:2.0:User',
    levelBasis:
      'RFC 7644 §4 words retrieving one schema by its URI permissively ("can be returned"), and §3.4.1 lists "/Schemas/{id}" among the resource endpoints a client reads, without an RFC 2119 keyword; graded SHOULD: clients rely on it, but the RFC does not make it a MUST.',
    fix: 'Answer GET /Schemas/{urn} with that single Schema resource (not a ListResponse).',
    requires: ['discovery'],
    quirks: ['discovery-id-ignored'],
  },
  async ({ scim }) => {
    for (const entry of await discoveryEntries(scim, '/Schemas')) {
      const id = stringMember(entry, 'id');
      if (id === undefined) continue;
      // The URN's colons are legal in a path segment; RFC 7644 §4 shows it unencoded.
      const exchange = await scim.get(`/Schemas/${id}`);
      await expect(exchange).toHaveStatus(200);
      expect(
        stringMember(exchange.response?.json, 'id')?.toLowerCase(),
        `GET /Schemas/${id} returns that schema`,
      ).toBe(id.toLowerCase());
    }
  },
);

check(
  {
    id: 'discovery.schemas.unknown-id-404',
    title: 'GET /Schemas/{unknown URN} answers 404',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 404 (Not Found) | GET, POST, PUT, PATCH, DELETE | Specified resource (e.g., User) or endpoint does not exist.',
    fix: 'Answer 404 with a SCIM error for a schema URN you do not serve.',
    requires: ['discovery'],
    quirks: ['discovery-id-ignored'],
  },
  async ({ scim, faker }) => {
    const unknown = `urn:example:params:scim:schemas:${faker.string.alphanumeric({ length: 10, casing: 'lower' })}:2.0:None`;
    await expect(await scim.get(`/Schemas/${unknown}`)).toHaveStatus(404);
  },
);

check(
  {
    id: 'discovery.schemas.attribute-characteristics',
    title:
      "Every attribute definition has a name and multiValued, and valid characteristics once RFC 7643 §2.2's defaults apply",
    level: 'MUST',
    rfc: 'RFC 7643 §7, §2.2',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'Unlike other core resources, the "Schema" resource MAY contain a complex object within a sub-attribute, and all attributes are REQUIRED unless otherwise specified. … name The attribute\'s name. … multiValued A Boolean value indicating the attribute\'s plurality. (RFC 7643 §2.2 gives the other characteristics defaults: "If not otherwise stated in Section 7, SCIM attributes have the following characteristics": required false, caseExact false, mutability readWrite, returned default, uniqueness none, type string.)',
    fix: "Give every attribute and sub-attribute in /Schemas its name and multiValued, and only valid values for the characteristics it states; one left out takes RFC 7643 §2.2's default, so state those that differ (e.g. id: mutability readOnly, returned always).",
    requires: ['discovery'],
    quirks: ['schema-attributes-incomplete'],
  },
  async ({ scim }) => {
    const problems: string[] = [];
    for (const schema of await discoveryEntries(scim, '/Schemas')) {
      problems.push(
        ...definitionProblems(member(schema, 'attributes'), `${stringMember(schema, 'id') ?? '(no id)'}:`),
      );
    }
    expect(
      problems,
      `${problems.length} attribute definitions with missing or invalid characteristics: ${problems.join('; ')}`,
    ).toEqual([]);
  },
);

check(
  {
    id: 'discovery.schemas.resource-schemas-served',
    title: 'Every schema URN a created resource lists is served by /Schemas',
    level: 'MUST',
    rfc: 'RFC 7643 §7, §3, §6',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'For every schema URI used in a resource object, there is a corresponding "Schema" resource. (RFC 7643 §7) The "schemas" attribute for a resource MUST only contain values defined as "schema" and "schemaExtensions" for the resource\'s defined "resourceType". (RFC 7643 §3) schema … This MUST be equal to the "id" attribute of the associated "Schema" resource. … schemaExtensions … schema … This MUST be equal to the "id" attribute of a "Schema" resource. (RFC 7643 §6)',
    fix: 'Serve a Schema resource for each URN your resources put in "schemas", extensions included.',
    requires: ['discovery'],
    quirks: ['extension-schema-not-served'],
  },
  async ({ scim, resources, capabilities, faker }) => {
    // With the enterprise extension when the target claims it, so its URN is exercised too.
    const extension = capabilities.claims.enterpriseUser
      ? {
          schemas: [SCHEMA_URNS.User, SCHEMA_URNS.EnterpriseUser],
          [SCHEMA_URNS.EnterpriseUser]: { employeeNumber: faker.string.numeric(6) },
        }
      : {};
    const user = await resources.createUser(extension);
    const served = new Set(
      (await discoveryEntries(scim, '/Schemas'))
        .map((schema) => stringMember(schema, 'id')?.toLowerCase())
        .filter((id): id is string => id !== undefined),
    );
    const used = schemaUrnsOf(user.body);
    if (used.length === 0) {
      throw new HarnessError(
        'CHECK_PRECONDITION',
        'The created user lists no schemas, so there is nothing to look up',
      );
    }
    expect(
      used.filter((urn) => !served.has(urn)),
      'URNs the user lists that /Schemas does not serve',
    ).toEqual([]);
  },
);
