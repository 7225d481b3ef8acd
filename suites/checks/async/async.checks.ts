/**
 * RFC 9967 asynchronous requests, checked only where ServiceProviderConfig advertises `securityEvents.asyncRequest:
 * "request"` (§4; otherwise skipped with the reason): a POST /Users with `Prefer: respond-async` answered 202 with no
 * body whatever its Accept header says (§2.5.1.1), `Set-Txn` (§3), `Preference-Applied`, and a `Location` that needs
 * authorization (§5).
 * @see https://www.rfc-editor.org/rfc/rfc9967
 */
import { HarnessError } from '../../../src/errors/harness-error.js';
import type { ScimClient, ScimExchange } from '../../../src/http/index.js';
import { check } from '../../support/check.js';
import { expect, test } from '../../support/fixtures.js';
import type { ResourceFactory } from '../../support/resource-factory.js';

const RFC = 'RFC 9967';

/**
 * POST /Users with `Prefer: respond-async`. A 202 creates the user behind the answer's back: it is found by userName
 * afterwards and tracked for cleanup.
 */
async function asyncCreate(
  scim: ScimClient,
  resources: ResourceFactory,
  headers: Readonly<Record<string, string>> = {},
): Promise<ScimExchange> {
  const body = resources.userBody();
  const accepted = await scim.post('/Users', body, { headers: { prefer: 'respond-async', ...headers } });
  await test.step(
    'find the user the request created, for cleanup',
    async () => {
      const found = await scim.get('/Users', { query: { filter: `userName eq "${String(body.userName)}"` } });
      const listed = (found.response?.json as { Resources?: { id?: unknown }[] } | undefined)?.Resources;
      for (const resource of listed ?? []) {
        if (typeof resource.id === 'string') resources.track('/Users', resource.id, String(body.userName));
      }
    },
    { box: true },
  );
  return accepted;
}

check(
  {
    id: 'async.respond-async.accepted-without-body',
    title: 'POST with Prefer: respond-async answers 202 Accepted with no body',
    level: 'MUST',
    rfc: `${RFC} §2.5.1.1`,
    category: 'async',
    profiles: ['rfc7644'],
    requirement:
      'Upon receiving a request, the SCIM Service Provider either returns a normal SCIM response or returns HTTP Status 202 (Accepted). The asynchronous response MUST contain no response body.',
    fix: 'Answer a write sent with Prefer: respond-async with 202 and an empty body (the result goes to the Location).',
    requires: ['asyncRequest'],
    quirks: ['async-response-has-body'],
  },
  async ({ scim, resources }) => {
    const accepted = await asyncCreate(scim, resources);
    await expect(accepted, 'the asynchronous POST').toHaveStatus(202);
    expect(accepted.response?.bodyBytes ?? 0, 'bytes of body in the 202').toBe(0);
  },
);

check(
  {
    id: 'async.respond-async.accept-ignored',
    title: 'A 202 to Prefer: respond-async ignores an Accept header that admits no JSON',
    level: 'MUST',
    rfc: `${RFC} §2.5.1.1`,
    category: 'async',
    profiles: ['rfc7644'],
    requirement: 'The HTTP "Accept" header MUST be ignored for purposes of an asynchronous response.',
    fix: 'Answer an asynchronous write with 202 whatever its Accept header says: the 202 has no body to negotiate (never 406).',
    requires: ['asyncRequest'],
    quirks: ['async-accept-honoured'],
  },
  async ({ scim, resources }) => {
    // The RFC lets a provider answer any request synchronously instead, and a synchronous answer may negotiate its body:
    // only a request the target does answer asynchronously shows whether Accept is ignored for that answer.
    const plain = await asyncCreate(scim, resources);
    if (plain.response?.status !== 202)
      throw new HarnessError(
        'CHECK_PRECONDITION',
        `The same POST without an Accept header was answered ${plain.response?.status ?? 'nothing'}, not 202: the target did not process it asynchronously`,
      );
    const accepted = await asyncCreate(scim, resources, { accept: 'application/xml' });
    await expect(accepted, 'the same asynchronous POST with Accept: application/xml').toHaveStatus(202);
  },
);

