import { HarnessError } from '../../../src/errors/harness-error.js';
import type { ScimClient } from '../../../src/http/index.js';
import { userPath } from '../../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { member } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import type { CreatedResource } from '../../support/resource-factory.js';

/** RFC 7232 §2.3: `entity-tag = [ weak ] opaque-tag`, `weak = %x57.2F` ("W/"), `opaque-tag = DQUOTE *etagc DQUOTE`. */
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7E\x80-\xFF]*"$/;

const STALE_IF_MATCH =
  'An origin server MUST NOT perform the requested method if a received If-Match condition evaluates to false; instead, the origin server MUST respond with either a) the 412 (Precondition Failed) status code or b) one of the 2xx (Successful) status codes if the origin server has verified that a state change is being requested and the final state is already reflected in the current state of the target resource. (RFC 7232 §3.1, which RFC 7644 §3.14 adopts: "the client MAY supply an If-Match header … to ensure that the requested operation succeeds only if the supplied ETag matches the latest service provider resource")';

/** The ETag a GET of the resource answers with; throws CHECK_PRECONDITION when there is none to work with. */
async function currentEtag(scim: ScimClient, path: string): Promise<string> {
  const exchange = await scim.get(path);
  const etag = exchange.response?.headers.etag;
  if (exchange.response?.status !== 200 || !etag) {
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `GET ${path} answered ${exchange.response?.status ?? exchange.outcome} ${etag ? '' : 'without an ETag'}`,
    );
  }
  return etag;
}

/** Changes the user (a new displayName) so that the ETag read before it is stale; returns the stale tag. */
async function staleEtagOf(scim: ScimClient, user: CreatedResource): Promise<string> {
  const stale = await currentEtag(scim, userPath(user.id));
  const update = await scim.put(userPath(user.id), {
    ...user.body,
    displayName: `${String(user.body.displayName)} II`,
  });
  if (update.response?.status !== 200 && update.response?.status !== 204) {
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `Could not modify the user: PUT answered ${update.response?.status ?? update.outcome}`,
    );
  }
  return stale;
}

