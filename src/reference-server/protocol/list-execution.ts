import { ScimError } from '../../scim/errors/scim-error.js';
import type { AttributeResolver, AttrPath, Filter } from '../../scim/filter/ast.js';
import { matchesFilter } from '../../scim/filter/filter-evaluator.js';
import { validateFilter } from '../../scim/filter/filter-validation.js';
import {
  compareBySortAttribute,
  compareSortValues,
  projectResource,
  type SchemaRegistry,
  sortKeyOf,
} from '../../scim/schemas/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import type { QuirkSet } from '../quirks.js';
import { withPassword } from '../resources/resource-quirks.js';
import { filterView, type RenderContext, renderResource } from '../resources/resource-renderer.js';
import { RESOURCE_TYPE_CONFIGS } from '../resources/resource-type-config.js';
import { checkFilterSupport, type ServerFeatures } from '../server-modes.js';
import { planQuery } from '../store/query-planner.js';
import type { ResourceTypeName, ScimObject, StoredResource } from '../store/resource-store.js';
import { type CursorCodec, type CursorState, type KeysetPosition, queryDigest } from './cursor.js';
import { indexedList } from './indexed-list.js';
import { filterPaths, type ListQuery } from './list-query.js';

export interface ListDeps {
  render: RenderContext;
  quirks: QuirkSet;
  features: Pick<ServerFeatures, 'filter' | 'sort' | 'cursor'> &
    Partial<Pick<ServerFeatures, 'interopProfile'>>;
  registry: SchemaRegistry;
  /**
   * Cursor pagination (RFC 9865): the server's codec and the credential of the request, which its cursors are bound
   * to. Without it, or in a mode without cursors, a `cursor` parameter is ignored and the list pages by index.
   */
  cursors?: { codec: CursorCodec; actor: string };
}

/**
 * The resolver filters are evaluated with, bent by the case quirks: `username-case-sensitive` and
 * `group-display-name-case-sensitive` compare exactly although the schema says caseExact=false;
 * `external-id-case-insensitive` ignores case although externalId is caseExact=true.
 */
function effectiveResolver(
  resolve: AttributeResolver,
  type: ResourceTypeName,
  quirks: QuirkSet,
): AttributeResolver {
  const caseExactOverride = (name: string): boolean | undefined => {
    if (name === 'userName' && quirks.has('username-case-sensitive')) return true;
    if (name === 'displayName' && type === 'Group' && quirks.has('group-display-name-case-sensitive'))
      return true;
    if (name === 'externalId' && quirks.has('external-id-case-insensitive')) return false;
    return undefined;
  };
  return (path, parent) => {
    const definition = resolve(path, parent);
    const caseExact = definition && parent === undefined ? caseExactOverride(definition.name) : undefined;
    return definition && caseExact !== undefined ? { ...definition, caseExact } : definition;
  };
}

