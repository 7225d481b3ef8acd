import { isJsonObject } from '../../../src/json/json-guards.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { member, resourcesOf, schemaUrnsOf } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect, test } from '../../support/fixtures.js';

/** RFC 7643 §5: the complex features every ServiceProviderConfig carries, each with a boolean `supported`. */
const FEATURES = ['patch', 'bulk', 'filter', 'changePassword', 'sort', 'etag'] as const;
/** RFC 7643 §5: the integer limits that are REQUIRED beside `supported`. */
const LIMITS = [
  ['bulk', 'maxOperations'],
  ['bulk', 'maxPayloadSize'],
  ['filter', 'maxResults'],
] as const;

check(
  {
    id: 'discovery.service-provider-config.available',
    title: 'GET /ServiceProviderConfig answers 200 with a JSON object',
    level: 'MUST',
    rfc: 'RFC 7644 §4',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'This endpoint SHALL return responses with a JSON object using a "schemas" attribute of "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig".',
    fix: 'Serve GET {base}/ServiceProviderConfig with the RFC 7643 §5 document, so clients can discover optional features.',
    quirks: ['no-discovery'],
  },
  async ({ scim, capabilities }) => {
    // No `requires`: a target without discovery is still tested, and this is where its absence is reported.
    const exchange = await scim.get('/ServiceProviderConfig');
    await expect(exchange, capabilities.findings.join('; ')).toHaveStatus(200);
    expect(isJsonObject(exchange.response?.json), 'the body is a JSON object').toBe(true);
  },
);

check(
  {
    id: 'discovery.service-provider-config.schemas-urn',
    title: 'The ServiceProviderConfig lists its schema URN in "schemas"',
    level: 'MUST',
    rfc: 'RFC 7644 §4',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'This endpoint SHALL return responses with a JSON object using a "schemas" attribute of "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig".',
    fix: 'Add "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"] to the document.',
    requires: ['discovery'],
    quirks: ['schemas-missing'],
  },
  async ({ scim }) => {
    const exchange = await scim.get('/ServiceProviderConfig');
    await expect(exchange).toHaveStatus(200);
    expect(schemaUrnsOf(exchange.response?.json)).toContain(SCHEMA_URNS.ServiceProviderConfig.toLowerCase());
  },
);

check(
  {
    id: 'discovery.service-provider-config.valid',
    title: 'The ServiceProviderConfig is valid against its RFC 7643 schema',
    level: 'MUST',
    rfc: 'RFC 7643 §5',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'The attributes returned in the JSON object are defined in Section 5 of [RFC7643]. (RFC 7644 §4; RFC 7643 §5 marks patch, bulk, filter, changePassword, sort, etag and authenticationSchemes REQUIRED.)',
    fix: 'Return every REQUIRED attribute of RFC 7643 §5 with the types it defines (booleans, integers, the scheme list).',
    requires: ['discovery'],
    quirks: ['service-provider-config-incomplete'],
  },
  async ({ scim }) => {
    const exchange = await scim.get('/ServiceProviderConfig');
    await expect(exchange).toHaveStatus(200);
    expect(exchange).toMatchScimSchema('ServiceProviderConfig');
  },
);

check(
  {
    id: 'discovery.service-provider-config.features-declared',
    title: 'Every feature (patch, bulk, filter, changePassword, sort, etag) is declared with its limits',
    level: 'MUST',
    rfc: 'RFC 7643 §5',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'patch A complex type that specifies PATCH configuration options. REQUIRED. … supported A Boolean value specifying whether or not the operation is supported. REQUIRED. (likewise bulk with maxOperations and maxPayloadSize, filter with maxResults, changePassword, sort and etag)',
    fix: 'Declare each feature object with a boolean "supported", even for features you do not support, and the integer limits bulk.maxOperations, bulk.maxPayloadSize and filter.maxResults.',
    requires: ['discovery'],
    quirks: ['service-provider-config-incomplete'],
  },
  async ({ scim }) => {
    const exchange = await scim.get('/ServiceProviderConfig');
    await expect(exchange).toHaveStatus(200);
    const config = exchange.response?.json;
    const problems: string[] = [];
    for (const feature of FEATURES) {
      const entry = member(config, feature);
      if (!isJsonObject(entry)) problems.push(`${feature} is missing`);
      else if (typeof member(entry, 'supported') !== 'boolean')
        problems.push(`${feature}.supported is not a boolean`);
    }
    for (const [feature, limit] of LIMITS) {
      const value = member(member(config, feature), limit);
      if (typeof value !== 'number' || !Number.isInteger(value))
        problems.push(`${feature}.${limit} is not an integer`);
    }
    expect(problems, 'missing or mistyped ServiceProviderConfig attributes').toEqual([]);
  },
);

