/**
 * The reference server's seams: the eighteen named points where its conformant code hands a value it has just
 * computed to an override before acting on it. Every seam does nothing by default (it returns the value it is given), so a
 * server without quirks is the conformant server and nothing else. A quirk is a set of seam overrides (see
 * `quirks/<area>.ts`); the quirks a server is started with are composed once, in catalogue order, into one
 * {@link Seams} object the conformant code calls.
 *
 * A seam is `(value, context) => value`: the value is what the conformant code would use (a result, a plan, a
 * rendered resource, a refusal), the context what an override may need to decide. An override may also throw a
 * `ScimError`, which the server answers like any other.
 * @see ./quirks.ts
 */
import type { ScimError } from '../scim/errors/scim-error.js';
import type { AttributeResolver, Filter } from '../scim/filter/ast.js';
import type { NonCanonicalNote, PatchRequest } from '../scim/patch/patch-request.js';
import type { AuthOutcome } from './credentials/authenticate.js';
import type { CredentialStore, PrincipalRef } from './credentials/credential-store.js';
import type { ScimResult } from './http/scim-result.js';
import type { BulkCall, BulkOperation } from './protocol/bulk.js';
import type { ListLimits, ListQuery, RawListQuery } from './protocol/list-query.js';
import type { ResourceTypeConfig } from './resources/resource-type-config.js';
import type { DiscoveryEndpoint } from './routes/discovery-routes.js';
import type { ResourceTypeName, ScimObject, StoredResource } from './store/resource-store.js';

/** One seam: the value the conformant code computed, and what an override may look at. */
export type Seam<V, C> = (value: V, context: C) => V;

/** The parts of an incoming SCIM request the server reads beside its path and body. */
export interface IncomingRequest {
  method: string;
  params: URLSearchParams;
  contentType: string | null;
  ifNoneMatch: string | null;
}

/** Where an authentication outcome is used: the endpoint, the token presented and the server's key store. */
export interface AccessContext {
  /** The first path segment after the SCIM base (`Users`, `Me`, `AsyncResults`, …). */
  endpoint: string;
  token: string | undefined;
  credentials: CredentialStore;
  /** The built-in admin service account. */
  admin: PrincipalRef;
}

/**
 * The rules a conformant refusal names. Each is one RFC requirement the server enforces by refusing the request;
 * the `refuse` seam sees the refusal before it is raised.
 */
export const REFUSAL_RULES = [
  /** RFC 7644 §3.12: a body that is not JSON (400 invalidSyntax). */
  'body-syntax',
  /** RFC 7644 §3.4.2.2: a filter that does not parse (400 invalidFilter). */
  'filter-syntax',
  /** RFC 7644 §2: a request without valid credentials (401). */
  'unauthenticated',
  /** RFC 7644 §3.12: a method the endpoint does not support (405). */
  'method',
  /** RFC 7643 §2.3: an attribute value of the wrong type (400 invalidValue). */
  'attribute-type',
  /** draft-zollner-scim-interop-profile-01 §5.3: an attribute or schema URN no schema defines (400 invalidSyntax). */
  'undefined-attribute',
  /** RFC 7643 §4.2: a group member that is no existing resource (400 invalidValue). */
  'member',
  /** RFC 7644 §3.3, §3.12: a unique attribute already in use (409 uniqueness). */
  'uniqueness',
  /** RFC 7644 §3.5.1: a PUT body whose id is not the URL's (400 invalidValue). */
  'id-mismatch',
  /** RFC 7644 §3.5.2: a PATCH operation that selects nothing (400 noTarget). */
  'patch-target',
  /** RFC 7644 §3.14: an If-Match that names another version (412). */
  'precondition',
  /** RFC 9865 §2.1: a cursor the server cannot read, or issued for another query or credential (400 invalidCursor). */
  'cursor',
  /** draft-zollner-scim-interop-profile-01 §6.3: a filter on an attribute the resource type does not define (400). */
  'filter-attribute',
  /** RFC 7644 §4: a write to a discovery endpoint, which is read-only (405). */
  'discovery-write',
  /** RFC 7644 §4: a filter on a discovery endpoint (403). */
  'discovery-filter',
  /** RFC 7644 §3.7.4: a BulkRequest with more operations than maxOperations (413). */
  'bulk-size',
] as const;
export type RefusalRule = (typeof REFUSAL_RULES)[number];