/** Under `filter-precedence-left-to-right`, `a or b and c` becomes `(a or b) and c`. */
function leftToRight(filter: Filter): Filter {
  switch (filter.kind) {
    case 'or': {
      const left = leftToRight(filter.left);
      const right = leftToRight(filter.right);
      if (right.kind !== 'and') return { kind: 'or', left, right };
      return { kind: 'and', left: leftToRight({ kind: 'or', left, right: right.left }), right: right.right };
    }
    case 'and':
      return { kind: 'and', left: leftToRight(filter.left), right: leftToRight(filter.right) };
    case 'not':
      return { kind: 'not', filter: leftToRight(filter.filter) };
    case 'compare':
    case 'present':
    case 'valuePath':
      return filter;
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

/** Under `filter-attribute-names-case-sensitive`, an attribute spelled in another case than the schema's is unknown. */
function checkAttributeNameCase(filter: Filter, resolve: AttributeResolver, quirks: QuirkSet): void {
  if (!quirks.has('filter-attribute-names-case-sensitive')) return;
  for (const path of filterPaths(filter)) {
    const top = resolve(path.uri === undefined ? { attr: path.attr } : { uri: path.uri, attr: path.attr });
    const sub = path.subAttr === undefined ? undefined : resolve(path);
    if ((top && top.name !== path.attr) || (sub && sub.name !== path.subAttr)) {
      throw ScimError.invalidFilter(
        `Unknown attribute "${path.subAttr === undefined ? path.attr : `${path.attr}.${path.subAttr}`}".`,
      );
    }
  }
}

/**
 * draft-zollner-scim-interop-profile-01 §6.3: on a resource-type endpoint, a filter naming an attribute none of the
 * type's schemas defines is `400 invalidFilter` (not a filter that matches nothing). Paths inside a value filter
 * (`emails[type eq "work"]`) are sub-attributes of its attribute.
 */
function checkAttributesDefined(filter: Filter, resolve: AttributeResolver, parent?: AttrPath): void {
  const check = (path: AttrPath) => {
    const full: AttrPath = parent
      ? { ...(parent.uri === undefined ? {} : { uri: parent.uri }), attr: parent.attr, subAttr: path.attr }
      : path;
    const top = resolve(full.uri === undefined ? { attr: full.attr } : { uri: full.uri, attr: full.attr });
    if (top === undefined || (full.subAttr !== undefined && resolve(full) === undefined)) {
      const name = full.subAttr === undefined ? full.attr : `${full.attr}.${full.subAttr}`;
      throw ScimError.invalidFilter(`"${name}" is not an attribute of this resource type (see /Schemas).`);
    }
  };
  switch (filter.kind) {
    case 'compare':
    case 'present':
      check(filter.path);
      return;
    case 'valuePath':
      check(filter.path);
      checkAttributesDefined(filter.filter, resolve, filter.path);
      return;
    case 'and':
    case 'or':
      checkAttributesDefined(filter.left, resolve, parent);
      checkAttributesDefined(filter.right, resolve, parent);
      return;
    case 'not':
      checkAttributesDefined(filter.filter, resolve, parent);
      return;
    default: {
      const unreachable: never = filter;
      throw new TypeError(`unknown filter node ${String(unreachable)}`);
    }
  }
}

async function candidates(
  type: ResourceTypeName,
  filter: Filter | undefined,
  deps: ListDeps,
): Promise<readonly Readonly<StoredResource>[]> {
  const plan = planQuery(filter, type);
  const { store } = deps.render;
  // The externalId index is exact; a case-insensitive externalId has to scan.
  const exactIndex = !(
    plan.kind === 'index' &&
    plan.index === 'externalId' &&
    deps.quirks.has('external-id-case-insensitive')
  );
  return plan.kind === 'index' && exactIndex
    ? store.findByIndex(type, plan.index, plan.value)
    : store.scanReadonly(type);
}

/** Attributes the server derives when rendering (so the stored attributes alone cannot answer a filter on them). */
export function namesDerived(path: AttrPath, valueFilter?: Filter): boolean {
  const attr = path.attr.toLowerCase();
  const sub = path.subAttr?.toLowerCase();
  if (attr === 'groups') return true;
  if (attr === 'members' || attr === 'manager') {
    if (valueFilter !== undefined) return true;
    return sub !== undefined && sub !== 'value';
  }
  return false;
}

export function filterNamesDerived(filter: Filter): boolean {
  switch (filter.kind) {
    case 'compare':
    case 'present':
      return namesDerived(filter.path);
    case 'valuePath':
      return namesDerived(filter.path, filter.filter);
    case 'and':
    case 'or':
      return filterNamesDerived(filter.left) || filterNamesDerived(filter.right);
    case 'not':
      return filterNamesDerived(filter.filter);
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

/** A match the filter or sort looked at: a full rendering when they name derived attributes, else a shallow view. */
interface ViewedMatch {
  stored: Readonly<StoredResource>;
  view: ScimObject;
  rendered: boolean;
}

/**
 * Without a filter or sortBy a match is the stored resource itself, so listing allocates nothing per candidate
 * (a page of 100 out of 100k users would otherwise leave 100k objects of garbage per request).
 */
export type Match = Readonly<StoredResource> | ViewedMatch;

const storedOf = (match: Match): Readonly<StoredResource> => ('stored' in match ? match.stored : match);
const viewOf = (match: Match): ScimObject => ('view' in match ? match.view : {});

/**
 * Runs a list or search over one or more resource types and builds the ListResponse: candidates from the
 * query planner (an index for `id`/`userName`/`externalId` eq, else a scan), the filter evaluated on each
 * rendered candidate, sorted, paged (1-based startIndex, or an RFC 9865 cursor: see {@link cursorPage}), then
 * projected.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2
 */
export async function executeList(
  types: readonly ResourceTypeName[],
  query: ListQuery,
  deps: ListDeps,
): Promise<ScimObject> {
  const { quirks } = deps;
  const matches: Match[] = [];
  const filter =
    query.filter && quirks.has('filter-precedence-left-to-right') ? leftToRight(query.filter) : query.filter;
  for (const type of types) {
    const resolve = effectiveResolver(deps.registry.resolverFor(type), type, quirks);
    if (filter !== undefined) {
      checkAttributeNameCase(filter, resolve, quirks);
      validateFilter(filter, resolve);
      if (deps.features.filter) checkFilterSupport(filter, types, deps.features.filter);
      if (
        types.length === 1 &&
        deps.features.interopProfile === true &&
        !quirks.has('filter-undefined-attribute-matches-nothing')
      ) {
        checkAttributesDefined(filter, resolve);
      }
    }
    // One type with an index that fits: sorted and paged in the store's indexes (indexed-list.ts).
    if (types.length === 1) {
      const served = await indexedList(type, query, filter, resolve, deps);
      if (served !== undefined) return served;
    }
    // Filter and sort on a shallow view; render fully only when they name a derived attribute, and otherwise render
    // just the page, so a page of 100 costs 100 renderings whatever the number of users.
    const needsRendering =
      (filter !== undefined && filterNamesDerived(filter)) ||
      (query.sortBy !== undefined && namesDerived(query.sortBy));
    const needsView = filter !== undefined || query.sortBy !== undefined;
    const options = { resolve, defaultSchema: RESOURCE_TYPE_CONFIGS[type].core.id };
    const hideDisabled = quirks.has('disabled-user-hidden') && type === 'User';
    for (const stored of await candidates(type, filter, deps)) {
      if (hideDisabled && stored.attributes.active === false) continue;
      if (!needsView) {
        matches.push(stored);
        continue;
      }
      const view = needsRendering
        ? await renderResource(stored, deps.render)
        : filterView(stored, deps.render);
      if (filter === undefined || matchesFilter(view, filter, options)) {
        matches.push({ stored, view, rendered: needsRendering });
      }
    }
  }
  const { sortBy } = query;
  // A mode without sorting ignores sortBy, as it says in its ServiceProviderConfig (sort.supported=false).
  if (sortBy !== undefined && !quirks.has('sort-ignored') && deps.features.sort) {
    matches.sort((a, b) =>
      compareBySortAttribute(
        viewOf(a),
        viewOf(b),
        sortBy,
        deps.registry,
        query.sortOrder,
        types.length === 1 ? storedOf(a).resourceType : undefined,
      ),
    );
  }
  if (matches.length === 0 && quirks.has('empty-list-404')) throw ScimError.notFound('No resources found.');
  if (query.cursor !== undefined && deps.features.cursor && deps.cursors !== undefined) {
    return cursorPage(types, query, matches, deps, deps.cursors);
  }
  const offset = quirks.has('start-index-off-by-one') ? query.startIndex : query.startIndex - 1;
  // The `page-size-capped-at-50` quirk: a page never holds more than 50, below the 100 a client may ask for.
  const pageSize = quirks.has('page-size-capped-at-50') ? Math.min(50, query.count) : query.count;
  const page = matches.slice(offset, quirks.has('count-ignored') ? undefined : offset + pageSize);
  return {
    ...(quirks.has('list-schemas-missing') ? {} : { schemas: [SCHEMA_URNS.ListResponse] }),
    totalResults: quirks.has('total-results-page-size') ? page.length : matches.length,
    itemsPerPage: quirks.has('items-per-page-is-count') ? query.count : page.length,
    startIndex: query.startIndex,
    Resources: await renderPage(page, query, deps),
  };
}

/** The page's resources, rendered (unless the filter already did) and projected (RFC 7644 §3.9). */
export async function renderPage(
  page: readonly Match[],
  query: ListQuery,
  deps: ListDeps,
): Promise<ScimObject[]> {
  const { quirks } = deps;
  const projection = {
    ...(query.attributes && !quirks.has('attributes-ignored') ? { attributes: query.attributes } : {}),
    ...(query.excludedAttributes && !quirks.has('excluded-attributes-ignored')
      ? { excludedAttributes: query.excludedAttributes }
      : {}),
  };
  return Promise.all(
    page.map(async (match) => {
      const stored = storedOf(match);
      const resource =
        'rendered' in match && match.rendered ? match.view : await renderResource(stored, deps.render);
      const projected = projectResource(resource, stored.resourceType, projection, deps.registry);
      return deps.quirks.has('password-returned') ? withPassword(projected, resource) : projected;
    }),
  );
}

/**
 * A cursor page's ListResponse (RFC 9865 §2), written once for the indexed and the scanning paths: `page` is the
 * slice served, `total` every match, `remaining` the matches after the page, `after` the position the next cursor
 * resumes from (asked only when there is a next page). With the cursor quirks: a nextCursor on the last page or one
 * page early, unsafe characters, a previousCursor on the first page.
 * @see https://www.rfc-editor.org/rfc/rfc9865#section-2
 */
export async function cursorListResponse(input: {
  page: readonly Match[];
  total: number;
  remaining: number;
  after: () => Pick<CursorState, 'after' | 'offset'>;
  state: CursorState | undefined;
  digest: string;
  query: ListQuery;
  deps: ListDeps;
  cursors: NonNullable<ListDeps['cursors']>;
}): Promise<ScimObject> {
  const { page, query, deps, cursors } = input;
  const { quirks } = deps;
  const hasNext =
    page.length > 0 &&
    (quirks.has('cursor-next-on-last-page') ||
      input.remaining > (quirks.has('cursor-next-off-by-one') ? query.count : 0));
  const alphabet = quirks.has('cursor-unsafe-characters') ? 'unsafe' : 'url-safe';
  const issue = (position: Pick<CursorState, 'after' | 'offset'>) =>
    cursors.codec.encode(
      {
        actor: cursors.actor,
        query: input.digest,
        count: query.count,
        issuedAt: cursors.codec.now(),
        ...position,
      },
      alphabet,
    );
  const nextCursor = hasNext ? issue(input.after()) : undefined;
  // The quirk: a previousCursor on the first page, which RFC 9865 §2 forbids.
  const previousCursor =
    input.state === undefined && quirks.has('cursor-previous-on-first-page')
      ? issue({ offset: 0 })
      : undefined;
  return {
    ...(quirks.has('list-schemas-missing') ? {} : { schemas: [SCHEMA_URNS.ListResponse] }),
    totalResults: quirks.has('total-results-page-size') ? page.length : input.total,
    itemsPerPage: quirks.has('items-per-page-is-count') ? query.count : page.length,
    ...(nextCursor === undefined ? {} : { nextCursor }),
    ...(previousCursor === undefined ? {} : { previousCursor }),
    Resources: await renderPage(page, query, deps),
  };
}

/**
 * The state of the request's cursor (undefined for the first page: an empty cursor), read by the server's codec
 * against the request's credential, query digest and count, with the quirks that mishandle unreadable cursors.
 */
export function readCursorState(
  query: ListQuery,
  deps: ListDeps,
  cursors: NonNullable<ListDeps['cursors']>,
  digest: string,
): CursorState | undefined {
  const { quirks } = deps;
  if (query.cursor === undefined || query.cursor === '') return undefined;
  try {
    return cursors.codec.decode(query.cursor, {
      actor: cursors.actor,
      query: digest,
      count: query.count,
      ignoreActor: quirks.has('cursor-not-token-bound'),
    });
  } catch (error) {
    const unreadable = error instanceof ScimError && error.scimType === 'invalidCursor';
    if (unreadable && quirks.has('cursor-invalid-500')) {
      throw new ScimError(500, undefined, 'Internal server error.');
    }
    // The quirk: an unreadable cursor is taken for the first page.
    if (!(unreadable && quirks.has('cursor-invalid-restarts'))) throw error;
    return undefined;
  }
}

/** The order of resource types in a search over several (POST /.search): Users, then Groups. */
const TYPE_ORDER: Record<ResourceTypeName, number> = { User: 0, Group: 1 };

/** A sortBy value as a cursor can carry it (a primitive, or `null` for none). */
export function keyValue(value: unknown): KeysetPosition['value'] {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/**
 * One page of a cursor-paginated query (RFC 9865 §2). The matches are put in a total order (the sortBy value when
 * sorting applies, then resource type, then id) and the page starts after the position the cursor carries, so a
 * resource created or deleted between requests shifts nothing: each resource that exists throughout the walk is served
 * exactly once. `nextCursor` is included on every page but the last; `previousCursor` is not offered (OPTIONAL).
 * The `cursor-offset-based` quirk pages by offset in the index order instead, as cursors that wrap a startIndex do.
 * @see https://www.rfc-editor.org/rfc/rfc9865#section-2
 */
async function cursorPage(
  types: readonly ResourceTypeName[],
  query: ListQuery,
  matches: readonly Match[],
  deps: ListDeps,
  cursors: NonNullable<ListDeps['cursors']>,
): Promise<ScimObject> {
  const { quirks, registry } = deps;
  const sortBy =
    query.sortBy !== undefined && !quirks.has('sort-ignored') && deps.features.sort
      ? query.sortBy
      : undefined;
  const digest = queryDigest({
    types,
    filter: query.filter ?? null,
    sortBy: sortBy ?? null,
    order: query.sortOrder,
  });
  const offsetBased = quirks.has('cursor-offset-based');
  const keyOf = (match: Match): KeysetPosition => {
    const stored = storedOf(match);
    return {
      ...(sortBy === undefined
        ? {}
        : { value: keyValue(sortKeyOf(viewOf(match), sortBy, registry, stored.resourceType)) }),
      type: stored.resourceType,
      id: stored.id,
    };
  };
  const compareKeys = (a: KeysetPosition, b: KeysetPosition): number => {
    if (sortBy !== undefined) {
      const bySort = compareSortValues(
        a.value ?? undefined,
        b.value ?? undefined,
        sortBy,
        registry,
        query.sortOrder,
        a.type === b.type ? a.type : undefined,
      );
      if (bySort !== 0) return bySort;
    }
    const byType = TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
    if (byType !== 0) return byType;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  // The offset quirk keeps the index order (already sorted by executeList); the keyset order is its own.
  const ordered = matches.map((match) => ({ match, key: keyOf(match) }));
  if (!offsetBased) ordered.sort((a, b) => compareKeys(a.key, b.key));

  const state = readCursorState(query, deps, cursors, digest);
  const after = state?.after;
  let start = 0;
  if (state?.offset !== undefined) start = Math.min(Math.max(0, state.offset), ordered.length);
  else if (after !== undefined) {
    const found = ordered.findIndex((item) => compareKeys(item.key, after) > 0);
    start = found === -1 ? ordered.length : found;
  }
  const slice = ordered.slice(start, quirks.has('count-ignored') ? undefined : start + query.count);
  const last = slice.at(-1);
  return cursorListResponse({
    page: slice.map((item) => item.match),
    total: matches.length,
    remaining: ordered.length - start - slice.length,
    after: () => (offsetBased || last === undefined ? { offset: start + slice.length } : { after: last.key }),
    state,
    digest,
    query,
    deps,
    cursors,
  });
}