check(
  {
    id: 'discovery.service-provider-config.authentication-schemes',
    title: 'authenticationSchemes lists at least one scheme with type, name and description',
    level: 'MUST',
    rfc: 'RFC 7643 §5',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'authenticationSchemes A multi-valued complex type that specifies supported authentication scheme properties. … REQUIRED. The following sub-attributes are defined: type The authentication scheme. … REQUIRED. name The common authentication scheme name, e.g., HTTP Basic. REQUIRED. description A description of the authentication scheme. REQUIRED.',
    fix: 'List the schemes clients authenticate with, e.g. {"type": "oauthbearertoken", "name": "OAuth Bearer Token", "description": "…"}.',
    requires: ['discovery'],
    quirks: ['service-provider-config-incomplete'],
  },
  async ({ scim }) => {
    const exchange = await scim.get('/ServiceProviderConfig');
    await expect(exchange).toHaveStatus(200);
    const schemes = member(exchange.response?.json, 'authenticationSchemes');
    // An empty array is "unassigned" (RFC 7643 §2.5), so it does not satisfy REQUIRED.
    expect(Array.isArray(schemes) && schemes.length > 0, 'authenticationSchemes is a non-empty array').toBe(
      true,
    );
    const problems: string[] = [];
    (Array.isArray(schemes) ? schemes : []).forEach((scheme, index) => {
      for (const name of ['type', 'name', 'description']) {
        const value = member(scheme, name);
        if (typeof value !== 'string' || value.trim() === '')
          problems.push(`authenticationSchemes[${index}].${name}`);
      }
    });
    expect(problems, 'sub-attributes missing or not strings').toEqual([]);
  },
);

check(
  {
    id: 'discovery.service-provider-config.max-results-honoured',
    title: 'A list asking for more than filter.maxResults gets at most maxResults resources',
    level: 'SHOULD',
    rfc: 'RFC 7643 §5',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'maxResults An integer value specifying the maximum number of resources returned in a response.',
    levelBasis:
      'RFC 7643 §5 defines maxResults as "the maximum number of resources returned in a response" without an RFC 2119 keyword on the server (its REQUIRED is about advertising the attribute); graded SHOULD: a larger page makes the advertised maximum false, which the definition implies but does not word as a MUST.',
    fix: 'Cap every page at the filter.maxResults you advertise, or advertise the limit you actually apply.',
    requires: ['discovery', 'filter'],
    quirks: ['max-results-exceeded'],
  },
  async ({ scim, resources, capabilities, target, faker }) => {
    const max = capabilities.filterMaxResults;
    test.skip(max === undefined || max < 0, 'filter.maxResults is not advertised as a non-negative integer');
    if (max === undefined) return;
    let exchange: Awaited<ReturnType<typeof scim.get>>;
    if (max <= 50) {
      // Small enough to exceed with resources of our own, selected by a run-tagged prefix.
      const prefix = `${target.runId}.maxres.${faker.string.alphanumeric({ length: 6, casing: 'lower' })}.`;
      for (let index = 0; index <= max; index += 1) {
        await resources.createUser({ userName: `${prefix}${index}@example.com` });
      }
      exchange = await scim.get('/Users', {
        query: { filter: `userName sw "${prefix}"`, count: String(max + 1) },
      });
    } else {
      // Too large to create; an unfiltered page still shows a violation when the tenant holds more than max.
      exchange = await scim.get('/Users', { query: { count: String(max + 1), startIndex: '1' } });
    }
    const json = exchange.response?.json;
    if (exchange.response?.status === 400 && member(json, 'scimType') === 'tooMany') return;
    await expect(exchange).toHaveStatus(200);
    expect(resourcesOf(json).length, `Resources returned with count=${max + 1}`).toBeLessThanOrEqual(max);
  },
);
