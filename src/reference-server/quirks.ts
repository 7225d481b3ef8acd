/**
 * Named non-conformances the reference server can switch on, one by one, so the conformance suites
 * can prove they notice each. Every quirk is something real SCIM servers have been seen doing. This file is the
 * catalogue (names, descriptions, areas); each quirk's behaviour is one entry in `quirks/<area>.ts` (the first area it
 * affects) that fills in the server's named seams (`seams.ts`), composed once when a server starts. The conformant
 * code never names a quirk: it calls the seams, which do nothing by default. Behaviour the RFCs allow (e.g. PATCH
 * answering 204) is deliberately not a quirk.
 * @see ./seams.ts
 * @see https://www.rfc-editor.org/rfc/rfc7644
 */

/** The behaviour areas a quirk can touch; suites use them to pick which quirks a check should catch. */
export const QUIRK_AREAS = [
  'create',
  'read',
  'list',
  'filter',
  'pagination',
  'sort',
  'projection',
  'replace',
  'patch',
  'delete',
  'errors',
  'auth',
  'etag',
  'discovery',
  'bulk',
  'uniqueness',
  'media-type',
  'groups',
  'enterprise',
  'rate-limit',
  'async',
] as const;
export type QuirkArea = (typeof QUIRK_AREAS)[number];

export interface QuirkDefinition {
  name: string;
  description: string;
  affects: readonly QuirkArea[];
}