/** A refusal the conformant code is about to raise. */
export interface Refusal {
  rule: RefusalRule;
  /** Why, in the rule's own words (for `unauthenticated`: missing, malformed, invalid, revoked). */
  reason?: string;
  /** The credential presented, for a refusal of credentials. */
  token?: string;
}

/** What a successful or failed operation answered, for the `status` seam. */
export type Outcome =
  | { event: 'created' }
  | { event: 'replaced' }
  | { event: 'deleted' }
  | { event: 'me' }
  | { event: 'unauthorized' }
  | { event: 'rate-limited' }
  | {
      event: 'async-accepted';
      completed: ScimResult /** The request's Accept header, which §2.5.1.1 says to ignore. */;
      accept: string | null;
    }
  | { event: 'error'; error: ScimError }
  | { event: 'send' };

/** The seams, by name. */
export interface Seams {
  /** Rewrite request: the query parameters and headers of a SCIM request, before anything reads them. */
  request: Seam<IncomingRequest, { url: URL }>;
  /** Access: the outcome of authenticating a request, before the server acts on it. */
  access: Seam<AuthOutcome, AccessContext>;
  /** Refusal: a conformant refusal, before it is raised; `undefined` lets the request through. */
  refuse: Seam<ScimError | undefined, Refusal>;
  /** Status: the result of an operation (status, headers, body), before it is answered. */
  status: Seam<ScimResult, Outcome>;
  /** ETag: the version shown for a stored one, and its form. */
  etag: Seam<ShownVersion, { stored: number }>;
  /** Render: a SCIM message body the server has built, before it leaves (see {@link RenderStage}). */
  render: Seam<ScimObject, RenderStage>;
  /** Projection: the attributes a request asks for or excludes, before the server projects by them. */
  projection: Seam<Projection, Record<string, never>>;
  /** Rewrite PATCH body: a PATCH body before it is parsed; `apply: false` answers with the resource unchanged. */
  patchBody: Seam<PatchBody, { config: ResourceTypeConfig }>;
  /** Rewrite PATCH: a parsed PATCH request and how it is applied, for the resource it is about to change. */
  patch: Seam<PatchPlan, { config: ResourceTypeConfig; existing: Readonly<StoredResource> }>;
  /** Before write: what a write will store or do (see {@link WritePlan}), before it does it. */
  beforeWrite: Seam<WritePlan, { config: ResourceTypeConfig }>;
  /** Query: a list request as sent (query parameters or SearchRequest members), before it is read. */
  query: Seam<RawListQuery, { source: 'params' | 'search'; limits: ListLimits }>;
  /** Filter: a parsed filter, for one resource type and the resolver it is evaluated with, before it is checked. */
  filter: Seam<Filter, { type: ResourceTypeName; resolve: AttributeResolver }>;
  /** Resolver: the attribute definitions (caseExact, …) filters and uniqueness compare values by. */
  resolver: Seam<AttributeResolver, { type: ResourceTypeName; purpose: 'filter' | 'uniqueness' }>;
  /** Read: a stored resource the server is about to answer with or list; `undefined` hides it. */
  read: Seam<Readonly<StoredResource> | undefined, Record<string, never>>;
  /** Page: where a list page starts in the matches and how many it holds. */
  page: Seam<PageWindow, { query: ListQuery; paging: 'index' | 'cursor' }>;
  /** Cursor: how a cursor-paginated list is served (RFC 9865). */
  cursor: Seam<CursorPlan, { query: ListQuery }>;
  /** Discovery: the documents a discovery endpoint serves, and the id asked for, before one is picked. */
  discovery: Seam<DiscoveryAnswer, { endpoint: DiscoveryEndpoint }>;
  /** Bulk: how a BulkRequest will be run, once it has been read. */
  bulk: Seam<BulkPlan, { operations: readonly BulkOperation[] }>;
}