check(
  {
    id: 'etag.header.on-get',
    title: 'GET of a single resource carries an ETag header',
    level: 'MUST',
    rfc: 'RFC 7644 §3.14',
    category: 'etag',
    profiles: ['rfc7644'],
    requirement:
      "When supported, SCIM ETags MUST be specified as an HTTP header and SHOULD be specified within the 'version' attribute contained in the resource's 'meta' attribute.",
    fix: 'Send an ETag header with every single-resource response when ServiceProviderConfig claims etag.supported.',
    requires: ['etag'],
    quirks: ['no-etag'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const exchange = await scim.get(userPath(user.id));
    await expect(exchange).toHaveStatus(200);
    expect(exchange.response?.headers.etag, 'ETag header').toBeTruthy();
  },
);

check(
  {
    id: 'etag.meta-version.matches-header',
    title: 'meta.version equals the ETag header',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.14',
    category: 'etag',
    profiles: ['rfc7644'],
    requirement:
      "When supported, SCIM ETags MUST be specified as an HTTP header and SHOULD be specified within the 'version' attribute contained in the resource's 'meta' attribute.",
    fix: 'Put the same entity-tag in meta.version as in the ETag header.',
    requires: ['etag'],
    quirks: ['no-etag'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const exchange = await scim.get(userPath(user.id));
    await expect(exchange).toHaveStatus(200);
    const version = member(member(exchange.response?.json, 'meta'), 'version');
    expect(version, 'meta.version').toBeTruthy();
    expect(version, 'meta.version').toBe(exchange.response?.headers.etag);
  },
);

check(
  {
    id: 'etag.header.entity-tag-syntax',
    title: 'The ETag is a quoted entity-tag, optionally weak (W/"…")',
    level: 'MUST',
    rfc: 'RFC 7644 §3.14; RFC 7232 §2.3',
    category: 'etag',
    profiles: ['rfc7644'],
    requirement:
      "The SCIM protocol supports resource versioning via standard HTTP ETags (Section 2.3 of [RFC7232]). … When supported, SCIM ETags MUST be specified as an HTTP header and SHOULD be specified within the 'version' attribute contained in the resource's 'meta' attribute. (RFC 7232 §2.3: ETag = entity-tag; entity-tag = [ weak ] opaque-tag; opaque-tag = DQUOTE *etagc DQUOTE)",
    fix: 'Quote the tag: ETag: W/"3" or "3", not ETag: 3.',
    requires: ['etag'],
    quirks: ['etag-unquoted'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    expect(await currentEtag(scim, userPath(user.id))).toMatch(ENTITY_TAG);
  },
);

check(
  {
    id: 'etag.if-none-match.not-modified',
    title: 'GET with If-None-Match of the current ETag answers 304 Not Modified',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.14',
    category: 'etag',
    profiles: ['rfc7644'],
    requirement:
      'If the resource has not changed, the service provider simply returns an empty body with a 304 (Not Modified) response code.',
    levelBasis:
      'RFC 7644 §3.14 describes this answer without an RFC 2119 keyword ("simply returns"), and offers conditional retrieval to clients ("clients MAY choose to retrieve the resource only if the resource has been modified") rather than requiring it of servers; RFC 7232 §3.2, the HTTP rule behind it, is stricter. Graded SHOULD.',
    fix: 'Compare If-None-Match with the current ETag (weak comparison) and answer 304 with no body when it matches.',
    requires: ['etag'],
    quirks: ['if-match-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const etag = await currentEtag(scim, userPath(user.id));
    const exchange = await scim.get(userPath(user.id), { headers: { 'if-none-match': etag } });
    await expect(exchange).toHaveStatus(304);
    expect(exchange.response?.bodyText ?? '', 'the 304 body').toBe('');
  },
);

check(
  {
    id: 'etag.if-none-match.modified-returns-200',
    title: 'GET with If-None-Match of an old ETag answers 200 with the resource',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.14; RFC 7232 §2.1',
    category: 'etag',
    profiles: ['rfc7644'],
    requirement:
      'With the returned ETag, clients MAY choose to retrieve the resource only if the resource has been modified. (RFC 7232 §2.1: "An origin server SHOULD change a weak entity-tag whenever it considers prior representations to be unacceptable as a substitute for the current representation.")',
    fix: 'Give every modification a new ETag, so a conditional GET with an old one returns the changed resource.',
    requires: ['etag'],
    quirks: ['etag-not-updated'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const stale = await staleEtagOf(scim, user);
    const exchange = await scim.get(userPath(user.id), { headers: { 'if-none-match': stale } });
    await expect(exchange).toHaveStatus(200);
  },
);

check(
  {
    id: 'etag.version.changes-on-update',
    title: 'The ETag changes when the resource is modified',
    level: 'SHOULD',
    rfc: 'RFC 7232 §2.1; RFC 7644 §3.14',
    category: 'etag',
    profiles: ['rfc7644'],
    requirement:
      'An origin server SHOULD change a weak entity-tag whenever it considers prior representations to be unacceptable as a substitute for the current representation. (RFC 7644 §3.14: "Service providers MAY support weak ETags as the preferred mechanism for performing conditional retrievals and ensuring that clients do not inadvertently overwrite each other\'s changes, respectively.")',
    fix: 'Derive the ETag from the resource version (or a hash of its content) so every change produces a new tag.',
    requires: ['etag'],
    quirks: ['etag-not-updated'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const stale = await staleEtagOf(scim, user);
    expect(await currentEtag(scim, userPath(user.id)), 'ETag after the PUT').not.toBe(stale);
  },
);

check(
  {
    id: 'etag.if-match.stale-put-412',
    title: 'PUT with a stale If-Match answers 412 and changes nothing',
    level: 'MUST',
    rfc: 'RFC 7644 §3.14; RFC 7232 §3.1',
    category: 'etag',
    profiles: ['rfc7644'],
    requirement: STALE_IF_MATCH,
    fix: 'Evaluate If-Match before a PUT and answer 412 Precondition Failed when the tag is not the current one.',
    requires: ['etag'],
    quirks: ['if-match-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const stale = await staleEtagOf(scim, user);
    const exchange = await scim.put(
      userPath(user.id),
      { ...user.body, displayName: 'Overwritten By A Stale Writer' },
      { headers: { 'if-match': stale } },
    );
    await expect(exchange).toHaveStatus(412);
  },
);

check(
  {
    id: 'etag.if-match.stale-patch-412',
    title: 'PATCH with a stale If-Match answers 412',
    level: 'MUST',
    rfc: 'RFC 7644 §3.14; RFC 7232 §3.1',
    category: 'etag',
    profiles: ['rfc7644'],
    requirement: STALE_IF_MATCH,
    fix: 'Evaluate If-Match before a PATCH and answer 412 Precondition Failed when the tag is not the current one.',
    requires: ['etag', 'patch'],
    quirks: ['if-match-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const stale = await staleEtagOf(scim, user);
    const exchange = await scim.patch(
      userPath(user.id),
      {
        schemas: [SCHEMA_URNS.PatchOp],
        Operations: [{ op: 'replace', path: 'displayName', value: 'Stale Patch' }],
      },
      { headers: { 'if-match': stale } },
    );
    await expect(exchange).toHaveStatus(412);
  },
);

check(
  {
    id: 'etag.if-match.stale-delete-412',
    title: 'DELETE with a stale If-Match answers 412 and keeps the resource',
    level: 'MUST',
    rfc: 'RFC 7644 §3.14; RFC 7232 §3.1',
    category: 'etag',
    profiles: ['rfc7644'],
    requirement: STALE_IF_MATCH,
    fix: 'Evaluate If-Match before a DELETE too (RFC 7644 §3.12 lists 412 for DELETE) and keep the resource when it fails.',
    requires: ['etag'],
    quirks: ['if-match-ignored'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const stale = await staleEtagOf(scim, user);
    const exchange = await scim.delete(userPath(user.id), { headers: { 'if-match': stale } });
    await expect(exchange).toHaveStatus(412);
    await expect(await scim.get(userPath(user.id)), 'the user is still there').toHaveStatus(200);
  },
);

check(
  {
    id: 'etag.if-match.current-succeeds',
    title: 'PUT with the current ETag in If-Match succeeds',
    level: 'MUST',
    rfc: 'RFC 7644 §3.14',
    category: 'etag',
    profiles: ['rfc7644'],
    requirement:
      'If the service provider supports versioning of resources, the client MAY supply an If-Match header (Section 3.1 of [RFC7232]) for PUT and PATCH operations to ensure that the requested operation succeeds only if the supplied ETag matches the latest service provider resource, e.g., If-Match: W/"e180ee84f0671b1".',
    levelBasis:
      'RFC 7644 §3.14 words If-Match for the client (it MAY supply one) and states its purpose: the operation "succeeds only if the supplied ETag matches the latest service provider resource". Graded MUST because a server claiming etag support that refuses its own current ETag makes every conditional write fail.',
    fix: 'Accept the ETag you issued back in If-Match (weak tags compare by their opaque part).',
    requires: ['etag'],
    quirks: ['etag-unquoted'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const etag = await currentEtag(scim, userPath(user.id));
    const exchange = await scim.put(
      userPath(user.id),
      { ...user.body, displayName: `${String(user.body.displayName)} Jr` },
      { headers: { 'if-match': etag } },
    );
    await expect(exchange).toHaveStatus(200, 204);
  },
);