check(
  {
    id: 'async.respond-async.set-txn',
    title: 'A 202 answer to Prefer: respond-async carries a Set-Txn header',
    level: 'MUST',
    rfc: `${RFC} §3`,
    category: 'async',
    profiles: ['rfc7644'],
    requirement:
      'The header field MUST be used in SCIM Responses when HTTP Status 202 Accepted is being returned with no message body.',
    fix: 'Send Set-Txn (the transaction id the completion event will carry as txn) on every 202.',
    requires: ['asyncRequest'],
    quirks: ['async-headers-missing'],
  },
  async ({ scim, resources }) => {
    const accepted = await asyncCreate(scim, resources);
    await expect(accepted, 'the asynchronous POST').toHaveStatus(202);
    expect(accepted.response?.headers['set-txn']?.trim() ?? '', 'Set-Txn').not.toBe('');
  },
);

check(
  {
    id: 'async.respond-async.preference-applied',
    title: 'A 202 answer to Prefer: respond-async says Preference-Applied: respond-async',
    level: 'SHOULD',
    rfc: `${RFC} §2.5.1.1`,
    category: 'async',
    profiles: ['rfc7644'],
    requirement:
      'The response will also include the HTTP "Preference-Applied" header (RFC 7240) indicating the "respond-async" preference was applied.',
    levelBasis:
      'RFC 9967 says the response "will also include" the header, without a keyword; RFC 7240 §3 lets a server answer preferences silently, so a missing header is graded SHOULD, not MUST.',
    fix: 'Send Preference-Applied: respond-async with the 202.',
    requires: ['asyncRequest'],
    quirks: ['async-headers-missing'],
  },
  async ({ scim, resources }) => {
    const accepted = await asyncCreate(scim, resources);
    await expect(accepted, 'the asynchronous POST').toHaveStatus(202);
    expect(accepted.response?.headers['preference-applied'] ?? '', 'Preference-Applied').toMatch(
      /(^|,)\s*respond-async\b/i,
    );
  },
);

check(
  {
    id: 'async.respond-async.location-needs-authorization',
    title: 'The Location of a 202 answers 401 without credentials, and 2xx with them',
    level: 'MUST',
    rfc: `${RFC} §5`,
    category: 'async',
    profiles: ['rfc7644'],
    requirement:
      'To mitigate, the returned URI endpoint MUST be protected requiring an HTTP Authorization header or some other form of client authentication.',
    fix: 'Serve the asynchronous result (the completion event or the resource) only to an authenticated client.',
    requires: ['asyncRequest'],
    quirks: ['async-location-unauthenticated'],
  },
  async ({ scim, resources }) => {
    const accepted = await asyncCreate(scim, resources);
    await expect(accepted, 'the asynchronous POST').toHaveStatus(202);
    const location = accepted.response?.headers.location;
    expect(location, 'the 202 has a Location').toBeTruthy();
    const url = new URL(String(location), scim.url('/'));
    const base = new URL(scim.url('/'));
    // Credentials are never sent to another origin: a Location elsewhere (a proxy's upstream, another host) leaves
    // nothing this check may ask, so it cannot be evaluated; it is no evidence about the requirement either way.
    if (url.origin !== base.origin) {
      throw new HarnessError(
        'CHECK_PRECONDITION',
        `The 202's Location ${url.origin}${url.pathname} is on another origin than the target (${base.origin}); the harness sends no credentials there`,
      );
    }
    const path = url.pathname.startsWith(base.pathname.replace(/\/$/, ''))
      ? url.pathname.slice(base.pathname.replace(/\/$/, '').length)
      : url.pathname;
    await expect(await scim.get(path, { token: null }), 'GET Location without credentials').toHaveStatus(401);
    await expect(await scim.get(path), 'GET Location with credentials').toHaveStatus(200, 201, 204);
  },
);
