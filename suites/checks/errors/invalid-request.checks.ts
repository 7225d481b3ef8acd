import { isJsonObject } from '../../../src/json/json-guards.js';
import { member } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';

check(
  {
    id: 'errors.malformed-json.returns-400',
    title: 'A body that is not valid JSON answers 400 with a SCIM error',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'errors',
    profiles: ['rfc7644'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 400 (Bad Request) | GET, POST, PUT, PATCH, DELETE | Request is unparsable, syntactically incorrect, or violates schema.',
    fix: 'Catch JSON parse errors and answer 400 (scimType "invalidSyntax" fits), never 500.',
    quirks: ['malformed-json-500', 'error-body-not-scim'],
  },
  async ({ scim, resources }) => {
    // A valid user body cut short: unparsable whatever the target's schema, so nothing can be created.
    const text = JSON.stringify(resources.userBody()).slice(0, -2);
    const exchange = await scim.post('/Users', text);
    await expect(exchange).toBeScimError(400);
    // invalidSyntax is the keyword for it; no keyword at all is allowed too (scimType is OPTIONAL).
    const scimType = member(exchange.response?.json, 'scimType');
    expect([undefined, 'invalidSyntax', 'invalidValue'], 'scimType').toContain(scimType);
  },
);

check(
  {
    id: 'errors.wrong-type.returns-400',
    title: 'An attribute value of the wrong type answers 400 (invalidValue)',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'errors',
    profiles: ['rfc7644'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 400 (Bad Request) | GET, POST, PUT, PATCH, DELETE | Request is unparsable, syntactically incorrect, or violates schema. … invalidValue | A required value was missing, or the value specified was not compatible with the operation or attribute type (see Section 2.2 of [RFC7643]), or resource schema (see Section 4 of [RFC7643]).',
    fix: 'Type-check attribute values against the schema and refuse mismatches with 400 invalidValue instead of storing them.',
    quirks: ['wrong-type-accepted'],
  },
  async ({ scim, resources }) => {
    // `name` is complex (RFC 7643 §4.1.1); a plain string cannot be read as one.
    const body = resources.userBody({ name: 'Barbara Jensen' });
    const exchange = await scim.post('/Users', body);
    const json = exchange.response?.json;
    if (isJsonObject(json) && typeof json.id === 'string' && (exchange.response?.status ?? 0) < 300) {
      resources.track('/Users', json.id, String(body.userName));
    }
    await expect(exchange).toBeScimError(400);
    // invalidValue is the defined keyword; invalidSyntax ("did not conform to the request schema") is defensible.
    expect([undefined, 'invalidValue', 'invalidSyntax'], 'scimType').toContain(member(json, 'scimType'));
  },
);