/** The catalogue: data, so the CLI can list it and the suites can iterate it. */
export const QUIRKS = [
  {
    name: 'create-returns-200',
    description: 'POST answers 200 OK instead of 201 Created.',
    affects: ['create'],
  },
  { name: 'no-location-header', description: 'POST omits the Location header.', affects: ['create'] },
  {
    name: 'client-id-honoured',
    description:
      'An id sent by the client is used: POST creates the resource under it and PUT moves the resource to it.',
    affects: ['create', 'replace'],
  },
  {
    name: 'username-not-required',
    description: 'A User without userName is accepted on POST and PUT instead of 400.',
    affects: ['create', 'replace'],
  },
  {
    name: 'read-only-meta-honoured',
    description: 'meta.created sent by the client on POST, PUT or PATCH is stored instead of ignored.',
    affects: ['create', 'replace', 'patch'],
  },
  {
    name: 'external-id-lowercased',
    description: 'externalId is stored lower-cased (RFC 7643 says caseExact=true).',
    affects: ['create', 'replace', 'patch'],
  },
  {
    name: 'enterprise-extension-dropped',
    description:
      'Enterprise extension attributes are silently dropped on write although /ResourceTypes lists the extension.',
    affects: ['create', 'replace', 'patch', 'enterprise'],
  },
  {
    name: 'multi-valued-keeps-first',
    description:
      'Users keep only the first value of each multi-valued attribute (one email, one phone number).',
    affects: ['create', 'replace', 'patch'],
  },
  {
    name: 'delete-returns-200',
    description: 'DELETE answers 200 OK instead of 204 No Content.',
    affects: ['delete'],
  },
  {
    name: 'created-reset-on-update',
    description: 'meta.created is reset to the time of every update.',
    affects: ['replace', 'patch'],
  },
  {
    name: 'last-modified-not-updated',
    description: 'meta.lastModified keeps its creation value after updates.',
    affects: ['replace', 'patch'],
  },
  {
    name: 'put-creates-missing',
    description: 'PUT to an unknown id creates the resource (upsert) instead of 404.',
    affects: ['replace'],
  },
  {
    name: 'patch-add-replaces-multi-valued',
    description: 'PATCH add to a multi-valued attribute replaces every existing value instead of appending.',
    affects: ['patch'],
  },
  {
    name: 'patch-no-target-ignored',
    description:
      'PATCH operations that select nothing (remove without path, a filter with no match) answer 200 instead of 400 noTarget.',
    affects: ['patch'],
  },
  {
    name: 'patch-read-only-ignored',
    description:
      'PATCH operations on readOnly attributes (id, meta) are skipped and answer 200 instead of 400 mutability.',
    affects: ['patch'],
  },
  {
    name: 'patch-not-atomic',
    description: 'PATCH commits operation by operation: those before a failing operation stay applied.',
    affects: ['patch'],
  },
  {
    name: 'patch-lenient-request',
    description:
      'PATCH accepts a body without the PatchOp URN and skips operations with an unknown op or a malformed path.',
    affects: ['patch'],
  },
  {
    name: 'numeric-error-status',
    description: 'Error bodies carry "status" as a JSON number instead of a string.',
    affects: ['errors'],
  },
  {
    name: 'filter-ignored',
    description: 'List requests ignore the filter parameter.',
    affects: ['filter', 'list'],
  },
  {
    name: 'empty-list-404',
    description: 'A list or filter with no matches answers 404 instead of an empty ListResponse.',
    affects: ['list', 'filter'],
  },
  {
    name: 'start-index-off-by-one',
    description: 'startIndex is treated as 0-based, so the first page skips one resource.',
    affects: ['pagination'],
  },
  {
    name: 'patch-capitalised-ops-rejected',
    description:
      'PATCH rejects "Add"/"Replace"/"Remove" (op names are case-insensitive per RFC 7644 §3.5.2).',
    affects: ['patch'],
  },
  {
    name: 'patch-boolean-strings-rejected',
    description: 'PATCH rejects "True"/"False" strings for boolean attributes, as legacy Entra sends them.',
    affects: ['patch'],
  },
  {
    name: 'members-value-filter-removal-rejected',
    description: 'PATCH remove with path members[value eq "…"] answers 400.',
    affects: ['patch', 'groups'],
  },
  {
    name: 'soft-delete-does-not-delete',
    description: 'DELETE answers 204 but the resource is still returned afterwards.',
    affects: ['delete'],
  },
  {
    name: 'patch-not-applied',
    description: 'PATCH answers 200 with the resource but changes nothing.',
    affects: ['patch'],
  },
  {
    name: 'auth-not-enforced',
    description: 'Requests without valid credentials are served.',
    affects: ['auth'],
  },
  {
    name: 'revoked-key-accepted',
    description: "A deprovisioned user's application key keeps working.",
    affects: ['auth'],
  },
  {
    name: 'deactivate-does-not-revoke',
    description: 'Setting a user active=false leaves its application keys working; only DELETE revokes them.',
    affects: ['auth', 'replace', 'patch'],
  },
  {
    name: 'delete-does-not-revoke',
    description: 'Deleting a user leaves its application keys working.',
    affects: ['auth', 'delete'],
  },
  // Leaver shapes: how a deactivation was sent decides whether the keys go (replay --scenario leaver).
  {
    name: 'keys-revoked-after-delay',
    description:
      "A deprovisioned user's application keys stop working only after a delay (6 minutes unless the server is told otherwise), beyond IPSIE's 5 minutes.",
    affects: ['auth'],
  },
  {
    name: 'keys-survive-string-active',
    description:
      'PATCH active "False" (a string, as the legacy Entra client sends it) deactivates the user but leaves its application keys working.',
    affects: ['auth', 'patch'],
  },
  {
    name: 'keys-survive-path-less-deactivate',
    description:
      'A path-less PATCH replace {"active": false} (the Okta shape) deactivates the user but leaves its application keys working.',
    affects: ['auth', 'patch'],
  },
  {
    name: 'keys-survive-put-deactivate',
    description:
      'A PUT with active=false deactivates the user but leaves its application keys working; PATCH and DELETE revoke them.',
    affects: ['auth', 'replace'],
  },
  {
    name: 'keys-restored-on-reactivate',
    description:
      'Reactivating a deactivated user brings back the application keys it lost when it was deactivated.',
    affects: ['auth', 'patch', 'replace'],
  },
  {
    name: 'service-account-key-revoked-with-user',
    description:
      'Deprovisioning any user also revokes service-account keys (keys tied to their creator, not their owner).',
    affects: ['auth'],
  },
  {
    name: 'username-case-sensitive',
    description:
      'userName is compared case-sensitively in filters and uniqueness (RFC 7643 says caseExact=false).',
    affects: ['filter', 'uniqueness'],
  },
  { name: 'no-etag', description: 'No ETag header and no meta.version.', affects: ['etag'] },
  {
    name: 'if-match-ignored',
    description: 'If-Match and If-None-Match preconditions are ignored.',
    affects: ['etag'],
  },
  {
    name: 'password-returned',
    description: 'The password attribute (returned=never) appears in responses.',
    affects: ['read'],
  },
  {
    name: 'total-results-page-size',
    description: 'totalResults is the size of the page instead of the number of matches.',
    affects: ['pagination'],
  },
  {
    name: 'content-type-json',
    description: 'Responses are labelled application/json instead of application/scim+json.',
    affects: ['media-type'],
  },
  {
    name: 'error-content-type-text-plain',
    description:
      'Error bodies (4xx, 5xx) are SCIM JSON labelled text/plain, as some web frameworks label error pages.',
    affects: ['media-type', 'errors'],
  },
  {
    name: 'missing-www-authenticate',
    description: '401 responses carry no WWW-Authenticate header.',
    affects: ['auth'],
  },
  {
    name: 'disabled-user-hidden',
    description: 'Users with active=false disappear from GET and list results.',
    affects: ['read', 'list'],
  },
  {
    name: 'excluded-attributes-ignored',
    description: 'The excludedAttributes parameter has no effect.',
    affects: ['projection'],
  },
  {
    name: 'attributes-ignored',
    description: 'The attributes parameter has no effect.',
    affects: ['projection'],
  },
  {
    name: 'sort-ignored',
    description: 'sortBy/sortOrder are ignored (results stay in creation order).',
    affects: ['sort'],
  },
  {
    name: 'put-keeps-omitted',
    description: 'PUT merges like PATCH: attributes omitted from the body keep their old values.',
    affects: ['replace'],
  },
  {
    name: 'uniqueness-not-enforced',
    description: 'A duplicate userName or group displayName is accepted instead of 409.',
    affects: ['uniqueness'],
  },
  {
    name: 'bulk-not-supported-but-advertised',
    description: '/ServiceProviderConfig advertises bulk.supported=true but /Bulk answers 501.',
    affects: ['bulk', 'discovery'],
  },
  {
    name: 'no-discovery',
    description: '/ServiceProviderConfig, /ResourceTypes and /Schemas answer 404.',
    affects: ['discovery'],
  },
  {
    name: 'filter-co-as-eq',
    description:
      'A `co` filter is evaluated as `eq`: it answers 200 with the exact matches only (usually none), instead of declining it.',
    affects: ['filter', 'list'],
  },
  {
    name: 'invalid-filter-500',
    description: 'An unparsable filter answers 500 instead of 400 invalidFilter.',
    affects: ['filter', 'errors'],
  },
  { name: 'meta-missing', description: 'Resources are returned without meta.', affects: ['read', 'create'] },
  {
    name: 'schemas-missing',
    description: 'Resources are returned without the schemas attribute.',
    affects: ['read', 'create'],
  },
  {
    name: 'members-not-returned',
    description: 'Groups are returned without members, even when asked for.',
    affects: ['groups', 'read'],
  },
  {
    name: 'manager-string-rejected',
    description: 'A manager given as a bare id string (as Entra sends it) is rejected with 400.',
    affects: ['enterprise', 'patch'],
  },
  {
    name: 'error-body-not-scim',
    description:
      'Errors use a vendor body {"errors":["…"]} instead of the SCIM Error schema (as Datadog does).',
    affects: ['errors'],
  },
  {
    name: 'list-schemas-missing',
    description: 'ListResponse bodies omit the ListResponse schema URN.',
    affects: ['list'],
  },
  {
    name: 'filter-operators-case-sensitive',
    description: 'Filter operators written in upper case ("EQ", "AND") are rejected as invalid.',
    affects: ['filter'],
  },
  {
    name: 'external-id-not-filterable',
    description: 'Filtering on externalId answers 400 invalidFilter.',
    affects: ['filter'],
  },
  {
    name: 'external-id-case-insensitive',
    description: 'externalId is compared case-insensitively in filters (RFC 7643 says caseExact=true).',
    affects: ['filter'],
  },
  {
    name: 'filter-precedence-left-to-right',
    description:
      '"a or b and c" is evaluated left to right as "(a or b) and c" instead of giving "and" precedence.',
    affects: ['filter'],
  },
  {
    name: 'filter-attribute-names-case-sensitive',
    description:
      'Filter attribute names must match the schema case: "USERNAME eq …" answers 400 invalidFilter.',
    affects: ['filter'],
  },
  {
    name: 'group-display-name-case-sensitive',
    description: 'Group displayName is compared case-sensitively in filters (RFC 7643 says caseExact=false).',
    affects: ['filter', 'groups'],
  },
  {
    name: 'count-ignored',
    description: 'The count parameter is ignored: every result from startIndex on is returned.',
    affects: ['pagination'],
  },
  {
    name: 'start-index-below-one-rejected',
    description: 'startIndex less than 1 answers 400 instead of being read as 1.',
    affects: ['pagination'],
  },
  {
    name: 'items-per-page-is-count',
    description: 'itemsPerPage echoes the requested count instead of the number of resources returned.',
    affects: ['pagination'],
  },
  {
    name: 'unknown-member-accepted',
    description:
      'A group member whose value is no existing resource id is stored instead of refused with 400.',
    affects: ['groups'],
  },
  {
    name: 'deleted-user-stays-member',
    description: 'Deleting a user leaves its id in the members of the groups it belonged to.',
    affects: ['groups', 'delete'],
  },
  {
    name: 'user-groups-not-returned',
    description: 'Users are returned without the readOnly groups attribute listing their memberships.',
    affects: ['groups', 'read'],
  },
  {
    name: 'excluded-attributes-drop-always-returned',
    description:
      'excludedAttributes also removes returned:always attributes such as id from single-resource answers.',
    affects: ['projection'],
  },
  {
    name: 'service-provider-config-incomplete',
    description:
      '/ServiceProviderConfig lists only patch, bulk and filter: no sort, etag, changePassword or authenticationSchemes.',
    affects: ['discovery'],
  },
  {
    name: 'max-results-exceeded',
    description:
      '/ServiceProviderConfig advertises filter.maxResults=10 but list pages return up to 1000 resources.',
    affects: ['discovery', 'pagination'],
  },
  {
    name: 'extension-schema-not-served',
    description: '/Schemas omits the enterprise extension schema that /ResourceTypes and resources use.',
    affects: ['discovery', 'enterprise'],
  },
  {
    name: 'discovery-id-ignored',
    description:
      '/Schemas/{id} and /ResourceTypes/{id} ignore the id and answer the whole list (unknown ids too).',
    affects: ['discovery'],
  },
  {
    name: 'schema-attributes-incomplete',
    description:
      '/Schemas attribute definitions omit multiValued (which has no default), caseExact, mutability, returned and uniqueness.',
    affects: ['discovery'],
  },
  {
    name: 'discovery-writes-accepted',
    description:
      'PUT, PATCH and POST on the discovery endpoints answer 200 with the document instead of an error.',
    affects: ['discovery'],
  },
  {
    name: 'discovery-filter-ignored',
    description: 'A filter on /Schemas or /ResourceTypes is silently ignored (200) instead of 403.',
    affects: ['discovery'],
  },
  {
    name: 'malformed-json-500',
    description: 'A request body that is not valid JSON answers 500 instead of 400.',
    affects: ['errors'],
  },
  {
    name: 'wrong-type-accepted',
    description:
      'Attribute values of the wrong type (e.g. a string for the complex name) are stored as sent.',
    affects: ['errors', 'create'],
  },
  {
    name: 'unsupported-method-404',
    description: 'A method an endpoint does not support answers 404 instead of 405 or 501.',
    affects: ['errors'],
  },
  {
    name: 'etag-unquoted',
    description:
      'ETag and meta.version carry a bare number (3), not an entity-tag (W/"3"); If-Match never matches it.',
    affects: ['etag'],
  },
  {
    name: 'etag-not-updated',
    description: 'The ETag and meta.version stay the same after a modification.',
    affects: ['etag'],
  },
  { name: 'me-no-location', description: '/Me answers without a Location header.', affects: ['read'] },
  {
    name: 'me-ignores-subject',
    description: "/Me always answers the admin service account, whoever's key authenticated the request.",
    affects: ['read', 'auth'],
  },
  {
    name: 'bulk-status-numeric',
    description: 'BulkResponse operations carry "status" as a JSON number instead of a string.',
    affects: ['bulk'],
  },
  {
    name: 'bulk-location-missing',
    description: 'BulkResponse operations carry no "location".',
    affects: ['bulk'],
  },
  {
    name: 'bulk-id-not-resolved',
    description: 'References "bulkId:…" in later operations are used verbatim instead of the created id.',
    affects: ['bulk'],
  },
  {
    name: 'bulk-stops-at-first-error',
    description: 'Bulk processing stops at the first failed operation even without failOnErrors.',
    affects: ['bulk'],
  },
  {
    name: 'fail-on-errors-ignored',
    description: 'The failOnErrors attribute is ignored: every operation runs whatever the number of errors.',
    affects: ['bulk'],
  },
  {
    name: 'bulk-max-operations-ignored',
    description:
      'A BulkRequest with more operations than maxOperations is processed instead of answered 413.',
    affects: ['bulk'],
  },
  {
    name: 'bulk-creates-extra-group',
    description:
      'A BulkRequest that creates a group also creates one extra group, named after it with " (copy)", that no response mentions (a side effect seen with circular bulkId references).',
    affects: ['bulk', 'groups'],
  },
  {
    name: 'token-echoed-in-error',
    description: 'A 401 for an unknown token quotes the presented token in the error detail.',
    affects: ['auth', 'errors'],
  },
  {
    name: 'legacy-member-removal-wipes-all',
    description:
      'PATCH remove with path "members" and a value list removes every member, not only the listed ones (Entra legacy shape).',
    affects: ['patch', 'groups'],
  },
  {
    name: 'patch-dotted-keys-ignored',
    description:
      'A path-less PATCH ignores value keys written as paths ("name.givenName", "urn:…:User:department"), as Entra sends them.',
    affects: ['patch'],
  },
  {
    name: 'adscim-group-schema-rejected',
    description: 'POST /Groups rejects the Microsoft ADSCIM schema URI that Entra lists in "schemas" (400).',
    affects: ['create', 'groups'],
  },
  {
    name: 'media-type-parameters-rejected',
    description:
      'A request Content-Type with parameters ("application/scim+json; charset=utf-8") answers 415.',
    affects: ['media-type'],
  },
  {
    name: 'query-plus-not-decoded',
    description:
      'A "+" in the query string is kept literally instead of read as a space, so "filter=userName+eq+…" fails.',
    affects: ['filter', 'list'],
  },
  {
    name: 'put-returns-204',
    description: 'A successful PUT answers 204 No Content without the resource instead of 200 with it.',
    affects: ['replace'],
  },
  {
    name: 'filter-declined-though-claimed',
    description:
      'ServiceProviderConfig claims filter.supported=true, yet every filter (even userName eq) answers 400 invalidFilter.',
    affects: ['filter', 'discovery'],
  },
  {
    name: 'etag-served-though-unclaimed',
    description:
      'ServiceProviderConfig says etag.supported=false, yet ETag headers and meta.version are served.',
    affects: ['etag', 'discovery'],
  },
  {
    name: 'declared-attribute-rejected',
    description:
      '/Schemas declares nickName, yet every create, replace or PATCH that sets it answers 400 invalidValue.',
    affects: ['create', 'replace', 'patch', 'discovery'],
  },
  {
    name: 'mutability-error-on-read-write',
    description: 'A PATCH of title answers 400 mutability although /Schemas declares title readWrite.',
    affects: ['patch', 'discovery'],
  },
  {
    name: 'group-display-name-not-required',
    description: 'A Group without displayName is accepted on POST and PUT instead of 400.',
    affects: ['create', 'replace', 'groups'],
  },
  {
    name: 'patch-value-not-required',
    description:
      'A PATCH add or replace without "value" is skipped and the request answers 200 instead of 400.',
    affects: ['patch'],
  },
  {
    name: 'patch-add-duplicates-value',
    description:
      'PATCH add of a value a multi-valued attribute already holds appends it again (and counts as a modification).',
    affects: ['patch'],
  },
  // RFC 9865 cursor pagination (https://www.rfc-editor.org/rfc/rfc9865).
  {
    name: 'cursor-config-missing-fields',
    description:
      'The ServiceProviderConfig pagination block omits its REQUIRED index and gives cursorTimeout 0 (RFC 9865 §4).',
    affects: ['discovery', 'pagination'],
  },
  {
    name: 'cursor-served-unclaimed',
    description:
      'Cursors are served (nextCursor answers cursor=) but the ServiceProviderConfig has no pagination block (RFC 9865 §4).',
    affects: ['discovery', 'pagination'],
  },
  {
    name: 'cursor-empty-refused',
    description:
      'An empty cursor, the first request of a cursor walk, answers 400 invalidCursor (RFC 9865 §2).',
    affects: ['pagination'],
  },
  {
    name: 'cursor-next-off-by-one',
    description:
      'nextCursor is left out of the page before the last one, ending the walk one page early (RFC 9865 §2).',
    affects: ['pagination'],
  },
  {
    name: 'cursor-next-on-last-page',
    description: 'The last page carries a nextCursor too, which leads to an empty page (RFC 9865 §2).',
    affects: ['pagination'],
  },
  {
    name: 'cursor-previous-on-first-page',
    description: 'The first page of a cursor walk carries a previousCursor (RFC 9865 §2 forbids it).',
    affects: ['pagination'],
  },
  {
    name: 'cursor-unsafe-characters',
    description:
      'Cursors are standard base64 behind a "v1/" prefix, so they hold "/", "+" or "=", outside the unreserved set (RFC 9865 §2).',
    affects: ['pagination'],
  },
  {
    name: 'cursor-invalid-500',
    description: 'An unreadable or forged cursor answers 500 instead of 400 invalidCursor (RFC 9865 §2.1).',
    affects: ['pagination', 'errors'],
  },
  {
    name: 'cursor-invalid-restarts',
    description:
      'An unreadable or forged cursor is taken for the first page (200) instead of 400 invalidCursor (RFC 9865 §2.1).',
    affects: ['pagination', 'errors'],
  },
  {
    name: 'cursor-count-over-max-refused',
    description:
      'A cursor request with count above maxPageSize answers 400 invalidCount instead of a capped page (RFC 9865 §4).',
    affects: ['pagination'],
  },
  {
    name: 'cursor-offset-based',
    description:
      'Cursors wrap an offset, so a resource deleted during a walk makes the next page skip one (RFC 9865 §2).',
    affects: ['pagination'],
  },
  {
    name: 'cursor-search-ignored',
    description:
      'POST .search ignores the cursor in its body and pages by index, with no nextCursor (RFC 9865 §3).',
    affects: ['pagination'],
  },
  {
    name: 'cursor-not-token-bound',
    description:
      'A cursor is honoured with any credential, not only the one it was issued to (RFC 9865 §5.2).',
    affects: ['pagination', 'auth'],
  },
  // draft-zollner-scim-interop-profile-01 (the full mode claims it) and the IPSIE AL SCIM 2.0 profile, draft 00.
  {
    name: 'interop-claim-not-boolean',
    description:
      'ServiceProviderConfig words the interop-profile claim as the string "true" instead of the Boolean true (draft-zollner-scim-interop-profile-01 §4).',
    affects: ['discovery'],
  },
  {
    name: 'resource-type-id-not-name',
    description:
      '/ResourceTypes gives each resource type a lower-case id ("user") unlike its name ("User") (draft-zollner-scim-interop-profile-01 §5.1).',
    affects: ['discovery'],
  },
  {
    name: 'type-canonical-values-missing',
    description:
      '/Schemas leaves canonicalValues out of the type sub-attribute of emails, phoneNumbers and the rest (draft-zollner-scim-interop-profile-01 §5.4).',
    affects: ['discovery'],
  },
  {
    name: 'undefined-attribute-ignored',
    description:
      'A POST or PUT with an attribute or schema URN no schema defines is not refused with 400 invalidSyntax: the attribute is dropped (201), the URN refused as invalidValue (draft-zollner-scim-interop-profile-01 §5.3).',
    affects: ['create', 'replace', 'errors'],
  },
  {
    name: 'filter-undefined-attribute-matches-nothing',
    description:
      'A filter on an attribute no schema of the resource type defines answers 200 with no match instead of 400 invalidFilter (draft-zollner-scim-interop-profile-01 §6.3).',
    affects: ['filter'],
  },
  {
    name: 'page-size-capped-at-50',
    description:
      'List pages hold at most 50 resources whatever the count, below the 100 a client may ask for (draft-zollner-scim-interop-profile-01 §6.4).',
    affects: ['pagination'],
  },
  {
    name: 'patch-operations-limited',
    description:
      'A PATCH with more than 20 operations answers 400, below the 50 member operations IPSIE requires (IPSIE AL SCIM profile draft 00 §6.2.6).',
    affects: ['patch', 'groups'],
  },
  {
    name: 'rate-limit-without-retry-after',
    description:
      'A request over the rate limit answers 429 without a Retry-After header (IPSIE AL SCIM profile draft 00 §4.3).',
    affects: ['rate-limit'],
  },
  // RFC 9967 asynchronous requests (https://www.rfc-editor.org/rfc/rfc9967).
  {
    name: 'async-accept-honoured',
    description:
      'A write sent with Prefer: respond-async and an Accept header that admits no JSON (e.g. application/xml) is refused 406 instead of answered 202: the server negotiates a body the 202 does not have.',
    affects: ['async'],
  },
  {
    name: 'async-response-has-body',
    description:
      'A 202 answer to Prefer: respond-async carries the resource as its body (RFC 9967 §2.5.1.1: no response body).',
    affects: ['async'],
  },
  {
    name: 'async-headers-missing',
    description:
      'A 202 answer to Prefer: respond-async carries neither Set-Txn nor Preference-Applied (RFC 9967 §2.5.1.1, §3).',
    affects: ['async'],
  },
  {
    name: 'async-location-unauthenticated',
    description:
      'The asynchronous result at the Location of a 202 is served without authorization (RFC 9967 §5).',
    affects: ['async', 'auth'],
  },
  // What Okta's SCIM 2.0 client sends and reads (the okta profile), broken the ways real servers break it.
  {
    name: 'paging-fields-as-strings',
    description:
      'ListResponse totalResults, itemsPerPage and startIndex are JSON strings ("3"), as servers that pass a database driver\'s bigint count through (node-postgres returns COUNT(*) as a string) send them.',
    affects: ['pagination', 'list'],
  },
  {
    name: 'path-less-replace-object-ignored',
    description:
      'A PATCH replace without path whose value is an object ({"active": false}) answers 200 but changes nothing, as servers that apply only operations with a path do.',
    affects: ['patch'],
  },
  {
    name: 'put-readonly-echo-rejected',
    description:
      'A PUT that repeats the readOnly id, meta or groups (as a GET-then-PUT client does) answers 400 mutability instead of ignoring them, as strict schema validators do.',
    affects: ['replace'],
  },
  {
    name: 'password-write-rejected',
    description:
      'A POST or PUT carrying password answers 400, as services that authenticate only by SSO and keep no password do.',
    affects: ['create', 'replace'],
  },
  {
    name: 'empty-members-create-rejected',
    description:
      'POST /Groups with "members": [] answers 400, as servers that validate members as a non-empty list do.',
    affects: ['create', 'groups'],
  },
  {
    name: 'users-groups-on-create-rejected',
    description:
      'POST /Users carrying the readOnly groups (even "groups": []) answers 400 mutability instead of ignoring it, as strict schema validators do.',
    affects: ['create', 'groups'],
  },
  {
    name: 'filter-with-paging-broken',
    description:
      'A filtered list pages before it filters: startIndex and count cut the stored resources, and the page holds those of them that match, as servers that run LIMIT/OFFSET in the database and the filter in memory do.',
    affects: ['filter', 'pagination'],
  },
] as const satisfies readonly QuirkDefinition[];

export type QuirkName = (typeof QUIRKS)[number]['name'];

/** The quirks switched on for one server. */
export type QuirkSet = ReadonlySet<QuirkName>;

const QUIRK_NAMES: ReadonlySet<string> = new Set(QUIRKS.map((quirk) => quirk.name));

export function isQuirkName(value: unknown): value is QuirkName {
  return typeof value === 'string' && QUIRK_NAMES.has(value);
}
