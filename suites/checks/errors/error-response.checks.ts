import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';

/** An id no target assigned: a fresh UUID-shaped value (ids are opaque, so any string would do). */
function unknownId(faker: { string: { uuid(): string } }): string {
  return faker.string.uuid();
}

check(
  {
    id: 'errors.unknown-user.returns-404',
    title: 'GET /Users/{unknown id} answers 404 with a SCIM error',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'errors',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 404 (Not Found) | GET, POST, PUT, PATCH, DELETE | Specified resource (e.g., User) or endpoint does not exist.',
    fix: 'Answer 404 with a SCIM Error body for an id that does not exist (not 200 with an empty body, 400 or 500).',
    quirks: ['error-body-not-scim', 'numeric-error-status'],
  },
  async ({ scim, faker }) => {
    await expect(await scim.get(`/Users/${unknownId(faker)}`)).toBeScimError(404);
  },
);

check(
  {
    id: 'errors.unknown-group.returns-404',
    title: 'GET /Groups/{unknown id} answers 404 with a SCIM error',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'errors',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 404 (Not Found) | GET, POST, PUT, PATCH, DELETE | Specified resource (e.g., User) or endpoint does not exist.',
    fix: 'Answer 404 with a SCIM Error body for a group id that does not exist.',
    requires: ['groups'],
    quirks: ['error-body-not-scim', 'numeric-error-status'],
  },
  async ({ scim, faker }) => {
    await expect(await scim.get(`/Groups/${unknownId(faker)}`)).toBeScimError(404);
  },
);

check(
  {
    id: 'errors.body.error-schema',
    title: 'Error bodies use the SCIM Error schema URN',
    level: 'MUST',
    rfc: 'RFC 7644 §3.12',
    category: 'errors',
    profiles: ['rfc7644'],
    requirement:
      'In addition to returning an HTTP response code, implementers MUST return the errors in the body of the response in a JSON format, using the attributes described below. Error responses are identified using the following "schema" URI: "urn:ietf:params:scim:api:messages:2.0:Error".',
    fix: 'Return {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "<code>", "detail": "…"} for every error.',
    quirks: ['error-body-not-scim'],
  },
  async ({ scim, faker }) => {
    const exchange = await scim.get(`/Users/${unknownId(faker)}`);
    await expect(exchange).toHaveStatus(404);
    expect(exchange).toMatchScimSchema('Error');
  },
);

check(
  {
    id: 'errors.body.status-string',
    title: 'The error "status" is the HTTP status as a JSON string',
    level: 'MUST',
    rfc: 'RFC 7644 §3.12',
    category: 'errors',
    profiles: ['rfc7644'],
    requirement:
      'status The HTTP status code (see Section 6 of [RFC7231]) expressed as a JSON string. REQUIRED.',
    fix: 'Send "status": "404" (a string equal to the HTTP status), not 404.',
    quirks: ['numeric-error-status', 'error-body-not-scim'],
  },
  async ({ scim, faker }) => {
    const exchange = await scim.get(`/Users/${unknownId(faker)}`);
    await expect(exchange).toHaveStatus(404);
    const body = exchange.response?.json as { status?: unknown } | undefined;
    expect(body?.status, '"status" of the error body').toBe(String(exchange.response?.status));
  },
);

check(
  {
    id: 'errors.body.content-type',
    title: 'Error responses are labelled application/scim+json',
    level: 'MUST',
    rfc: 'RFC 7644 §3.8',
    category: 'errors',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'Service providers MUST support the "Accept" header "Accept: application/scim+json" and SHOULD support the header "Accept: application/json", both of which specify JSON documents conforming to [RFC7159]. The format defaults to "application/scim+json" if no format is specified.',
    fix: 'Label error bodies Content-Type: application/scim+json like every other SCIM response.',
    quirks: ['content-type-json', 'error-content-type-text-plain'],
  },
  async ({ scim, faker }) => {
    const exchange = await scim.get(`/Users/${unknownId(faker)}`);
    await expect(exchange).toHaveStatus(404);
    expect(exchange).toHaveScimContentType();
  },
);

check(
  {
    id: 'errors.unknown-endpoint.returns-404',
    title: 'An endpoint the target does not serve answers 404 with a SCIM error',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'errors',
    profiles: ['rfc7644'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 404 (Not Found) | GET, POST, PUT, PATCH, DELETE | Specified resource (e.g., User) or endpoint does not exist.',
    fix: 'Answer unknown paths under the SCIM base with 404 and a SCIM Error body (not an HTML page).',
    quirks: ['error-body-not-scim'],
  },
  async ({ scim, faker }) => {
    const path = `/NoSuchEndpoint${faker.string.alphanumeric({ length: 8, casing: 'lower' })}`;
    await expect(await scim.get(path)).toBeScimError(404);
  },
);

check(
  {
    id: 'errors.unsupported-method.405-or-501',
    title: 'A method an endpoint does not support answers 405 or 501',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'errors',
    profiles: ['rfc7644'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 501 (Not Implemented) | GET, POST, PUT, PATCH, DELETE | Service provider does not support the request operation, e.g., PATCH.',
    fix: 'Answer a method the endpoint does not support with 405 Method Not Allowed (and an Allow header) or 501.',
    quirks: ['unsupported-method-404'],
  },
  async ({ scim }) => {
    // PATCH on the collection is defined nowhere in RFC 7644 §3.2; an empty operation list keeps it harmless even
    // on a target that accepts it. HTTP's 405 and SCIM's 501 are both correct answers.
    const exchange = await scim.patch('/Users', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [],
    });
    await expect(exchange).toHaveStatus(405, 501);
  },
);
