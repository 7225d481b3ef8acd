import { test } from '@playwright/test';
import { HarnessError } from '../../../src/errors/harness-error.js';
import type { ScimExchange } from '../../../src/http/index.js';
import { mintUserKey } from '../../support/admin-keys.js';
import type { TargetCapabilities } from '../../support/capabilities.js';
import { member, schemaUrnsOf, stringMember } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { unsupportedWhenNotImplemented } from '../../support/unsupported.js';

/** The path of a URL, for comparing locations whose host may differ (a proxy, Datadog's API hosts). */
function pathOf(url: string): string | undefined {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/**
 * RFC 7644 §3.11: "A service provider that does NOT support this feature SHOULD respond with HTTP status code 501 (Not
 * Implemented)": a 501 makes the check `unsupported`. Any other answer the capability probe saw instead of 200 (no /Me
 * at all) skips it, as before.
 */
function answersMe(exchange: ScimExchange, capabilities: TargetCapabilities): void {
  unsupportedWhenNotImplemented(exchange, 'the /Me alias (RFC 7644 §3.11 makes it optional)');
  test.skip(!capabilities.claims.me, `The target does not answer /Me (${capabilities.reasons.me})`);
}

check(
  {
    id: 'me.get.resource',
    title: 'GET /Me answers the authenticated subject as a resource with id and schemas',
    level: 'MAY',
    rfc: 'RFC 7644 §3.11',
    category: 'me',
    profiles: ['rfc7644'],
    requirement:
      'A client MAY use a URL of the form "<base-URI>/Me" as a URI alias for the User or other resource associated with the currently authenticated subject for any SCIM operation. … A service provider MAY process the SCIM request directly.',
    fix: 'Answer GET /Me exactly as GET of the aliased resource: schemas, id, meta and the attributes.',
    quirks: ['schemas-missing'],
  },
  async ({ scim, capabilities }) => {
    const exchange = await scim.get('/Me');
    answersMe(exchange, capabilities);
    await expect(exchange).toHaveStatus(200);
    const body = exchange.response?.json;
    expect(stringMember(body, 'id'), 'id').toBeTruthy();
    expect(schemaUrnsOf(body).length, 'schemas lists the resource schema').toBeGreaterThan(0);
  },
);

check(
  {
    id: 'me.get.location-header',
    title: "GET /Me answers with a Location header naming the aliased resource's permanent location",
    level: 'MUST',
    rfc: 'RFC 7644 §3.11',
    category: 'me',
    profiles: ['rfc7644'],
    requirement:
      'A service provider MAY process the SCIM request directly. In any response, the HTTP "Location" header MUST be the permanent location of the aliased resource associated with the authenticated subject.',
    fix: 'Add Location: <the resource URL> (its meta.location) to every /Me response.',
    quirks: ['me-no-location'],
  },
  async ({ scim, capabilities }) => {
    const exchange = await scim.get('/Me');
    answersMe(exchange, capabilities);
    await expect(exchange).toHaveStatus(200);
    const location = exchange.response?.headers.location;
    expect(location, 'Location header').toBeTruthy();
    const metaLocation = stringMember(member(exchange.response?.json, 'meta'), 'location');
    // Same resource, possibly another host: compare paths only.
    if (location && metaLocation)
      expect(pathOf(location), 'Location vs meta.location').toBe(pathOf(metaLocation));
  },
);

check(
  {
    id: 'me.get.authenticated-subject',
    title: "GET /Me with a user's own key answers that user",
    level: 'MUST',
    rfc: 'RFC 7644 §3.11; RFC 7644 §2',
    category: 'me',
    profiles: ['rfc7644'],
    requirement:
      'A client MAY use a URL of the form "<base-URI>/Me" as a URI alias for the User or other resource associated with the currently authenticated subject for any SCIM operation. (RFC 7644 §2: "the unique client MUST be mapped to a security subject (e.g., User)")',
    fix: 'Resolve /Me from the credential of the request, never from a fixed account.',
    requires: ['me', 'adminApi'],
    quirks: ['me-ignores-subject'],
  },
  async ({ scim, resources, target }) => {
    const user = await resources.createUser();
    const key = await mintUserKey(target, user.id);
    scim.addSecret(key);
    const exchange = await scim.get('/Me', { token: key });
    if (exchange.response?.status === 501) {
      throw new HarnessError(
        'CHECK_PRECONDITION',
        '/Me answers 501 for user keys, so there is no alias to compare',
      );
    }
    await expect(exchange).toHaveStatus(200);
    expect(stringMember(exchange.response?.json, 'id'), "the /Me id is the key owner's").toBe(user.id);
  },
);