/** What the render seam is shown. */
export type RenderStage =
  /** A resource as rendered before projection (RFC 7643 §3.1), from what is stored. */
  | { stage: 'resource'; stored: Readonly<StoredResource> }
  /** The shallow view filters and sort keys are evaluated on. */
  | { stage: 'filter-view'; stored: Readonly<StoredResource> }
  /** A resource after projection (RFC 7644 §3.9), in a single-resource answer or a list page. */
  | { stage: 'projected'; rendered: ScimObject; projection: Projection; listed: boolean }
  /**
   * A ListResponse body (RFC 7644 §3.4.2): of resources, for `query` with `matched` matches, or of discovery
   * documents (no query).
   */
  | { stage: 'list'; query?: ListQuery; matched?: number }
  /** The User-shaped `/Me` answer for a service account. */
  | { stage: 'me' }
  /** One BulkResponse operation, for a result of `status`. */
  | { stage: 'bulk-entry'; status: number };

/** A PATCH body as sent, and whether there is anything to apply. */
export interface PatchBody {
  body: unknown;
  apply: boolean;
}

/** How a parsed PATCH request is applied. */
export interface PatchPlan {
  request: PatchRequest;
  /** All operations or none (RFC 7644 §3.5.2); `false` commits them one by one. */
  atomic: boolean;
  /** A `meta.created` to store after the PATCH; none by default (meta is readOnly). */
  created?: string;
}

/** How a write reached a user's `active`: PUT, PATCH (path-less, or with a string value), or DELETE. */
export interface WriteShape {
  method: 'PUT' | 'PATCH' | 'DELETE';
  pathLessActive?: boolean;
  stringActive?: boolean;
}

/**
 * What a write is about to store or do, by kind. Each carries what it was computed from, so an override can decide
 * from the plan alone; an override returns a plan of the same kind.
 */
export type WritePlan =
  /** The attributes a create or replace body yields (RFC 7644 §3.3, §3.5.1), and which must be present. */
  | {
      kind: 'input';
      body: ScimObject;
      mode: 'create' | 'replace';
      existing?: ScimObject;
      attributes: ScimObject;
      required: readonly string[];
      notes: readonly NonCanonicalNote[];
      /** How the server's mode treats a schema URN the type does not support: refused, or ignored. */
      unknownExtensions: 'reject' | 'ignore';
    }
  /** The id and `meta.created` of a created resource (both the server's: RFC 7643 §3.1). */
  | { kind: 'create'; body: unknown; id: string; created?: string }
  /** A PUT: whether a missing resource is created, and an id or `meta.created` to store afterwards. */
  | {
      kind: 'replace';
      body: unknown;
      id: string;
      createIfMissing: boolean;
      moveTo?: string;
      created?: string;
    }
  /** A PATCH result, before it is validated like a PUT body; `apply: false` keeps the resource as it was. */
  | { kind: 'patched'; resource: ScimObject; notes: readonly NonCanonicalNote[]; apply: boolean }
  /** A changed resource, about to be stored. */
  | { kind: 'update'; existing: Readonly<StoredResource>; updated: StoredResource }
  /** A DELETE: whether the resource goes, and whether the groups that list it drop it. */
  | { kind: 'delete'; resource: Readonly<StoredResource>; remove: boolean; dropMemberships: boolean }
  /** A user deactivated or deleted: whether and when its keys are revoked, and whether service accounts' keys go too. */
  | {
      kind: 'deprovision';
      userId: string;
      how: WriteShape;
      revoke: boolean;
      delayMs: number;
      /** The delay the server was configured with for revocations that wait. */
      configuredDelayMs: number;
      serviceAccountsToo: boolean;
    }
  /** A deactivated user reactivated: whether the keys it lost come back. */
  | { kind: 'reactivate'; userId: string; restoreKeys: boolean };

/** Runs a write plan through the before-write seam; an override that changes its kind is a bug of the override. */
export function beforeWrite<P extends WritePlan>(
  seams: Seams,
  plan: P,
  config: ResourceTypeConfig,
): Extract<WritePlan, { kind: P['kind'] }> {
  const result = seams.beforeWrite(plan, { config });
  if (result.kind !== plan.kind) {
    throw new TypeError(`a before-write override turned a ${plan.kind} plan into ${result.kind}`);
  }
  return result as Extract<WritePlan, { kind: P['kind'] }>;
}

/** A list page: the 0-based offset of its first match, and the most it holds (`Infinity`: no bound). */
export interface PageWindow {
  offset: number;
  size: number;
  /**
   * What the window is cut from: the filter's matches (RFC 7644 §3.4.2.4: startIndex is "the 1-based index of the
   * first query result"), or, for a filtered index-paged list of one resource type, the type's resources in their
   * stored order before the filter, the page then holding those of them that match.
   */
  over: 'matches' | 'resources';
}

/** How the server serves RFC 9865 cursors. */
export interface CursorPlan {
  /** Cursors carry a keyset position (a resource deleted during a walk shifts nothing), not an offset. */
  keyset: boolean;
  /** A cursor is honoured only with the credential it was issued to (§5.2). */
  boundToCredential: boolean;
  /** `url-safe`: unreserved characters only (§2); `unsafe`: standard base64. */
  alphabet: 'url-safe' | 'unsafe';
  /** Whether the first page carries a previousCursor (§2 forbids it). */
  previousOnFirstPage: boolean;
  /** Whether a page with `remaining` matches after it, of a walk with this count, carries a nextCursor. */
  hasNext: (remaining: number, count: number) => boolean;
}

/** What a discovery endpoint answers from: its documents (one for /ServiceProviderConfig), and the id in the path. */
export interface DiscoveryAnswer {
  documents: ScimObject[];
  /** The id asked for (`/Schemas/{id}`); absent, the endpoint answers its whole list. */
  id?: string;
}

/** The `attributes` / `excludedAttributes` of a request (RFC 7644 §3.9). */
export interface Projection {
  attributes?: string[];
  excludedAttributes?: string[];
}

/** How a BulkRequest is run (RFC 7644 §3.7). */
export interface BulkPlan {
  /** Errors after which processing stops (`Infinity`: none). */
  failOnErrors: number;
  /** Whether `bulkId:` references are replaced by the ids their operations created. */
  resolveBulkIds: boolean;
  /** Operations run after the request's own and left out of the response; none by default. */
  unreported: readonly BulkCall[];
}

/** The version a server shows for a stored one, and how it writes it. */
export interface ShownVersion {
  version: number;
  /**
   * `entity-tag`: `W/"3"` (RFC 9110 §8.8.3); `bare`: `3`, which no If-Match comparison accepts; `none`: not shown
   * (preconditions are still compared with the version).
   */
  form: 'entity-tag' | 'bare' | 'none';
}

/** Every seam, once: a record, so a seam added to {@link Seams} and not here fails to compile. */
const SEAM_SET: Record<keyof Seams, true> = {
  request: true,
  access: true,
  refuse: true,
  status: true,
  etag: true,
  render: true,
  projection: true,
  patchBody: true,
  patch: true,
  beforeWrite: true,
  query: true,
  filter: true,
  resolver: true,
  read: true,
  page: true,
  cursor: true,
  discovery: true,
  bulk: true,
};
export const SEAM_NAMES = Object.keys(SEAM_SET) as (keyof Seams)[];
export type SeamName = keyof Seams;

/** The seams a quirk fills in. */
export type SeamOverrides = Partial<Seams>;

/** The composed seams of one server, and which of them an override fills (for fast paths that assume the default). */
export interface ComposedSeams extends Seams {
  overridden: ReadonlySet<SeamName>;
}

function pipe<V, C>(steps: Seam<V, C>[]): Seam<V, C> {
  return (value, context) => steps.reduce((current, step) => step(current, context), value);
}

/** Composes overrides, in the order given, into one set of seams; a seam nobody fills returns its value. */
export function composeSeams(overrides: readonly SeamOverrides[]): ComposedSeams {
  const composed: Record<string, unknown> = {};
  const overridden = new Set<SeamName>();
  for (const name of SEAM_NAMES) {
    const steps = overrides.flatMap((override) => (override[name] === undefined ? [] : [override[name]]));
    if (steps.length > 0) overridden.add(name);
    composed[name] = pipe(steps as Seam<unknown, unknown>[]);
  }
  return { ...(composed as unknown as Seams), overridden };
}

/** The conformant server: every seam returns its value. */
export const NO_SEAMS: ComposedSeams = composeSeams([]);
